/**
 * Segments on real data: the CDNOW sample summarised at 1997-09-30, RFM-scored, assigned with
 * rules; every count is also derived independently in the test, from the features or straight
 * from the transaction rows.
 */
import { describe, expect, it } from 'vitest';
import { assignSegments, compileRule, defineSegments, indexEvents, parseRule, parseTransactions, RFM_SEGMENT_RULES, rfm, summarize } from 'clientele';
import { readCdnowSample, sharedDataFile } from '../support/sharedData';

const sample = sharedDataFile('cdnow/CDNOW_sample.txt');
if (!sample.present) console.warn(`cdnowSegments.test.ts: ${sample.skipReason}`);
const skip = sample.present ? '' : ` (${sample.skipReason})`;
const DAY = 86_400_000;

describe('segments on CDNOW', () => {
  it.skipIf(!sample.present)(`feature rules, RFM segments and behaviour rules count what an independent computation counts${skip}`, () => {
    const rows = readCdnowSample(sample.path);
    const records = parseTransactions(rows).records;
    const asOf = '1997-09-30';
    const features = summarize(records, { asOf });
    const { scores } = rfm(features);
    const scoreOf = new Map(scores.map((score) => [score.customerId, score]));
    const customers = features.map((customer) => ({ rfm: scoreOf.get(customer.customerId), ...customer }));

    // A feature rule against a plain filter.
    const bigAndFrequent = compileRule(parseRule('monetaryTotal >= 100 and orders >= 3'));
    const expectedBig = features.filter((customer) => customer.monetaryTotal >= 100 && customer.orders >= 3).length;
    expect(customers.filter(bigAndFrequent).length).toBe(expectedBig);
    expect(expectedBig).toBeGreaterThan(100);

    // The 11 RFM segments as rules, in 'first' mode, against the scores' own segment names.
    const memberships = assignSegments(defineSegments(RFM_SEGMENT_RULES), customers);
    const byRules = new Map<string, number>();
    for (const membership of memberships) for (const segment of membership.segments) byRules.set(segment, (byRules.get(segment) ?? 0) + 1);
    const bySegmentId = new Map<string, number>();
    for (const score of scores) bySegmentId.set(score.segment, (bySegmentId.get(score.segment) ?? 0) + 1);
    for (const definition of RFM_SEGMENT_RULES) {
      const id = /"(.+)"/.exec(definition.rule as string)?.[1] as string;
      expect(byRules.get(definition.name) ?? 0, definition.name).toBe(bySegmentId.get(id) ?? 0);
    }
    expect(memberships.every((membership) => membership.segments.length === 1)).toBe(true);

    // A behaviour rule against the rows: customers with 2 or more orders dated in the last 90 days (1997-07-03 .. 09-30).
    const events = indexEvents({ transactions: records });
    const recentRepeat = compileRule(parseRule('count(purchases within 90 days) >= 2'), { events });
    const asOfDay = Date.UTC(1997, 8, 30) / DAY;
    const recentOrders = new Map<string, number>();
    for (const row of rows) {
      const day = Date.parse(`${row.at}T00:00:00Z`) / DAY;
      if (day <= asOfDay && asOfDay - day <= 90 && row.amount >= 0) recentOrders.set(row.customerId, (recentOrders.get(row.customerId) ?? 0) + 1);
    }
    const expectedRecent = [...recentOrders.values()].filter((count) => count >= 2).length;
    expect(customers.filter(recentRepeat).length).toBe(expectedRecent);
    expect(expectedRecent).toBeGreaterThan(50);
  });
});
