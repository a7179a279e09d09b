import { ConfigurationError, quoteValue } from '../errors';
import { growColumn } from '../internal/growColumn';
import { createTransactionFastPath } from './createTransactionFastPath';
import { MAX_AMOUNT } from './transactionSchema';
import { createInstantParser, isInstantProblem, type InstantInput } from './parseInstant';
import { checkBatchOptions, finishBatch, rejectRow, validateRows, withoutAbsentFields, type BatchParseOptions, type ParseResult, type ValidatedRows } from './parseRows';
import { createTransactionSchema, TRANSACTION_FIELDS, transactionSchema, type Transaction } from './transactionSchema';
import { markValidated, type TransactionColumns } from './validatedBatches';

/** Options of {@link parseTransactions}. */
export interface ParseTransactionsOptions extends BatchParseOptions {
  /**
   * The currency every accepted amount is in. Rows in another currency are converted with
   * `convertCurrency` when given, and rejected (`mixed_currency`) when not. Without it, the most
   * common currency of the batch is the base and rows in any other are rejected.
   */
  readonly baseCurrency?: string;
  /** Converts from `currency` into `baseCurrency`; called once for the amount and once for any discount of each foreign row. */
  readonly convertCurrency?: (amount: number, currency: string, at: number) => number;
  /** Rows later than this instant are rejected as `future_date` (pass the export time to catch clock errors). */
  readonly notAfter?: InstantInput;
}

const KNOWN_FIELDS: ReadonlySet<string> = new Set(TRANSACTION_FIELDS);

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_AMOUNT;
}

function currencyStep(batch: ValidatedRows<Transaction>, options: ParseTransactionsOptions): void {
  const { candidates } = batch;
  let base = options.baseCurrency;
  if (base === undefined) {
    const counts = new Map<string, number>();
    for (const record of candidates) {
      if (record?.currency !== undefined) counts.set(record.currency, (counts.get(record.currency) ?? 0) + 1);
    }
    if (counts.size <= 1) return;
    // The most common currency is the base; ties go to the alphabetically first, so row order never matters.
    for (const [currency, count] of counts) {
      const best = base === undefined ? 0 : (counts.get(base) ?? 0);
      if (count > best || (count === best && base !== undefined && currency < base)) base = currency;
    }
  }
  const convert = options.convertCurrency;
  for (let index = 0; index < candidates.length; index++) {
    const record = candidates[index];
    if (record?.currency === undefined || record.currency === base) continue;
    if (convert === undefined) {
      rejectRow(batch, {
        index,
        path: ['currency'],
        code: 'mixed_currency',
        message: `expected amounts in ${String(base)}, received ${quoteValue(record.currency)}; pass \`baseCurrency\` and \`convertCurrency\` to convert`,
      });
      continue;
    }
    const amount = convert(record.amount, record.currency, record.at);
    const discount = record.discount === undefined ? undefined : convert(record.discount, record.currency, record.at);
    if (!isAmount(amount) || (discount !== undefined && (!isAmount(discount) || discount < 0))) {
      rejectRow(batch, {
        index,
        path: ['amount'],
        code: 'out_of_range',
        message: `convertCurrency returned ${quoteValue(amount)} (discount ${quoteValue(discount)}) for ${quoteValue(record.amount)} ${record.currency}; expected a finite amount within ±${MAX_AMOUNT} and a discount of 0 or more`,
      });
      continue;
    }
    candidates[index] = { ...record, amount, ...(discount === undefined ? {} : { discount }), currency: base as string };
  }
}

/**
 * The line ids seen per order, without an object per order: each order's first line is kept
 * inline, further ones in one flat list per batch, chained per order (most orders have a
 * line or a few, and their lines are read together).
 */
class LineRegistry {
  private firstLine: (string | undefined)[] = [];
  private firstRow = new Int32Array(1024);
  private head = new Int32Array(1024);
  private lineIds: string[] = [];
  private lineRows = new Int32Array(1024);
  private next = new Int32Array(1024);

  /** Makes room for order `slot`. */
  addOrder(slot: number): void {
    if (slot === this.head.length) {
      this.head = growColumn(this.head, slot + 1);
      this.firstRow = growColumn(this.firstRow, slot + 1);
    }
    this.head[slot] = -1;
    this.firstLine.push(undefined);
  }

  /** The row where `lineId` of order `slot` first appeared, or `undefined` after recording it at `row`. */
  firstRowOf(slot: number, lineId: string, row: number): number | undefined {
    const first = this.firstLine[slot];
    if (first === undefined) {
      this.firstLine[slot] = lineId;
      this.firstRow[slot] = row;
      return undefined;
    }
    if (first === lineId) return this.firstRow[slot];
    for (let entry = this.head[slot] as number; entry >= 0; entry = this.next[entry] as number) {
      if (this.lineIds[entry] === lineId) return this.lineRows[entry];
    }
    const entry = this.lineIds.length;
    if (entry === this.next.length) {
      this.next = growColumn(this.next, entry + 1);
      this.lineRows = growColumn(this.lineRows, entry + 1);
    }
    this.lineIds.push(lineId);
    this.lineRows[entry] = row;
    this.next[entry] = this.head[slot] as number;
    this.head[slot] = entry;
    return undefined;
  }
}

/** What the order pass learns, kept for `summarize`: each row's order and customer index. */
interface OrderIndex {
  readonly orderOfRow: Int32Array;
  readonly orderIds: readonly string[];
  readonly customerOfRow: Int32Array;
  readonly customerIds: readonly string[];
}

/**
 * One pass over the accepted rows: every order's customer, and its line ids. Lines of an order
 * are usually adjacent, so a row that continues the previous row's order skips the lookup.
 * Rows of an order claimed by two customers are all rejected in a second pass, which only runs
 * when there is such an order. Per-order state lives in typed arrays where it can.
 */
function orderStep(batch: ValidatedRows<Transaction>): OrderIndex {
  const { candidates } = batch;
  const orderOfRow = new Int32Array(candidates.length).fill(-1);
  const customerOfRow = new Int32Array(candidates.length).fill(-1);
  const slotOf = new Map<string, number>();
  const orderIds: string[] = [];
  let slotCustomer = new Int32Array(1024);
  const lines = new LineRegistry();
  const customerOf = new Map<string, number>();
  const customerIds: string[] = [];
  let conflicted: Set<string> | undefined;
  let lastOrderId: string | undefined;
  let slot = -1;
  let lastCustomerId: string | undefined;
  let customer = -1;
  for (let index = 0; index < candidates.length; index++) {
    const record = candidates[index];
    if (record === undefined) continue;
    if (record.orderId !== lastOrderId) {
      lastOrderId = record.orderId;
      const known = slotOf.get(lastOrderId);
      if (known === undefined) {
        slot = orderIds.length;
        slotOf.set(lastOrderId, slot);
        orderIds.push(lastOrderId);
        if (slot === slotCustomer.length) slotCustomer = growColumn(slotCustomer, slot + 1);
        slotCustomer[slot] = -1;
        lines.addOrder(slot);
      } else slot = known;
    }
    // A row of a known order usually names the order's customer: then no lookup is needed.
    const customerId = record.customerId;
    if (customerId !== lastCustomerId) {
      const owner = slotCustomer[slot] as number;
      if (owner >= 0 && customerIds[owner] === customerId) customer = owner;
      else {
        const known = customerOf.get(customerId);
        if (known === undefined) {
          customer = customerIds.length;
          customerOf.set(customerId, customer);
          customerIds.push(customerId);
        } else customer = known;
      }
      lastCustomerId = customerId;
    }
    customerOfRow[index] = customer;
    orderOfRow[index] = slot;
    const owner = slotCustomer[slot] as number;
    if (owner < 0) slotCustomer[slot] = customer;
    else if (owner !== customer) (conflicted ??= new Set()).add(record.orderId);
    const lineId = record.lineId;
    if (lineId === undefined) continue;
    const first = lines.firstRowOf(slot, lineId, index);
    if (first !== undefined) {
      rejectRow(batch, {
        index,
        path: ['lineId'],
        code: 'duplicate_line',
        message: `line ${quoteValue(lineId)} of order ${quoteValue(record.orderId)} already appeared at row ${first}`,
      });
    }
  }
  const result = { orderOfRow, orderIds, customerOfRow, customerIds };
  if (conflicted === undefined) return result;
  for (let index = 0; index < candidates.length; index++) {
    const record = candidates[index];
    if (record !== undefined && conflicted.has(record.orderId)) {
      rejectRow(batch, {
        index,
        path: ['customerId'],
        code: 'order_customer_conflict',
        message: `order ${quoteValue(record.orderId)} is claimed by more than one customer; every row of it is rejected`,
      });
    }
  }
  return result;
}

/**
 * Customer and order indices of the accepted records, for `summarize` to work on integers.
 * Customers whose rows were all rejected are left out; orders keep their indices (an order
 * without records is harmless downstream).
 */
function recordColumns(batch: ValidatedRows<Transaction>, records: readonly Transaction[], index: OrderIndex): TransactionColumns {
  if (records === batch.candidates) {
    return { customerOfRecord: index.customerOfRow, orderOfRecord: index.orderOfRow, customerIds: index.customerIds, orderIds: index.orderIds };
  }
  const customerOfRecord = new Int32Array(records.length);
  const orderOfRecord = new Int32Array(records.length);
  const renumbered = new Int32Array(index.customerIds.length).fill(-1);
  const customerIds: string[] = [];
  let record = 0;
  for (let row = 0; row < batch.given; row++) {
    if (batch.candidates[row] === undefined) continue;
    const customer = index.customerOfRow[row] as number;
    if (renumbered[customer] === -1) {
      renumbered[customer] = customerIds.length;
      customerIds.push(index.customerIds[customer] as string);
    }
    customerOfRecord[record] = renumbered[customer] as number;
    orderOfRecord[record] = index.orderOfRow[row] as number;
    record++;
  }
  return { customerOfRecord, orderOfRecord, customerIds, orderIds: index.orderIds };
}

function futureStep(batch: ValidatedRows<Transaction>, notAfter: number): void {
  const { candidates } = batch;
  for (let index = 0; index < candidates.length; index++) {
    const record = candidates[index];
    if (record !== undefined && record.at > notAfter) {
      rejectRow(batch, {
        index,
        path: ['at'],
        code: 'future_date',
        message: `expected a time no later than ${new Date(notAfter).toISOString()}, received ${new Date(record.at).toISOString()}`,
      });
    }
  }
}

function checkCurrencyOptions(options: ParseTransactionsOptions): void {
  if (options.baseCurrency !== undefined && (typeof options.baseCurrency !== 'string' || !/^[A-Z]{3}$/.test(options.baseCurrency))) {
    throw new ConfigurationError('invalid_option', `parseTransactions expects option \`baseCurrency\` to be a three-letter ISO 4217 code such as "EUR", received ${quoteValue(options.baseCurrency)}`, ['baseCurrency']);
  }
  if (options.convertCurrency !== undefined) {
    if (typeof options.convertCurrency !== 'function') {
      throw new ConfigurationError('invalid_option', `parseTransactions expects option \`convertCurrency\` to be a function, received ${quoteValue(options.convertCurrency)}`, ['convertCurrency']);
    }
    if (options.baseCurrency === undefined) {
      throw new ConfigurationError('missing_option', 'parseTransactions needs option `baseCurrency` when `convertCurrency` is given: it names the currency to convert into', ['baseCurrency']);
    }
  }
}

/**
 * Validates and normalises a batch of transaction rows. Every row is accounted for: it is
 * either in `records` (normalised: string ids, `at` in epoch ms UTC, `status` set) or in
 * `rejected` with its index, field path, code and a message. Besides each row's own fields, it
 * checks what spans rows: all rows of an order belong to one customer
 * (`order_customer_conflict`), a `lineId` appears once per order (`duplicate_line`), one
 * currency per batch (`mixed_currency`) and, with `notAfter`, no future dates.
 *
 * Use it at the boundary where data enters your app; `summarize` takes its `records` without
 * validating them again.
 *
 * @param rows - Transaction rows: one per order or per order line.
 * @param options - Error handling, time zone, currency and future-date checks.
 * @returns `{ records, rejected, counts, strippedFields }` with `counts.accepted + counts.rejected = counts.given`.
 * @throws {ValidationError} `onInvalid: 'throw'` and a row is rejected (code of the first problem).
 * @throws {ConfigurationError} `invalid_option` for bad options; `too_many_rows` beyond `maxRows`.
 *
 * @example
 * ```ts
 * import { parseTransactions } from 'clientele';
 * const result = parseTransactions([
 *   { orderId: 'o1', customerId: 'c1', at: '2026-03-01', amount: 40 },
 *   { orderId: 'o2', customerId: 'c1', at: '2026-03-02', amount: Number.NaN },
 * ]);
 * result.counts; // => { given: 2, accepted: 1, rejected: 1 }
 * result.records[0]?.at; // => Date.UTC(2026, 2, 1)
 * result.rejected[0]?.code; // => 'non_finite'
 * ```
 * @category Model
 */
export function parseTransactions(rows: readonly unknown[], options: ParseTransactionsOptions = {}): ParseResult<Transaction> {
  checkBatchOptions('parseTransactions', rows, options);
  checkCurrencyOptions(options);
  let notAfter: number | undefined;
  if (options.notAfter !== undefined) {
    const parsed = createInstantParser(options.timeZone)(options.notAfter);
    if (isInstantProblem(parsed)) {
      throw new ConfigurationError('invalid_option', `parseTransactions expects option \`notAfter\` to be an instant: ${parsed.message}`, ['notAfter']);
    }
    notAfter = parsed;
  }
  const schema = options.timeZone === undefined ? transactionSchema : createTransactionSchema({ timeZone: options.timeZone });
  const batch = validateRows<Transaction>('parseTransactions', rows, schema, KNOWN_FIELDS, options, createTransactionFastPath(options.timeZone), (parsed) =>
    withoutAbsentFields(parsed as Transaction),
  );
  currencyStep(batch, options);
  // Future rows go first, so that a duplicate of a future line is not all that is left of it.
  if (notAfter !== undefined) futureStep(batch, notAfter);
  const orderIndex = orderStep(batch);
  const result = finishBatch(batch);
  markValidated(result.records, 'transactions', recordColumns(batch, result.records, orderIndex));
  return result;
}
