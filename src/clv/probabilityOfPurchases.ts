import { ConfigurationError, quoteValue } from '../errors';
import type { TransactionModel } from './ClvModel';
import { durationIn, type Duration } from './Duration';
import { bindTransactionModel, checkFinite } from './bindTransactionModel';

/**
 * The probability that a new customer makes exactly `n` repeat purchases within `period` of
 * their first: P(X(t) = n). Summed over n it gives the distribution behind "how many will
 * come back once, twice, ...", the classic histogram check of a fit.
 *
 * @param model - A fitted BG/NBD, MBG/NBD or Pareto/NBD model.
 * @param n - A whole number of repeat purchases, 0 or more.
 * @param period - The period with its unit, e.g. `{ weeks: 39 }`.
 * @returns A probability in [0, 1].
 * @throws {ConfigurationError} `invalid_option` for a bad `n` or `period`.
 * @throws {ModelError} for a model that is not a fitted transaction model.
 * @see Fader, Hardie & Lee (2005), eq. (8); Fader & Hardie, "Deriving an expression for P(X(t) = x) under the Pareto/NBD model" (2006).
 *
 * @example
 * ```ts
 * import { probabilityOfPurchases } from 'clientele';
 * const model = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * probabilityOfPurchases(model, 0, { weeks: 39 }).toFixed(3); // => '0.574'
 * ```
 * @category Lifetime value
 */
export function probabilityOfPurchases(model: Pick<TransactionModel, 'kind' | 'version' | 'timeUnit' | 'parameters'>, n: number, period: Duration): number {
  const bound = bindTransactionModel('probabilityOfPurchases', model);
  if (!Number.isInteger(n) || n < 0 || n > 1e6) {
    throw new ConfigurationError('invalid_option', `probabilityOfPurchases expects \`n\` to be a whole number from 0 to 1e6, received ${quoteValue(n)}`, ['n']);
  }
  const t = durationIn('probabilityOfPurchases', period, bound.timeUnit, ['period']);
  const probability = checkFinite('probabilityOfPurchases', bound.kind, bound.formulas.probabilityOfPurchases(bound.parameters, n, t), 'P(X(t) = n)');
  return Math.min(1, Math.max(0, probability));
}
