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
 * const week = (x: number, tx: number, T: number) => ({ repeatPurchases: x, firstToLastPurchase: tx, firstPurchaseToAsOf: T, timeUnit: 'weeks' as const });
 * const model = fitModifiedBgNbd([week(0, 0, 30), week(2, 20, 30), week(5, 28, 30), week(1, 4, 30), week(0, 0, 12), week(3, 9, 25)]);
 * model.kind; // => 'mbgnbd'
 * probabilityAlive(model, week(0, 0, 30)) < 1; // => true
 * ```
 * @category Lifetime value
 */
export function fitModifiedBgNbd(customers: readonly BtydCustomer[], options?: FitOptions<BetaGeometricParameters>): ModifiedBgNbdModel {
  return fitBetaGeometric('fitModifiedBgNbd', 'mbgnbd', customers, options);
}
