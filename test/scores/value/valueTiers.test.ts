import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, ModelError, scoreValueTier, valueTiers, type CustomerFeatures } from 'clientele';

// A missing value (null) stands for a customer the data has no value for, as hosts' rows may.
const customers = (values: readonly (number | null)[]): Partial<CustomerFeatures>[] =>
  values.map((monetaryTotal, i) => ({ customerId: `c${i}`, monetaryTotal }) as Partial<CustomerFeatures>);

describe('valueTiers', () => {
  it('finds the Pareto tiers: the customers who bring 80 % of revenue, then up to 95 %', () => {
    // Total 1,000: 500 + 300 reach 80 %; + 100 + 60 reach 96 %, so 60 ends the middle tier.
    const { tiers, summary, model } = valueTiers(customers([100, 500, 40, 300, 60]));
    expect(tiers.map((entry) => entry.tier)).toEqual(['middle', 'high', 'low', 'high', 'middle']);
    expect(model.cutoffs).toEqual({ high: 300, middle: 60 });
    expect(summary).toEqual([
      { tier: 'high', customers: 2, customerShare: 0.4, value: 800, valueShare: 0.8 },
      { tier: 'middle', customers: 2, customerShare: 0.4, value: 160, valueShare: 0.16 },
      { tier: 'low', customers: 1, customerShare: 0.2, value: 40, valueShare: expect.closeTo(0.04, 12) },
    ]);
  });

  it('puts customers with equal values in the same tier', () => {
    const { tiers } = valueTiers(customers([100, 100, 100, 100, 100]));
    expect(new Set(tiers.map((entry) => entry.tier))).toEqual(new Set(['high']));
  });

  it('tiers by quantiles or by the host thresholds, and by other features', () => {
    const quantile = valueTiers(customers([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]), { method: 'quantile' });
    expect(quantile.model.cutoffs).toEqual({ middle: 55, high: expect.closeTo(82, 9) });
    const fixed = valueTiers(customers([5, 50, 500]), { method: 'thresholds', thresholds: [50, 500] });
    expect(fixed.tiers.map((entry) => entry.tier)).toEqual(['low', 'middle', 'high']);
    const byOrders = valueTiers([{ customerId: 'a', orders: 9 }, { customerId: 'b', orders: 1 }], { field: 'orders', method: 'thresholds', thresholds: [2, 5] });
    expect(byOrders.tiers.map((entry) => entry.tier)).toEqual(['high', 'low']);
  });

  it('accounts for customers without a value, keeps net refunds low, and survives all-negative values', () => {
    const result = valueTiers(customers([200, null, -30]));
    expect(result.unscored).toEqual(['c1']);
    expect(result.tiers.map((entry) => entry.tier)).toEqual(['high', 'low']);
    const negative = valueTiers(customers([-5, -1]));
    expect(negative.tiers.map((entry) => entry.tier)).toEqual(['low', 'low']);
    expect(JSON.parse(JSON.stringify(negative.model))).toEqual(negative.model);
  });

  it('rejects bad input with typed errors', () => {
    expect(() => valueTiers(customers([]))).toThrow(ModelError);
    expect(() => valueTiers(customers([1]), { shares: [0.9, 0.8] })).toThrow(ConfigurationError);
    expect(() => valueTiers(customers([1]), { method: 'quantile', quantiles: [0, 0.5] })).toThrow(/within/);
    expect(() => valueTiers(customers([1]), { method: 'thresholds' })).toThrow(expect.objectContaining({ code: 'missing_option' }));
    expect(() => valueTiers(customers([1]), { field: 'topCategory' as never })).toThrow(/numeric feature/);
    expect(() => scoreValueTier({ kind: 'rfm' } as never, { monetaryTotal: 1 })).toThrow(expect.objectContaining({ code: 'model_kind_mismatch' }));
  });

  it('scores each customer alone as the batch does, and never puts a higher value in a lower tier', () => {
    const rank = { low: 0, middle: 1, high: 2 } as const;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 10_000 }), { minLength: 1, maxLength: 80 }), fc.constantFrom('pareto', 'quantile') as fc.Arbitrary<'pareto' | 'quantile'>, (values, method) => {
        const { model, tiers, summary } = valueTiers(customers(values), { method });
        expect(summary.reduce((sum, tier) => sum + tier.customers, 0)).toBe(values.length);
        for (const entry of tiers) expect(scoreValueTier(model, { monetaryTotal: entry.value })).toBe(entry.tier);
        for (const a of tiers) for (const b of tiers) if (a.value >= b.value) expect(rank[a.tier]).toBeGreaterThanOrEqual(rank[b.tier]);
      }),
    );
  });
});

describe('valueTiers edge cases from review', () => {
  it('keeps values tied at a quantile cut-off in the lower tier', () => {
    const { tiers, model } = valueTiers(customers([0, 0, 0, 0, 0, 0, 1, 2, 3, 4]), { method: 'quantile' });
    expect(model.includeCutoff).toBe(false);
    expect(tiers.map((entry) => entry.tier)).toEqual(['low', 'low', 'low', 'low', 'low', 'low', 'middle', 'middle', 'high', 'high']);
    expect(new Set(valueTiers(customers([7, 7, 7]), { method: 'quantile' }).tiers.map((entry) => entry.tier))).toEqual(new Set(['low']));
  });

  it('reads a stored model back, and refuses a tampered one', async () => {
    const { readValueTierModel } = await import('clientele');
    const { model } = valueTiers(customers([10, 20, 30]));
    expect(readValueTierModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
    expect(() => readValueTierModel({ ...model, cutoffs: { middle: 5, high: 1 } })).toThrow(expect.objectContaining({ code: 'invalid_model' }));
    expect(() => readValueTierModel({ ...model, field: 'constructor' })).toThrow(expect.objectContaining({ code: 'invalid_model' }));
  });

  it('rejects a customer that is not an object with a typed error', () => {
    expect(() => valueTiers([null] as never)).toThrow(ConfigurationError);
    expect(scoreValueTier(valueTiers(customers([1])).model, null)).toBeNull();
  });
});
