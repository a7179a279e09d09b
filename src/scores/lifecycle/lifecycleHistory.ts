import { durationInDays, type Duration } from '../../clv/Duration';
import { ConfigurationError, quoteValue } from '../../errors';
import { resolveSummarizeOptions } from '../../features/createSummarizer';
import { summarize } from '../../features/summarize';
import type { InstantInput } from '../../model/parseInstant';
import { parseTransactions } from '../../model/parseTransactions';
import type { Transaction, TransactionInput } from '../../model/transactionSchema';
import { isValidated } from '../../model/validatedBatches';
import { classifyLifecycleStage } from './classifyLifecycleStage';
import { fitLifecycle } from './fitLifecycle';
import type { LifecycleClassification, LifecycleModel } from './LifecycleModel';

/** Options of {@link lifecycleHistory}. */
export interface LifecycleHistoryOptions {
  readonly customerId: string;
  /** First and last day of the timeline (inclusive). */
  readonly from: InstantInput;
  readonly to: InstantInput;
  /** Step between points, a whole number of days. Default `{ months: 1 }` (30.4375 days, so rounded to 30). */
  readonly every?: Duration;
  /** The lifecycle model to classify with; by default one is fitted on all `transactions` as of `to`. */
  readonly model?: LifecycleModel;
  /** IANA time zone of the calendar days. Default `UTC`. */
  readonly timeZone?: string;
}

/** One point of a customer's timeline: their stage as of `asOf`, or `null` before their first transaction. */
export interface LifecycleHistoryPoint {
  /** The day, `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly classification: LifecycleClassification | null;
}

const DAY = 86_400_000;

/**
 * One customer's lifecycle stage over time, for a timeline in a dashboard: the customer's
 * transactions are summarised as of each step from `from` to `to` and classified with the same
 * model throughout, so a change of stage is a change in the customer, not in the rules.
 *
 * @param transactions - Transaction rows or parsed records: the whole log (to fit the model's population interval) or at least the customer's.
 * @param options - `customerId`, `from`, `to`, `every`, `model`, `timeZone`.
 * @returns One point per step, in time order.
 * @throws {ConfigurationError} for bad dates or steps (`from` after `to`, more than 1,000 points).
 * @throws {ValidationError} when a row is invalid.
 *
 * @example
 * ```ts
 * import { lifecycleHistory } from 'clientele';
 * const rows = ['2026-01-05', '2026-02-04', '2026-03-06', '2026-09-01'].map((at, i) => ({ orderId: `o${i}`, customerId: 'ann', at, amount: 40 }));
 * const history = lifecycleHistory(rows, { customerId: 'ann', from: '2026-01-01', to: '2026-10-31', every: { days: 60 } });
 * history.map((point) => point.classification?.stage ?? '-'); // => ['-', 'new', 'active', 'at_risk', 'churned', 'reactivated']
 * history[5]?.classification?.reason.text; // => 'Bought again after 179 days away: 6 times the usual 30-day interval.'
 * ```
 * @category Lifecycle
 */
export function lifecycleHistory(transactions: readonly (TransactionInput | Transaction)[], options: LifecycleHistoryOptions): LifecycleHistoryPoint[] {
  const name = 'lifecycleHistory';
  if (typeof options !== 'object' || options === null || typeof options.customerId !== 'string') {
    throw new ConfigurationError('missing_option', `${name} needs options with a \`customerId\`, \`from\` and \`to\``, ['customerId']);
  }
  const zone = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const fromSettings = resolveSummarizeOptions(name, { asOf: options.from, ...zone });
  const toSettings = resolveSummarizeOptions(name, { asOf: options.to, ...zone });
  if (toSettings.asOfDay < fromSettings.asOfDay) throw new ConfigurationError('invalid_option', `${name} expects \`from\` on or before \`to\``, ['from']);
  const step = Math.round(durationInDays(name, options.every ?? { months: 1 }, ['every']));
  if (step < 1) throw new ConfigurationError('invalid_option', `${name} expects \`every\` to be at least one day, received ${quoteValue(options.every)}`, ['every']);
  const points = Math.floor((toSettings.asOfDay - fromSettings.asOfDay) / step) + 1;
  if (points > 1000) throw new ConfigurationError('invalid_option', `${name} would compute ${points} points; use a longer \`every\` (at most 1,000 points)`, ['every']);

  const records = isValidated(transactions, 'transactions')
    ? (transactions as readonly Transaction[])
    : parseTransactions(transactions, { onInvalid: 'throw', ...zone }).records;
  const own = records.filter((row) => row.customerId === options.customerId);
  const model = options.model ?? fitLifecycle(summarize(records, { asOf: options.to, ...zone }));
  const history: LifecycleHistoryPoint[] = [];
  for (let k = 0; k < points; k += 1) {
    const day = fromSettings.asOfDay + k * step;
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    // asOf is the calendar day; summarize resolves it in the time zone.
    const [features] = summarize(own, { asOf: date, ...zone });
    if (features === undefined) {
      history.push({ asOf: date, classification: null });
      continue;
    }
    history.push({ asOf: date, classification: classifyLifecycleStage(model, features) });
  }
  return history;
}
