import { ConfigurationError } from '../errors';
import { parseTransactions } from '../model/parseTransactions';
import type { Transaction, TransactionInput } from '../model/transactionSchema';
import { isValidated } from '../model/validatedBatches';
import { resolveSummarizeOptions, summarizerFor, type SummarizeOptions } from './createSummarizer';
import type { CustomerFeatures } from './CustomerFeatures';

/** Options of {@link splitCalibrationHoldout}. */
export interface SplitCalibrationHoldoutOptions extends Omit<SummarizeOptions, 'asOf'> {
  /** Last calendar day of the calibration period (inclusive); features describe the customer as of this day. */
  readonly calibrationEnd: SummarizeOptions['asOf'];
  /** Last calendar day of the holdout period (inclusive). */
  readonly observationEnd: SummarizeOptions['asOf'];
}

/** A customer's calibration-period features plus what they actually did in the holdout period. */
export interface CalibrationHoldoutFeatures extends CustomerFeatures {
  /** Purchase days in the holdout period (same-day orders count once, as for `repeatPurchases`; an order counts on the day of its first purchase line). */
  readonly holdoutPurchases: number;
  /** Net of the completed rows dated in the holdout period (refunds dated there lower it). */
  readonly holdoutValue: number;
  /** Length of the holdout period, in `timeUnit`. */
  readonly holdoutDuration: number;
}

/**
 * Splits a transaction log at `calibrationEnd` for model validation: features of the
 * calibration period (as `summarize` with `asOf: calibrationEnd`) plus each customer's actual
 * purchases and value in the holdout period up to `observationEnd`. Only customers who bought
 * in the calibration period are included: the cohort a model fitted on calibration can
 * predict for. Customers whose first purchase falls in the holdout are not part of it.
 *
 * @param transactions - Transaction rows or parsed records.
 * @param options - `calibrationEnd`, `observationEnd` (both inclusive days), `unit`, `timeZone`.
 * @returns One entry per calibration customer, sorted by customer id.
 * @throws {ConfigurationError} `invalid_option` when `observationEnd` is not after `calibrationEnd`.
 * @throws {ValidationError} when a row is invalid.
 * @see Fader, Hardie & Lee (2005): CDNOW, 39 calibration weeks and 39 holdout weeks.
 *
 * @example
 * ```ts
 * import { splitCalibrationHoldout } from 'clientele';
 * const [c1] = splitCalibrationHoldout(
 *   [
 *     { orderId: 'o1', customerId: 'c1', at: '2026-01-05', amount: 20 },
 *     { orderId: 'o2', customerId: 'c1', at: '2026-02-10', amount: 35 },
 *     { orderId: 'o3', customerId: 'c2', at: '2026-02-11', amount: 99 },
 *   ],
 *   { calibrationEnd: '2026-01-31', observationEnd: '2026-02-28' },
 * );
 * c1?.orders; // => 1
 * c1?.holdoutPurchases; // => 1
 * c1?.holdoutValue; // => 35
 * c1?.holdoutDuration; // => 28
 * ```
 * @category Features
 */
export function splitCalibrationHoldout(
  transactions: readonly (TransactionInput | Transaction)[],
  options: SplitCalibrationHoldoutOptions,
): CalibrationHoldoutFeatures[] {
  if (typeof options !== 'object' || options === null || options.calibrationEnd === undefined || options.observationEnd === undefined) {
    throw new ConfigurationError('missing_option', 'splitCalibrationHoldout needs options `calibrationEnd` and `observationEnd`: the last days of the two periods', [
      options?.calibrationEnd === undefined ? 'calibrationEnd' : 'observationEnd',
    ]);
  }
  if ((options as { readonly fields?: unknown }).fields !== undefined) {
    throw new ConfigurationError('invalid_option', 'splitCalibrationHoldout computes every feature of the calibration period: it takes no `fields` option (pick fields from its result)', ['fields']);
  }
  const { calibrationEnd, observationEnd, ...rest } = options;
  const calibration = resolveSummarizeOptions('splitCalibrationHoldout', { ...rest, asOf: calibrationEnd });
  const observation = resolveSummarizeOptions('splitCalibrationHoldout', { ...rest, asOf: observationEnd });
  if (observation.asOfDay <= calibration.asOfDay) {
    throw new ConfigurationError('invalid_option', 'splitCalibrationHoldout expects `observationEnd` to be a later day than `calibrationEnd`', ['observationEnd']);
  }
  const records: readonly Transaction[] = isValidated(transactions, 'transactions')
    ? (transactions as readonly Transaction[])
    : parseTransactions(transactions, { onInvalid: 'throw', timeZone: calibration.timeZone }).records;

  // The holdout is what the whole window adds to the calibration period: an order counts where
  // its first purchase line falls, exactly as in the calibration features.
  const features = summarizerFor('splitCalibrationHoldout', { ...rest, asOf: calibrationEnd }).add(records).result();
  const whole = new Map(
    summarizerFor('splitCalibrationHoldout', { ...rest, asOf: observationEnd })
      .add(records)
      .result()
      .map((customer) => [customer.customerId, customer] as const),
  );
  // Holdout value is the net of the completed rows dated in the holdout (refunds there lower it).
  const holdoutValue = new Map<string, number>();
  const { dayNumber } = calibration;
  for (const row of records) {
    if (row.status !== 'completed') continue;
    const day = dayNumber(row.at);
    if (day > calibration.asOfDay && day <= observation.asOfDay) holdoutValue.set(row.customerId, (holdoutValue.get(row.customerId) ?? 0) + row.amount);
  }
  const unitDays = calibration.unit === 'weeks' ? 7 : 1;
  const holdoutDuration = (observation.asOfDay - calibration.asOfDay) / unitDays;
  const result: CalibrationHoldoutFeatures[] = [];
  for (const customer of features) {
    if (customer.isProspect) continue;
    const later = whole.get(customer.customerId) as CustomerFeatures;
    result.push({
      ...customer,
      holdoutPurchases: later.purchaseDays - customer.purchaseDays,
      holdoutValue: holdoutValue.get(customer.customerId) ?? 0,
      holdoutDuration,
    });
  }
  return result;
}
