import { ConfigurationError, quoteValue } from '../errors';
import { DAY_MS } from '../internal/dayNumber';
import { ensureRecords } from '../model/ensureRecords';
import type { InstantInput } from '../model/parseInstant';
import type { Transaction, TransactionInput } from '../model/transactionSchema';
import { reportClock } from './reportClock';

/** The calendar periods of a cohort table. */
export type CohortPeriod = 'week' | 'month' | 'quarter';

/** Options of {@link cohortRetention}. */
export interface CohortRetentionOptions {
  /** The end of the table: rows after it are left out (and counted). Required. */
  readonly asOf: InstantInput;
  /** Calendar weeks (Monday first), months (default) or quarters, in `timeZone`. */
  readonly by?: CohortPeriod;
  /** IANA time zone of the calendar; default UTC. */
  readonly timeZone?: string;
}

/** One cell: a cohort in its n-th period after the first purchase. */
export interface CohortCell {
  /** Periods since the cohort's first period (0 is the first-purchase period itself). */
  readonly period: number;
  /** Customers of the cohort who bought in this period. */
  readonly customers: number;
  /** `customers` over the cohort's size. */
  readonly share: number;
  /** Net amount of the cohort's rows dated in this period (refunds lower it). */
  readonly revenue: number;
  /** True for the period that holds `asOf`: it is not over yet. */
  readonly partial: boolean;
}

/** One first-purchase cohort. */
export interface CohortRow {
  /** `2026-03` for months, `2026-Q1` for quarters, the Monday `2026-03-02` for weeks. */
  readonly cohort: string;
  /** Customers whose first purchase fell in the cohort's period. */
  readonly customers: number;
  /** One cell per period from the first to the one holding `asOf` (a triangle across cohorts). */
  readonly cells: readonly CohortCell[];
}

/** What {@link cohortRetention} returns. */
export interface CohortRetention {
  readonly by: CohortPeriod;
  /** Oldest cohort first. */
  readonly cohorts: readonly CohortRow[];
  /** Rows dated after `asOf`'s day, left out. */
  readonly rowsAfterAsOf: number;
  /**
   * Net amount of rows in no cell: refunds of customers who never bought, and refunds dated
   * before their customer's first purchase period. The cells' revenue plus this is the net of
   * every row up to `asOf`, as `summarize` counts it.
   */
  readonly revenueOutsideCohorts: number;
}

/** The most periods a cohort table may span (a weekly table of 10,000 periods is 190 years). */
const MAX_PERIODS = 10_000;

/** A period's index and label for a calendar day number. */
function periodOf(by: CohortPeriod, day: number): { index: number; label: string } {
  if (by === 'week') {
    // Day 0 (1970-01-01) was a Thursday: weeks start three days earlier, on Mondays.
    const index = Math.floor((day + 3) / 7);
    return { index, label: new Date((index * 7 - 3) * DAY_MS).toISOString().slice(0, 10) };
  }
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (by === 'quarter') return { index: year * 4 + Math.floor(month / 3), label: `${year}-Q${Math.floor(month / 3) + 1}` };
  return { index: year * 12 + month, label: `${year}-${String(month + 1).padStart(2, '0')}` };
}

/**
 * Cohort retention: customers grouped by the calendar period of their first purchase (month,
 * week or quarter, in a time zone), and for each later period the share of the cohort who
 * bought again, with the cohort's net revenue in that period. The classic triangle a CRM team
 * reads to see whether newer customers stay better than older ones. Counted as `summarize`
 * counts: a purchase is a completed row with a non-negative amount; net revenue is the sum of
 * completed rows (a negative one is a refund, lowering the period it falls in); cancelled rows
 * and rows marked `refunded` (a sale given back) add nothing; days are calendar days in
 * `timeZone`, up to and including `asOf`'s day.
 *
 * @param transactions - Parsed records or raw rows (a raw row that fails validation throws).
 * @param options - `asOf` (required), `by` (`month` default, `week`, `quarter`), `timeZone`.
 * @returns Cohorts, oldest first, each with one cell per period up to `asOf`.
 * @throws {ConfigurationError} for a missing `asOf`, an unknown period or time zone, or a table of more than 10,000 periods.
 * @throws {ValidationError} for raw rows that fail validation.
 *
 * @example
 * ```ts
 * import { cohortRetention } from 'clientele';
 * const { cohorts } = cohortRetention(
 *   [
 *     { orderId: 'o1', customerId: 'ann', at: '2026-01-05', amount: 40 },
 *     { orderId: 'o2', customerId: 'bob', at: '2026-01-20', amount: 25 },
 *     { orderId: 'o3', customerId: 'ann', at: '2026-02-11', amount: 30 },
 *     { orderId: 'o4', customerId: 'cy', at: '2026-02-14', amount: 60 },
 *   ],
 *   { asOf: '2026-03-10' },
 * );
 * cohorts.map((row) => `${row.cohort}: ${row.customers}`); // => ['2026-01: 2', '2026-02: 1']
 * cohorts[0]?.cells.map((cell) => cell.share); // => [1, 0.5, 0]
 * cohorts[0]?.cells[2]?.partial; // => true
 * ```
 * @category Reports
 */
export function cohortRetention(transactions: readonly (TransactionInput | Transaction)[], options: CohortRetentionOptions): CohortRetention {
  const clock = reportClock('cohortRetention', options);
  const by = options.by ?? 'month';
  if (by !== 'week' && by !== 'month' && by !== 'quarter') throw new ConfigurationError('invalid_option', `cohortRetention expects option \`by\` to be "week", "month" or "quarter", received ${quoteValue(by)}`, ['by']);
  if (!Array.isArray(transactions)) throw new ConfigurationError('invalid_option', `cohortRetention expects an array of transactions, received ${quoteValue(transactions)}`);
  const records = ensureRecords('transactions', transactions, clock.timeZone);

  // First pass: each customer's first purchase period; rows after asOf are counted and left out.
  const firstPeriod = new Map<string, number>();
  const labels = new Map<number, string>();
  const periodOfRow = new Int32Array(records.length);
  const periodLabel = (day: number): number => {
    const { index, label } = periodOf(by, day);
    if (!labels.has(index)) labels.set(index, label);
    return index;
  };
  let rowsAfterAsOf = 0;
  records.forEach((row, i) => {
    const day = clock.dayNumber(row.at);
    if (day > clock.asOfDay) {
      rowsAfterAsOf++;
      periodOfRow[i] = -1;
      return;
    }
    const period = periodLabel(day);
    periodOfRow[i] = period;
    if (row.status !== 'completed' || row.amount < 0) return;
    const first = firstPeriod.get(row.customerId);
    if (first === undefined || period < first) firstPeriod.set(row.customerId, period);
  });
  const lastPeriod = periodLabel(clock.asOfDay);
  let earliest = lastPeriod;
  for (const period of firstPeriod.values()) earliest = Math.min(earliest, period);
  if (lastPeriod - earliest >= MAX_PERIODS) {
    throw new ConfigurationError('invalid_option', `cohortRetention would span ${lastPeriod - earliest + 1} ${by}s from the first purchase to \`asOf\`; at most ${MAX_PERIODS} (is \`asOf\` or \`by\` what you meant?)`, ['asOf']);
  }

  // Second pass: who bought, and the net, per cohort and period.
  const buyers = new Map<number, Map<number, Set<string>>>();
  const revenue = new Map<number, Map<number, number>>();
  const sizes = new Map<number, number>();
  for (const period of firstPeriod.values()) sizes.set(period, (sizes.get(period) ?? 0) + 1);
  let revenueOutsideCohorts = 0;
  records.forEach((row, i) => {
    const period = periodOfRow[i] as number;
    // Net revenue is the completed rows, as summarize's monetaryTotal counts it.
    if (period < 0 || row.status !== 'completed') return;
    const cohort = firstPeriod.get(row.customerId);
    if (cohort === undefined || period < cohort) {
      revenueOutsideCohorts += row.amount;
      return;
    }
    const offset = period - cohort;
    let cohortRevenue = revenue.get(cohort);
    if (cohortRevenue === undefined) revenue.set(cohort, (cohortRevenue = new Map()));
    cohortRevenue.set(offset, (cohortRevenue.get(offset) ?? 0) + row.amount);
    if (row.amount < 0) return;
    let cohortBuyers = buyers.get(cohort);
    if (cohortBuyers === undefined) buyers.set(cohort, (cohortBuyers = new Map()));
    let periodBuyers = cohortBuyers.get(offset);
    if (periodBuyers === undefined) cohortBuyers.set(offset, (periodBuyers = new Set()));
    periodBuyers.add(row.customerId);
  });

  const cohorts = [...sizes.keys()]
    .sort((a, b) => a - b)
    .map((cohort): CohortRow => {
      const size = sizes.get(cohort) as number;
      const cells = Array.from({ length: lastPeriod - cohort + 1 }, (_, period): CohortCell => {
        const customers = buyers.get(cohort)?.get(period)?.size ?? 0;
        return { period, customers, share: customers / size, revenue: revenue.get(cohort)?.get(period) ?? 0, partial: cohort + period === lastPeriod };
      });
      return { cohort: labels.get(cohort) as string, customers: size, cells };
    });
  return { by, cohorts, rowsAfterAsOf, revenueOutsideCohorts };
}
