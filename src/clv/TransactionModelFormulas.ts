import type { BtydSummary } from './readBtydSummary';

/**
 * The closed forms one purchase-count model provides, in its own parameters and time unit.
 * Every public prediction function dispatches to these by the model's `kind`.
 */
export interface TransactionModelFormulas<Parameters> {
  /** E[X(t)]: expected repeat purchases in (0, t] of a customer whose first purchase is at 0. */
  expectedPurchases(parameters: Parameters, t: number): number;
  /**
   * E[Y(t) | alive at T, x, t_x, T]: expected purchases in (T, T + t] of a customer with this
   * summary who is still alive at T. Times P(alive) it is the conditional expectation. It
   * depends on x and T only, never on t_x (callers may share it between customers).
   */
  expectedPurchasesIfAlive(parameters: Parameters, t: number, summary: BtydSummary): number;
  /** ln P(alive at T | x, t_x, T). */
  logProbabilityAlive(parameters: Parameters, summary: BtydSummary): number;
  /** P(X(t) = n) for a customer whose first purchase is at 0. */
  probabilityOfPurchases(parameters: Parameters, n: number, t: number): number;
  /** Shape and rate of the gamma posterior of the purchase rate λ, given the summary and that the customer is alive. */
  purchaseRatePosterior(parameters: Parameters, summary: BtydSummary): { readonly shape: number; readonly rate: number };
}
