import { ConfigurationError, quoteValue } from '../../errors';
import type { CustomerFeatures } from '../../features/CustomerFeatures';
import { fitRfm, type FitRfmOptions } from './fitRfm';
import { RFM_DIMENSIONS, type RfmModel, type RfmScore } from './RfmModel';
import { composeRfmScore, hasRfmValues, scoreRfm } from './scoreRfm';

/** Options of {@link rfm}: those of `fitRfm`, plus how ties are scored in the batch. */
export interface RfmOptions extends FitRfmOptions {
  /**
   * `values` (default): equal values get equal scores, exactly as `scoreRfm` gives them.
   * `rank`: ties are split by row order before binning, reproducing pandas'
   * `qcut(series.rank(method='first'), bins)`; two customers with equal values may then get
   * different scores, and `scoreRfm` with the model (which holds value edges) may differ from
   * the batch for them.
   */
  readonly ties?: 'values' | 'rank';
}

/** What {@link rfm} returns: the model, a score per scorable customer, and the ids it could not score. */
export interface RfmResult {
  readonly model: RfmModel;
  /** One score per customer with all three values, in input order. */
  readonly scores: readonly RfmScore[];
  /** Customers without all three values (prospects), in input order: `scores.length + unscored.length` is the input length. */
  readonly unscored: readonly string[];
}

/**
 * The edges pandas' `qcut(ranks, bins)` uses for the ranks 1..n, computed as NumPy does, float
 * rounding included: quantiles at `np.linspace(0, 1, bins + 1)`, i.e. k * (1 / bins), and
 * NumPy's linear interpolation (which takes the upper neighbour's side above a fraction of 0.5).
 */
function pandasRankEdges(n: number, bins: number): number[] {
  const step = 1 / bins;
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const position = (n - 1) * (k * step);
    const below = Math.floor(position);
    const t = position - below;
    const a = below + 1;
    const b = Math.min(below + 2, n);
    edges.push(t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t);
  }
  return edges;
}

/** The customer at `index`, checked to be an object. */
function customerAt(features: readonly Partial<CustomerFeatures>[], index: number): Partial<CustomerFeatures> & Pick<CustomerFeatures, 'customerId'> {
  const customer = features[index];
  if (typeof customer !== 'object' || customer === null) {
    throw new ConfigurationError('invalid_option', `rfm expects customer features at index ${index}, received ${quoteValue(customer)}`, [index]);
  }
  return customer as Partial<CustomerFeatures> & Pick<CustomerFeatures, 'customerId'>;
}

/** Counting beats sorting when every value is a small whole number (days, order counts): up to this value. */
const COUNTING_LIMIT = 1 << 20;

/** For each value, how many values are smaller: by counting when all are small whole numbers, else by one sort and a binary search each. */
function smallerCounts(values: Float64Array): Int32Array {
  const n = values.length;
  const smaller = new Int32Array(n);
  let largest = 0;
  let whole = true;
  for (let index = 0; index < n && whole; index++) {
    const value = values[index] as number;
    if (!Number.isInteger(value) || value < 0 || value >= COUNTING_LIMIT) whole = false;
    else if (value > largest) largest = value;
  }
  if (whole) {
    const below = new Int32Array(largest + 2);
    for (let index = 0; index < n; index++) {
      const value = (values[index] as number) + 1;
      below[value] = (below[value] as number) + 1;
    }
    for (let value = 0; value <= largest; value++) below[value + 1] = (below[value + 1] as number) + (below[value] as number);
    for (let index = 0; index < n; index++) smaller[index] = below[values[index] as number] as number;
    return smaller;
  }
  const sorted = values.slice().sort();
  for (let index = 0; index < n; index++) {
    const value = values[index] as number;
    let low = 0;
    let high = n;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as number) < value) low = middle + 1;
      else high = middle;
    }
    smaller[index] = low;
  }
  return smaller;
}

/**
 * Scores by rank: ranks 1..n by value, equal values ranked in row order (pandas'
 * `rank(method='first')`), binned as pandas' qcut bins them (right-closed). A value's rank is
 * the number of smaller values, plus the number of equal values before it in the rows, plus 1.
 */
function rankScores(values: Float64Array, bins: number, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const smaller = smallerCounts(values);
  const edges = pandasRankEdges(n, bins);
  const tiesSeen = new Int32Array(n);
  const scores = new Uint8Array(n);
  for (let index = 0; index < n; index++) {
    const low = smaller[index] as number;
    const rank = low + (tiesSeen[low] as number) + 1;
    tiesSeen[low] = (tiesSeen[low] as number) + 1;
    let below = 0;
    for (const edge of edges) if (edge < rank) below++;
    scores[index] = higherIsBetter ? below + 1 : bins - below;
  }
  return scores;
}

/**
 * Fits an RFM model on a population and scores every customer in one call: the batch
 * counterpart of `fitRfm` + `scoreRfm`. Customers without all three values (prospects) are
 * listed in `unscored`, so nothing goes missing.
 *
 * @param features - Customer features, usually from `summarize`.
 * @param options - Those of `fitRfm`, plus `ties`.
 * @returns `{ model, scores, unscored }`.
 * @throws {ConfigurationError} `invalid_option` for bad options, a non-object customer, or `ties: 'rank'` with fixed edges; `missing_option` for `fixed` without `breakpoints`.
 * @throws {ModelError} `insufficient_data` when no customer has all three values.
 *
 * @example
 * ```ts
 * import { rfm } from 'clientele';
 * const customers = [
 *   { customerId: 'a', daysSinceLastPurchase: 5, orders: 12, monetaryTotal: 900 },
 *   { customerId: 'b', daysSinceLastPurchase: 200, orders: 1, monetaryTotal: 20 },
 *   { customerId: 'c', daysSinceLastPurchase: 40, orders: 3, monetaryTotal: 150 },
 *   { customerId: 'p', daysSinceLastPurchase: null, orders: 0, monetaryTotal: 0 },
 * ];
 * const { scores, unscored } = rfm(customers, { bins: 3 });
 * scores.map((score) => score.code); // => ['333', '111', '222']
 * unscored; // => ['p']
 * ```
 * @category RFM
 */
export function rfm(features: readonly Partial<CustomerFeatures>[], options: RfmOptions = {}): RfmResult {
  const { ties = 'values', ...fitOptions } = options;
  if (ties !== 'values' && ties !== 'rank') {
    throw new ConfigurationError('invalid_option', `rfm expects option \`ties\` to be "values" or "rank", received ${quoteValue(ties)}`, ['ties']);
  }
  if (ties === 'rank' && fitOptions.method === 'fixed') {
    throw new ConfigurationError('invalid_option', 'rfm cannot combine `ties: "rank"` with fixed breakpoints: ranks are binned into equal-count groups, which ignores the edges', ['ties']);
  }
  const model = fitRfm(features, fitOptions);
  const unscored: string[] = [];
  if (ties === 'values') {
    const scores: RfmScore[] = [];
    for (let index = 0; index < features.length; index++) {
      const customer = customerAt(features, index);
      const score = scoreRfm(model, customer);
      if (score === null) unscored.push(String(customer.customerId));
      else scores.push(score);
    }
    return { model, scores, unscored };
  }
  const scored: Partial<CustomerFeatures>[] = [];
  for (let index = 0; index < features.length; index++) {
    const customer = customerAt(features, index);
    if (hasRfmValues(model, customer)) scored.push(customer);
    else unscored.push(String(customer.customerId));
  }
  const [r, f, m] = RFM_DIMENSIONS.map((dimension) => {
    const { field, higherIsBetter } = model.dimensions[dimension];
    const values = new Float64Array(scored.length);
    for (let index = 0; index < scored.length; index++) values[index] = (scored[index] as Partial<CustomerFeatures>)[field] as number;
    return rankScores(values, model.bins, higherIsBetter);
  }) as [Uint8Array, Uint8Array, Uint8Array];
  return {
    model,
    scores: scored.map((customer, index) => composeRfmScore(model, customer.customerId as string, r[index] as number, f[index] as number, m[index] as number)),
    unscored,
  };
}
