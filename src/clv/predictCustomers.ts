import { ConfigurationError, ValidationError, quoteValue, type RowIssue } from '../errors';
import type { BtydCustomer } from './BtydCustomer';
import { bindTransactionModel, checkFinite } from './bindTransactionModel';
import type { TransactionModel } from './ClvModel';
import { durationIn, type Duration } from './Duration';
import { readBtydSummary } from './readBtydSummary';

const DAY = 86_400_000;

/** The customer fields {@link predictCustomers} reads: the BTYD summary, an id, and `asOf` for the next-purchase date. */
export type PredictableCustomer = BtydCustomer & { readonly customerId: string; readonly asOf?: number };

/** What a transaction model predicts for one customer; `null` throughout for a prospect (no purchase yet). */
export interface CustomerPrediction {
  readonly customerId: string;
  /** P(alive) at `asOf`. */
  readonly probabilityAlive: number | null;
  /** 1 − P(alive). */
  readonly churnProbability: number | null;
  /** Expected purchases within the horizon after `asOf`. */
  readonly expectedPurchases: number | null;
  /** Epoch ms: `asOf` plus the median wait to the next purchase if alive (see `predictNextPurchase`); `null` without `asOf`. */
  readonly nextPurchaseAt: number | null;
}

/**
 * Scores a whole customer base with a fitted model in one pass: P(alive), churn probability,
 * expected purchases within `horizon`, and the next-purchase date, per customer. The batch
 * form of {@link probabilityAlive}, {@link conditionalExpectedPurchases} and
 * {@link predictNextPurchase}: the model and horizon are checked once, and P(alive) is computed
 * once per customer for all three.
 *
 * @param model - A fitted BG/NBD, MBG/NBD or Pareto/NBD model.
 * @param customers - Customer features (any `CustomerFeatures[]`, prospects included).
 * @param options - `horizon`: how far ahead to count purchases, with its unit.
 * @returns One prediction per customer, in input order.
 * @throws {ValidationError} listing customers whose summary is invalid.
 * @throws {ConfigurationError} `invalid_option` for a bad horizon.
 * @throws {ModelError} for a model that is not a fitted transaction model.
 *
 * @example
 * ```ts
 * import { predictCustomers } from 'clientele';
 * const model = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const [loyal, prospect] = predictCustomers(
 *   model,
 *   [
 *     { customerId: 'c1', repeatPurchases: 7, firstToLastPurchase: 35, firstPurchaseToAsOf: 38, timeUnit: 'weeks' },
 *     { customerId: 'c2', repeatPurchases: 0, firstToLastPurchase: null, firstPurchaseToAsOf: null, timeUnit: 'weeks' },
 *   ],
 *   { horizon: { weeks: 39 } },
 * );
 * loyal?.probabilityAlive?.toFixed(2); // => '0.86'
 * prospect?.expectedPurchases; // => null
 * ```
 * @category Lifetime value
 */
export function predictCustomers(
  model: Pick<TransactionModel, 'kind' | 'version' | 'timeUnit' | 'parameters'>,
  customers: readonly PredictableCustomer[],
  options: { readonly horizon: Duration },
): CustomerPrediction[] {
  const name = 'predictCustomers';
  const { kind, timeUnit, parameters, formulas } = bindTransactionModel(name, model);
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('missing_option', `${name} needs options with a \`horizon\` such as { weeks: 39 }`, ['horizon']);
  const t = durationIn(name, options.horizon, timeUnit, ['horizon']);
  if (!Array.isArray(customers)) throw new ConfigurationError('invalid_option', `${name} expects an array of customers, received ${quoteValue(customers)}`);
  const dayLength = timeUnit === 'weeks' ? 7 : 1;
  const issues: RowIssue[] = [];
  let rejected = 0;
  const predictions: CustomerPrediction[] = new Array<CustomerPrediction>(customers.length);
  // Expected purchases if alive depend on x and T only, which many customers share: each is computed once.
  const ifAliveByX = new Map<number, Map<number, number>>();
  for (let index = 0; index < customers.length; index += 1) {
    const customer = customers[index];
    const summary = readBtydSummary(customer, index, timeUnit);
    const id = (customer as { customerId?: unknown } | undefined)?.customerId;
    const customerId = typeof id === 'string' ? id : String(id);
    if (summary === null) {
      predictions[index] = { customerId, probabilityAlive: null, churnProbability: null, expectedPurchases: null, nextPurchaseAt: null };
      continue;
    }
    if ('code' in summary) {
      rejected += 1;
      if (issues.length < 20) issues.push(summary);
      continue;
    }
    const logAlive = formulas.logProbabilityAlive(parameters, summary);
    const alive = Math.exp(logAlive);
    let byT = ifAliveByX.get(summary.x);
    if (byT === undefined) {
      byT = new Map();
      ifAliveByX.set(summary.x, byT);
    }
    let ifAlive = byT.get(summary.T);
    if (ifAlive === undefined) {
      ifAlive = formulas.expectedPurchasesIfAlive(parameters, t, summary);
      byT.set(summary.T, ifAlive);
    }
    const expected = checkFinite(name, kind, ifAlive * alive, 'E[Y(t) | x, t_x, T]');
    const asOf = (customer as { asOf?: unknown }).asOf;
    let nextPurchaseAt: number | null = null;
    if (typeof asOf === 'number' && Number.isFinite(asOf)) {
      const { shape, rate } = formulas.purchaseRatePosterior(parameters, summary);
      nextPurchaseAt = asOf + rate * Math.expm1(Math.LN2 / shape) * dayLength * DAY;
    }
    predictions[index] = { customerId, probabilityAlive: alive, churnProbability: -Math.expm1(logAlive), expectedPurchases: expected, nextPurchaseAt };
  }
  if (rejected > 0) throw new ValidationError(name, issues, rejected, customers.length);
  return predictions;
}
