import type { BetaGeometricParameters, BgNbdModel, FitOptions } from '../ClvModel';
import type { BtydCustomer } from '../BtydCustomer';
import { fitBetaGeometric } from './fitBetaGeometric';

/**
 * Fits the BG/NBD model by maximum likelihood: while alive, a customer buys at a steady random
 * rate (rates vary across customers as a gamma distribution); after each repeat purchase they
 * may drop out for good (drop-out chances vary as a beta distribution). The standard, fast
 * customer-base model; its one quirk is that a customer with no repeat purchase is always
 * alive (P(alive) = 1), which {@link fitModifiedBgNbd} and {@link fitParetoNbd} avoid.
 *
 * Prospects (no first purchase) are left out and counted in `fit.excluded.prospects`.
 *
 * @param customers - BTYD summaries, e.g. `summarize(..., { unit: 'weeks' })`; the model records their time unit.
 * @param options - `penalizer`, `initialParameters`, `maxIterations`, `strict`.
 * @returns A plain, JSON-serialisable {@link BgNbdModel} with standard errors and how the fit went.
 * @throws {ValidationError} when a customer's summary is invalid (negative times, t_x > T, ...).
 * @throws {ModelError} `insufficient_data` with no buyer; `not_converged` in strict mode.
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2).
 *
 * @example
 * ```ts
 * import { fitBgNbd } from 'clientele';
 * const week = (x: number, tx: number, T: number) => ({ repeatPurchases: x, firstToLastPurchase: tx, firstPurchaseToAsOf: T, timeUnit: 'weeks' as const });
 * const model = fitBgNbd([week(0, 0, 30), week(2, 20, 30), week(5, 28, 30), week(1, 4, 30), week(0, 0, 12), week(3, 9, 25)]);
 * model.kind; // => 'bgnbd'
 * model.timeUnit; // => 'weeks'
 * model.fit.converged; // => true
 * ```
 * @category Lifetime value
 */
export function fitBgNbd(customers: readonly BtydCustomer[], options?: FitOptions<BetaGeometricParameters>): BgNbdModel {
  return fitBetaGeometric('fitBgNbd', 'bgnbd', customers, options);
}
