import { ModelError, ValidationError, quoteValue } from '../errors';
import type { SpendCustomer } from './BtydCustomer';
import type { GammaGammaModel } from './ClvModel';

/**
 * A customer's expected value per future transaction under a Gamma-Gamma model: a weighted
 * average of the population mean p·γ/(q − 1) and the customer's own mean repeat value z̄, the
 * weight on their own mean growing with their repeat purchases x:
 *
 *   E[Z | x, z̄] = (q − 1)/(px + q − 1) · pγ/(q − 1) + px/(px + q − 1) · z̄.
 *
 * A customer with no repeat purchase (or a mean repeat value of zero or less, which the model
 * was not fitted on) gets the population mean.
 *
 * @param model - A fitted Gamma-Gamma model.
 * @param customer - `repeatPurchases` and `meanRepeatPurchaseValue`.
 * @returns Expected value per transaction, in the currency of the data.
 * @throws {ModelError} `numerical_failure` when q <= 1 (the population mean is infinite); kind and version errors.
 * @throws {ValidationError} for a bad `repeatPurchases` or a non-finite mean value.
 * @see Fader, Hardie & Lee (2005), "RFM and CLV", eq. (5); Fader & Hardie (2013), eq. (5).
 *
 * @example
 * ```ts
 * import { expectedAverageValue } from 'clientele';
 * const model = { kind: 'gammagamma', version: 1, parameters: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
 * expectedAverageValue(model, { repeatPurchases: 0, meanRepeatPurchaseValue: null }).toFixed(2); // => '35.22'
 * expectedAverageValue(model, { repeatPurchases: 10, meanRepeatPurchaseValue: 20 }).toFixed(2); // => '20.64'
 * ```
 * @category Lifetime value
 */
export function expectedAverageValue(model: Pick<GammaGammaModel, 'kind' | 'version' | 'parameters'>, customer: SpendCustomer): number {
  const { p, q, gamma } = gammaGammaParameters('expectedAverageValue', model);
  return averageValue(p, q, gamma, readSpend('expectedAverageValue', customer));
}

/** Checks a Gamma-Gamma model and returns its parameters. */
export function gammaGammaParameters(functionName: string, model: unknown): { readonly p: number; readonly q: number; readonly gamma: number } {
  const record = (typeof model === 'object' && model !== null ? model : {}) as Record<string, unknown>;
  if (record.kind !== 'gammagamma') throw new ModelError('model_kind_mismatch', `${functionName} expects a model of kind "gammagamma", received ${quoteValue(record.kind)}`, 'gammagamma');
  if (record.version !== 1) throw new ModelError('model_version_unsupported', `${functionName} reads gammagamma models of version 1, received ${quoteValue(record.version)}`, 'gammagamma');
  const parameters = (typeof record.parameters === 'object' && record.parameters !== null ? record.parameters : {}) as Record<string, unknown>;
  for (const name of ['p', 'q', 'gamma']) {
    const value = parameters[name];
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
      throw new ModelError('invalid_model', `${functionName} expects model parameter ${name} to be a positive finite number, received ${quoteValue(value)}`, 'gammagamma', ['parameters', name]);
    }
  }
  const { p, q, gamma } = parameters as { p: number; q: number; gamma: number };
  if (q <= 1) throw new ModelError('numerical_failure', `${functionName} needs q > 1: with q = ${q} the model's mean spend per transaction is infinite`, 'gammagamma', ['parameters', 'q']);
  return { p, q, gamma };
}

/** x and z̄ of one customer, checked; z̄ is ignored (null) when x = 0 or z̄ <= 0. */
export function readSpend(functionName: string, customer: unknown, index = 0, given = 1): { readonly x: number; readonly meanValue: number | null } {
  const record = (typeof customer === 'object' && customer !== null ? customer : {}) as Record<string, unknown>;
  const x = record.repeatPurchases;
  const value = record.meanRepeatPurchaseValue;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > 1e7) {
    throw new ValidationError(functionName, [{ index, path: ['repeatPurchases'], code: 'invalid_value', message: `expected a whole number from 0 to 1e7, received ${quoteValue(x)}` }], 1, given);
  }
  if (x === 0 || value === null || value === undefined) return { x, meanValue: null };
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValidationError(functionName, [{ index, path: ['meanRepeatPurchaseValue'], code: 'non_finite', message: `expected a finite number or null, received ${quoteValue(value)}` }], 1, given);
  }
  return { x, meanValue: value > 0 ? value : null };
}

/** E[Z | x, z̄] from checked inputs. */
export function averageValue(p: number, q: number, gamma: number, { x, meanValue }: { readonly x: number; readonly meanValue: number | null }): number {
  if (meanValue === null) return (p * gamma) / (q - 1);
  return (p * (gamma + x * meanValue)) / (p * x + q - 1);
}
