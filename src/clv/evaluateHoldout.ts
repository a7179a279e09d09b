import { ConfigurationError, ValidationError, quoteValue, type RowIssue } from '../errors';
import type { CalibrationHoldoutFeatures } from '../features/splitCalibrationHoldout';
import type { TransactionModel } from './ClvModel';
import { readBtydSummary } from './readBtydSummary';
import { bindTransactionModel, checkFinite } from './bindTransactionModel';

/** The fields of `splitCalibrationHoldout`'s output that {@link evaluateHoldout} reads. */
export type HoldoutCustomer = Pick<
  CalibrationHoldoutFeatures,
  'customerId' | 'repeatPurchases' | 'firstToLastPurchase' | 'firstPurchaseToAsOf' | 'timeUnit' | 'holdoutPurchases' | 'holdoutDuration'
>;

/** One row of the calibration-versus-holdout table: customers grouped by calibration repeat purchases. */
export interface HoldoutByFrequency {
  /** Repeat purchases in calibration; the last row holds this many or more. */
  readonly repeatPurchases: number;
  /** `true` on the last row, which pools every customer with `repeatPurchases` or more. */
  readonly andMore: boolean;
  readonly customers: number;
  /** Mean purchases in the holdout period, actual and predicted; `null` for a row without customers. */
  readonly actualMean: number | null;
  readonly predictedMean: number | null;
}

/** How well a model predicted the holdout period. */
export interface HoldoutEvaluation {
  readonly customers: readonly { readonly customerId: string; readonly repeatPurchases: number; readonly predicted: number; readonly actual: number }[];
  /** Mean absolute error of predicted versus actual holdout purchases, per customer; `null` with no customer. */
  readonly meanAbsoluteError: number | null;
  readonly rootMeanSquaredError: number | null;
  /** Total holdout purchases over all customers, actual and predicted. */
  readonly actualTotal: number;
  readonly predictedTotal: number;
  /** The classic chart: mean holdout purchases by calibration frequency, 0 to `maxRepeatPurchases`+. */
  readonly byFrequency: readonly HoldoutByFrequency[];
}

/**
 * Checks a model fitted on a calibration period against what customers then did: for every
 * customer of `splitCalibrationHoldout`, the purchases the model expected in their holdout
 * period (given their calibration history) against the purchases they made. Returns per-customer
 * pairs, MAE and RMSE, totals, and the table behind the "calibration vs holdout purchases by
 * frequency" chart of Fader, Hardie & Lee (2005, figure 4).
 *
 * @param model - A BG/NBD, MBG/NBD or Pareto/NBD model fitted on the calibration features.
 * @param customers - The output of `splitCalibrationHoldout`.
 * @param options - `maxRepeatPurchases`: the last frequency row pools this many and more (default 7, as in the paper).
 * @returns The evaluation.
 * @throws {ValidationError} listing customers with an invalid summary or holdout.
 * @throws {ModelError} for a model that is not a fitted transaction model.
 *
 * @example
 * ```ts
 * import { evaluateHoldout } from 'clientele';
 * const model = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const customer = (customerId: string, x: number, tx: number, holdoutPurchases: number) =>
 *   ({ customerId, repeatPurchases: x, firstToLastPurchase: tx, firstPurchaseToAsOf: 38, timeUnit: 'weeks', holdoutPurchases, holdoutDuration: 39 }) as const;
 * const evaluation = evaluateHoldout(model, [customer('a', 0, 0, 0), customer('b', 3, 30, 2), customer('c', 7, 36, 5)]);
 * evaluation.byFrequency.map((row) => row.customers); // => [1, 0, 0, 1, 0, 0, 0, 1]
 * evaluation.actualTotal; // => 7
 * ```
 * @category Lifetime value
 */
export function evaluateHoldout(model: Pick<TransactionModel, 'kind' | 'version' | 'timeUnit' | 'parameters'>, customers: readonly HoldoutCustomer[], options: { readonly maxRepeatPurchases?: number } = {}): HoldoutEvaluation {
  const name = 'evaluateHoldout';
  const bound = bindTransactionModel(name, model);
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('invalid_option', `${name} expects options to be an object, received ${quoteValue(options)}`);
  const maxRepeatPurchases = options.maxRepeatPurchases ?? 7;
  if (!Number.isInteger(maxRepeatPurchases) || maxRepeatPurchases < 0 || maxRepeatPurchases > 1000) {
    throw new ConfigurationError('invalid_option', `${name} expects \`maxRepeatPurchases\` to be a whole number from 0 to 1000, received ${quoteValue(maxRepeatPurchases)}`, ['maxRepeatPurchases']);
  }
  if (!Array.isArray(customers)) throw new ConfigurationError('invalid_option', `${name} expects an array of calibration/holdout customers, received ${quoteValue(customers)}`);
  const rows = maxRepeatPurchases + 1;
  const counts = new Float64Array(rows);
  const actualSums = new Float64Array(rows);
  const predictedSums = new Float64Array(rows);
  const issues: RowIssue[] = [];
  let rejected = 0;
  let absoluteSum = 0;
  let squaredSum = 0;
  let actualTotal = 0;
  let predictedTotal = 0;
  const results: { customerId: string; repeatPurchases: number; predicted: number; actual: number }[] = [];
  customers.forEach((customer, index) => {
    const summary = readBtydSummary(customer, index, bound.timeUnit);
    const record = customer as unknown as Record<string, unknown>;
    let problem: RowIssue | null = summary === null ? { index, path: ['firstPurchaseToAsOf'], code: 'invalid_value', message: 'expected a calibration customer with a first purchase' } : 'code' in summary ? summary : null;
    const actual = record.holdoutPurchases;
    const duration = record.holdoutDuration;
    if (!problem && (typeof actual !== 'number' || !Number.isInteger(actual) || actual < 0)) {
      problem = { index, path: ['holdoutPurchases'], code: 'invalid_value', message: `expected a whole number of purchases, received ${quoteValue(actual)}` };
    }
    if (!problem && (typeof duration !== 'number' || !(duration > 0) || !Number.isFinite(duration))) {
      problem = { index, path: ['holdoutDuration'], code: 'invalid_value', message: `expected a positive duration, received ${quoteValue(duration)}` };
    }
    if (problem || summary === null || 'code' in summary) {
      rejected += 1;
      if (problem && issues.length < 20) issues.push(problem);
      return;
    }
    const factor = record.timeUnit === bound.timeUnit ? 1 : record.timeUnit === 'days' ? 1 / 7 : 7;
    const predicted = checkFinite(name, bound.kind, bound.formulas.expectedPurchasesIfAlive(bound.parameters, (duration as number) * factor, summary) * Math.exp(bound.formulas.logProbabilityAlive(bound.parameters, summary)), 'E[Y(t) | x, t_x, T]');
    const bucket = Math.min(summary.x, maxRepeatPurchases);
    counts[bucket] = (counts[bucket] as number) + 1;
    actualSums[bucket] = (actualSums[bucket] as number) + (actual as number);
    predictedSums[bucket] = (predictedSums[bucket] as number) + predicted;
    const error = predicted - (actual as number);
    absoluteSum += Math.abs(error);
    squaredSum += error * error;
    actualTotal += actual as number;
    predictedTotal += predicted;
    results.push({ customerId: String(record.customerId), repeatPurchases: summary.x, predicted, actual: actual as number });
  });
  if (rejected > 0) throw new ValidationError(name, issues, rejected, customers.length);
  const n = results.length;
  return {
    customers: results,
    meanAbsoluteError: n > 0 ? absoluteSum / n : null,
    rootMeanSquaredError: n > 0 ? Math.sqrt(squaredSum / n) : null,
    actualTotal,
    predictedTotal,
    byFrequency: Array.from(counts, (count, bucket) => ({
      repeatPurchases: bucket,
      andMore: bucket === maxRepeatPurchases,
      customers: count,
      actualMean: count > 0 ? (actualSums[bucket] as number) / count : null,
      predictedMean: count > 0 ? (predictedSums[bucket] as number) / count : null,
    })),
  };
}
