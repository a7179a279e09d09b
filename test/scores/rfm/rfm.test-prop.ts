import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfm, scoreRfm } from 'clientele';

const population = fc.array(
  fc.record({
    daysSinceLastPurchase: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(null)),
    orders: fc.integer({ min: 0, max: 30 }),
    monetaryTotal: fc.oneof(fc.integer({ min: -100, max: 5000 }), fc.double({ min: -100, max: 5000, noNaN: true })),
  }),
  { minLength: 1, maxLength: 60 },
);
const withIds = (rows: { daysSinceLastPurchase: number | null; orders: number; monetaryTotal: number }[]) => rows.map((row, i) => ({ customerId: `c${i}`, ...row }));

describe('rfm invariants', () => {
  it('keeps scores within 1..bins, never ranks a better value lower, and agrees with scoreRfm', () => {
    fc.assert(
      fc.property(population, fc.integer({ min: 3, max: 10 }), (rows, bins) => {
        const customers = withIds(rows);
        if (!customers.some((customer) => customer.daysSinceLastPurchase !== null)) return;
        const { model, scores, unscored } = rfm(customers, { bins });
        expect(scores.length + unscored.length).toBe(customers.length);
        const byId = new Map(customers.map((customer) => [customer.customerId, customer]));
        for (const score of scores) {
          for (const value of [score.r, score.f, score.m]) expect(value >= 1 && value <= bins).toBe(true);
          expect(scoreRfm(model, byId.get(score.customerId) as (typeof customers)[number])).toEqual(score);
        }
        for (const a of scores) {
          for (const b of scores) {
            const ca = byId.get(a.customerId) as (typeof customers)[number];
            const cb = byId.get(b.customerId) as (typeof customers)[number];
            if (ca.orders >= cb.orders) expect(a.f).toBeGreaterThanOrEqual(b.f);
            if (ca.monetaryTotal >= cb.monetaryTotal) expect(a.m).toBeGreaterThanOrEqual(b.m);
            if ((ca.daysSinceLastPurchase as number) <= (cb.daysSinceLastPurchase as number)) expect(a.r).toBeGreaterThanOrEqual(b.r);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps rank scores within 1..bins and as many customers per score as qcut's equal-count bins allow", () => {
    fc.assert(
      fc.property(population, (rows) => {
        const customers = withIds(rows).filter((customer) => customer.daysSinceLastPurchase !== null);
        if (customers.length === 0) return;
        const { scores } = rfm(customers, { ties: 'rank' });
        const counts = [0, 0, 0, 0, 0];
        for (const score of scores) counts[score.f - 1] = (counts[score.f - 1] as number) + 1;
        // Equal-count bins differ by at most one customer from n / 5, rounded either way.
        for (const count of counts) expect(Math.abs(count - customers.length / 5)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("ranks as a stable comparison sort does, whole numbers (counted) and fractions (sorted) alike", () => {
    // The oracle: order by value, ties in row order; the rank r (1-based) goes to the bin qcut gives it.
    const oracle = (values: number[], bins: number, higherIsBetter: boolean): number[] => {
      const n = values.length;
      const order = [...values.keys()].sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
      // numpy's linspace, which qcut uses, steps by k * (1 / bins), not k / bins (they differ in the last bit).
      const edges = Array.from({ length: bins - 1 }, (_, k) => {
        const position = (n - 1) * ((k + 1) * (1 / bins));
        const below = Math.floor(position);
        const t = position - below;
        const a = below + 1;
        const b = Math.min(below + 2, n);
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
      });
      const scores: number[] = [];
      order.forEach((index, position) => {
        const below = edges.filter((edge) => edge < position + 1).length;
        scores[index] = higherIsBetter ? below + 1 : bins - below;
      });
      return scores;
    };
    fc.assert(
      fc.property(population, fc.integer({ min: 3, max: 10 }), (rows, bins) => {
        const customers = withIds(rows).filter((customer) => customer.daysSinceLastPurchase !== null);
        if (customers.length === 0) return;
        const { scores } = rfm(customers, { ties: 'rank', bins });
        expect(scores.map((score) => score.r)).toEqual(oracle(customers.map((customer) => customer.daysSinceLastPurchase as number), bins, false));
        expect(scores.map((score) => score.f)).toEqual(oracle(customers.map((customer) => customer.orders), bins, true));
        expect(scores.map((score) => score.m)).toEqual(oracle(customers.map((customer) => customer.monetaryTotal), bins, true));
      }),
      { numRuns: 300 },
    );
  });
});
