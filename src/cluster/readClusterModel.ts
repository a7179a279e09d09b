import * as z from 'zod/mini';
import { ModelError } from '../errors';
import { isNumericFeature } from '../features/featureCatalogue';
import { readModel } from '../scores/readModel';
import type { ClusterModel } from './ClusterModel';

const finite = z.number().check(z.refine(Number.isFinite, { message: 'expected a finite number' }));
const names = z.object({ en: z.string(), zh: z.string(), es: z.string() });

/** The zod schema of a stored cluster model (version 1); `readClusterModel` applies it and checks that its parts agree. */
const clusterModelSchema = z.object({
  kind: z.literal('cluster'),
  version: z.literal(1),
  scaling: z.enum(['zscore', 'robust', 'none']),
  transforms: z
    .array(z.object({ field: z.string().check(z.refine(isNumericFeature, { message: 'expected a numeric feature such as "monetaryTotal"' })), log1p: z.boolean(), center: finite, scale: finite.check(z.gt(0)) }))
    .check(z.minLength(1), z.maxLength(100)),
  centroids: z.array(z.array(finite)).check(z.minLength(1), z.maxLength(50)),
  names: z.array(names),
  inertia: finite.check(z.gte(0)),
  fittedOn: z.int().check(z.gte(1)),
});

/**
 * Reads a stored cluster model back and checks it: its fields, and that it has one name per
 * centroid and one coordinate per field in every centroid. What a function that places one
 * customer per request (`assignCluster`) loads first.
 *
 * @param value - What `JSON.parse` gave for a model `clusterCustomers` returned.
 * @returns The model, frozen.
 * @throws {ModelError} `model_kind_mismatch`, `model_version_unsupported` or `invalid_model` naming the field.
 *
 * @example
 * ```ts
 * import { assignCluster, clusterCustomers, readClusterModel } from 'clientele/cluster';
 * const customer = (customerId: string, daysSinceLastPurchase: number, orders: number, monetaryTotal: number) => ({ customerId, daysSinceLastPurchase, orders, monetaryTotal });
 * const { model } = clusterCustomers([customer('a', 3, 20, 2000), customer('b', 5, 18, 1800), customer('c', 300, 1, 20), customer('d', 280, 1, 35)], { k: 2, seed: 7 });
 * const stored = readClusterModel(JSON.parse(JSON.stringify(model)));
 * assignCluster(stored, customer('new', 300, 1, 25)).cluster === assignCluster(model, customer('new', 300, 1, 25)).cluster; // => true
 * ```
 * @category Clustering
 */
export function readClusterModel(value: unknown): ClusterModel {
  const model = readModel<ClusterModel>('readClusterModel', clusterModelSchema, value, 'cluster');
  const invalid = (path: (string | number)[], message: string): ModelError => new ModelError('invalid_model', `readClusterModel found an invalid model at ${path.join('.')}: ${message}`, 'cluster', path);
  if (model.names.length !== model.centroids.length) throw invalid(['names'], `expected one name per centroid (${model.centroids.length}), received ${model.names.length}`);
  model.centroids.forEach((centroid, index) => {
    if (centroid.length !== model.transforms.length) throw invalid(['centroids', index], `expected one coordinate per field (${model.transforms.length}), received ${centroid.length}`);
  });
  const fields = model.transforms.map((transform) => transform.field);
  fields.forEach((field, index) => {
    if (fields.indexOf(field) !== index) throw invalid(['transforms', index, 'field'], `the field "${field}" appears twice`);
  });
  return model;
}
