import { ConfigurationError } from '../errors';
import { resolveSummarizeOptions } from '../features/createSummarizer';
import { purchaseDaysByCustomer } from '../features/purchaseDaysByCustomer';
import type { InstantInput } from '../model/parseInstant';
import type { Transaction, TransactionInput } from '../model/transactionSchema';
import { bindTransactionModel, checkFinite } from './bindTransactionModel';
import type { TransactionModel } from './ClvModel';
import { durationInDays, type Duration } from './Duration';

/** Options of {@link repeatPurchaseCurve}. */
export interface RepeatPurchaseCurveOptions {
  /** Last day of the calibration period: the cohort is every customer whose first purchase is on or before it. */
  readonly calibrationEnd: InstantInput;
  /** Last day the curve runs to (the end of the holdout period). */
  readonly observationEnd: InstantInput;
  /** Length of one step of the curve, a whole number of days. Default `{ weeks: 1 }`. */
  readonly every?: Duration;
  /** IANA time zone of the calendar days. Default `UTC`. */
  readonly timeZone?: string;
}

/** One step of the tracking curve. */
export interface RepeatPurchaseCurvePoint {
  /** The last calendar day of the step, `YYYY-MM-DD`. */
  readonly periodEnd: string;
  /** `true` once the step ends after `calibrationEnd`. */
  readonly holdout: boolean;
  /** Repeat purchases the cohort made in this step, and the model's expectation. */
  readonly actual: number;
  readonly expected: number;
  /** Running totals since the first step. */
  readonly cumulativeActual: number;
  readonly cumulativeExpected: number;
}

const DAY = 86_400_000;

/**
 * The tracking chart of a fitted model: repeat purchases of the calibration cohort step by step
 * (weekly by default) over the calibration and holdout periods, actual against expected. The
 * expectation sums E[X(t)] over the cohort, each customer's clock starting at their first
 * purchase (Fader, Hardie & Lee 2005, figures 2 and 3). Actual repeat purchases are the
 * purchase days after each customer's first, counted as `summarize` counts them.
 *
 * @param model - A BG/NBD, MBG/NBD or Pareto/NBD model fitted on the calibration period.
 * @param transactions - The transaction log covering both periods (rows or parsed records).
 * @param options - `calibrationEnd`, `observationEnd`, `every` (whole days), `timeZone`.
 * @returns One point per step from the cohort's first purchase day to `observationEnd`; the last step may be shorter.
 * @throws {ConfigurationError} for bad dates or steps.
 * @throws {ValidationError} when a row is invalid.
 * @throws {ModelError} for a model that is not a fitted transaction model.
 *
 * @example
 * ```ts
 * import { repeatPurchaseCurve } from 'clientele';
 * const model = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const curve = repeatPurchaseCurve(
 *   model,
 *   [
 *     { orderId: 'o1', customerId: 'c1', at: '2026-01-01', amount: 20 },
 *     { orderId: 'o2', customerId: 'c1', at: '2026-01-09', amount: 20 },
 *     { orderId: 'o3', customerId: 'c1', at: '2026-01-20', amount: 20 },
 *   ],
 *   { calibrationEnd: '2026-01-14', observationEnd: '2026-01-28' },
 * );
 * curve.map((point) => point.cumulativeActual); // => [0, 1, 2, 2]
 * curve.map((point) => point.holdout); // => [false, false, true, true]
 * ```
 * @category Lifetime value
 */
export function repeatPurchaseCurve(
  model: Pick<TransactionModel, 'kind' | 'version' | 'timeUnit' | 'parameters'>,
  transactions: readonly (TransactionInput | Transaction)[],
  options: RepeatPurchaseCurveOptions,
): RepeatPurchaseCurvePoint[] {
  const name = 'repeatPurchaseCurve';
  const { kind, timeUnit, parameters, formulas } = bindTransactionModel(name, model);
  if (typeof options !== 'object' || options === null || options.calibrationEnd === undefined || options.observationEnd === undefined) {
    throw new ConfigurationError('missing_option', `${name} needs options \`calibrationEnd\` and \`observationEnd\``, [options?.calibrationEnd === undefined ? 'calibrationEnd' : 'observationEnd']);
  }
  const zone = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const calibrationDay = resolveSummarizeOptions(name, { asOf: options.calibrationEnd, ...zone }).asOfDay;
  const step = durationInDays(name, options.every ?? { weeks: 1 }, ['every']);
  if (!Number.isInteger(step) || step < 1) throw new ConfigurationError('invalid_option', `${name} expects \`every\` to be a whole number of days, at least 1, received ${step} days`, ['every']);
  const { start, days, asOfDay: lastDay } = purchaseDaysByCustomer(name, transactions, { asOf: options.observationEnd, ...zone });
  if (lastDay <= calibrationDay) throw new ConfigurationError('invalid_option', `${name} expects \`observationEnd\` to be a later day than \`calibrationEnd\``, ['observationEnd']);

  // The cohort: customers whose first purchase is in the calibration period, counted by first day.
  const cohortByFirstDay = new Map<number, number>();
  let firstDay = Infinity;
  const repeatDays: number[] = [];
  for (let c = 0; c + 1 < start.length; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    if (from === to || (days[from] as number) > calibrationDay) continue;
    const first = days[from] as number;
    cohortByFirstDay.set(first, (cohortByFirstDay.get(first) ?? 0) + 1);
    firstDay = Math.min(firstDay, first);
    for (let i = from + 1; i < to; i++) repeatDays.push(days[i] as number);
  }
  if (cohortByFirstDay.size === 0) return [];

  const steps = Math.ceil((lastDay - firstDay + 1) / step);
  const actual = new Float64Array(steps);
  for (const day of repeatDays) {
    const index = Math.floor((day - firstDay) / step);
    actual[index] = (actual[index] as number) + 1;
  }
  const unitDays = timeUnit === 'weeks' ? 7 : 1;
  const points: RepeatPurchaseCurvePoint[] = [];
  let cumulativeActual = 0;
  let previousExpected = 0;
  for (let k = 0; k < steps; k++) {
    const endDay = Math.min(firstDay + (k + 1) * step - 1, lastDay);
    // Sum of E[X(t)] over the cohort, t from each first purchase day to the end of this step.
    let cumulativeExpected = 0;
    for (const [first, count] of cohortByFirstDay) {
      if (first < endDay) cumulativeExpected += count * formulas.expectedPurchases(parameters, (endDay - first) / unitDays);
    }
    checkFinite(name, kind, cumulativeExpected, 'E[X(t)]');
    cumulativeActual += actual[k] as number;
    points.push({
      periodEnd: new Date(endDay * DAY).toISOString().slice(0, 10),
      holdout: endDay > calibrationDay,
      actual: actual[k] as number,
      expected: cumulativeExpected - previousExpected,
      cumulativeActual,
      cumulativeExpected,
    });
    previousExpected = cumulativeExpected;
  }
  return points;
}
