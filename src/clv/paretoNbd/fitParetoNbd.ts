import { deepFreeze } from '../../internal/deepFreeze';
import type { BtydCustomer } from '../BtydCustomer';
import type { FitOptions, ParetoNbdModel, ParetoNbdParameters } from '../ClvModel';
import { fitByMaximumLikelihood, resolveFitOptions } from '../fitByMaximumLikelihood';
import { groupBtydSummaries } from '../groupBtydSummaries';
import { pairDeathIntegrals, paretoNbdLogLikelihood } from './paretoNbdLogLikelihood';

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/**
 * Fits the Pareto/NBD model by maximum likelihood: while alive, a customer buys at a steady
 * random rate (gamma across customers); each customer's lifetime is exponential with a rate
 * that also varies as a gamma, so drop-out can happen at any time, not only after a purchase.
 * The original customer-base model; slower to fit than {@link fitBgNbd} (its likelihood needs
 * the Gauss hypergeometric function, and its gradient is taken by central differences).
 *
 * @param customers - BTYD summaries (prospects are left out and counted).
 * @param options - `penalizer`, `initialParameters`, `maxIterations`, `strict`.
 * @returns A plain, JSON-serialisable {@link ParetoNbdModel}.
 * @throws {ValidationError} when a customer's summary is invalid.
 * @throws {ModelError} `insufficient_data` with no buyer; `not_converged` in strict mode.
 * @see Schmittlein, Morrison & Colombo (1987), "Counting your customers: who are they and what will they do next?", Management Science 33(1).
 * @see Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions".
 *
 * @example
 * ```ts
 * import { fitParetoNbd, probabilityAlive } from 'clientele';
 * import { simulateBtydSummaries } from 'clientele/sample';
 * const customers = simulateBtydSummaries({ model: { kind: 'paretonbd', r: 0.55, alpha: 10, s: 0.6, beta: 12 }, customers: 2000, seed: 'docs', observationLength: 39, firstPurchaseSpread: 12, wholeDays: true });
 * const model = fitParetoNbd(customers);
 * model.fit.converged; // => true
 * probabilityAlive(model, { repeatPurchases: 0, firstToLastPurchase: 0, firstPurchaseToAsOf: 30, timeUnit: 'weeks' }).toFixed(2); // => '0.37'
 * ```
 * @category Lifetime value
 */
export function fitParetoNbd(customers: readonly BtydCustomer[], options?: FitOptions<ParetoNbdParameters>): ParetoNbdModel {
  const groups = groupBtydSummaries('fitParetoNbd', 'paretonbd', customers);
  // Start at r = s = 1 with α matching the observed repeat rate and β the mean age.
  const meanAge = Math.min(1e6, Math.max(1e-3, groups.totalAge / groups.customers));
  const alpha = groups.totalRepeatPurchases > 0 ? Math.min(1e6, Math.max(1e-3, groups.totalAge / groups.totalRepeatPurchases)) : 1;
  const pairs = pairDeathIntegrals(groups);
  const resolved = resolveFitOptions('fitParetoNbd', options, NAMES, [1, alpha, 1, meanAge]);
  const estimate = fitByMaximumLikelihood(
    'fitParetoNbd',
    { kind: 'paretonbd', names: NAMES, customers: groups.customers, hasGradient: false, logLikelihood: (theta) => paretoNbdLogLikelihood(groups, pairs, theta) },
    resolved,
  );
  return deepFreeze({
    kind: 'paretonbd',
    version: 1,
    timeUnit: groups.timeUnit,
    parameters: estimate.parameters as unknown as ParetoNbdParameters,
    standardErrors: estimate.standardErrors as unknown as ParetoNbdParameters | null,
    fit: { ...estimate.summary, customers: groups.customers, excluded: { prospects: groups.excludedProspects } },
  });
}
