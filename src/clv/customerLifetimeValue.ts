import { ConfigurationError, ValidationError, quoteValue } from '../errors';
import type { BtydCustomer, SpendCustomer } from './BtydCustomer';
import type { GammaGammaModel, TransactionModel } from './ClvModel';
import { durationInDays, type Duration } from './Duration';
import { averageValue, gammaGammaParameters, readSpend } from './expectedAverageValue';
import { readBtydSummary } from './readBtydSummary';
import { bindTransactionModel, checkFinite } from './bindTransactionModel';

/** The customer fields {@link customerLifetimeValue} reads. */
export type LifetimeValueCustomer = BtydCustomer & SpendCustomer & { readonly customerId: string };

/** Inputs of {@link customerLifetimeValue}. */
export interface CustomerLifetimeValueOptions {
  /** A fitted BG/NBD, MBG/NBD or Pareto/NBD model: how many purchases. */
  readonly transactionModel: Pick<TransactionModel, 'kind' | 'version' | 'timeUnit' | 'parameters'>;
  /** A fitted Gamma-Gamma model: how much per purchase. */
  readonly valueModel: Pick<GammaGammaModel, 'kind' | 'version' | 'parameters'>;
  readonly customers: readonly LifetimeValueCustomer[];
  /** How far ahead, with its unit: `{ months: 12 }`, `{ weeks: 52 }`, `{ days: 365 }`. */
  readonly horizon: Duration;
  /** The discounting period: value bought in period k is divided by (1 + discountRate)^k. Default: one of the horizon's unit (`{ months: 1 }` for a horizon in months). */
  readonly unit?: Duration;
  /** Discount rate per `unit` period (0.01 is 1 % a month for monthly periods). Default 0. */
  readonly discountRate?: number;
  /** Share of revenue that is profit, to turn value into margin. Default 1 (revenue). */
  readonly margin?: number;
}

/** One customer's predicted value. */
export interface CustomerLifetimeValue {
  readonly customerId: string;
  /** Expected purchases within the horizon; `null` for a prospect (no purchase yet: the models do not describe them). */
  readonly expectedPurchases: number | null;
  /** Expected value per purchase (Gamma-Gamma). */
  readonly expectedAverageValue: number;
  readonly probabilityAlive: number | null;
  /** Discounted expected value (times `margin`) within the horizon; `null` for a prospect. */
  readonly lifetimeValue: number | null;
}

/** What {@link customerLifetimeValue} returns: the horizon as it was understood, and a value per customer. */
export interface CustomerLifetimeValueResult {
  /** The horizon in days, and in the discounting periods (the last may be partial). */
  readonly horizonDays: number;
  readonly periodDays: number;
  readonly periods: number;
  readonly customers: readonly CustomerLifetimeValue[];
  /** Sum of `lifetimeValue` over the customers that have one. */
  readonly totalLifetimeValue: number;
  /** Customers given without a first purchase, valued `null`. */
  readonly prospects: number;
}

/**
 * Predicts each customer's discounted value over a horizon: expected purchases in each
 * discounting period (from the transaction model, given the customer's history) times the
 * expected value per purchase (Gamma-Gamma), divided by (1 + discountRate)^k for period k,
 * times `margin`. The horizon and the period carry their units and are converted to the
 * model's time unit here, so `{ months: 12 }` on a weekly model is 52.18 weeks, never 12 weeks
 * or 12 × 30 weeks.
 *
 * @param options - Models, customers, `horizon`, and optionally `unit`, `discountRate`, `margin`.
 * @returns Per customer: expected purchases, value per purchase, P(alive) and lifetime value.
 * @throws {ConfigurationError} `invalid_option` for a bad horizon, unit, rate or margin.
 * @throws {ValidationError} listing customers whose summary is invalid.
 * @throws {ModelError} for models of the wrong kind or with invalid parameters.
 * @see Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves"; lifetimes' `customer_lifetime_value` (periodic discounting).
 *
 * @example
 * ```ts
 * import { customerLifetimeValue } from 'clientele';
 * const transactionModel = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const valueModel = { kind: 'gammagamma', version: 1, parameters: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
 * const result = customerLifetimeValue({
 *   transactionModel,
 *   valueModel,
 *   customers: [{ customerId: 'c1', repeatPurchases: 7, firstToLastPurchase: 35, firstPurchaseToAsOf: 38, timeUnit: 'weeks', meanRepeatPurchaseValue: 40 }],
 *   horizon: { months: 12 },
 *   discountRate: 0.01,
 * });
 * result.periods; // => 12
 * result.customers[0]?.lifetimeValue?.toFixed(0); // => '215'
 * ```
 * @category Lifetime value
 */
export function customerLifetimeValue(options: CustomerLifetimeValueOptions): CustomerLifetimeValueResult {
  const name = 'customerLifetimeValue';
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('missing_option', `${name} expects an options object with transactionModel, valueModel, customers and horizon`);
  const bound = bindTransactionModel(name, options.transactionModel);
  const { p, q, gamma } = gammaGammaParameters(name, options.valueModel);
  if (!Array.isArray(options.customers)) throw new ConfigurationError('invalid_option', `${name} expects \`customers\` to be an array, received ${quoteValue(options.customers)}`, ['customers']);
  const horizonDays = durationInDays(name, options.horizon, ['horizon']);
  const periodDays = durationInDays(name, options.unit ?? unitOf(options.horizon), ['unit']);
  if (!(periodDays > 0)) throw new ConfigurationError('invalid_option', `${name} expects \`unit\` to be a positive duration`, ['unit']);
  const discountRate = options.discountRate ?? 0;
  if (typeof discountRate !== 'number' || !(discountRate >= 0 && discountRate < 10)) {
    throw new ConfigurationError('invalid_option', `${name} expects \`discountRate\` per period to be a number from 0 up to 10, received ${quoteValue(discountRate)}`, ['discountRate']);
  }
  const margin = options.margin ?? 1;
  if (typeof margin !== 'number' || !(margin > 0 && margin <= 1e6)) throw new ConfigurationError('invalid_option', `${name} expects \`margin\` to be a number above 0, received ${quoteValue(margin)}`, ['margin']);

  // Period ends in the model's unit; the last period may be partial (a 365-day horizon in months).
  const periods = horizonDays / periodDays;
  const count = Math.ceil(periods - 1e-9);
  if (!(count <= 10_000)) {
    throw new ConfigurationError('invalid_option', `${name} would discount over ${Number.isFinite(count) ? count.toLocaleString('en-US') : 'infinitely many'} periods; use a longer \`unit\` (at most 10,000 periods in the horizon)`, ['unit']);
  }
  const toModel = bound.timeUnit === 'weeks' ? 1 / 7 : 1;
  const ends = Array.from({ length: count }, (_, k) => Math.min(k + 1, periods) * periodDays * toModel);
  const discounts = ends.map((_, k) => (1 + discountRate) ** -(k + 1));

  let total = 0;
  let prospects = 0;
  const results = options.customers.map((customer, index): CustomerLifetimeValue => {
    const summary = readBtydSummary(customer, index, bound.timeUnit);
    if (summary !== null && 'code' in summary) throw new ValidationError(name, [summary], 1, options.customers.length);
    const spend = readSpend(name, customer, index, options.customers.length);
    const value = averageValue(p, q, gamma, spend);
    const customerId = String((customer as { customerId?: unknown }).customerId);
    if (summary === null) {
      prospects += 1;
      return { customerId, expectedPurchases: null, expectedAverageValue: value, probabilityAlive: null, lifetimeValue: null };
    }
    // Expected purchases if alive, per period; P(alive) scales them all.
    let previous = 0;
    let discounted = 0;
    for (let k = 0; k < count; k += 1) {
      const cumulative = bound.formulas.expectedPurchasesIfAlive(bound.parameters, ends[k] as number, summary);
      discounted += (cumulative - previous) * (discounts[k] as number);
      previous = cumulative;
    }
    const alive = Math.exp(bound.formulas.logProbabilityAlive(bound.parameters, summary));
    const lifetimeValue = checkFinite(name, bound.kind, alive * discounted * value * margin, 'the expected purchases');
    total += lifetimeValue;
    return { customerId, expectedPurchases: alive * previous, expectedAverageValue: value, probabilityAlive: alive, lifetimeValue };
  });
  return { horizonDays, periodDays, periods, customers: results, totalLifetimeValue: total, prospects };
}

/** One of the horizon's own unit, keeping its month length. */
function unitOf(horizon: Duration): Duration {
  if (typeof horizon !== 'object' || horizon === null) return horizon;
  if ('months' in horizon) return horizon.daysPerMonth === undefined ? { months: 1 } : { months: 1, daysPerMonth: horizon.daysPerMonth };
  return 'weeks' in horizon ? { weeks: 1 } : { days: 1 };
}
