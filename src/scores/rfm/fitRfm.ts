import { ConfigurationError, ModelError, quoteValue } from '../../errors';
import type { CustomerFeatures } from '../../features/CustomerFeatures';
import { isNumericFeature, type NumericFeature } from '../../features/featureCatalogue';
import { deepFreeze } from '../../internal/deepFreeze';
import { quantilesOf } from '../../internal/quantilesOf';
import { RFM_DIMENSIONS, type RfmDimension, type RfmDimensionModel, type RfmModel } from './RfmModel';
import { RFM_SEGMENTS, type RfmSegmentDefinition } from './rfmSegments';

/** Options of {@link fitRfm}. */
export interface FitRfmOptions {
  /** Number of scores per dimension, 3 to 10. Default 5. */
  readonly bins?: number;
  /** `quantile` (default) learns edges from the population; `fixed` takes `breakpoints`. */
  readonly method?: 'quantile' | 'fixed';
  /** For `fixed`: `bins - 1` ascending edges per dimension, in the unit of its feature (edges belong to the lower bin). */
  readonly breakpoints?: Readonly<Record<RfmDimension, readonly number[]>>;
  /** The feature behind each dimension. Default: `daysSinceLastPurchase`, `orders`, `monetaryTotal`. */
  readonly fields?: Partial<Readonly<Record<RfmDimension, NumericFeature>>>;
  /** Whether higher values are better, per dimension. Default: `false` for recency (fewer days is better), `true` otherwise. */
  readonly higherIsBetter?: Partial<Readonly<Record<RfmDimension, boolean>>>;
  /** Weights of the combined score. Default 1 each. */
  readonly weights?: Partial<Readonly<Record<RfmDimension, number>>>;
  /** The named segments, tried in order on the 1-5 scale. Default {@link RFM_SEGMENTS}. */
  readonly segments?: readonly RfmSegmentDefinition[];
}

const DEFAULT_FIELDS: Readonly<Record<RfmDimension, NumericFeature>> = { recency: 'daysSinceLastPurchase', frequency: 'orders', monetary: 'monetaryTotal' };

function invalid(message: string, path: (string | number)[]): ConfigurationError {
  return new ConfigurationError('invalid_option', `fitRfm ${message}`, path);
}

function checkField(dimension: RfmDimension, field: unknown): NumericFeature {
  if (!isNumericFeature(field)) {
    throw invalid(`expects option \`fields.${dimension}\` to name a numeric feature such as "${DEFAULT_FIELDS[dimension]}", received ${quoteValue(field)}`, ['fields', dimension]);
  }
  return field;
}

function checkBreakpoints(dimension: RfmDimension, edges: unknown, bins: number): number[] {
  if (!Array.isArray(edges) || edges.length !== bins - 1 || !edges.every((edge) => typeof edge === 'number' && Number.isFinite(edge))) {
    throw invalid(`expects \`breakpoints.${dimension}\` to be ${bins - 1} finite numbers for ${bins} bins, received ${quoteValue(edges)}`, ['breakpoints', dimension]);
  }
  for (let i = 1; i < edges.length; i++) {
    if ((edges[i] as number) < (edges[i - 1] as number)) throw invalid(`expects \`breakpoints.${dimension}\` in ascending order, received ${JSON.stringify(edges)}`, ['breakpoints', dimension]);
  }
  return [...(edges as number[])];
}

function checkSegments(segments: unknown): readonly RfmSegmentDefinition[] {
  const isRange = (range: unknown): boolean => Array.isArray(range) && range.length === 2 && range.every((bound) => typeof bound === 'number' && Number.isFinite(bound));
  const isTexts = (texts: unknown): boolean =>
    typeof texts === 'object' && texts !== null && ['en', 'zh', 'es'].every((language) => typeof (texts as Record<string, unknown>)[language] === 'string');
  if (
    !Array.isArray(segments) ||
    segments.length === 0 ||
    !segments.every((segment: RfmSegmentDefinition) => typeof segment?.id === 'string' && isRange(segment.r) && isRange(segment.fm) && isTexts(segment.label) && isTexts(segment.action))
  ) {
    throw invalid('expects `segments` to be a non-empty list of { id, r: [min, max], fm: [min, max], label: { en, zh, es }, action: { en, zh, es } }', ['segments']);
  }
  // A copy, so that freezing the model never freezes the host's own objects.
  return (segments as RfmSegmentDefinition[]).map((segment) => ({
    id: segment.id,
    r: [segment.r[0], segment.r[1]],
    fm: [segment.fm[0], segment.fm[1]],
    label: { ...segment.label },
    action: { ...segment.action },
  }));
}

/**
 * Learns RFM bin edges from a population and returns a plain, JSON-serialisable model that
 * `scoreRfm` applies to one customer at a time. With `method: 'quantile'` (default) each
 * dimension's edges are the population's `k / bins` quantiles (linear interpolation, as R and
 * NumPy); with `method: 'fixed'` they are the host's own ("30 days or less scores 5").
 *
 * Only customers with all three values are fitted on (prospects have no recency). Equal values
 * always get equal scores, so on skewed data (most customers buy once) several edges coincide
 * and a dimension uses fewer distinct scores: a customer's score still says which share of the
 * population their value beats (a two-time buyer among 60 % one-time buyers scores 4 of 5). Use
 * `rfm(features, { ties: 'rank' })` to split ties by row order as pandas' `qcut(rank(method='first'))` does.
 *
 * @param features - Customer features, usually from `summarize`.
 * @param options - Bins, method, fixed edges, fields, directions, weights and segments.
 * @returns A frozen `RfmModel`: `{ kind: 'rfm', version: 1, bins, method, dimensions, weights, segments, fittedOn }`.
 * @throws {ConfigurationError} `invalid_option` for bins outside 3..10, bad edges, fields, directions, weights or segments; `missing_option` for `fixed` without `breakpoints`.
 * @throws {ModelError} `insufficient_data` when `quantile` finds no customer with all three values.
 * @see Hughes (1994), "Strategic database marketing", for RFM scoring as practised.
 *
 * @example
 * ```ts
 * import { fitRfm } from 'clientele';
 * const customers = [1, 2, 3, 4, 5].map((n) => ({ customerId: `c${n}`, daysSinceLastPurchase: n * 10, orders: n, monetaryTotal: n * 100 }));
 * const model = fitRfm(customers);
 * model.dimensions.frequency.breakpoints; // => [1.8, 2.6, 3.4, 4.2]
 * model.fittedOn; // => 5
 * ```
 * @category RFM
 */
export function fitRfm(features: readonly Partial<CustomerFeatures>[], options: FitRfmOptions = {}): RfmModel {
  if (!Array.isArray(features)) throw new ConfigurationError('invalid_option', `fitRfm expects an array of customer features, received ${quoteValue(features)}`);
  const bins = options.bins ?? 5;
  if (typeof bins !== 'number' || !Number.isInteger(bins) || bins < 3 || bins > 10) throw invalid(`expects option \`bins\` to be a whole number from 3 to 10, received ${quoteValue(bins)}`, ['bins']);
  const method = options.method ?? 'quantile';
  if (method !== 'quantile' && method !== 'fixed') throw invalid(`expects option \`method\` to be "quantile" or "fixed", received ${quoteValue(method)}`, ['method']);
  if (method === 'fixed' && options.breakpoints === undefined) {
    throw new ConfigurationError('missing_option', 'fitRfm needs option `breakpoints` with method "fixed"', ['breakpoints']);
  }
  const weights = { recency: 1, frequency: 1, monetary: 1, ...options.weights };
  for (const dimension of RFM_DIMENSIONS) {
    const weight = weights[dimension];
    if (typeof weight !== 'number' || !(weight >= 0 && weight <= 1e6)) throw invalid(`expects \`weights.${dimension}\` to be a number from 0 to 1,000,000, received ${quoteValue(weight)}`, ['weights', dimension]);
  }
  if (weights.recency + weights.frequency + weights.monetary <= 0) throw invalid('needs at least one positive weight', ['weights']);
  const segments = options.segments === undefined ? RFM_SEGMENTS : checkSegments(options.segments);
  for (const dimension of RFM_DIMENSIONS) {
    const direction = options.higherIsBetter?.[dimension];
    if (direction !== undefined && typeof direction !== 'boolean') throw invalid(`expects \`higherIsBetter.${dimension}\` to be true or false, received ${quoteValue(direction)}`, ['higherIsBetter', dimension]);
  }
  const fields = Object.fromEntries(RFM_DIMENSIONS.map((dimension) => [dimension, checkField(dimension, options.fields?.[dimension] ?? DEFAULT_FIELDS[dimension])])) as Record<RfmDimension, NumericFeature>;

  // The population: customers with a finite value on every dimension.
  const population: [Float64Array, Float64Array, Float64Array] = [new Float64Array(features.length), new Float64Array(features.length), new Float64Array(features.length)];
  let fittedOn = 0;
  if (method === 'quantile') {
    const { recency, frequency, monetary } = fields;
    for (const customer of features) {
      const r = customer?.[recency];
      const f = customer?.[frequency];
      const m = customer?.[monetary];
      if (typeof r !== 'number' || typeof f !== 'number' || typeof m !== 'number' || !Number.isFinite(r) || !Number.isFinite(f) || !Number.isFinite(m)) continue;
      population[0][fittedOn] = r;
      population[1][fittedOn] = f;
      population[2][fittedOn] = m;
      fittedOn++;
    }
    if (fittedOn === 0) {
      throw new ModelError(
        'insufficient_data',
        `fitRfm requires at least one customer with ${fields.recency}, ${fields.frequency} and ${fields.monetary}; none of the ${features.length} given has all three (prospects have no recency)`,
        'rfm',
      );
    }
  }
  const dimensions = Object.fromEntries(
    RFM_DIMENSIONS.map((dimension, index): [RfmDimension, RfmDimensionModel] => {
      let breakpoints: number[];
      if (method === 'fixed') breakpoints = checkBreakpoints(dimension, options.breakpoints?.[dimension], bins);
      else {
        const values = (population[index] as Float64Array).subarray(0, fittedOn);
        breakpoints = quantilesOf(values, Array.from({ length: bins - 1 }, (_, k) => (k + 1) / bins));
      }
      return [dimension, { field: fields[dimension], higherIsBetter: options.higherIsBetter?.[dimension] ?? dimension !== 'recency', breakpoints }];
    }),
  ) as Record<RfmDimension, RfmDimensionModel>;
  // Frozen: a fitted model is data that scoring may cache derived tables for.
  return deepFreeze({ kind: 'rfm', version: 1, bins, method, dimensions, weights, segments, fittedOn });
}
