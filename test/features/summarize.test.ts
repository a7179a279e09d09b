import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError, createSummarizer, parseCustomers, parseTransactions, splitCalibrationHoldout, summarize, type CustomerFeatures } from 'clientele';

const DAY = 86_400_000;
const asOf = '2026-06-30';

// A hand-computed fixture: every expected number below is worked out in the comments.
const transactions = [
  { orderId: 'o1', lineId: 1, customerId: 'ann', at: '2026-01-10T09:00:00Z', amount: 50, category: 'shoes', discount: 5 },
  { orderId: 'o1', lineId: 2, customerId: 'ann', at: '2026-01-10T09:00:00Z', amount: 30, category: 'bags' },
  { orderId: 'o2', customerId: 'ann', at: '2026-01-10T20:00:00Z', amount: 20, category: 'shoes' }, // same day as o1
  { orderId: 'o3', lineId: 1, customerId: 'ann', at: '2026-03-11', amount: 100, category: 'bags' },
  { orderId: 'o3', lineId: 'r1', customerId: 'ann', at: '2026-03-20', amount: -40, category: 'bags' }, // partial refund
  { orderId: 'o4', lineId: 1, customerId: 'ann', at: '2026-06-09', amount: 60, category: 'shoes' },
  { orderId: 'o4', lineId: 2, customerId: 'ann', at: '2026-06-09', amount: 10, category: 'hats', status: 'refunded' },
  { orderId: 'o5', customerId: 'ann', at: '2026-06-20', amount: 500, status: 'cancelled' }, // never happened
  { orderId: 'o6', customerId: 'ann', at: '2026-07-05', amount: 70 }, // after asOf
  { orderId: 'refund-9', customerId: 'ann', at: '2026-06-25', amount: -5 }, // a refund on its own order
  { orderId: 'o7', customerId: 'cy', at: '2026-06-30T23:00:00Z', amount: 10 }, // bought on the asOf day
] as const;
const customers = [
  { id: 'bob', createdAt: '2026-05-01', attributes: { region: 'north' }, consent: { email: true } },
  { id: 'ann', attributes: { region: 'south', tags: ['vip'] } },
];
const interactions = [
  { customerId: 'ann', at: '2026-06-01', kind: 'email_open' },
  { customerId: 'ann', at: '2026-06-20', kind: 'survey', score: 9 },
  { customerId: 'ann', at: '2026-07-02', kind: 'survey', score: 1 }, // after asOf
  { customerId: 'bob', at: '2026-05-01', kind: 'site_visit' },
];

function byId(features: readonly CustomerFeatures[]): Map<string, CustomerFeatures> {
  return new Map(features.map((customer) => [customer.customerId, customer]));
}

describe('summarize', () => {
  const result = summarize(transactions, { asOf, customers, interactions, trendPeriodDays: 30, trendPeriods: 3 });
  const ann = byId(result).get('ann') as CustomerFeatures;

  it('returns one entry per customer, sorted by id, prospects included', () => {
    expect(result.map((customer) => customer.customerId)).toEqual(['ann', 'bob', 'cy']);
  });

  it('computes the RFM inputs with refunds, cancellations and the observation window', () => {
    expect(ann).toMatchObject({
      asOf: Date.UTC(2026, 5, 30),
      isProspect: false,
      firstPurchaseAt: Date.UTC(2026, 0, 10, 9),
      lastPurchaseAt: Date.UTC(2026, 5, 9),
      daysSinceFirstPurchase: 171, // Jan 10 -> Jun 30
      daysSinceLastPurchase: 21, // Jun 9 -> Jun 30
      orders: 4, // o1 o2 o3 o4; o5 cancelled, o6 after asOf, refund-9 is not a purchase
      purchaseDays: 3, // Jan 10, Mar 11, Jun 9
      monetaryTotal: 215, // 80 + 20 + (100 - 40) + 60 - 5
      grossSpend: 270, // 80 + 20 + 100 + 60 + 10 (the refunded hat)
      refundedAmount: 55, // 40 + 10 + 5
      averageOrderValue: 215 / 4,
    });
    expect(ann.refundRate).toBeCloseTo(55 / 270, 12);
  });

  it('computes the BTYD summary with same-day orders merged', () => {
    expect(ann).toMatchObject({
      timeUnit: 'days',
      repeatPurchases: 2,
      firstToLastPurchase: 150, // 60 + 90
      firstPurchaseToAsOf: 171,
      meanRepeatPurchaseValue: 60, // (Mar 11: 100 - 40) and (Jun 9: 60)
    });
    const weekly = byId(summarize(transactions, { asOf, unit: 'weeks' })).get('ann');
    expect(weekly?.firstToLastPurchase).toBeCloseTo(150 / 7, 12);
    expect(weekly?.firstPurchaseToAsOf).toBeCloseTo(171 / 7, 12);
  });

  it('computes cadence from the intervals between purchase days', () => {
    expect(ann.medianInterpurchaseDays).toBe(75); // intervals 60 and 90
    expect(ann.lastInterpurchaseDays).toBe(90); // the later of the two
    // The last gap is the latest one, not the longest: days 0, 50, 60 end with a gap of 10.
    const [quick] = summarize(
      [
        { orderId: 'q1', customerId: 'q', at: '2026-01-01', amount: 5 },
        { orderId: 'q2', customerId: 'q', at: '2026-02-20', amount: 5 },
        { orderId: 'q3', customerId: 'q', at: '2026-03-02', amount: 5 },
      ],
      { asOf: '2026-03-31' },
    );
    expect(quick).toMatchObject({ lastInterpurchaseDays: 10, medianInterpurchaseDays: 30 });
    expect(ann.meanInterpurchaseDays).toBe(75);
    expect(ann.interpurchaseCv).toBeCloseTo(Math.sqrt(450) / 75, 12);
    expect(ann.expectedNextPurchaseAt).toBe(Date.UTC(2026, 5, 9) + 75 * DAY);
  });

  it('computes category mix, discounts and the value trend', () => {
    expect(ann.categoryShares).toEqual({ bags: 0.5, shoes: 0.5 }); // 130 each; the refunded hat is not spend
    expect(ann.topCategory).toBe('bags'); // a tie goes to the alphabetically first
    expect(ann.distinctCategories).toBe(2);
    expect(ann.discountedOrderShare).toBe(0.25);
    expect(ann.spendLastPeriod).toBe(55); // Jun 1..30: 60 - 5
    expect(ann.spendPreviousPeriod).toBe(0);
    expect(ann.spendChange).toBeNull();
    expect(ann.spendSlope).toBe(27.5); // periods [0, 0, 55] -> slope 55 / 2
  });

  it('keeps hostile category names as own keys, in code-unit order, whatever order they were bought in', () => {
    const [mixed] = summarize(
      [
        { orderId: 'm1', customerId: 'm', at: '2026-01-02', amount: 10, category: 'zebra' },
        { orderId: 'm2', customerId: 'm', at: '2026-01-03', amount: 30, category: '__proto__' },
        { orderId: 'm3', customerId: 'm', at: '2026-01-04', amount: 10, category: 'Zebra' },
        { orderId: 'm4', customerId: 'm', at: '2026-01-05', amount: 30, category: 'constructor' },
        { orderId: 'm5', customerId: 'm', at: '2026-01-06', amount: 20, category: 'toString' },
      ],
      { asOf: '2026-02-01' },
    );
    const shares = mixed?.categoryShares ?? {};
    expect(Object.getPrototypeOf(shares)).toBe(Object.prototype);
    expect(Object.keys(shares)).toEqual(['Zebra', '__proto__', 'constructor', 'toString', 'zebra']);
    expect(Object.entries(shares)).toEqual([
      ['Zebra', 0.1],
      ['__proto__', 0.3],
      ['constructor', 0.3],
      ['toString', 0.2],
      ['zebra', 0.1],
    ]);
    expect(mixed?.topCategory).toBe('__proto__'); // tied with "constructor"; "_" (U+005F) comes before "c"
    expect(mixed?.distinctCategories).toBe(5);
  });

  it('computes engagement from interactions up to asOf', () => {
    expect(ann).toMatchObject({
      interactionCount: 2,
      interactionCounts: { email_open: 1, survey: 1 },
      lastInteractionAt: Date.UTC(2026, 5, 20),
      daysSinceLastInteraction: 10,
      meanInteractionScore: 9,
    });
  });

  it('describes a prospect with nulls where a purchase is needed, and carries host data', () => {
    expect(byId(result).get('bob')).toMatchObject({
      isProspect: true,
      createdAt: Date.UTC(2026, 4, 1),
      orders: 0,
      monetaryTotal: 0,
      repeatPurchases: 0,
      firstToLastPurchase: null,
      firstPurchaseToAsOf: null,
      daysSinceLastPurchase: null,
      averageOrderValue: null,
      refundRate: null,
      interactionCount: 1,
      attributes: { region: 'north' },
      consent: { email: true },
    });
    expect(ann.attributes).toEqual({ region: 'south', tags: ['vip'] });
  });

  it('handles a customer whose only purchase is on the asOf day', () => {
    expect(byId(result).get('cy')).toMatchObject({
      orders: 1,
      repeatPurchases: 0,
      firstToLastPurchase: 0,
      firstPurchaseToAsOf: 0,
      daysSinceLastPurchase: 0,
      meanRepeatPurchaseValue: null,
      medianInterpurchaseDays: null,
      lastInterpurchaseDays: null,
      expectedNextPurchaseAt: null,
      interactionCount: 0,
      interactionCounts: {},
    });
  });

  it('leaves engagement null when no interactions are given', () => {
    const [first] = summarize(transactions, { asOf });
    expect(first?.interactionCount).toBeNull();
    expect(first?.meanInteractionScore).toBeNull();
  });

  it('counts calendar days in the given time zone', () => {
    const rows = [
      { orderId: 'a', customerId: 'c', at: '2026-06-09T22:30:00Z', amount: 1 },
      { orderId: 'b', customerId: 'c', at: '2026-06-10T00:30:00Z', amount: 1 },
    ];
    expect(summarize(rows, { asOf })[0]?.purchaseDays).toBe(2);
    expect(summarize(rows, { asOf, timeZone: 'Europe/Paris' })[0]?.purchaseDays).toBe(1); // both on Jun 10 in Paris
  });

  it('takes parsed records without validating again, and gives the same result as raw rows', () => {
    const parsed = parseTransactions(transactions);
    expect(summarize(parsed.records, { asOf })).toEqual(summarize(transactions, { asOf }));
  });

  it('handles empty input, one customer and all-equal values', () => {
    expect(summarize([], { asOf })).toEqual([]);
    const equal = Array.from({ length: 5 }, (_, index) => ({ orderId: `o${index}`, customerId: `c${index}`, at: '2026-06-01', amount: 10 }));
    const features = summarize(equal, { asOf });
    expect(new Set(features.map((customer) => customer.monetaryTotal))).toEqual(new Set([10]));
    expect(summarize([equal[0] as (typeof equal)[0]], { asOf })).toHaveLength(1);
  });

  it('handles a customer with hundreds of purchases on distinct days', () => {
    const rows = Array.from({ length: 500 }, (_, index) => ({ orderId: `o${index}`, customerId: 'heavy', at: Date.UTC(2025, 0, 1) + index * DAY, amount: 1 }));
    const [heavy] = summarize(rows, { asOf });
    expect(heavy).toMatchObject({ orders: 500, repeatPurchases: 499, firstToLastPurchase: 499, medianInterpurchaseDays: 1, interpurchaseCv: 0 });
  });

  it('throws a ValidationError that lists the first bad rows', () => {
    expect(() => summarize([{ orderId: 'o1', customerId: 'c1', at: 'soon', amount: 1 }], { asOf })).toThrow(ValidationError);
  });

  it('checks its options', () => {
    expect(() => summarize([], {} as never)).toThrow(expect.objectContaining({ code: 'missing_option', path: ['asOf'] }));
    expect(() => summarize([], { asOf: '2026-02-30' })).toThrow(/asOf/);
    expect(() => summarize([], { asOf, unit: 'months' as never })).toThrow(ConfigurationError);
    expect(() => summarize([], { asOf, trendPeriods: 0 })).toThrow(/trendPeriods/);
    expect(() => summarize([], { asOf, timeZone: 'Nowhere/Land' })).toThrow(/timeZone/);
  });
});

describe('createSummarizer', () => {
  it('folds a refund that arrives in a later batch onto its order', () => {
    const summarizer = createSummarizer({ asOf });
    summarizer.add([{ orderId: 'o1', customerId: 'c1', at: '2026-06-01', amount: 100 }]);
    summarizer.add([{ orderId: 'o1', customerId: 'c1', at: '2026-06-05', amount: -30 }]);
    expect(summarizer.result()[0]).toMatchObject({ orders: 1, monetaryTotal: 70, refundedAmount: 30 });
  });

  it('rejects an order that changes customer across batches, and folds nothing of that batch', () => {
    const summarizer = createSummarizer({ asOf });
    summarizer.add([{ orderId: 'o1', customerId: 'c1', at: '2026-06-01', amount: 100 }]);
    expect(() =>
      summarizer.add([
        { orderId: 'o2', customerId: 'c2', at: '2026-06-02', amount: 5 },
        { orderId: 'o1', customerId: 'c2', at: '2026-06-02', amount: 5 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'order_customer_conflict' }));
    expect(summarizer.result().map((customer) => customer.customerId)).toEqual(['c1']);
  });

  it('gives summarize\'s result when orders arrive one row per batch, after customers, and through merges', () => {
    const expected = summarize(transactions, { asOf, customers, interactions });
    // The first batch's orders are stored grouped by customer, later ones appended: growing the
    // columns one order at a time, and merging grouped states, must not lose anything.
    const oneByOne = createSummarizer({ asOf }).addCustomers(customers).addInteractions(interactions);
    for (const row of transactions) oneByOne.add([row]);
    expect(oneByOne.result()).toEqual(expected);
    const reversed = createSummarizer({ asOf });
    for (const row of [...transactions].reverse()) reversed.add([row]);
    expect(reversed.addCustomers(customers).addInteractions(interactions).result()).toEqual(expected);
    const shards = [transactions.slice(0, 4), transactions.slice(4, 7), transactions.slice(7)].map((rows) => createSummarizer({ asOf }).add(rows));
    const merged = createSummarizer({ asOf }).addCustomers(customers).addInteractions(interactions);
    for (const shard of shards) merged.merge(shard);
    expect(merged.result()).toEqual(expected);
  });

  it("dates an order by its earliest purchase line, whichever batch or shard brings it, and a refund-only order by its earliest row", () => {
    const rows = [
      { orderId: 'o1', customerId: 'c1', at: '2026-03-01', amount: -5 }, // a refund dated before its purchase
      { orderId: 'o1', customerId: 'c1', at: '2026-05-20', amount: 50 },
      { orderId: 'o1', customerId: 'c1', at: '2026-05-25', amount: 10 },
      { orderId: 'r1', customerId: 'c1', at: '2026-01-10', amount: -7 }, // a refund on its own
      { orderId: 'r1', customerId: 'c1', at: '2026-02-10', amount: -3 },
    ] as const;
    const expected = summarize(rows, { asOf, trendPeriodDays: 30, trendPeriods: 6 });
    expect(expected[0]).toMatchObject({ orders: 1, firstPurchaseAt: Date.UTC(2026, 4, 20), monetaryTotal: 45, spendLastPeriod: 0, spendPreviousPeriod: 55 });
    for (const order of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]]) {
      const batches = createSummarizer({ asOf, trendPeriodDays: 30, trendPeriods: 6 });
      for (const index of order) batches.add([rows[index] as (typeof rows)[number]]);
      expect(batches.result()).toEqual(expected);
      const early = createSummarizer({ asOf, trendPeriodDays: 30, trendPeriods: 6 }).add(order.slice(0, 2).map((index) => rows[index] as (typeof rows)[number]));
      const late = createSummarizer({ asOf, trendPeriodDays: 30, trendPeriods: 6 }).add(order.slice(2).map((index) => rows[index] as (typeof rows)[number]));
      expect(late.merge(early).result()).toEqual(expected);
    }
  });

  it('refuses to merge summarizers with different options, itself, or something else', () => {
    const a = createSummarizer({ asOf });
    expect(() => a.merge(createSummarizer({ asOf, unit: 'weeks' }))).toThrow(/same asOf/);
    expect(() => a.merge(a)).toThrow(/itself/);
    expect(() => a.merge({} as never)).toThrow(ConfigurationError);
  });
});

describe('summarize purity', () => {
  it('never mutates its input, and gives the same result when called twice on the same parsed records', () => {
    const rows = Object.freeze(transactions.map((row) => Object.freeze({ ...row })));
    const parsed = parseTransactions(rows);
    const first = summarize(parsed.records, { asOf });
    const again = summarize(parsed.records, { asOf, unit: 'weeks' });
    expect(summarize(parsed.records, { asOf })).toEqual(first);
    expect(again).toHaveLength(first.length);
  });
});

describe('who exists as of asOf', () => {
  it('leaves out customers whose rows are all cancelled or later than asOf, and customers who signed up later', () => {
    const features = summarize(
      [
        { orderId: 'o1', customerId: 'later', at: '2026-07-01', amount: 10 },
        { orderId: 'o2', customerId: 'cancelled', at: '2026-06-01', amount: 10, status: 'cancelled' },
        { orderId: 'o3', customerId: 'buyer', at: '2026-06-01', amount: 10 },
      ],
      { asOf, customers: [{ id: 'future', createdAt: '2026-07-15' }, { id: 'lead', createdAt: '2026-06-15' }] },
    );
    expect(features.map((customer) => customer.customerId)).toEqual(['buyer', 'lead']);
  });

  it('ignores the discount of a refund line', () => {
    const [customer] = summarize(
      [
        { orderId: 'o1', lineId: 1, customerId: 'c', at: '2026-06-01', amount: 50 },
        { orderId: 'o1', lineId: 'r1', customerId: 'c', at: '2026-06-05', amount: -10, discount: 3 },
      ],
      { asOf },
    );
    expect(customer?.discountedOrderShare).toBe(0);
  });

  it('hands out frozen attributes, so a result cannot change the parsed customer records', () => {
    const [customer] = summarize([{ orderId: 'o1', customerId: 'c', at: '2026-06-01', amount: 1 }], { asOf, customers: [{ id: 'c', attributes: { region: 'north', tags: ['a'] } }] });
    expect(Object.isFrozen(customer?.attributes)).toBe(true);
    expect(() => {
      (customer?.attributes as Record<string, unknown>).region = 'south';
    }).toThrow(TypeError);
  });

  it('re-validates records from another parser instead of trusting them', () => {
    const customers = parseCustomers([{ id: 'c1' }]).records;
    expect(() => summarize(customers as never, { asOf })).toThrow(ValidationError);
  });
});

describe('createSummarizer across batches', () => {
  it('refuses a batch in another currency than the earlier ones, like summarize on the whole input', () => {
    const summarizer = createSummarizer({ asOf }).add([{ orderId: 'o1', customerId: 'c', at: '2026-06-01', amount: 10, currency: 'EUR' }]);
    expect(() => summarizer.add([{ orderId: 'o2', customerId: 'c', at: '2026-06-02', amount: 1000, currency: 'USD' }])).toThrow(
      expect.objectContaining({ code: 'mixed_currency' }),
    );
    const other = createSummarizer({ asOf }).add([{ orderId: 'o3', customerId: 'd', at: '2026-06-01', amount: 5, currency: 'USD' }]);
    expect(() => summarizer.merge(other)).toThrow(expect.objectContaining({ code: 'mixed_currency' }));
    expect(summarizer.result()[0]?.monetaryTotal).toBe(10);
  });

  it('keeps an order with the customer of its first row even when that row was cancelled or later than asOf', () => {
    const summarizer = createSummarizer({ asOf }).add([{ orderId: 'o1', customerId: 'c1', at: '2026-07-05', amount: 10 }]);
    expect(() => summarizer.add([{ orderId: 'o1', customerId: 'c2', at: '2026-06-01', amount: 10 }])).toThrow(
      expect.objectContaining({ code: 'order_customer_conflict' }),
    );
  });

  it('reports the previous period\'s spend whatever the slope\'s look-back, trendPeriods: 1 included (found by review)', () => {
    const rows = [
      { orderId: 'o1', customerId: 'a', at: '2026-02-15', amount: 40 },
      { orderId: 'o2', customerId: 'a', at: '2026-03-20', amount: 10 },
    ];
    for (const trendPeriods of [1, 2, 4]) {
      const [a] = summarize(rows, { asOf: '2026-03-31', trendPeriodDays: 30, trendPeriods });
      expect([a?.spendLastPeriod, a?.spendPreviousPeriod, a?.spendChange], `trendPeriods ${trendPeriods}`).toEqual([10, 40, -0.75]);
    }
    expect(summarize(rows, { asOf: '2026-03-31', trendPeriodDays: 30, trendPeriods: 1 })[0]?.spendSlope).toBeNull();
  });
});

describe('summarize with fields', () => {
  it('returns the customer id and the fields asked for, once each, in the order asked', () => {
    const lean = summarize(transactions, { asOf, customers, fields: ['monetaryTotal', 'orders', 'monetaryTotal', 'customerId'] as never[] });
    expect(lean.map((customer) => Object.keys(customer))).toEqual([
      ['customerId', 'monetaryTotal', 'orders'],
      ['customerId', 'monetaryTotal', 'orders'],
      ['customerId', 'monetaryTotal', 'orders'],
    ]);
    expect(lean).toEqual([
      { customerId: 'ann', monetaryTotal: 215, orders: 4 }, // as in the full summary above
      { customerId: 'bob', monetaryTotal: 0, orders: 0 },
      { customerId: 'cy', monetaryTotal: 10, orders: 1 },
    ]);
    expect(summarize(transactions, { asOf, fields: [] })).toEqual([{ customerId: 'ann' }, { customerId: 'cy' }]);
  });

  it('refuses fields that are not feature names, hostile ones included, naming the index', () => {
    for (const fields of ['orders', [42], ['ordrs'], ['__proto__'], ['constructor'], ['toString'], [null]]) {
      expect(() => summarize(transactions, { asOf, fields: fields as never })).toThrow(expect.objectContaining({ name: 'ConfigurationError', code: 'invalid_option' }));
    }
    expect(() => summarize(transactions, { asOf, fields: ['orders', 'ordrs'] as never })).toThrow(expect.objectContaining({ path: ['fields', 1] }));
    expect(() => createSummarizer({ asOf, fields: { length: 1, 0: 'orders' } as never })).toThrow(/array of feature names/);
  });

  it('merges only summarizers asked for the same fields, in any order', () => {
    const a = createSummarizer({ asOf, fields: ['orders', 'monetaryTotal'] }).add(transactions.slice(0, 4));
    const b = createSummarizer({ asOf, fields: ['monetaryTotal', 'orders'] }).add(transactions.slice(4));
    expect(a.merge(b).result()).toEqual(summarize(transactions, { asOf, fields: ['orders', 'monetaryTotal'] }));
    expect(() => a.merge(createSummarizer({ asOf }) as never)).toThrow(/fields/);
    expect(() => a.merge(createSummarizer({ asOf, fields: ['orders'] }) as never)).toThrow(/fields/);
  });

  it('sums an order whose first-batch rows were all rejected in the same order as the full summary (found by review)', () => {
    // o2 is claimed by two customers in the first batch, so parseTransactions rejects its rows but
    // keeps its id; a later batch gives it to c1. Both layouts must add c1's orders in one order.
    const first = parseTransactions([
      { orderId: 'o1', customerId: 'c1', at: '2026-01-01', amount: 0.1 },
      { orderId: 'o2', customerId: 'c1', at: '2026-01-02', amount: 5 },
      { orderId: 'o2', customerId: 'c2', at: '2026-01-02', amount: 5 },
      { orderId: 'o3', customerId: 'c1', at: '2026-01-03', amount: 1.1 },
    ]).records;
    const second = [{ orderId: 'o2', customerId: 'c1', at: '2026-01-02', amount: 0.1 }];
    const full = createSummarizer({ asOf }).add(first).add(second).result();
    const lean = createSummarizer({ asOf, fields: ['monetaryTotal', 'grossSpend'] }).add(first).add(second).result();
    expect(lean).toEqual(full.map(({ customerId, monetaryTotal, grossSpend }) => ({ customerId, monetaryTotal, grossSpend })));
  });

  it('is refused by splitCalibrationHoldout, which needs every feature', () => {
    expect(() => splitCalibrationHoldout(transactions, { calibrationEnd: '2026-03-31', observationEnd: asOf, fields: ['orders'] } as never)).toThrow(/no `fields` option/);
  });
});
