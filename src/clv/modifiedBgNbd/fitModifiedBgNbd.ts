import type { BetaGeometricParameters, FitOptions, ModifiedBgNbdModel } from '../ClvModel';
import type { BtydCustomer } from '../BtydCustomer';
import { fitBetaGeometric } from '../bgNbd/fitBetaGeometric';

/**
 * Fits the modified BG/NBD (MBG/NBD) model: BG/NBD, except that a customer may also drop out
 * right after the first purchase, so one who never came back can be judged gone. Prefer it to
 * {@link fitBgNbd} when many customers buy once, and P(alive) of one-time buyers matters.
 *
 * @param customers - BTYD summaries (prospects are left out and counted).
 * @param options - `penalizer`, `initialParameters`, `maxIterations`, `strict`.
 * @returns A plain, JSON-serialisable {@link ModifiedBgNbdModel}.
 * @throws {ValidationError} when a customer's summary is invalid.
 * @throws {ModelError} `insufficient_data` with no buyer; `not_converged` in strict mode.
 * @see Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison of models for customer base analysis", IJRM 24(3).
 *
 * @example
 * ```ts
 * import { fitModifiedBgNbd, probabilityAlive } from 'clientele';
 * import { simulateBtydSummaries } from 'clientele/sample';
 * const customers = simulateBtydSummaries({ model: { kind: 'mbgnbd', r: 0.25, alpha: 4, a: 0.8, b: 2.4 }, customers: 2000, seed: 'docs', observationLength: 39, firstPurchaseSpread: 12, wholeDays: true });
 * const model = fitModifiedBgNbd(customers);
 * model.fit.converged; // => true
 * // A one-time buyer quiet for 30 weeks may be gone (BG/NBD would say 1).
 * probabilityAlive(model, { repeatPurchases: 0, firstToLastPurchase: 0, firstPurchaseToAsOf: 30, timeUnit: 'weeks' }).toFixed(2); // => '0.59'
 * ```
 * @category Lifetime value
 */
export function fitModifiedBgNbd(customers: readonly BtydCustomer[], options?: FitOptions<BetaGeometricParameters>): ModifiedBgNbdModel {
  return fitBetaGeometric('fitModifiedBgNbd', 'mbgnbd', customers, options);
}
