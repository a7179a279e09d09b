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
 * import { simulateBtydSummaries } from 'clientele/sample';
 * // 2,000 customers drawn from a BG/NBD with r = 0.25, α = 4, a = 0.8, b = 2.4, over 39 weeks.
 * const customers = simulateBtydSummaries({ model: { kind: 'bgnbd', r: 0.25, alpha: 4, a: 0.8, b: 2.4 }, customers: 2000, seed: 'docs', observationLength: 39, firstPurchaseSpread: 12, wholeDays: true });
 * const model = fitBgNbd(customers);
 * model.fit.converged; // => true
 * model.timeUnit; // => 'weeks'
 * [model.parameters.r.toFixed(2), model.parameters.alpha.toFixed(1)]; // => ['0.23', '3.8']
 * ```
 * @category Lifetime value
 */
export function fitBgNbd(customers: readonly BtydCustomer[], options?: FitOptions<BetaGeometricParameters>): BgNbdModel {
  return fitBetaGeometric('fitBgNbd', 'bgnbd', customers, options);
}
