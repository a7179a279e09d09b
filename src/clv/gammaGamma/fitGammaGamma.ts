import { deepFreeze } from '../../internal/deepFreeze';
import { ModelError, ValidationError, quoteValue, type RowIssue } from '../../errors';
import type { SpendCustomer } from '../BtydCustomer';
import type { FitOptions, GammaGammaModel, GammaGammaParameters } from '../ClvModel';
import { fitByMaximumLikelihood, resolveFitOptions } from '../fitByMaximumLikelihood';
import { gammaGammaLogLikelihood } from './gammaGammaLogLikelihood';

const NAMES = ['p', 'q', 'gamma'] as const;

/**
 * Fits the Gamma-Gamma model of spend per transaction: each customer's transaction values
 * vary around their own mean, and those means vary across customers. It is fitted on the
 * customers with at least one repeat purchase, on the mean value of their repeat purchases
 * (`meanRepeatPurchaseValue`, the first purchase excluded, as the papers do). It assumes spend
 * does not depend on how often a customer buys: check that the correlation between
 * `repeatPurchases` and `meanRepeatPurchaseValue` is weak before relying on it.
 *
 * Customers with no repeat purchase are left out (`fit.excluded.noRepeatPurchase`), and so are
 * those whose mean repeat value is zero or negative (`fit.excluded.nonPositiveValue`: refunds or
 * free orders), which the model cannot describe.
 *
 * @param customers - Features with `repeatPurchases` and `meanRepeatPurchaseValue`.
 * @param options - `penalizer`, `initialParameters`, `maxIterations`, `strict`.
 * @returns A plain, JSON-serialisable {@link GammaGammaModel}.
 * @throws {ValidationError} when a value is not a finite number.
 * @throws {ModelError} `insufficient_data` with fewer than 2 usable customers; `not_converged` in strict mode.
 * @see Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis", JMR 42(4).
 * @see Fader & Hardie (2013), "The Gamma-Gamma model of monetary value".
 *
 * @example
 * ```ts
 * import { fitGammaGamma, expectedAverageValue } from 'clientele';
 * const buyer = (x: number, meanRepeatPurchaseValue: number) => ({ repeatPurchases: x, meanRepeatPurchaseValue });
 * const model = fitGammaGamma([buyer(1, 20), buyer(3, 35), buyer(2, 18), buyer(6, 42), buyer(1, 60), buyer(4, 25), buyer(2, 30)]);
 * model.fit.customers; // => 7
 * expectedAverageValue(model, buyer(6, 42)) > expectedAverageValue(model, buyer(1, 20)); // => true
 * ```
 * @category Lifetime value
 */
export function fitGammaGamma(customers: readonly SpendCustomer[], options?: FitOptions<GammaGammaParameters>): GammaGammaModel {
  if (!Array.isArray(customers)) throw new ValidationError('fitGammaGamma', [{ index: 0, path: [], code: 'invalid_type', message: 'expected an array of customer features' }], 1, 1);
  const x: number[] = [];
  const meanValue: number[] = [];
  const issues: RowIssue[] = [];
  let rejected = 0;
  let noRepeatPurchase = 0;
  let nonPositiveValue = 0;
  customers.forEach((customer, index) => {
    const record = (typeof customer === 'object' && customer !== null ? customer : {}) as Record<string, unknown>;
    const repeat = record.repeatPurchases;
    const value = record.meanRepeatPurchaseValue;
    let problem: RowIssue | null = null;
    if (typeof repeat !== 'number' || !Number.isInteger(repeat) || repeat < 0 || repeat > 1e7) {
      problem = { index, path: ['repeatPurchases'], code: 'invalid_value', message: `expected a whole number from 0 to 1e7, received ${quoteValue(repeat)}` };
    } else if (repeat > 0 && (typeof value !== 'number' || !Number.isFinite(value))) {
      problem = { index, path: ['meanRepeatPurchaseValue'], code: typeof value === 'number' ? 'non_finite' : 'invalid_type', message: `expected a finite number for a customer with repeat purchases, received ${quoteValue(value)}` };
    }
    if (problem) {
      rejected += 1;
      if (issues.length < 20) issues.push(problem);
      return;
    }
    if (repeat === 0) noRepeatPurchase += 1;
    else if ((value as number) <= 0) nonPositiveValue += 1;
    else {
      x.push(repeat as number);
      meanValue.push(value as number);
    }
  });
  if (rejected > 0) throw new ValidationError('fitGammaGamma', issues, rejected, customers.length);
  if (x.length < 2) {
    throw new ModelError(
      'insufficient_data',
      `fitGammaGamma needs at least 2 customers with repeat purchases of positive mean value, received ${x.length} (of ${customers.length}: ${noRepeatPurchase} without a repeat purchase, ${nonPositiveValue} with a mean value <= 0)`,
      'gammagamma',
    );
  }
  // Start with p = 1 and q = 2, and γ so that the implied mean spend p·γ/(q − 1) is the observed mean.
  const observedMean = meanValue.reduce((sum, value) => sum + value, 0) / meanValue.length;
  const resolved = resolveFitOptions('fitGammaGamma', options, NAMES, [1, 2, Math.min(1e7, Math.max(1e-6, observedMean))]);
  // γ is in currency units, so a currency with small units (dong, rial) puts it past the
  // optimiser's 1e6 limit, where the fit would read as running off. Without a penalizer the
  // estimate is equivariant in the unit: fit on spend / its mean, then scale γ back (p and q do
  // not depend on it; the log-likelihood shifts by −n·ln scale). A penalizer acts on γ as given,
  // as in Python's lifetimes, so then the spend is fitted as it is.
  const scale = resolved.penalizer === 0 && observedMean > 0 ? observedMean : 1;
  const columns = { x: Float64Array.from(x), meanValue: Float64Array.from(meanValue, (value) => value / scale) };
  const estimate = fitByMaximumLikelihood(
    'fitGammaGamma',
    { kind: 'gammagamma', names: NAMES, customers: x.length, hasGradient: true, logLikelihood: (theta, gradient) => gammaGammaLogLikelihood(columns, theta, gradient) },
    { ...resolved, start: resolved.start.map((value, index) => (index === 2 ? value / scale : value)) },
  );
  const parameters = { ...estimate.parameters, gamma: (estimate.parameters.gamma as number) * scale };
  const standardErrors = estimate.standardErrors === null ? null : { ...estimate.standardErrors, gamma: (estimate.standardErrors.gamma as number) * scale };
  const summary = { ...estimate.summary, logLikelihood: estimate.summary.logLikelihood - x.length * Math.log(scale) };
  return deepFreeze({
    kind: 'gammagamma',
    version: 1,
    parameters: parameters as unknown as GammaGammaParameters,
    standardErrors: standardErrors as unknown as GammaGammaParameters | null,
    fit: { ...summary, customers: x.length, excluded: { noRepeatPurchase, nonPositiveValue } },
  });
}
