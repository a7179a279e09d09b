import type { Transaction, TransactionInput } from '../model/transactionSchema';
import { summarizerFor, summaryStateOf, type SummarizeOptions } from './createSummarizer';
import { AT, groupBy, ORDER_STRIDE, PURCHASE } from './SummaryState';

/** Each customer's purchase days, ascending and distinct, as day numbers (days since 1970-01-01 in the time zone). */
export interface PurchaseDays {
  readonly customerIds: readonly string[];
  /** Customer k's days are `days[start[k]]` up to, not including, `days[start[k + 1]]`. */
  readonly start: Int32Array;
  readonly days: Int32Array;
  /** The day number of `asOf`. */
  readonly asOfDay: number;
}

/**
 * The calendar days on which each customer made a purchase, up to `asOf`, by exactly the rules
 * `summarize` counts `purchaseDays` with (an order is a purchase when it has a completed,
 * non-negative row; it falls on the day of its first such row; same-day orders merge). For
 * charts that need the days themselves, such as the repeat-purchase tracking curve. Internal:
 * not exported from the package.
 */
export function purchaseDaysByCustomer(functionName: string, transactions: readonly (TransactionInput | Transaction)[], options: SummarizeOptions): PurchaseDays {
  const summarizer = summarizerFor(functionName, options).add(transactions);
  const { state, settings } = summaryStateOf(summarizer);
  const customerCount = state.customers.names.length;
  const ordersOf = groupBy(state.orderCustomer, state.orderCount, customerCount);
  const start = new Int32Array(customerCount + 1);
  const days: number[] = [];
  const scratch: number[] = [];
  for (let c = 0; c < customerCount; c++) {
    start[c] = days.length;
    scratch.length = 0;
    for (let i = ordersOf.start[c] as number; i < (ordersOf.start[c + 1] as number); i++) {
      const order = ordersOf.rows[i] as number;
      if (((state.orderFlags[order] as number) & PURCHASE) !== 0) scratch.push(settings.dayNumber(state.orderValues[order * ORDER_STRIDE + AT] as number));
    }
    scratch.sort((left, right) => left - right);
    for (let i = 0; i < scratch.length; i++) if (i === 0 || scratch[i] !== scratch[i - 1]) days.push(scratch[i] as number);
  }
  start[customerCount] = days.length;
  return { customerIds: state.customers.names, start, days: Int32Array.from(days), asOfDay: settings.asOfDay };
}
