import { checkModelKind } from '../readModel';
import type { CustomerFeatures } from '../../features/CustomerFeatures';
import type { RfmDimensionModel, RfmModel, RfmScore } from './RfmModel';

/** The score of `value` on one dimension: its bin, turned round when lower values are better. */
function dimensionScore(dimension: RfmDimensionModel, value: number, bins: number): number {
  const { breakpoints } = dimension;
  let below = 0;
  for (let i = 0; i < breakpoints.length; i++) if ((breakpoints[i] as number) < value) below++;
  return dimension.higherIsBetter ? below + 1 : bins - below;
}

/** Rounds to the nearest whole number; an exact half goes toward `centre`, so the ends of a scale are treated alike. */
function roundTowards(value: number, centre: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (Math.abs(fraction - 0.5) > 1e-9) return Math.round(value);
  return floor + 0.5 < centre ? floor + 1 : floor;
}

/** The segment of scores r and fm, both moved onto the 1-5 grid (fm in half steps) the segment map is written on. */
export function segmentOf(model: RfmModel, r: number, f: number, m: number): string {
  const stretch = 4 / (model.bins - 1);
  const r5 = roundTowards(1 + (r - 1) * stretch, 3);
  const fm5 = roundTowards(2 * (1 + ((f + m) / 2 - 1) * stretch), 6) / 2;
  for (const segment of model.segments) {
    if (r5 >= segment.r[0] && r5 <= segment.r[1] && fm5 >= segment.fm[0] && fm5 <= segment.fm[1]) return segment.id;
  }
  return 'other';
}

/** Reads a dimension's value from a customer: a finite number, or `undefined` when the customer has none. */
function valueOf(customer: Partial<CustomerFeatures>, dimension: RfmDimensionModel): number | undefined {
  const value = customer[dimension.field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Whether a customer has a finite value on all three dimensions of the model, as `scoreRfm` needs. */
export function hasRfmValues(model: RfmModel, customer: Partial<CustomerFeatures>): boolean {
  const { recency, frequency, monetary } = model.dimensions;
  return valueOf(customer, recency) !== undefined && valueOf(customer, frequency) !== undefined && valueOf(customer, monetary) !== undefined;
}

/**
 * Scores one customer with a fitted RFM model, without the population: what a serverless
 * function does per request. Returns `null` for a customer the model cannot score (a prospect:
 * no days since last purchase). Scores are 1..bins, higher is better on every dimension
 * (recency is turned round), and equal values always get equal scores.
 *
 * @param model - A model from `fitRfm` (or read back with `readRfmModel`).
 * @param customer - The customer's features; only the three fields the model uses are read.
 * @returns `{ customerId, r, f, m, code, score, segment }`, or `null`.
 * @throws {ModelError} `model_kind_mismatch` or `model_version_unsupported` for anything but an RFM model of version 1.
 *
 * @example
 * ```ts
 * import { fitRfm, scoreRfm } from 'clientele';
 * const model = fitRfm([], {
 *   method: 'fixed',
 *   breakpoints: { recency: [30, 60, 90, 180], frequency: [1, 2, 4, 8], monetary: [50, 100, 250, 500] },
 * });
 * const score = scoreRfm(model, { customerId: 'c1', daysSinceLastPurchase: 12, orders: 9, monetaryTotal: 640 });
 * score?.code; // => '555'
 * score?.segment; // => 'champions'
 * scoreRfm(model, { customerId: 'p1', daysSinceLastPurchase: null, orders: 0, monetaryTotal: 0 }); // => null
 * ```
 * @category RFM
 */
export function scoreRfm(model: RfmModel, customer: Partial<CustomerFeatures> & Pick<CustomerFeatures, 'customerId'>): RfmScore | null {
  checkModelKind('scoreRfm', model, 'rfm');
  const { recency, frequency, monetary } = model.dimensions;
  const rValue = valueOf(customer, recency);
  const fValue = valueOf(customer, frequency);
  const mValue = valueOf(customer, monetary);
  if (rValue === undefined || fValue === undefined || mValue === undefined) return null;
  const { bins } = model;
  return composeRfmScore(model, customer.customerId, dimensionScore(recency, rValue, bins), dimensionScore(frequency, fValue, bins), dimensionScore(monetary, mValue, bins));
}

/** Codes and segments of every (r, f, m) of one model, worked out once: scoring then allocates only the result. */
interface ScoreTables {
  readonly codes: readonly string[];
  readonly segments: readonly string[];
}

/** Per fitted model; a WeakMap keeps nothing alive that the host has let go. */
const tables = new WeakMap<RfmModel, ScoreTables>();

const cell = (r: number, f: number, m: number): number => (r * 11 + f) * 11 + m;

function tablesOf(model: RfmModel): ScoreTables {
  let found = tables.get(model);
  if (found === undefined) {
    const codes: string[] = [];
    const segments: string[] = [];
    for (let r = 1; r <= model.bins; r++) {
      for (let f = 1; f <= model.bins; f++) {
        for (let m = 1; m <= model.bins; m++) {
          codes[cell(r, f, m)] = model.bins < 10 ? `${r}${f}${m}` : `${r}-${f}-${m}`;
          segments[cell(r, f, m)] = segmentOf(model, r, f, m);
        }
      }
    }
    found = { codes, segments };
    tables.set(model, found);
  }
  return found;
}

/** Puts r, f and m together: the code, the weighted score and the segment. */
export function composeRfmScore(model: RfmModel, customerId: string, r: number, f: number, m: number): RfmScore {
  const { weights } = model;
  const { codes, segments } = tablesOf(model);
  return {
    customerId,
    r,
    f,
    m,
    code: codes[cell(r, f, m)] as string,
    score: (weights.recency * r + weights.frequency * f + weights.monetary * m) / (weights.recency + weights.frequency + weights.monetary),
    segment: segments[cell(r, f, m)] as string,
  };
}
