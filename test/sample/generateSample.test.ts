import { describe, expect, it } from 'vitest';
import { generateSample, type GenerateSampleOptions } from 'clientele/sample';
import { ConfigurationError } from '../../src/errors';
import { parseCustomers } from '../../src/model/parseCustomers';
import { parseInteractions } from '../../src/model/parseInteractions';
import { parseTransactions } from '../../src/model/parseTransactions';
import type { Transaction } from '../../src/model/transactionSchema';
import { createRandom } from '../../src/internal/createRandom';
import { orderByTime } from '../../src/sample/orderByTime';
import { sampleGamma } from '../../src/sample/sampleGamma';

const DAY_MS = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const AS_OF = Date.UTC(2025, 11, 31);

const sample = generateSample();

/** Orders (sales, not refunds) by order id, in the order they first appear. */
function groupOrders(rows: readonly Transaction[]): Map<string, Transaction[]> {
  const orders = new Map<string, Transaction[]>();
  for (const row of rows) {
    if (row.amount < 0) continue;
    const lines = orders.get(row.orderId);
    if (lines === undefined) orders.set(row.orderId, [row]);
    else lines.push(row);
  }
  return orders;
}

/** Number of distinct orders per customer id. */
function ordersPerCustomer(rows: readonly Transaction[]): Map<string, number> {
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.amount < 0 || seen.has(row.orderId)) continue;
    seen.add(row.orderId);
    counts.set(row.customerId, (counts.get(row.customerId) ?? 0) + 1);
  }
  return counts;
}

function captureError(options: unknown): unknown {
  try {
    generateSample(options as GenerateSampleOptions);
  } catch (error) {
    return error;
  }
  throw new Error('expected generateSample to throw');
}

/** The parts of a thrown error a caller relies on. */
function errorPayload(options: unknown): unknown {
  const error = captureError(options);
  if (!(error instanceof ConfigurationError)) return error;
  return { name: error.name, code: error.code, path: error.path, message: error.message };
}

describe('generateSample: determinism', () => {
  it('returns deep-equal samples for the same options and seed', () => {
    expect(generateSample({ customers: 300, seed: 7 })).toEqual(generateSample({ customers: 300, seed: 7 }));
    expect(generateSample()).toEqual(sample);
  });

  it('returns a different sample for a different seed', () => {
    const first = generateSample({ customers: 300, seed: 7 });
    const second = generateSample({ customers: 300, seed: 8 });
    expect(second.customers.length).toBe(300);
    expect(second.transactions).not.toEqual(first.transactions);
    expect(second.interactions).not.toEqual(first.interactions);
    expect(second.customers).not.toEqual(first.customers);
  });

  it('reads a number seed as its decimal text and accepts any string', () => {
    expect(generateSample({ customers: 50, seed: 42 })).toEqual(generateSample({ customers: 50, seed: '42' }));
    expect(generateSample({ customers: 50, seed: 'demo' }).transactions).not.toEqual(generateSample({ customers: 50, seed: 'demo2' }).transactions);
  });

  it('does not change a frozen options object', () => {
    const options = Object.freeze({ customers: 20, seed: 3, start: '2024-06-01', end: '2024-12-31', currency: 'USD' });
    expect(generateSample(options).customers).toHaveLength(20);
    expect(options).toEqual({ customers: 20, seed: 3, start: '2024-06-01', end: '2024-12-31', currency: 'USD' });
  });
});

describe('generateSample: rows are valid and normalised', () => {
  it('passes parseTransactions with zero rejections, through the fast path', () => {
    const result = parseTransactions(sample.transactions, { unknownFields: 'reject', notAfter: sample.asOf });
    expect(result.counts).toEqual({ given: sample.transactions.length, accepted: sample.transactions.length, rejected: 0 });
    expect(result.strippedFields).toEqual({});
    // The fast path accepts normalised rows as they are, without copying.
    expect(result.records.every((record, index) => record === sample.transactions[index])).toBe(true);
  });

  it('passes parseCustomers and parseInteractions with zero rejections, unchanged', () => {
    const customers = parseCustomers(sample.customers, { unknownFields: 'reject' });
    expect(customers.counts.rejected).toBe(0);
    expect(customers.records).toEqual(sample.customers);
    const interactions = parseInteractions(sample.interactions, { unknownFields: 'reject' });
    expect(interactions.counts.rejected).toBe(0);
    expect(interactions.records).toEqual(sample.interactions);
  });

  it('sets no null or undefined fields, sets status everywhere and one currency', () => {
    const rows: readonly object[] = [...sample.transactions, ...sample.interactions, ...sample.customers];
    const absent = rows.filter((row) => Object.values(row).some((value) => value === undefined || value === null));
    expect(absent).toEqual([]);
    expect(new Set(sample.transactions.map((row) => row.status))).toEqual(new Set(['completed', 'cancelled']));
    expect(new Set(sample.transactions.map((row) => row.currency))).toEqual(new Set(['EUR']));
    const usd = generateSample({ customers: 30, currency: 'USD' });
    expect(new Set(usd.transactions.map((row) => row.currency))).toEqual(new Set(['USD']));
  });

  it('numbers ids as documented: customers c00001.. in sign-up order, orders o000001.. in time order', () => {
    expect(sample.customers.slice(0, 3).map((customer) => customer.id)).toEqual(['c00001', 'c00002', 'c00003']);
    expect(sample.customers.at(-1)?.id).toBe('c01000');
    const createdAt = sample.customers.map((customer) => customer.createdAt ?? Number.NaN);
    expect(createdAt.every((time, index) => index === 0 || time >= (createdAt[index - 1] as number))).toBe(true);
    expect(sample.transactions[0]?.orderId).toBe('o000001');
    const orderIds = [...groupOrders(sample.transactions).keys()];
    expect(orderIds).toEqual([...orderIds].sort());
  });
});

describe('generateSample: time', () => {
  it('keeps every row between start and asOf, asOf being 00:00 UTC of the end day', () => {
    expect(sample.asOf).toBe(AS_OF);
    const times = [...sample.transactions.map((row) => row.at), ...sample.interactions.map((row) => row.at)];
    expect(Math.min(...times)).toBeGreaterThanOrEqual(START);
    expect(Math.max(...times)).toBeLessThanOrEqual(AS_OF);
    expect(times.every((time) => Number.isInteger(time))).toBe(true);
    for (const customer of sample.customers) {
      expect(customer.createdAt).toBeGreaterThanOrEqual(START);
      expect(customer.createdAt).toBeLessThanOrEqual(AS_OF);
    }
  });

  it('reads start and end as UTC calendar days, whatever their type', () => {
    const custom = generateSample({ customers: 200, start: new Date('2023-03-01T15:30:00Z'), end: Date.UTC(2023, 5, 30, 18), seed: 'days' });
    expect(custom.asOf).toBe(Date.UTC(2023, 5, 30));
    const rows = [...custom.transactions, ...custom.interactions];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.at >= Date.UTC(2023, 2, 1) && row.at <= custom.asOf)).toBe(true);
  });

  it('lists transactions and interactions in time order', () => {
    const ascending = (times: number[]): boolean => times.every((time, index) => index === 0 || time >= (times[index - 1] as number));
    expect(ascending(sample.transactions.map((row) => row.at))).toBe(true);
    expect(ascending(sample.interactions.map((row) => row.at))).toBe(true);
  });

  it('acquires customers over the whole period, the first purchase on or after sign-up', () => {
    const createdAt = new Map(sample.customers.map((customer) => [customer.id, customer.createdAt ?? Number.NaN]));
    const firstPurchase = new Map<string, number>();
    for (const row of sample.transactions) if (!firstPurchase.has(row.customerId)) firstPurchase.set(row.customerId, row.at);
    for (const [customerId, at] of firstPurchase) expect(at).toBeGreaterThanOrEqual(createdAt.get(customerId) ?? Number.NaN);
    const firstYear = sample.customers.filter((customer) => (customer.createdAt ?? 0) < Date.UTC(2025, 0, 1)).length;
    // Sign-ups grow over the period: fewer than half in the first year, but far from none.
    expect(firstYear).toBeGreaterThan(300);
    expect(firstYear).toBeLessThan(500);
  });

  it('handles a period of one day', () => {
    const oneDay = generateSample({ customers: 100, start: '2024-05-01', end: '2024-05-01' });
    expect(oneDay.asOf).toBe(Date.UTC(2024, 4, 1));
    expect(oneDay.customers.every((customer) => customer.createdAt === oneDay.asOf)).toBe(true);
    expect([...oneDay.transactions, ...oneDay.interactions].every((row) => row.at === oneDay.asOf)).toBe(true);
    expect(parseTransactions(oneDay.transactions).counts.rejected).toBe(0);
  });
});

describe('generateSample: buying behaviour', () => {
  // A larger sample for shares, so that they are stable; the defaults otherwise.
  const large = generateSample({ customers: 5000, seed: 'shares' });
  const perCustomer = ordersPerCustomer(large.transactions);
  const buyers = perCustomer.size;

  it('leaves about 10% of customers as prospects who never buy', () => {
    const prospectShare = 1 - buyers / large.customers.length;
    expect(prospectShare).toBeGreaterThan(0.07);
    expect(prospectShare).toBeLessThan(0.14);
  });

  it('averages 8 to 12 orders per buyer over two years, many buying only once', () => {
    const orders = [...perCustomer.values()];
    const mean = orders.reduce((total, count) => total + count, 0) / buyers;
    expect(mean).toBeGreaterThan(8);
    expect(mean).toBeLessThan(12);
    const oneTimeShare = orders.filter((count) => count === 1).length / buyers;
    expect(oneTimeShare).toBeGreaterThan(0.25);
    expect(oneTimeShare).toBeLessThan(0.5);
    // Heavy tail: the median buyer orders far less than the mean.
    const sorted = [...orders].sort((a, b) => a - b);
    expect(sorted[Math.floor(buyers / 2)]).toBeLessThan(mean / 2);
  });

  it('skews spend: mean order value around 60, above the median, with a long tail', () => {
    const values = [...groupOrders(large.transactions).values()].map((lines) => lines.reduce((total, line) => total + line.amount, 0));
    const mean = values.reduce((total, value) => total + value, 0) / values.length;
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    expect(mean).toBeGreaterThan(45);
    expect(mean).toBeLessThan(75);
    expect(median).toBeLessThan(mean);
    expect(sorted.at(-1)).toBeGreaterThan(5 * mean);
    expect(large.transactions.every((row) => Math.round(row.amount * 100) / 100 === row.amount)).toBe(true);
  });

  it('gives each order 1 to 3 lines numbered from 1, one customer, one time and one channel', () => {
    const badOrders: string[] = [];
    const lineCounts = new Set<number>();
    for (const [orderId, lines] of groupOrders(sample.transactions)) {
      lineCounts.add(lines.length);
      const wellFormed =
        lines.map((line) => line.lineId).join() === ['1', '2', '3'].slice(0, lines.length).join() &&
        new Set(lines.map((line) => line.customerId)).size === 1 &&
        new Set(lines.map((line) => line.at)).size === 1 &&
        new Set(lines.map((line) => line.channel)).size === 1 &&
        new Set(lines.map((line) => line.sku)).size === lines.length &&
        lines.every(
          (line) =>
            ['web', 'store', 'app'].includes(line.channel ?? '') &&
            Number.isInteger(line.quantity) &&
            (line.quantity ?? 0) >= 1 &&
            line.amount >= 1 &&
            line.sku?.startsWith(line.category?.slice(0, 3).toUpperCase() ?? '?') === true,
        );
      if (!wellFormed) badOrders.push(orderId);
    }
    expect(badOrders).toEqual([]);
    expect(lineCounts).toEqual(new Set([1, 2, 3]));
    expect(new Set(sample.transactions.map((row) => row.channel))).toEqual(new Set(['web', 'store', 'app']));
  });

  it('discounts about 15% of orders on all their lines, and cancels a few', () => {
    const orders = [...groupOrders(large.transactions).values()];
    const discounted = orders.filter((lines) => lines.every((line) => line.discount !== undefined && line.discount > 0));
    const partly = orders.filter((lines) => lines.some((line) => line.discount !== undefined) && !lines.every((line) => line.discount !== undefined));
    expect(partly).toEqual([]);
    expect(discounted.length / orders.length).toBeGreaterThan(0.12);
    expect(discounted.length / orders.length).toBeLessThan(0.18);
    const cancelled = orders.filter((lines) => lines.every((line) => line.status === 'cancelled'));
    expect(cancelled.length / orders.length).toBeGreaterThan(0.005);
    expect(cancelled.length / orders.length).toBeLessThan(0.05);
  });

  it('refunds about 3% of orders with a later negative row r1 on the same order', () => {
    const orders = groupOrders(large.transactions);
    const refunds = large.transactions.filter((row) => row.amount < 0);
    expect(refunds.length / orders.size).toBeGreaterThan(0.015);
    expect(refunds.length / orders.size).toBeLessThan(0.045);
    for (const refund of refunds) {
      expect(refund).toMatchObject({ lineId: 'r1', status: 'completed' });
      const lines = orders.get(refund.orderId) ?? [];
      const sale = lines[0];
      expect(sale?.customerId).toBe(refund.customerId);
      expect(sale?.status).toBe('completed');
      // The refund gives back one whole line, 1 to 30 days after the order, and never after asOf.
      expect(lines.some((line) => line.amount === -refund.amount && line.sku === refund.sku)).toBe(true);
      expect(refund.at - (sale?.at ?? 0)).toBeGreaterThanOrEqual(DAY_MS);
      expect(refund.at - (sale?.at ?? 0)).toBeLessThanOrEqual(30 * DAY_MS);
      expect(refund.at).toBeLessThanOrEqual(large.asOf);
    }
  });

  it('sells 7 categories, most customers favouring one or two', () => {
    const byCustomer = new Map<string, Map<string, number>>();
    const overall = new Map<string, number>();
    for (const row of large.transactions) {
      if (row.amount < 0 || row.category === undefined) continue;
      overall.set(row.category, (overall.get(row.category) ?? 0) + 1);
      let counts = byCustomer.get(row.customerId);
      if (counts === undefined) byCustomer.set(row.customerId, (counts = new Map()));
      counts.set(row.category, (counts.get(row.category) ?? 0) + 1);
    }
    expect(overall.size).toBe(7);
    const lineCount = [...overall.values()].reduce((total, count) => total + count, 0);
    const overallTopShare = Math.max(...overall.values()) / lineCount;
    let topShares = 0;
    let topTwoShares = 0;
    let regulars = 0;
    for (const counts of byCustomer.values()) {
      const sorted = [...counts.values()].sort((a, b) => b - a);
      const total = sorted.reduce((sum, count) => sum + count, 0);
      if (total < 6) continue;
      regulars++;
      topShares += (sorted[0] as number) / total;
      topTwoShares += ((sorted[0] as number) + (sorted[1] ?? 0)) / total;
    }
    expect(regulars).toBeGreaterThan(500);
    // If every customer bought like the shop as a whole, a customer's top category would take
    // about overallTopShare of their lines; instead it takes more than half, the top two most.
    expect(overallTopShare).toBeLessThan(0.3);
    expect(topShares / regulars).toBeGreaterThan(0.5);
    expect(topTwoShares / regulars).toBeGreaterThan(0.75);
  });
});

describe('generateSample: customers and interactions', () => {
  it('gives customers region, gender, age, tags and consent', () => {
    for (const customer of sample.customers) {
      const attributes = customer.attributes ?? {};
      expect(Object.keys(attributes)).toEqual(['region', 'gender', 'age', 'tags']);
      expect(['north', 'south', 'east', 'west']).toContain(attributes.region);
      expect(['f', 'm', 'x']).toContain(attributes.gender);
      const age = attributes.age;
      expect(typeof age === 'number' && Number.isInteger(age) && age >= 18 && age <= 80).toBe(true);
      expect(Array.isArray(attributes.tags)).toBe(true);
      expect(typeof customer.consent?.email).toBe('boolean');
      expect(typeof customer.consent?.sms).toBe('boolean');
    }
    const tagCounts = sample.customers.map((customer) => (customer.attributes?.tags as readonly string[]).length);
    expect(tagCounts.filter((count) => count === 0).length).toBeGreaterThan(100);
    expect(tagCounts.filter((count) => count > 0).length).toBeGreaterThan(100);
    expect(new Set(sample.customers.map((customer) => customer.attributes?.region)).size).toBe(4);
  });

  it('produces every interaction kind, with scores on surveys and campaign ids on campaign responses', () => {
    const kinds = new Set(sample.interactions.map((row) => row.kind));
    expect(kinds).toEqual(new Set(['email_open', 'email_click', 'site_visit', 'support_ticket', 'survey', 'campaign_response']));
    for (const row of sample.interactions) {
      if (row.kind === 'survey') expect(Number.isInteger(row.score) && (row.score ?? -1) >= 0 && (row.score ?? 11) <= 10).toBe(true);
      else expect(row.score).toBeUndefined();
      if (row.kind === 'campaign_response') expect(row.campaignId).toMatch(/^cmp\d{3}$/);
    }
    const scores = sample.interactions.filter((row) => row.kind === 'survey').map((row) => row.score ?? 0);
    expect(new Set(scores).size).toBeGreaterThan(5);
  });

  it('emails only customers who consented to email', () => {
    const emailConsent = new Map(sample.customers.map((customer) => [customer.id, customer.consent?.email]));
    const emailed = sample.interactions.filter((row) => row.kind === 'email_open' || row.kind === 'email_click');
    expect(emailed.length).toBeGreaterThan(0);
    expect(emailed.every((row) => emailConsent.get(row.customerId) === true)).toBe(true);
  });

  it('has more active buyers interact more, and some interact after their last purchase', () => {
    const orders = ordersPerCustomer(sample.transactions);
    const interactionCount = new Map<string, number>();
    const lastInteraction = new Map<string, number>();
    for (const row of sample.interactions) {
      interactionCount.set(row.customerId, (interactionCount.get(row.customerId) ?? 0) + 1);
      lastInteraction.set(row.customerId, row.at);
    }
    const meanInteractions = (ids: string[]): number => ids.reduce((total, id) => total + (interactionCount.get(id) ?? 0), 0) / ids.length;
    const oneTime = [...orders].filter(([, count]) => count === 1).map(([id]) => id);
    const frequent = [...orders].filter(([, count]) => count >= 10).map(([id]) => id);
    expect(meanInteractions(frequent)).toBeGreaterThan(2 * meanInteractions(oneTime));

    const lastPurchase = new Map<string, number>();
    for (const row of sample.transactions) lastPurchase.set(row.customerId, row.at);
    const laterActive = [...lastPurchase].filter(([id, at]) => (lastInteraction.get(id) ?? 0) > at);
    expect(laterActive.length).toBeGreaterThan(100);
  });
});

describe('generateSample: options', () => {
  it('returns empty arrays for zero customers', () => {
    expect(generateSample({ customers: 0 })).toEqual({ customers: [], transactions: [], interactions: [], asOf: AS_OF });
  });

  it.each([
    ['customers', -1],
    ['customers', 2.5],
    ['customers', 2_000_001],
    ['customers', '10'],
    ['customers', Number.NaN],
    ['seed', Number.POSITIVE_INFINITY],
    ['seed', {}],
    ['start', '2024-02-30'],
    ['start', 'yesterday'],
    ['end', 42],
    ['currency', 'eur'],
  ])('rejects %s = %o with invalid_option', (option, value) => {
    const error = captureError({ [option]: value });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ name: 'ConfigurationError', code: 'invalid_option', path: [option] });
    expect((error as Error).message).toMatch(new RegExp(`^generateSample expects option \`${option}\``));
  });

  it('names the option, what is expected and the value received', () => {
    expect(errorPayload({ customers: 2.5 })).toMatchInlineSnapshot(`
      {
        "code": "invalid_option",
        "message": "generateSample expects option \`customers\` to be a whole number from 0 to 2,000,000, received 2.5",
        "name": "ConfigurationError",
        "path": [
          "customers",
        ],
      }
    `);
    expect(errorPayload({ customers: 3_000_000 })).toMatchInlineSnapshot(`
      {
        "code": "invalid_option",
        "message": "generateSample expects option \`customers\` to be a whole number from 0 to 2,000,000, received 3000000",
        "name": "ConfigurationError",
        "path": [
          "customers",
        ],
      }
    `);
    expect(errorPayload({ start: '2025-01-01', end: '2024-12-31' })).toMatchInlineSnapshot(`
      {
        "code": "invalid_option",
        "message": "generateSample expects option \`end\` to be on or after \`start\` (2025-01-01), received "2024-12-31"",
        "name": "ConfigurationError",
        "path": [
          "end",
        ],
      }
    `);
    expect(errorPayload({ end: '2024-02-30' })).toMatchInlineSnapshot(`
      {
        "code": "invalid_option",
        "message": "generateSample expects option \`end\` to be a Date, an ISO-8601 date or epoch ms: no such calendar day: "2024-02-30"",
        "name": "ConfigurationError",
        "path": [
          "end",
        ],
      }
    `);
    expect(errorPayload({ seed: Number.NaN })).toMatchInlineSnapshot(`
      {
        "code": "invalid_option",
        "message": "generateSample expects option \`seed\` to be a finite number or a string, received NaN",
        "name": "ConfigurationError",
        "path": [
          "seed",
        ],
      }
    `);
    expect(errorPayload({ customer: 10 })).toMatchInlineSnapshot(`
      {
        "code": "invalid_option",
        "message": "generateSample does not know option "customer"; expected customers, seed, start, end or currency",
        "name": "ConfigurationError",
        "path": [
          "customer",
        ],
      }
    `);
    expect(errorPayload(null)).toMatchInlineSnapshot(`
      {
        "code": "invalid_option",
        "message": "generateSample expects an options object, received null",
        "name": "ConfigurationError",
        "path": [],
      }
    `);
  });

  it('accepts end on the start day and rejects a period over 100 years', () => {
    expect(generateSample({ customers: 1, start: '2024-01-01', end: '2024-01-01T23:00:00Z' }).asOf).toBe(START);
    expect(captureError({ start: '1990-01-01', end: '2091-01-01' })).toMatchObject({ code: 'invalid_option', path: ['end'] });
  });
});

describe('sampleGamma', () => {
  it.each([
    [0.45, 2],
    [1, 1],
    [3.5, 0.1],
  ])('draws Gamma(shape %s, scale %s) with mean kθ and variance kθ²', (shape, scale) => {
    const random = createRandom(`gamma ${shape}`);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    for (let index = 0; index < n; index++) {
      const value = sampleGamma(random, shape, scale);
      sum += value;
      sumSquares += value * value;
    }
    const mean = sum / n;
    const variance = sumSquares / n - mean * mean;
    // Standard error of the mean is sqrt(kθ²/n); allow 5 of them. The variance within 5%.
    expect(Math.abs(mean - shape * scale)).toBeLessThan(5 * Math.sqrt((shape * scale * scale) / n));
    expect(Math.abs(variance / (shape * scale * scale) - 1)).toBeLessThan(0.05);
  });
});

describe('orderByTime', () => {
  /** The reference: a plain comparator sort by time, then index. */
  function referenceOrder(times: readonly number[]): number[] {
    return times.map((_, index) => index).sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  }

  function randomSeconds(count: number, spanSeconds: number, seed: string): number[] {
    const random = createRandom(seed);
    const times: number[] = [];
    // Few distinct values, so that ties are common and the index tie-break matters.
    for (let index = 0; index < count; index++) times.push(START + Math.floor(random() * 50) * Math.floor(spanSeconds / 50) * 1000);
    return times;
  }

  it('orders by time, then index, with packed keys', () => {
    const times = randomSeconds(5000, 63_072_000, 'packed');
    expect([...orderByTime(Float64Array.from(times), times.length)]).toEqual(referenceOrder(times));
  });

  it('orders by time, then index, when keys cannot be packed exactly', () => {
    // 40,000 events over 9,500 years: 40,000 × 3e11 seconds is beyond 2^53.
    const times = randomSeconds(40_000, 300_000_000_000, 'comparator');
    expect(((Math.max(...times) - Math.min(...times)) / 1000) * times.length).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    expect([...orderByTime(Float64Array.from(times), times.length)]).toEqual(referenceOrder(times));
  });

  it('reads only the first count times', () => {
    expect([...orderByTime(Float64Array.from([3000, 1000, 2000, 0]), 3)]).toEqual([1, 2, 0]);
    expect(orderByTime(new Float64Array(4), 0)).toHaveLength(0);
  });
});
