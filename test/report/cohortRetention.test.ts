import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError, cohortRetention, parseTransactions, summarize } from 'clientele';
import { generateSample } from 'clientele/sample';

const order = (orderId: string, customerId: string, at: string, amount: number, status?: 'completed' | 'refunded' | 'cancelled') => ({ orderId, customerId, at, amount, ...(status === undefined ? {} : { status }) });

describe('cohortRetention', () => {
  it('agrees with summarize on the generated sample: cohort sizes sum to the buyers, period 0 is everyone', () => {
    const sample = generateSample({ customers: 1500, seed: 4 });
    const records = parseTransactions(sample.transactions).records;
    const buyers = summarize(records, { asOf: sample.asOf }).filter((customer) => customer.orders > 0);
    const { cohorts, rowsAfterAsOf } = cohortRetention(records, { asOf: sample.asOf });
    expect(rowsAfterAsOf).toBe(0);
    expect(cohorts.reduce((sum, row) => sum + row.customers, 0)).toBe(buyers.length);
    // Each cohort's size equals the buyers whose first purchase is in that month.
    const firstMonths = new Map<string, number>();
    for (const customer of buyers) {
      const month = new Date(customer.firstPurchaseAt as number).toISOString().slice(0, 7);
      firstMonths.set(month, (firstMonths.get(month) ?? 0) + 1);
    }
    expect(Object.fromEntries(cohorts.map((row) => [row.cohort, row.customers]))).toEqual(Object.fromEntries(firstMonths));
    for (const row of cohorts) {
      expect(row.cells[0]?.share).toBe(1);
      expect(row.cells.every((cell) => cell.share >= 0 && cell.share <= 1)).toBe(true);
      expect(row.cells.filter((cell) => cell.partial)).toHaveLength(1);
      expect(row.cells.at(-1)?.partial).toBe(true);
    }
    // A triangle: each newer cohort has one period fewer (months without a cohort are skipped).
    expect(cohorts[0]?.cells.length).toBeGreaterThan(cohorts.at(-1)?.cells.length as number);
    // Net revenue across the table equals summarize's net total over the buyers.
    const tableRevenue = cohorts.reduce((sum, row) => sum + row.cells.reduce((inner, cell) => inner + cell.revenue, 0), 0);
    expect(tableRevenue).toBeCloseTo(buyers.reduce((sum, customer) => sum + customer.monetaryTotal, 0), 6);
  });

  it('counts purchases as summarize does: cancelled rows ignored, refunds lower revenue, refund-only customers are no cohort', () => {
    const { cohorts, revenueOutsideCohorts } = cohortRetention(
      [order('o1', 'a', '2026-01-10', 50), order('o2', 'a', '2026-02-10', 20, 'cancelled'), order('o1', 'a', '2026-02-12', -10, 'refunded'), order('o3', 'b', '2026-01-15', -5)],
      { asOf: '2026-02-28' },
    );
    expect(cohorts).toEqual([
      {
        cohort: '2026-01',
        customers: 1,
        cells: [
          { period: 0, customers: 1, share: 1, revenue: 50, partial: false },
          // The sale marked refunded adds nothing, as in summarize's net.
          { period: 1, customers: 0, share: 0, revenue: 0, partial: true },
        ],
      },
    ]);
    // b only ever refunded: no cohort, and the refund is counted outside the table.
    expect(revenueOutsideCohorts).toBe(-5);
  });

  it('adds up to summarize\'s net for every customer, refunds before the first purchase and on asOf\'s own day included', () => {
    const rows = [
      order('o1', 'a', '2026-01-05T10:00:00Z', 40),
      order('o2', 'a', '2026-01-09', 30, 'refunded'),
      order('o3', 'b', '2026-01-03', -20),
      order('o4', 'b', '2026-02-05', 40),
      order('o5', 'c', '2026-01-04', -10),
      order('o6', 'd', '2026-03-31T22:00:00Z', 25),
      order('o7', 'd', '2026-04-01T01:00:00Z', 99),
    ];
    const asOf = '2026-03-31';
    const table = cohortRetention(rows, { asOf });
    const cells = table.cohorts.reduce((sum, row) => sum + row.cells.reduce((inner, cell) => inner + cell.revenue, 0), 0);
    const net = summarize(rows, { asOf }).reduce((sum, customer) => sum + customer.monetaryTotal, 0);
    expect(cells + table.revenueOutsideCohorts).toBe(net);
    expect(table.rowsAfterAsOf).toBe(1);
    // a's order on asOf's day at 10:00 and d's at 22:00 count, as summarize counts them.
    expect(table.cohorts.map((row) => [row.cohort, row.customers])).toEqual([
      ['2026-01', 1],
      ['2026-02', 1],
      ['2026-03', 1],
    ]);
    expect(cohortRetention([order('o1', 'a', '2026-01-05T10:00:00Z', 40)], { asOf: '2026-01-05' }).cohorts[0]?.customers).toBe(1);
  });

  it('refuses a table of more than 10,000 periods instead of allocating it', () => {
    expect(() => cohortRetention([order('o1', 'a', '2026-01-05', 40)], { asOf: '9999-12-31', by: 'week' })).toThrow(/10000/);
  });

  it('uses calendar weeks (Monday first) and quarters, in the time zone asked', () => {
    const rows = [order('o1', 'a', '2026-03-01T23:30:00Z', 10), order('o2', 'a', '2026-03-09T12:00:00Z', 10), order('o3', 'b', '2026-06-30T16:00:00Z', 10)];
    const weeks = cohortRetention(rows, { asOf: '2026-03-10', by: 'week' });
    // 2026-03-01 is a Sunday: its week began on Monday 2026-02-23.
    expect(weeks.cohorts.map((row) => row.cohort)).toEqual(['2026-02-23']);
    expect(weeks.cohorts[0]?.cells.map((cell) => cell.customers)).toEqual([1, 0, 1]);
    expect(weeks.rowsAfterAsOf).toBe(1);
    // In Tokyo the first order is on Monday 2 March, and b's is on 1 July: the third quarter.
    const tokyo = cohortRetention(rows, { asOf: '2026-07-31', by: 'week', timeZone: 'Asia/Tokyo' });
    expect(tokyo.cohorts[0]?.cohort).toBe('2026-03-02');
    const quarters = cohortRetention(rows, { asOf: '2026-07-31', by: 'quarter', timeZone: 'Asia/Tokyo' });
    expect(quarters.cohorts.map((row) => row.cohort)).toEqual(['2026-Q1', '2026-Q3']);
  });

  it('refuses a missing asOf, an unknown period or time zone, and bad raw rows', () => {
    expect(() => cohortRetention([], {} as never)).toThrow(ConfigurationError);
    expect(() => cohortRetention([], { asOf: '2026-01-01', by: 'day' as 'week' })).toThrow(/"week", "month" or "quarter"/);
    expect(() => cohortRetention([], { asOf: '2026-01-01', timeZone: 'Mars/Base' })).toThrow(ConfigurationError);
    expect(() => cohortRetention([order('o1', 'a', 'not a date', 5)], { asOf: '2026-01-01' })).toThrow(ValidationError);
    expect(() => cohortRetention('rows' as never, { asOf: '2026-01-01' })).toThrow(ConfigurationError);
    expect(cohortRetention([], { asOf: '2026-01-01' })).toEqual({ by: 'month', cohorts: [], rowsAfterAsOf: 0, revenueOutsideCohorts: 0 });
  });
});
