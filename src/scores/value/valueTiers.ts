import * as z from 'zod/mini';
import { ConfigurationError, ModelError, quoteValue } from '../../errors';
import type { CustomerFeatures } from '../../features/CustomerFeatures';
import { isNumericFeature, type NumericFeature } from '../../features/featureCatalogue';
import { deepFreeze } from '../../internal/deepFreeze';
import { checkModelKind, readModel } from '../readModel';
import { quantilesOf } from '../../internal/quantilesOf';

/** A value tier. */
export type ValueTier = 'high' | 'middle' | 'low';

/** The tiers, best first. */
export const VALUE_TIERS: readonly ValueTier[] = ['high', 'middle', 'low'];

/**
 * Fitted tier cut-offs: plain, frozen, JSON-serialisable data. With `includeCutoff` (Pareto and
 * thresholds) a customer whose value is at least `cutoffs.high` is high, at least
 * `cutoffs.middle` middle, otherwise low; without it (quantiles, where a cut-off is an edge that
 * belongs to the lower tier, as in RFM) the value must be above the cut-off.
 */
export interface ValueTierModel {
  readonly kind: 'valueTiers';
  readonly version: 1;
  readonly field: NumericFeature;
  readonly method: 'pareto' | 'quantile' | 'thresholds';
  readonly cutoffs: { readonly middle: number; readonly high: number };
  /** Whether a value equal to a cut-off belongs to the upper tier. */
  readonly includeCutoff: boolean;
  /** How many customers the cut-offs were learned from (0 for `thresholds`). */
  readonly fittedOn: number;
}

/** Options of {@link valueTiers}. */
export interface ValueTierOptions {
  /** The feature to tier by. Default `monetaryTotal`; any numeric feature (a predicted CLV once it exists). */
  readonly field?: NumericFeature;
  /**
   * `pareto` (default): high are the customers who together bring the first `shares[0]` of the
   * value (default 80 %), middle those who bring the value up to `shares[1]` (default 95 %).
   * `quantile`: cut at the `quantiles` of the values (default `[0.5, 0.8]`: bottom half low, top fifth high;
   * a value equal to a cut-off stays in the lower tier, so ties never push a tier above its share).
   * `thresholds`: the host's own `[middle, high]` cut-offs.
   */
  readonly method?: 'pareto' | 'quantile' | 'thresholds';
  readonly shares?: readonly [number, number];
  readonly quantiles?: readonly [number, number];
  readonly thresholds?: readonly [number, number];
}

/** Per tier: how many customers, how much value, and their shares. */
export interface ValueTierSummary {
  readonly tier: ValueTier;
  readonly customers: number;
  readonly customerShare: number;
  readonly value: number;
  /** Share of the positive value (customers with net refunds have none to share). */
  readonly valueShare: number;
}

/** What {@link valueTiers} returns. */
export interface ValueTierResult {
  readonly model: ValueTierModel;
  /** One tier per customer with a value, in input order. */
  readonly tiers: readonly { readonly customerId: string; readonly tier: ValueTier; readonly value: number }[];
  /** Per tier, best first. */
  readonly summary: readonly ValueTierSummary[];
  /** Customers without a value for the field (prospects when tiering by a purchase feature). */
  readonly unscored: readonly string[];
}

function invalid(message: string, path: string[]): ConfigurationError {
  return new ConfigurationError('invalid_option', `valueTiers ${message}`, path);
}

function pair(name: string, value: unknown, within: [number, number] | undefined): [number, number] {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((x) => typeof x === 'number' && Number.isFinite(x)) || (value[0] as number) > (value[1] as number)) {
    throw invalid(`expects option \`${name}\` to be two ascending finite numbers, received ${quoteValue(value)}`, [name]);
  }
  if (within !== undefined && ((value[0] as number) <= within[0] || (value[1] as number) > within[1])) {
    throw invalid(`expects option \`${name}\` within (${within[0]}, ${within[1]}], received ${JSON.stringify(value)}`, [name]);
  }
  return [value[0] as number, value[1] as number];
}

/**
 * The tier of one value under fitted cut-offs: what a serverless function does per request.
 *
 * @param model - From `valueTiers(...).model`.
 * @param customer - Features with the model's field.
 * @returns `high`, `middle` or `low`; `null` when there is no customer or no value for the field.
 * @throws {ModelError} `model_kind_mismatch` / `model_version_unsupported` for another model.
 *
 * @example
 * ```ts
 * import { scoreValueTier, valueTiers } from 'clientele';
 * const { model } = valueTiers([], { method: 'thresholds', thresholds: [100, 1000] });
 * scoreValueTier(model, { customerId: 'a', monetaryTotal: 1000 }); // => 'high'
 * scoreValueTier(model, { customerId: 'b', monetaryTotal: 99.5 }); // => 'low'
 * ```
 * @category Value
 */
export function scoreValueTier(model: ValueTierModel, customer: Partial<CustomerFeatures> | null | undefined): ValueTier | null {
  checkModelKind('scoreValueTier', model, 'valueTiers');
  const value = customer?.[model.field];
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const { high, middle } = model.cutoffs;
  if (model.includeCutoff) return value >= high ? 'high' : value >= middle ? 'middle' : 'low';
  return value > high ? 'high' : value > middle ? 'middle' : 'low';
}

/**
 * Splits customers into high, middle and low value tiers and says what each tier is worth.
 * The default is Pareto (ABC) analysis: high are the customers who together bring the first 80 %
 * of net revenue, middle those who bring it up to 95 %, low the rest. Cut-offs are values, so
 * customers with equal values share a tier, and the fitted model scores new customers alone.
 *
 * @param features - Customer features, usually from `summarize`.
 * @param options - Field, method and its shares, quantiles or thresholds.
 * @returns `{ model, tiers, summary, unscored }`; `tiers.length + unscored.length` is the number of customers.
 * @throws {ConfigurationError} `invalid_option` for bad options or a non-object customer; `missing_option` for `thresholds` without them.
 * @throws {ModelError} `insufficient_data` when `pareto` or `quantile` finds no customer with a value.
 *
 * @example
 * ```ts
 * import { valueTiers } from 'clientele';
 * const customers = [500, 300, 100, 60, 40].map((monetaryTotal, i) => ({ customerId: `c${i}`, monetaryTotal }));
 * const { tiers, summary } = valueTiers(customers);
 * tiers.map((entry) => entry.tier); // => ['high', 'high', 'middle', 'middle', 'low']
 * summary[0]; // => { tier: 'high', customers: 2, customerShare: 0.4, value: 800, valueShare: 0.8 }
 * ```
 * @category Value
 */
export function valueTiers(features: readonly Partial<CustomerFeatures>[], options: ValueTierOptions = {}): ValueTierResult {
  if (!Array.isArray(features)) throw new ConfigurationError('invalid_option', `valueTiers expects an array of customer features, received ${quoteValue(features)}`);
  const field = options.field ?? 'monetaryTotal';
  if (!isNumericFeature(field)) throw invalid(`expects option \`field\` to name a numeric feature, received ${quoteValue(field)}`, ['field']);
  const method = options.method ?? 'pareto';
  if (method !== 'pareto' && method !== 'quantile' && method !== 'thresholds') {
    throw invalid(`expects option \`method\` to be "pareto", "quantile" or "thresholds", received ${quoteValue(method)}`, ['method']);
  }
  if (method === 'thresholds' && options.thresholds === undefined) throw new ConfigurationError('missing_option', 'valueTiers needs option `thresholds` ([middle, high]) with method "thresholds"', ['thresholds']);

  const values: number[] = [];
  const ids: string[] = [];
  const unscored: string[] = [];
  for (const [index, customer] of features.entries()) {
    if (typeof customer !== 'object' || customer === null) {
      throw new ConfigurationError('invalid_option', `valueTiers expects customer features at index ${index}, received ${quoteValue(customer)}`, [index]);
    }
    const value = customer[field];
    if (typeof value === 'number' && Number.isFinite(value)) {
      values.push(value);
      ids.push(String(customer.customerId));
    } else unscored.push(String(customer.customerId));
  }
  if (method !== 'thresholds' && values.length === 0) {
    throw new ModelError('insufficient_data', `valueTiers requires at least one customer with a value for ${field}; none of the ${features.length} given has one`, 'valueTiers');
  }

  let cutoffs: { middle: number; high: number };
  if (method === 'thresholds') {
    const [middle, high] = pair('thresholds', options.thresholds, undefined);
    cutoffs = { middle, high };
  } else if (method === 'quantile') {
    const [low, high] = pair('quantiles', options.quantiles ?? [0.5, 0.8], [0, 1]);
    const [middleCut, highCut] = quantilesOf(Float64Array.from(values), [low, high]) as [number, number];
    cutoffs = { middle: middleCut, high: highCut };
  } else {
    const [first, second] = pair('shares', options.shares ?? [0.8, 0.95], [0, 1]);
    // Walk customers from the most valuable down; a tier's cut-off is the value of the customer whose
    // value takes the running total to the tier's share (everyone with that value joins the tier).
    const sorted = Float64Array.from(values).sort().reverse();
    let total = 0;
    for (const value of sorted) if (value > 0) total += value;
    const cutAt = (share: number): number => {
      // Nobody has positive value: no one is high or middle (a finite cut-off, so the model stays valid JSON).
      if (total <= 0) return Number.MAX_VALUE;
      let running = 0;
      for (const value of sorted) {
        if (value <= 0) break;
        running += value;
        if (running >= share * total - 1e-9 * total) return value;
      }
      return Number.MIN_VALUE;
    };
    cutoffs = { high: cutAt(first), middle: cutAt(second) };
  }
  const model: ValueTierModel = deepFreeze({
    kind: 'valueTiers',
    version: 1,
    field,
    method,
    cutoffs,
    includeCutoff: method !== 'quantile',
    fittedOn: method === 'thresholds' ? 0 : values.length,
  });

  const tiers = values.map((value, index) => ({ customerId: ids[index] as string, tier: scoreValueTier(model, { [field]: value }) as ValueTier, value }));
  const positiveTotal = values.reduce((sum, value) => sum + Math.max(0, value), 0);
  const summary = VALUE_TIERS.map((tier): ValueTierSummary => {
    const members = tiers.filter((entry) => entry.tier === tier);
    const value = members.reduce((sum, entry) => sum + entry.value, 0);
    const positive = members.reduce((sum, entry) => sum + Math.max(0, entry.value), 0);
    return {
      tier,
      customers: members.length,
      customerShare: tiers.length === 0 ? 0 : members.length / tiers.length,
      value,
      valueShare: positiveTotal > 0 ? positive / positiveTotal : 0,
    };
  });
  return { model, tiers, summary, unscored };
}

/** The zod schema of a stored value tier model (version 1). */
export const valueTierModelSchema = z.object({
  kind: z.literal('valueTiers'),
  version: z.literal(1),
  field: z.string().check(z.refine(isNumericFeature, { message: 'expected the name of a numeric feature' })),
  method: z.enum(['pareto', 'quantile', 'thresholds']),
  cutoffs: z.object({ middle: z.number(), high: z.number() }).check(z.refine((cutoffs) => cutoffs.middle <= cutoffs.high, { message: 'expected middle <= high' })),
  includeCutoff: z.boolean(),
  fittedOn: z.int().check(z.gte(0)),
});

/**
 * Reads a stored value tier model back and checks it.
 *
 * @param value - What `JSON.parse` gave for a model `valueTiers` returned.
 * @returns The model, frozen, ready for `scoreValueTier`.
 * @throws {ModelError} `model_kind_mismatch`, `model_version_unsupported` or `invalid_model` (naming the field).
 *
 * @example
 * ```ts
 * import { readValueTierModel, scoreValueTier, valueTiers } from 'clientele';
 * const stored = JSON.stringify(valueTiers([{ customerId: 'a', monetaryTotal: 10 }]).model);
 * scoreValueTier(readValueTierModel(JSON.parse(stored)), { customerId: 'b', monetaryTotal: 25 }); // => 'high'
 * ```
 * @category Value
 */
export function readValueTierModel(value: unknown): ValueTierModel {
  return readModel<ValueTierModel>('readValueTierModel', valueTierModelSchema, value, 'valueTiers');
}
