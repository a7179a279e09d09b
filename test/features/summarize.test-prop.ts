import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSummarizer, FEATURE_CATALOGUE, parseTransactions, summarize, type FeatureName, type Transaction } from 'clientele';

const DAY = 86_400_000;
const asOf = '2026-06-30';
const START = Date.UTC(2025, 0, 1);

// Orders of a few customers over 18 months (some after asOf), with lines, refunds, statuses and
// categories. Amounts are whole numbers, so sums are exact in any order and results compare equal.
const orderArbitrary = fc.record({
  customer: fc.integer({ min: 0, max: 5 }),
  day: fc.integer({ min: 0, max: 560 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  lines: fc.array(
    fc.record({
      amount: fc.integer({ min: -50, max: 300 }),
      category: fc.option(fc.constantFrom('shoes', 'bags', '__proto__', 'hats'), { nil: undefined }),
      status: fc.constantFrom('completed', 'completed', 'completed', 'refunded', 'cancelled'),
      discount: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      laterDays: fc.integer({ min: 0, max: 40 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

type GeneratedOrder = typeof orderArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toRows(orders: GeneratedOrder[]): Transaction[] {
  const rows: Transaction[] = [];
  orders.forEach((order, orderIndex) => {
    order.lines.forEach((line, lineIndex) => {
      // Negative lines are refunds and come some days after the order.
      const at = START + order.day * DAY + order.minute * 60_000 + (line.amount < 0 ? line.laterDays * DAY : 0);
      rows.push({
        orderId: `o${orderIndex}`,
        customerId: `c${order.customer}`,
        at,
        amount: line.amount,
        status: line.status as Transaction['status'],
        lineId: String(lineIndex),
        ...(line.category === undefined ? {} : { category: line.category }),
        ...(line.discount === undefined ? {} : { discount: line.discount }),
      });
    });
  });
  return rows;
}

const rowsArbitrary = fc.array(orderArbitrary, { maxLength: 40 }).map(toRows);

describe('summarize invariants', () => {
  it('does not depend on the order of input rows', () => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const shuffled = [...rows].reverse();
        const rotated = rows.slice(3).concat(rows.slice(0, 3));
        const expected = summarize(rows, { asOf });
        expect(summarize(shuffled, { asOf })).toEqual(expected);
        expect(summarize(rotated, { asOf })).toEqual(expected);
      }),
    );
  });

  it('gives each customer the same features when the data is split by customer', () => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const whole = summarize(rows, { asOf });
        const even = summarize(rows.filter((row) => Number(row.customerId.slice(1)) % 2 === 0), { asOf });
        const odd = summarize(rows.filter((row) => Number(row.customerId.slice(1)) % 2 === 1), { asOf });
        const parts = [...even, ...odd].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
        expect(parts).toEqual(whole);
      }),
    );
  });

  it('gives createSummarizer in any batches, and merged shards, the same result as summarize', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.array(fc.nat(), { maxLength: 4 }), fc.integer({ min: 0, max: 600 }), (rows, cuts, splitDay) => {
        const expected = summarize(rows, { asOf });
        // Batches at arbitrary cut points.
        const summarizer = createSummarizer({ asOf });
        const points = [...new Set(cuts.map((cut) => cut % (rows.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        for (const point of [...points, rows.length]) {
          summarizer.add(rows.slice(from, point));
          from = point;
        }
        expect(summarizer.result()).toEqual(expected);
        // Two shards by time, merged (an order's refund may fall in the other shard).
        const cut = START + splitDay * DAY;
        const early = createSummarizer({ asOf }).add(rows.filter((row) => row.at < cut));
        const late = createSummarizer({ asOf }).add(rows.filter((row) => row.at >= cut));
        expect(early.merge(late).result()).toEqual(expected);
      }),
    );
  });

  it('never makes a customer more recent when asOf moves later', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.integer({ min: 1, max: 100 }), (rows, extraDays) => {
        const before = summarize(rows, { asOf });
        const later = new Map(summarize(rows, { asOf: Date.UTC(2026, 5, 30) + extraDays * DAY }).map((customer) => [customer.customerId, customer]));
        for (const customer of before) {
          const after = later.get(customer.customerId);
          expect(after).toBeDefined();
          if (customer.daysSinceFirstPurchase !== null) expect(after?.daysSinceFirstPurchase).toBeGreaterThan(customer.daysSinceFirstPurchase);
          expect(after?.orders).toBeGreaterThanOrEqual(customer.orders);
        }
      }),
    );
  });

  it('keeps x, t_x and T consistent: 0 <= t_x <= T and x < purchase days', () => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        for (const customer of summarize(rows, { asOf })) {
          if (customer.isProspect) continue;
          expect(customer.repeatPurchases).toBe(customer.purchaseDays - 1);
          expect(customer.firstToLastPurchase).toBeGreaterThanOrEqual(0);
          expect(customer.firstToLastPurchase).toBeLessThanOrEqual(customer.firstPurchaseToAsOf as number);
          expect(customer.purchaseDays).toBeLessThanOrEqual(customer.orders);
          const shares = Object.values(customer.categoryShares).reduce((sum, share) => sum + share, 0);
          if (customer.distinctCategories > 0) expect(shares).toBeCloseTo(1, 9);
        }
      }),
    );
  });
});

describe('summarize with fields', () => {
  const fieldNames = Object.keys(FEATURE_CATALOGUE).filter((field): field is FeatureName => field !== 'customerId');
  // The fields that come from order totals alone: asked for on their own, they take the path that does not group orders.
  const ORDER_TOTALS: FeatureName[] = ['asOf', 'createdAt', 'isProspect', 'firstPurchaseAt', 'lastPurchaseAt', 'daysSinceFirstPurchase', 'daysSinceLastPurchase', 'orders', 'monetaryTotal', 'grossSpend', 'refundedAmount', 'averageOrderValue', 'timeUnit', 'firstToLastPurchase', 'firstPurchaseToAsOf', 'discountedOrderShare', 'refundRate', 'attributes', 'consent'];
  // Fractional amounts too: a field summary must add the same numbers in the same order as the full one.
  const centsRows = rowsArbitrary.map((rows) => rows.map((row, index) => ({ ...row, amount: row.amount + (index % 7) / 10 + 0.01 })));
  const customers = [{ id: 'c1', attributes: { region: 'north' } }, { id: 'prospect' }];
  const interactions = [{ customerId: 'c9', at: '2026-06-01', kind: 'email_open' as const }];

  it('gives exactly the fields of the full summary, whatever fields are asked for, in any batches and shards', () => {
    fc.assert(
      fc.property(centsRows, fc.oneof(fc.subarray(ORDER_TOTALS), fc.subarray(fieldNames)), fc.integer({ min: 0, max: 600 }), (rows, fields, splitDay) => {
        const full = summarize(rows, { asOf, customers, interactions });
        const expected = full.map((customer) => Object.fromEntries([['customerId', customer.customerId], ...fields.map((field) => [field, customer[field]])]));
        expect(summarize(rows, { asOf, customers, interactions, fields })).toEqual(expected);
        const cut = START + splitDay * DAY;
        const early = createSummarizer({ asOf, fields }).add(rows.filter((row) => row.at < cut));
        const late = createSummarizer({ asOf, fields }).add(rows.filter((row) => row.at >= cut)).addCustomers(customers).addInteractions(interactions);
        const merged = early.merge(late).result();
        const shardedFull = createSummarizer({ asOf })
          .add(rows.filter((row) => row.at < cut))
          .merge(createSummarizer({ asOf }).add(rows.filter((row) => row.at >= cut)).addCustomers(customers).addInteractions(interactions))
          .result();
        expect(merged).toEqual(shardedFull.map((customer) => Object.fromEntries([['customerId', customer.customerId], ...fields.map((field) => [field, customer[field]])])));
      }),
    );
  });
});

describe('parseTransactions invariants', () => {
  const fieldValue = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: false }),
    fc.constantFrom('2026-01-01', '2026-02-30', '__proto__', 'completed', 'refunded', 'EUR', 'USD'),
  );
  const rowArbitrary = fc.oneof(
    fc.record(
      {
        orderId: fc.oneof(fc.constantFrom('o1', 'o2', 'o3'), fieldValue),
        customerId: fc.oneof(fc.constantFrom('c1', 'c2'), fieldValue),
        at: fc.oneof(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2027, 0, 1) }), fieldValue),
        amount: fc.oneof(fc.integer({ min: -100, max: 100 }), fieldValue),
        status: fieldValue,
        currency: fieldValue,
        lineId: fc.oneof(fc.constantFrom('1', '2'), fieldValue),
        extra: fieldValue,
      },
      { requiredKeys: ['orderId', 'customerId', 'at', 'amount'] },
    ),
    fieldValue,
  );

  it('accounts for every row: accepted + rejected = given, with indices in order', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 30 }), (rows) => {
        const result = parseTransactions(rows);
        expect(result.counts.accepted + result.counts.rejected).toBe(rows.length);
        expect(result.records).toHaveLength(result.counts.accepted);
        expect(result.rejected).toHaveLength(result.counts.rejected);
        const indices = result.rejected.map((issue) => issue.index);
        expect(indices).toEqual([...indices].sort((a, b) => a - b));
        for (const record of result.records) {
          expect(Number.isFinite(record.amount) && Number.isInteger(record.at)).toBe(true);
        }
      }),
    );
  });

  it('accepts a parsed record again, unchanged (normalisation is idempotent)', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 30 }), (rows) => {
        const once = parseTransactions(rows).records;
        const twice = parseTransactions([...once]);
        expect(twice.counts.rejected).toBe(0);
        expect(twice.records).toEqual(once);
      }),
    );
  });
});
