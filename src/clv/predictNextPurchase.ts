import { ValidationError, quoteValue } from '../errors';
import type { BtydCustomer } from './BtydCustomer';
import type { TransactionModel } from './ClvModel';
import { requireBtydSummary } from './readBtydSummary';
import { bindTransactionModel, checkFinite } from './bindTransactionModel';

const DAY = 86_400_000;

/** When a customer's next purchase is expected, and how sure the model is they will make one. */
export interface NextPurchase {
  /** Epoch ms: `asOf` plus the median wait below. */
  readonly at: number;
  /** The median time to the next purchase if the customer is still alive, in days. */
  readonly daysAfterAsOf: number;
  /** P(alive) at `asOf`: the chance there is a next purchase at all. */
  readonly probabilityAlive: number;
}

/**
 * Estimates when a customer buys next: the median waiting time to their next purchase, if
 * they are still alive, from the model's posterior of their purchase rate (gamma with shape
 * r + x and rate α + T): (α + T)(2^(1/(r+x)) − 1). The median, not the mean, because the mean
 * wait is infinite whenever r + x <= 1 (typical for one-time buyers). Read it together with
 * `probabilityAlive`: a date for a customer who has probably left is a date for a ghost.
 *
 * @param model - A fitted BG/NBD, MBG/NBD or Pareto/NBD model.
 * @param customer - The customer's BTYD summary and `asOf` (any `CustomerFeatures`).
 * @returns The date, the wait in days, and P(alive).
 * @throws {ValidationError} for a prospect, an invalid summary or a missing `asOf`.
 * @throws {ModelError} for a model that is not a fitted transaction model.
 *
 * @example
 * ```ts
 * import { predictNextPurchase } from 'clientele';
 * const model = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const customer = { repeatPurchases: 7, firstToLastPurchase: 35, firstPurchaseToAsOf: 38, timeUnit: 'weeks', asOf: Date.UTC(2026, 5, 30) } as const;
 * const next = predictNextPurchase(model, customer);
 * next.daysAfterAsOf.toFixed(1); // => '29.8'
 * new Date(next.at).toISOString().slice(0, 10); // => '2026-07-29'
 * ```
 * @category Lifetime value
 */
export function predictNextPurchase(model: Pick<TransactionModel, 'kind' | 'version' | 'timeUnit' | 'parameters'>, customer: BtydCustomer & { readonly asOf: number }): NextPurchase {
  const bound = bindTransactionModel('predictNextPurchase', model);
  const summary = requireBtydSummary('predictNextPurchase', customer, bound.timeUnit);
  const asOf = (customer as { asOf?: unknown }).asOf;
  if (typeof asOf !== 'number' || !Number.isFinite(asOf)) {
    throw new ValidationError('predictNextPurchase', [{ index: 0, path: ['asOf'], code: 'invalid_type', message: `expected asOf in epoch ms, received ${quoteValue(asOf)}` }], 1, 1);
  }
  const { shape, rate } = bound.formulas.purchaseRatePosterior(bound.parameters, summary);
  const wait = rate * Math.expm1(Math.LN2 / shape);
  const days = checkFinite('predictNextPurchase', bound.kind, bound.timeUnit === 'weeks' ? wait * 7 : wait, 'the median wait');
  return { at: asOf + days * DAY, daysAfterAsOf: days, probabilityAlive: Math.exp(bound.formulas.logProbabilityAlive(bound.parameters, summary)) };
}
