import { ValidationError, quoteValue } from '../errors';
import { checkModelKind } from '../scores/readModel';
import type { ClusterModel } from './ClusterModel';
import { transformValue } from './transformFields';

/**
 * Places one customer in the nearest cluster of a fitted model, without the population: the
 * serverless form of `clusterCustomers`.
 *
 * @param model - From `clusterCustomers`.
 * @param customer - The customer's features (every field the model was fitted on).
 * @returns The cluster index and its English name.
 * @throws {ValidationError} when a field is missing or not a finite number, or -1 or less on a field the model takes log1p of.
 * @throws {ModelError} for a model of another kind.
 *
 * @example
 * ```ts
 * import { assignCluster, clusterCustomers } from 'clientele/cluster';
 * const customer = (customerId: string, daysSinceLastPurchase: number, orders: number, monetaryTotal: number) => ({ customerId, daysSinceLastPurchase, orders, monetaryTotal });
 * const { model } = clusterCustomers([customer('a', 3, 20, 2000), customer('b', 5, 18, 1800), customer('c', 300, 1, 20), customer('d', 280, 1, 35)], { k: 2, seed: 7 });
 * assignCluster(model, customer('new', 2, 25, 2200)).name; // => 'frequent, recent, high spend'
 * ```
 * @category Clustering
 */
export function assignCluster(model: ClusterModel, customer: object): { readonly cluster: number; readonly name: string } {
  checkModelKind('assignCluster', model, 'cluster');
  if (typeof customer !== 'object' || customer === null) {
    throw new ValidationError('assignCluster', [{ index: 0, path: [], code: 'invalid_type', message: `expected an object of customer features, received ${quoteValue(customer)}` }], 1, 1);
  }
  const point = model.transforms.map((transform) => {
    const value = (customer as Record<string, unknown>)[transform.field];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ValidationError('assignCluster', [{ index: 0, path: [transform.field], code: 'invalid_value', message: `expected a finite number, received ${quoteValue(value)}` }], 1, 1);
    }
    const transformed = transformValue(transform, value);
    if (!Number.isFinite(transformed)) {
      // log1p of -1 or less: the model was fitted on values above -1 (net refunds were not in its population).
      throw new ValidationError('assignCluster', [{ index: 0, path: [transform.field], code: 'out_of_range', message: `expected a value above -1 (the model takes log(1 + x) of ${transform.field}), received ${quoteValue(value)}` }], 1, 1);
    }
    return transformed;
  });
  let best = 0;
  let bestDistance = Infinity;
  model.centroids.forEach((centroid, cluster) => {
    let distance = 0;
    for (let d = 0; d < point.length; d++) distance += ((point[d] as number) - (centroid[d] as number)) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = cluster;
    }
  });
  return { cluster: best, name: (model.names[best] as { en: string }).en };
}
