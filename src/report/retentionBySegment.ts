import { ConfigurationError, quoteValue } from '../errors';
import { ensureRecords } from '../model/ensureRecords';
import { createInstantParser, isInstantProblem, type InstantInput } from '../model/parseInstant';
import type { Transaction, TransactionInput } from '../model/transactionSchema';
import { groupKeyOf } from './groupKeyOf';
import { readGroupSnapshot } from './readGroupSnapshot';
import { reportClock } from './reportClock';

/** Options of {@link retentionBySegment}. */
export interface RetentionBySegmentOptions<T> {
  /** The segment of a snapshot row: a field name or a function. */
  readonly by: ((row: T) => string | null | undefined) | string;
  /** When the snapshot was taken: the window starts after it. */
  readonly from: InstantInput;
  /** The end of the window (inclusive). Required: clientele never reads the clock. */
  readonly asOf: InstantInput;
  readonly timeZone?: string;
}

/** What happened to one segment's customers in the window. */
export interface SegmentRetention {
  readonly segment: string;
  /** Customers of the segment in the snapshot. */
  readonly customers: number;
  /** Customers who bought at least once in the window. */
  readonly retained: number;
  /** `retained / customers`. */
  readonly retentionRate: number;
  /** `1 − retentionRate`: no purchase in the window. */
  readonly churnRate: number;
  /** Share of the segment's customers with two or more orders in the window. */
  readonly repurchaseRate: number;
  /** Net amount of the segment's rows in the window (refunds lower it), and per customer of the segment. */
  readonly revenue: number;
  readonly revenuePerCustomer: number;
}

/** What {@link retentionBySegment} returns. */
export interface RetentionBySegmentResult {
  /** Segments in order of first appearance in the snapshot. */
  readonly segments: readonly SegmentRetention[];
  /** Window length in calendar days. */
  readonly windowDays: number;
  /** Customers with rows in the window who were not in the snapshot (new customers), and their orders. */
  readonly outsideSnapshot: { readonly customers: number; readonly orders: number };
}

/**
 * Retention, churn and repurchase per segment: take the segments as they were on a date (the
 * snapshot), then see who bought in the window after it: the calendar days after `from`'s, up
 * to and including `asOf`'s. A customer is retained with at least one purchase in the window (a
 * completed row with a non-negative amount, as `summarize` counts), churned without one, and a
 * repurchaser with two or more orders; revenue is the net of the completed rows. The question it
 * answers: "of the customers we called At Risk in March, how many bought by June?"
 *
 * @param snapshot - One row per customer with a `customerId` and the segment (`by`), as of `from`.
 * @param transactions - Parsed records or raw rows; only rows in (`from`, `asOf`] count.
 * @param options - `by`, `from`, `asOf`, `timeZone`.
 * @returns One line per segment, the window length, and the customers outside the snapshot.
 * @throws {ConfigurationError} for missing dates, a window that ends before it starts, or a bad snapshot.
 *
 * @example
 * ```ts
 * import { retentionBySegment } from 'clientele';
 * const march = [{ customerId: 'a', segment: 'at_risk' }, { customerId: 'b', segment: 'at_risk' }, { customerId: 'c', segment: 'champions' }];
 * const orders = [
 *   { orderId: 'o1', customerId: 'a', at: '2026-04-02', amount: 30 },
 *   { orderId: 'o2', customerId: 'c', at: '2026-04-10', amount: 90 },
 *   { orderId: 'o3', customerId: 'c', at: '2026-05-20', amount: 70 },
 *   { orderId: 'o4', customerId: 'd', at: '2026-05-21', amount: 15 },
 * ];
 * const { segments, outsideSnapshot } = retentionBySegment(march, orders, { by: 'segment', from: '2026-03-31', asOf: '2026-06-30' });
 * segments.map((line) => [line.segment, line.retentionRate, line.repurchaseRate]); // => [['at_risk', 0.5, 0], ['champions', 1, 1]]
 * outsideSnapshot; // => { customers: 1, orders: 1 }
 * ```
 * @category Reports
 */
export function retentionBySegment<T extends object>(
  snapshot: readonly T[],
  transactions: readonly (TransactionInput | Transaction)[],
  options: RetentionBySegmentOptions<T>,
): RetentionBySegmentResult {
  const clock = reportClock('retentionBySegment', options);
  if (options.from === undefined) throw new ConfigurationError('missing_option', 'retentionBySegment needs option `from`: the date of the snapshot, where the window starts', ['from']);
  const from = createInstantParser(clock.timeZone)(options.from);
  if (isInstantProblem(from)) throw new ConfigurationError('invalid_option', `retentionBySegment expects option \`from\` to be a date: ${from.message}`, ['from']);
  if (clock.dayNumber(from) >= clock.asOfDay) throw new ConfigurationError('invalid_option', `retentionBySegment expects \`from\` (${new Date(from).toISOString()}) to be before \`asOf\` (${new Date(clock.asOf).toISOString()})`, ['from']);
  const segmentOf = readGroupSnapshot('retentionBySegment', 'snapshot', snapshot, groupKeyOf<T>('retentionBySegment', options.by));
  if (!Array.isArray(transactions)) throw new ConfigurationError('invalid_option', `retentionBySegment expects an array of transactions, received ${quoteValue(transactions)}`);
  const records = ensureRecords('transactions', transactions, clock.timeZone);

  const orders = new Map<string, Set<string>>();
  const revenue = new Map<string, number>();
  const outsideOrders = new Set<string>();
  const outsideCustomers = new Set<string>();
  // The window in calendar days, as summarize counts them: after `from`'s day, up to `asOf`'s.
  const fromDay = clock.dayNumber(from);
  for (const row of records) {
    const day = clock.dayNumber(row.at);
    if (day <= fromDay || day > clock.asOfDay || row.status !== 'completed') continue;
    const segment = segmentOf.get(row.customerId);
    const purchase = row.status === 'completed' && row.amount >= 0;
    if (segment === undefined) {
      if (purchase) {
        outsideCustomers.add(row.customerId);
        outsideOrders.add(row.orderId);
      }
      continue;
    }
    revenue.set(segment, (revenue.get(segment) ?? 0) + row.amount);
    if (!purchase) continue;
    let own = orders.get(row.customerId);
    if (own === undefined) orders.set(row.customerId, (own = new Set()));
    own.add(row.orderId);
  }

  const lines = new Map<string, { customers: number; retained: number; repurchasers: number }>();
  for (const [customerId, segment] of segmentOf) {
    let line = lines.get(segment);
    if (line === undefined) lines.set(segment, (line = { customers: 0, retained: 0, repurchasers: 0 }));
    const count = orders.get(customerId)?.size ?? 0;
    line.customers++;
    if (count >= 1) line.retained++;
    if (count >= 2) line.repurchasers++;
  }
  const segments = [...lines].map(([segment, line]): SegmentRetention => {
    const segmentRevenue = revenue.get(segment) ?? 0;
    const retentionRate = line.retained / line.customers;
    return {
      segment,
      customers: line.customers,
      retained: line.retained,
      retentionRate,
      churnRate: 1 - retentionRate,
      repurchaseRate: line.repurchasers / line.customers,
      revenue: segmentRevenue,
      revenuePerCustomer: segmentRevenue / line.customers,
    };
  });
  return { segments, windowDays: clock.asOfDay - fromDay, outsideSnapshot: { customers: outsideCustomers.size, orders: outsideOrders.size } };
}
