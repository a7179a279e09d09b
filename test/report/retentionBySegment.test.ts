import { describe, expect, it } from 'vitest';
import { ConfigurationError, parseTransactions, retentionBySegment, rfm, summarize } from 'clientele';
import { generateSample } from 'clientele/sample';

const order = (orderId: string, customerId: string, at: string, amount: number, status?: 'completed' | 'refunded' | 'cancelled') => ({ orderId, customerId, at, amount, ...(status === undefined ? {} : { status }) });

describe('retentionBySegment', () => {
  it('counts the window (from, asOf]: a purchase on the snapshot date is before it, one on asOf inside', () => {
    const snapshot = [{ customerId: 'a', s: 'x' }, { customerId: 'b', s: 'x' }, { customerId: 'c', s: 'y' }];
    const result = retentionBySegment(
      snapshot,
      [
        order('o1', 'a', '2026-03-31T12:00:00Z', 10),
        order('o2', 'b', '2026-06-30T23:00:00Z', 20),
        order('o3', 'c', '2026-04-01', 30, 'cancelled'),
        order('o4', 'c', '2026-04-02', 40),
        order('o4', 'c', '2026-04-09', -15, 'refunded'),
        order('o5', 'c', '2026-04-20', 5),
        order('o6', 'z', '2026-05-01', 9),
      ],
      { by: 's', from: '2026-03-31T23:59:59Z', asOf: '2026-06-30T23:59:59Z' },
    );
    expect(result.windowDays).toBe(91);
    expect(result.segments).toEqual([
      { segment: 'x', customers: 2, retained: 1, retentionRate: 0.5, churnRate: 0.5, repurchaseRate: 0, revenue: 20, revenuePerCustomer: 10 },
      { segment: 'y', customers: 1, retained: 1, retentionRate: 1, churnRate: 0, repurchaseRate: 1, revenue: 45, revenuePerCustomer: 45 },
    ]);
    expect(result.outsideSnapshot).toEqual({ customers: 1, orders: 1 });
  });

  it('on the generated sample: RFM segments from a calibration date, retained plus churned is every customer', () => {
    const sample = generateSample({ customers: 1200, seed: 9 });
    const records = parseTransactions(sample.transactions).records;
    const from = sample.asOf - 180 * 86_400_000;
    const features = summarize(records, { asOf: from }).filter((customer) => customer.orders > 0);
    const { scores } = rfm(features);
    const snapshot = scores.map((score) => ({ customerId: score.customerId, segment: score.segment }));
    const result = retentionBySegment(snapshot, records, { by: 'segment', from, asOf: sample.asOf });
    expect(result.segments.reduce((sum, line) => sum + line.customers, 0)).toBe(snapshot.length);
    for (const line of result.segments) {
      expect(line.retentionRate + line.churnRate).toBeCloseTo(1, 12);
      expect(line.repurchaseRate).toBeLessThanOrEqual(line.retentionRate);
    }
    const rate = (segment: string): number => result.segments.find((line) => line.segment === segment)?.retentionRate ?? Number.NaN;
    // Champions come back more often than the lost: the segments mean something on data with a known story.
    expect(rate('champions')).toBeGreaterThan(rate('lost'));
  });

  it('counts calendar days as summarize does: a purchase later on the snapshot day is before the window, one on asOf\'s day inside', () => {
    const snapshot = [{ customerId: 'a', s: 'x' }, { customerId: 'b', s: 'x' }];
    const result = retentionBySegment(
      snapshot,
      [order('o1', 'a', '2026-03-31T15:00:00Z', 10), order('o2', 'b', '2026-06-30T09:00:00Z', 20), order('o3', 'b', '2026-05-01', 30, 'refunded')],
      { by: 's', from: '2026-03-31', asOf: '2026-06-30' },
    );
    expect(result.segments[0]).toMatchObject({ customers: 2, retained: 1, revenue: 20 });
  });

  it('refuses missing or reversed dates and a bad snapshot', () => {
    expect(() => retentionBySegment([], [], { by: 's', asOf: '2026-01-01' } as never)).toThrow(/`from`/);
    expect(() => retentionBySegment([], [], { by: 's', from: '2026-02-01', asOf: '2026-01-01' })).toThrow(/before `asOf`/);
    expect(() => retentionBySegment([{ customerId: 'a' }, { customerId: 'a' }], [], { by: 's', from: '2026-01-01', asOf: '2026-02-01' })).toThrow(/twice/);
    expect(() => retentionBySegment([], 'x' as never, { by: 's', from: '2026-01-01', asOf: '2026-02-01' })).toThrow(ConfigurationError);
  });
});
