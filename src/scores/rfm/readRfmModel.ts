import * as z from 'zod/mini';
import { ModelError } from '../../errors';
import { isNumericFeature } from '../../features/featureCatalogue';
import { readModel } from '../readModel';
import type { RfmModel } from './RfmModel';

const finite = z.number();
const range = z.tuple([finite, finite]);
const texts = z.object({ en: z.string(), zh: z.string(), es: z.string() });
const numericField = z.string().check(z.refine(isNumericFeature, { message: 'expected the name of a numeric feature' }));
const dimension = z.object({ field: numericField, higherIsBetter: z.boolean(), breakpoints: z.array(finite) });

/** The zod schema of a stored RFM model (version 1). */
export const rfmModelSchema = z.object({
  kind: z.literal('rfm'),
  version: z.literal(1),
  bins: z.int().check(z.gte(3), z.lte(10)),
  method: z.enum(['quantile', 'fixed']),
  dimensions: z.object({ recency: dimension, frequency: dimension, monetary: dimension }),
  weights: z
    .object({ recency: finite.check(z.gte(0), z.lte(1e6)), frequency: finite.check(z.gte(0), z.lte(1e6)), monetary: finite.check(z.gte(0), z.lte(1e6)) })
    .check(z.refine((weights) => weights.recency + weights.frequency + weights.monetary > 0, { message: 'expected at least one positive weight' })),
  segments: z.array(z.object({ id: z.string(), r: range, fm: range, label: texts, action: texts })).check(z.minLength(1)),
  fittedOn: z.int().check(z.gte(0)),
});

/**
 * Reads a stored RFM model back (from JSON, a database, a KV store) and checks it, so a
 * serverless function can trust what it scores with. Edges must match the bins and ascend.
 *
 * @param value - What `JSON.parse` gave for a model `fitRfm` returned.
 * @returns The model, frozen, ready for `scoreRfm`.
 * @throws {ModelError} `model_kind_mismatch` for another kind, `model_version_unsupported` for another version, `invalid_model` for anything else wrong (the message names the field).
 *
 * @example
 * ```ts
 * import { fitRfm, readRfmModel, scoreRfm } from 'clientele';
 * const stored = JSON.stringify(fitRfm([{ customerId: 'a', daysSinceLastPurchase: 3, orders: 2, monetaryTotal: 80 }]));
 * const model = readRfmModel(JSON.parse(stored));
 * scoreRfm(model, { customerId: 'b', daysSinceLastPurchase: 1, orders: 5, monetaryTotal: 300 })?.code; // => '555'
 * ```
 * @category RFM
 */
export function readRfmModel(value: unknown): RfmModel {
  const model = readModel<RfmModel>('readRfmModel', rfmModelSchema, value, 'rfm');
  for (const [name, dimensionModel] of Object.entries(model.dimensions)) {
    const edges = dimensionModel.breakpoints;
    if (edges.length !== model.bins - 1 || edges.some((edge, index) => index > 0 && edge < (edges[index - 1] as number))) {
      throw new ModelError('invalid_model', `readRfmModel expects ${model.bins - 1} ascending breakpoints for ${name}, received ${JSON.stringify(edges)}`, 'rfm', ['dimensions', name, 'breakpoints']);
    }
  }
  return model;
}
