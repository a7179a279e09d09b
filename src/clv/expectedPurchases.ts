import type { TransactionModel } from './ClvModel';
import { durationIn, type Duration } from './Duration';
import { bindTransactionModel, checkFinite } from './bindTransactionModel';

/**
 * How many repeat purchases a new customer is expected to make within `period` of their first
 * purchase: E[X(t)] under the fitted model. Use it to plan for a cohort being acquired; for a
 * customer you already know, use {@link conditionalExpectedPurchases}.
 *
 * @param model - A fitted BG/NBD, MBG/NBD or Pareto/NBD model.
 * @param period - How long, with its unit: `{ weeks: 39 }`, `{ days: 365 }`, `{ months: 12 }`.
 * @returns Expected repeat purchases (first purchase not counted).
 * @throws {ConfigurationError} `invalid_option` when `period` is not a duration (a bare number is refused: its unit would be a guess).
 * @throws {ModelError} for a model that is not a fitted transaction model.
 * @see Fader, Hardie & Lee (2005), eq. (9); Schmittlein, Morrison & Colombo (1987).
 *
 * @example
 * ```ts
 * import { expectedPurchases } from 'clientele';
 * const model = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * expectedPurchases(model, { weeks: 39 }).toFixed(3); // => '1.197'
 * expectedPurchases(model, { days: 273 }).toFixed(3); // => '1.197'
 * ```
 * @category Lifetime value
 */
export function expectedPurchases(model: Pick<TransactionModel, 'kind' | 'version' | 'timeUnit' | 'parameters'>, period: Duration): number {
  const bound = bindTransactionModel('expectedPurchases', model);
  const t = durationIn('expectedPurchases', period, bound.timeUnit, ['period']);
  return checkFinite('expectedPurchases', bound.kind, bound.formulas.expectedPurchases(bound.parameters, t), 'E[X(t)]');
}
