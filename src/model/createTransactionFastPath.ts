import { MAX_TEXT_LENGTH } from './idSchema';
import { createInstantParser, isInstantProblem, MAX_EPOCH_MS, MIN_EPOCH_MS } from './parseInstant';
import { MAX_AMOUNT, type Transaction, type TransactionStatus } from './transactionSchema';

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT_LENGTH;
}

/** An id as the schema reads it: a short string, or a safe integer as its decimal string; `undefined` when invalid. */
function readId(value: unknown): string | undefined {
  if (isShortText(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

const CURRENCY = /^[A-Z]{3}$/;

/**
 * Builds the hand-written fast path of `parseTransactions`: it accepts the valid rows hosts
 * usually send (ids as strings or integers, `at` as epoch ms, ISO string or Date, optional
 * fields present, absent or `null`) and returns the same record the zod schema would. A row
 * already in normalised form is returned as it is, without a copy. Any row it is not sure
 * about (an error, an unknown field) returns `undefined` and goes to the zod schema, which is
 * the definition of valid and explains what is wrong. A property test holds the two to the
 * same answers.
 */
export function createTransactionFastPath(timeZone?: string): (row: unknown) => Transaction | undefined {
  const parseInstant = createInstantParser(timeZone);
  return (row) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
    const r = row as Record<string, unknown>;
    let exact = true;
    const orderId = readId(r.orderId);
    const customerId = readId(r.customerId);
    if (orderId === undefined || customerId === undefined) return undefined;
    if (orderId !== r.orderId || customerId !== r.customerId) exact = false;
    let at = r.at;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < MIN_EPOCH_MS || at > MAX_EPOCH_MS) {
      if (at === undefined || at === null) return undefined;
      const parsed = parseInstant(at);
      if (isInstantProblem(parsed)) return undefined;
      at = parsed;
      exact = false;
    }
    const amount = r.amount;
    if (typeof amount !== 'number' || !(Math.abs(amount) <= MAX_AMOUNT)) return undefined;
    let status = r.status as TransactionStatus | null | undefined;
    if (status === undefined || status === null) {
      status = 'completed';
      exact = false;
    } else if (status !== 'completed' && status !== 'refunded' && status !== 'cancelled') return undefined;

    let currency: string | undefined;
    let category: string | undefined;
    let sku: string | undefined;
    let quantity: number | undefined;
    let discount: number | undefined;
    let channel: string | undefined;
    let lineId: string | undefined;
    for (const key in r) {
      const value = r[key];
      switch (key) {
        case 'orderId':
        case 'customerId':
        case 'at':
        case 'amount':
        case 'status':
          continue;
        default:
          break;
      }
      if (value === null || value === undefined) {
        if (key !== 'currency' && key !== 'category' && key !== 'sku' && key !== 'quantity' && key !== 'discount' && key !== 'channel' && key !== 'lineId') return undefined;
        exact = false;
        continue;
      }
      switch (key) {
        case 'currency':
          if (typeof value !== 'string' || !CURRENCY.test(value)) return undefined;
          currency = value;
          break;
        case 'category':
          if (!isShortText(value)) return undefined;
          category = value;
          break;
        case 'sku':
          if (!isShortText(value)) return undefined;
          sku = value;
          break;
        case 'channel':
          if (!isShortText(value)) return undefined;
          channel = value;
          break;
        case 'quantity':
          if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
          quantity = value;
          break;
        case 'discount':
          if (typeof value !== 'number' || !(value >= 0 && value <= MAX_AMOUNT)) return undefined;
          discount = value;
          break;
        case 'lineId':
          lineId = readId(value);
          if (lineId === undefined) return undefined;
          if (lineId !== value) exact = false;
          break;
        default:
          return undefined;
      }
    }
    if (exact) return row as Transaction;
    const record: { -readonly [K in keyof Transaction]: Transaction[K] } = { orderId, customerId, at: at as number, amount, status };
    if (currency !== undefined) record.currency = currency;
    if (category !== undefined) record.category = category;
    if (sku !== undefined) record.sku = sku;
    if (quantity !== undefined) record.quantity = quantity;
    if (discount !== undefined) record.discount = discount;
    if (channel !== undefined) record.channel = channel;
    if (lineId !== undefined) record.lineId = lineId;
    return record;
  };
}
