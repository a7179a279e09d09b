import type { BtydCustomer } from './BtydCustomer';
import type { TransactionModel } from './ClvModel';
import { requireBtydSummary } from './readBtydSummary';
import { bindTransactionModel, checkFinite } from './bindTransactionModel';

/**
 * The probability that a customer is still "alive" (has not silently left) at `asOf`, given
 * when and how often they bought. A frequent buyer who has been quiet for long scores low; a
 * rare buyer quiet for as long scores higher: each is judged against their own pace.
 *
 * Under BG/NBD a customer with no repeat purchase always scores 1, by construction (the model
 * lets customers drop out only after a repeat purchase). Use {@link fitModifiedBgNbd} or
 * {@link fitParetoNbd} when one-time buyers' chances matter.
 *
 * @param model - A fitted BG/NBD, MBG/NBD or Pareto/NBD model.
 * @param customer - The customer's BTYD summary.
 * @returns A probability in [0, 1].
 * @throws {ValidationError} for a prospect or an invalid summary.
 * @throws {ModelError} for a model that is not a fitted transaction model.
 * @see Fader, Hardie & Lee (2008), "Computing P(alive) using the BG/NBD model" (note 021); Fader & Hardie (2005), "A note on deriving the Pareto/NBD model", section 5.
 *
 * @example
 * ```ts
 * import { probabilityAlive } from 'clientele';
 * const model = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const recent = { repeatPurchases: 7, firstToLastPurchase: 35, firstPurchaseToAsOf: 38, timeUnit: 'weeks' } as const;
 * const quiet = { repeatPurchases: 7, firstToLastPurchase: 20, firstPurchaseToAsOf: 38, timeUnit: 'weeks' } as const;
 * probabilityAlive(model, recent).toFixed(2); // => '0.86'
 * probabilityAlive(model, quiet).toFixed(2); // => '0.16'
 * ```
 * @category Lifetime value
 */
export function probabilityAlive(model: Pick<TransactionModel, 'kind' | 'version' | 'timeUnit' | 'parameters'>, customer: BtydCustomer): number {
  const bound = bindTransactionModel('probabilityAlive', model);
  const summary = requireBtydSummary('probabilityAlive', customer, bound.timeUnit);
  return checkFinite('probabilityAlive', bound.kind, Math.exp(bound.formulas.logProbabilityAlive(bound.parameters, summary)), 'P(alive)');
}
