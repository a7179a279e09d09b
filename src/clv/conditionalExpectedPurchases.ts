import type { BtydCustomer } from './BtydCustomer';
import type { TransactionModel } from './ClvModel';
import { durationIn, type Duration } from './Duration';
import { requireBtydSummary } from './readBtydSummary';
import { bindTransactionModel, checkFinite } from './bindTransactionModel';

/**
 * How many purchases a known customer is expected to make in the `period` after `asOf`, given
 * their history (E[Y(t) | x, t_x, T]): a frequent buyer who went quiet is discounted by the
 * chance they are gone. The number behind "who will buy next quarter" and behind CLV.
 *
 * @param model - A fitted BG/NBD, MBG/NBD or Pareto/NBD model.
 * @param period - The horizon with its unit, e.g. `{ weeks: 39 }`.
 * @param customer - The customer's BTYD summary (any `CustomerFeatures`); another time unit than the model's is converted.
 * @returns Expected purchases in (T, T + period].
 * @throws {ValidationError} for a prospect or an invalid summary.
 * @throws {ConfigurationError} `invalid_option` when `period` is not a duration.
 * @throws {ModelError} for a model that is not a fitted transaction model.
 * @see Fader, Hardie & Lee (2005), eq. (10); Fader & Hardie (2005) note, eq. (41).
 *
 * @example
 * ```ts
 * import { conditionalExpectedPurchases } from 'clientele';
 * const model = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * // The paper's worked example (2 repeat purchases, the last at week 30.43 of 38.86): 1.226.
 * const customer = { repeatPurchases: 2, firstToLastPurchase: 30.43, firstPurchaseToAsOf: 38.86, timeUnit: 'weeks' } as const;
 * conditionalExpectedPurchases(model, { weeks: 39 }, customer).toFixed(3); // => '1.226'
 * ```
 * @category Lifetime value
 */
export function conditionalExpectedPurchases(model: Pick<TransactionModel, 'kind' | 'version' | 'timeUnit' | 'parameters'>, period: Duration, customer: BtydCustomer): number {
  const bound = bindTransactionModel('conditionalExpectedPurchases', model);
  const t = durationIn('conditionalExpectedPurchases', period, bound.timeUnit, ['period']);
  const summary = requireBtydSummary('conditionalExpectedPurchases', customer, bound.timeUnit);
  return checkFinite('conditionalExpectedPurchases', bound.kind, bound.formulas.expectedPurchasesIfAlive(bound.parameters, t, summary) * Math.exp(bound.formulas.logProbabilityAlive(bound.parameters, summary)), 'E[Y(t) | x, t_x, T]');
}
