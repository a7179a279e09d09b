import { ConfigurationError, ValidationError, quoteValue, type RowIssue } from '../errors';
import { createDayNumber } from '../internal/dayNumber';
import { isKnownTimeZone } from '../internal/zoneOffsetMinutes';
import type { Customer } from '../model/customerSchema';
import type { Interaction } from '../model/interactionSchema';
import { parseCustomers } from '../model/parseCustomers';
import { createInstantParser, isInstantProblem, type InstantInput } from '../model/parseInstant';
import { parseInteractions } from '../model/parseInteractions';
import { parseTransactions } from '../model/parseTransactions';
import type { Transaction } from '../model/transactionSchema';
import { isValidated, transactionColumnsOf, type RecordKind, type TransactionColumns } from '../model/validatedBatches';
import { computeFeatures, type FeatureSettings } from './computeFeatures';
import { computeSelectedFeatures } from './computeSelectedFeatures';
import { resolveFeatureSelection, sameSelection, type FeatureName, type SelectedFeatures } from './featureSelection';
import type { CustomerFeatures, TimeUnit } from './CustomerFeatures';
import { SummaryState } from './SummaryState';

/** Options of {@link createSummarizer} and `summarize`. */
export interface SummarizeOptions {
  /** The observation end: rows on later calendar days are outside the window and left out. Required. */
  readonly asOf: InstantInput;
  /** Unit of the BTYD times (`firstToLastPurchase`, `firstPurchaseToAsOf`). Default `days`. */
  readonly unit?: TimeUnit;
  /** IANA time zone whose calendar days count (same-day merging, days since...). Default `UTC`. */
  readonly timeZone?: string;
  /** Length of a value-trend period in days. Default 90. */
  readonly trendPeriodDays?: number;
  /** Number of periods the spend slope looks back over. Default 4. */
  readonly trendPeriods?: number;
}

/**
 * The `fields` option of `summarize` and `createSummarizer`: the features to compute when not
 * all of them are needed. Each result then has `customerId` and these fields only (see
 * `FEATURE_CATALOGUE` for the names). Asking only for order totals (`orders`, `monetaryTotal`,
 * `daysSinceLastPurchase` and the like: what RFM needs) skips grouping orders by customer and
 * is several times faster and smaller; leaving out the category mix skips keeping category
 * totals. The values are exactly those of the full summary.
 */
export interface FieldsOption<F extends FeatureName> {
  readonly fields: readonly F[];
}

/**
 * Folds transactions, customers and interactions batch by batch; see {@link createSummarizer}.
 * `T` is what `result()` gives per customer: `CustomerFeatures`, or the selected fields when
 * the summarizer was created with `fields`.
 */
export interface Summarizer<T = CustomerFeatures> {
  /** Folds a batch of transaction rows (raw rows are validated; a rejected row throws a `ValidationError`). */
  add(transactions: readonly unknown[]): Summarizer<T>;
  /** Folds customer records: prospects appear, attributes and consent are attached. */
  addCustomers(customers: readonly unknown[]): Summarizer<T>;
  /** Folds interaction rows (engagement features). */
  addInteractions(interactions: readonly unknown[]): Summarizer<T>;
  /** Folds another summarizer with the same options, `fields` included (a shard of customers or a range of time). */
  merge(other: Summarizer<T>): Summarizer<T>;
  /** One summary per customer seen so far, sorted by customer id. */
  result(): T[];
}

/** Summary options after checking, with the day-number function of the time zone and the features asked for. */
export type ResolvedSettings = FeatureSettings & { readonly timeZone: string };

/** The state and settings behind each summarizer, reachable only from this module (so `merge` can read another's). */
const internals = new WeakMap<Summarizer<unknown>, { readonly state: SummaryState; readonly settings: ResolvedSettings }>();

/**
 * The state and settings behind a summarizer, for functions of this layer that need more than
 * `result()` gives (the purchase days of each customer). Not exported from the package.
 */
export function summaryStateOf(summarizer: Summarizer<unknown>): { readonly state: SummaryState; readonly settings: ResolvedSettings } {
  const found = internals.get(summarizer);
  if (found === undefined) throw new TypeError('summaryStateOf expects a summarizer made by createSummarizer');
  return found;
}

function positiveInteger(functionName: string, name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100_000) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`${name}\` to be a whole number from 1 to 100000, received ${quoteValue(value)}`, [name]);
  }
  return value;
}

/** Checks and normalises summary options; shared by `summarize`, `createSummarizer` and `splitCalibrationHoldout`. */
export function resolveSummarizeOptions(functionName: string, options: SummarizeOptions & { readonly fields?: unknown }): ResolvedSettings {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('missing_option', `${functionName} needs options with an \`asOf\` date, received ${quoteValue(options)}`);
  }
  const unit = options.unit ?? 'days';
  if (unit !== 'days' && unit !== 'weeks') {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`unit\` to be "days" or "weeks", received ${quoteValue(unit)}`, ['unit']);
  }
  const timeZone = options.timeZone ?? 'UTC';
  if (typeof timeZone !== 'string' || !isKnownTimeZone(timeZone)) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`timeZone\` to be an IANA time zone such as "Europe/Paris", received ${quoteValue(timeZone)}`, ['timeZone']);
  }
  if (options.asOf === undefined) {
    throw new ConfigurationError('missing_option', `${functionName} needs option \`asOf\`: the date the features describe (clientele never reads the clock)`, ['asOf']);
  }
  const asOfInstant = createInstantParser(timeZone)(options.asOf);
  if (isInstantProblem(asOfInstant)) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`asOf\` to be a date: ${asOfInstant.message}`, ['asOf']);
  }
  const dayNumber = createDayNumber(timeZone);
  const asOfDay = dayNumber(asOfInstant);
  return {
    asOf: asOfInstant,
    asOfDay,
    unit,
    timeZone,
    dayNumber,
    trendPeriodDays: positiveInteger(functionName, 'trendPeriodDays', options.trendPeriodDays, 90),
    trendPeriods: positiveInteger(functionName, 'trendPeriods', options.trendPeriods, 4),
    selection: resolveFeatureSelection(functionName, options.fields),
  };
}

function validated<T>(rows: readonly unknown[], kind: RecordKind, parse: (rows: readonly unknown[]) => { records: readonly T[] }): readonly T[] {
  return isValidated(rows, kind) ? (rows as readonly T[]) : parse(rows).records;
}

/**
 * Creates an incremental summarizer: it folds batches of transactions (and customers and
 * interactions) into sufficient statistics, so a dashboard can stream a large file and a host
 * can summarise shards in parallel and `merge` them. `result()` gives what `summarize` gives on
 * the whole input (money summed in another order may differ in the last bits: 0.1 + 0.2 + 0.3
 * is not 0.3 + 0.2 + 0.1 in floating point). A refund may arrive in a later batch than its order.
 *
 * Use `summarize` when all rows are in memory at once.
 *
 * @param options - `asOf` (required), `unit`, `timeZone`, trend settings; with `fields` (see {@link FieldsOption}), `result()` gives only those features.
 * @returns A summarizer with `add`, `addCustomers`, `addInteractions`, `merge` and `result`.
 * @throws {ConfigurationError} `missing_option` without `asOf`; `invalid_option` for bad options or merging summarizers with different options.
 * @throws {ValidationError} from `add*` when a batch has invalid rows, or an order is claimed by two customers across batches (`order_customer_conflict`).
 *
 * @example
 * ```ts
 * import { createSummarizer } from 'clientele';
 * const summarizer = createSummarizer({ asOf: '2026-06-30' });
 * summarizer.add([{ orderId: 'o1', customerId: 'c1', at: '2026-06-01', amount: 30 }]);
 * summarizer.add([{ orderId: 'o2', customerId: 'c1', at: '2026-06-20', amount: 50 }]);
 * const [features] = summarizer.result();
 * features?.orders; // => 2
 * features?.daysSinceLastPurchase; // => 10
 * ```
 * @category Features
 */
export function createSummarizer<const F extends FeatureName>(options: SummarizeOptions & FieldsOption<F>): Summarizer<SelectedFeatures<F>>;
export function createSummarizer(options: SummarizeOptions): Summarizer;
export function createSummarizer(options: SummarizeOptions & { readonly fields?: unknown }): Summarizer<unknown> {
  return summarizerFor('createSummarizer', options);
}

/** Creates a summarizer whose option errors name `functionName`, the function the host called; `result()` gives what `options.fields` selects. */
export function summarizerFor(functionName: string, options: SummarizeOptions & { readonly fields?: unknown }): Summarizer {
  const settings = resolveSummarizeOptions(functionName, options);
  const selection = settings.selection;
  // Order totals need no grouping by customer and no order times; only the category mix needs category totals.
  const totalsOnly = selection?.totalsOnly === true;
  const state = new SummaryState({ groupFirstBatch: !totalsOnly, keepCategoryTotals: selection === undefined || selection.categories, orderTimes: !totalsOnly });
  const { asOfDay, dayNumber } = settings;
  const parseOptions = { onInvalid: 'throw', timeZone: settings.timeZone } as const;

  const summarizer: Summarizer = {
    add(transactions) {
      const records = validated<Transaction>(transactions, 'transactions', (rows) => parseTransactions(rows, parseOptions));
      // Every record array parseTransactions returns carries the columns it computed.
      const columns = transactionColumnsOf(records) as TransactionColumns;
      // A parsed batch is consistent on its own; it is checked against earlier batches before anything is folded.
      const currencyRow = records.findIndex((row) => row.currency !== undefined);
      const currency = records[currencyRow]?.currency;
      if (currency !== undefined && state.currency !== undefined && currency !== state.currency) {
        const issue: RowIssue = {
          index: currencyRow,
          path: ['currency'],
          code: 'mixed_currency',
          message: `expected amounts in ${state.currency} like the earlier batches, received ${quoteValue(currency)}; convert with parseTransactions' \`convertCurrency\` first`,
        };
        throw new ValidationError('createSummarizer.add', [issue], 1, records.length);
      }
      const conflicts = state.addTransactions(records, columns, (at) => dayNumber(at) <= asOfDay);
      if (conflicts.length > 0) {
        const issues = conflicts.slice(0, 20).map(
          (conflict): RowIssue => ({
            index: conflict.record,
            path: ['customerId'],
            code: 'order_customer_conflict',
            message: `order ${quoteValue(conflict.orderId)} belongs to customer ${quoteValue(conflict.owner)} in an earlier batch, received ${quoteValue(conflict.customerId)}`,
          }),
        );
        throw new ValidationError('createSummarizer.add', issues, conflicts.length, records.length);
      }
      state.currency ??= currency;
      return summarizer;
    },
    addCustomers(customers) {
      for (const record of validated<Customer>(customers, 'customers', (rows) => parseCustomers(rows, parseOptions))) {
        // A customer who signed up after asOf did not exist yet.
        if (record.createdAt === undefined || dayNumber(record.createdAt) <= asOfDay) state.addCustomer(record);
      }
      return summarizer;
    },
    addInteractions(interactions) {
      state.interactionsGiven = true;
      for (const row of validated<Interaction>(interactions, 'interactions', (rows) => parseInteractions(rows, parseOptions))) {
        if (dayNumber(row.at) <= asOfDay) state.addInteraction(row);
      }
      return summarizer;
    },
    merge(other) {
      const otherInternals = internals.get(other);
      if (otherInternals === undefined || otherInternals.state === state) {
        throw new ConfigurationError('invalid_option', `createSummarizer.merge expects another summarizer made by createSummarizer, received ${otherInternals === undefined ? quoteValue(other) : 'itself'}`);
      }
      const otherState = otherInternals.state;
      const a = settings;
      const b = otherInternals.settings;
      if (
        a.asOf !== b.asOf ||
        a.unit !== b.unit ||
        a.timeZone !== b.timeZone ||
        a.trendPeriodDays !== b.trendPeriodDays ||
        a.trendPeriods !== b.trendPeriods ||
        !sameSelection(a.selection, b.selection)
      ) {
        throw new ConfigurationError('invalid_option', 'createSummarizer.merge needs summarizers with the same asOf, unit, timeZone, trend options and fields');
      }
      if (state.currency !== undefined && otherState.currency !== undefined && state.currency !== otherState.currency) {
        const issue: RowIssue = { index: 0, path: ['currency'], code: 'mixed_currency', message: `the summarizers hold amounts in ${state.currency} and ${otherState.currency}` };
        throw new ValidationError('createSummarizer.merge', [issue], 1, 1);
      }
      const conflicts = state.conflictingOrders(otherState);
      if (conflicts.length > 0) {
        const issues = conflicts.slice(0, 20).map((orderId, index): RowIssue => ({
          index,
          path: ['orderId'],
          code: 'order_customer_conflict',
          message: `order ${quoteValue(orderId)} belongs to different customers in the two summarizers`,
        }));
        throw new ValidationError('createSummarizer.merge', issues, conflicts.length, conflicts.length);
      }
      state.merge(otherState);
      state.currency ??= otherState.currency;
      return summarizer;
    },
    result() {
      return selection === undefined ? computeFeatures(state, settings) : (computeSelectedFeatures(state, settings, selection) as unknown as CustomerFeatures[]);
    },
  };
  internals.set(summarizer, { state, settings });
  return summarizer;
}
