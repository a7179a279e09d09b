import type { BtydCustomer } from './BtydCustomer';
import type { TransactionModel } from './ClvModel';
import { requireBtydSummary } from './readBtydSummary';
import { bindTransactionModel, checkFinite } from './bindTransactionModel';

/**
 * The probability that a customer has already left: 1 − P(alive), computed as −expm1(ln P(alive))
 * so that small churn probabilities keep their digits. The lifecycle classifier reads it.
 *
 * @param model - A fitted BG/NBD, MBG/NBD or Pareto/NBD model.
 * @param customer - The customer's BTYD summary.
 * @returns A probability in [0, 1]; 0 for a BG/NBD customer with no repeat purchase (see {@link probabilityAlive}).
 * @throws {ValidationError} for a prospect or an invalid summary.
 * @throws {ModelError} for a model that is not a fitted transaction model.
 *
 * @example
 * ```ts
 * import { churnProbability } from 'clientele';
 * const model = { kind: 'paretonbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } } as const;
 * const quiet = { repeatPurchases: 4, firstToLastPurchase: 6, firstPurchaseToAsOf: 38, timeUnit: 'weeks' } as const;
 * churnProbability(model, quiet) > 0.8; // => true
 * ```
 * @category Lifetime value
 */
export function churnProbability(model: Pick<TransactionModel, 'kind' | 'version' | 'timeUnit' | 'parameters'>, customer: BtydCustomer): number {
  const bound = bindTransactionModel('churnProbability', model);
  const summary = requireBtydSummary('churnProbability', customer, bound.timeUnit);
  // + 0 turns the −0 of −expm1(0) into 0.
  return checkFinite('churnProbability', bound.kind, -Math.expm1(bound.formulas.logProbabilityAlive(bound.parameters, summary)) + 0, '1 − P(alive)');
}
