import { describe, expect, it } from 'vitest';
import { ConfigurationError, categoryAffinity, parseTransactions, summarize, valueTiers } from 'clientele';
import { generateSample } from 'clientele/sample';

describe('categoryAffinity', () => {
  it('gives lift 1 to every category when there is one segment, and penetration over all its customers', () => {
    const customers = [
      { categoryShares: { shoes: 1 }, grossSpend: 10, s: 'all' },
      { categoryShares: {}, grossSpend: 0, s: 'all' },
      { categoryShares: JSON.parse('{"shoes": 0.5, "__proto__": 0.5}') as Record<string, number>, grossSpend: 20, s: 'all' },
    ];
    const { segments, overall } = categoryAffinity(customers, { by: 's' });
    expect(segments[0]?.categories.every((line) => Math.abs(line.lift - 1) < 1e-12 && Math.abs(line.spendLift - 1) < 1e-12)).toBe(true);
    expect(overall.find((line) => line.category === 'shoes')).toEqual({ category: 'shoes', buyers: 2, penetration: 2 / 3, spendShare: 20 / 30 });
    // A category named __proto__ is a category like any other.
    expect(overall.find((line) => line.category === '__proto__')).toEqual({ category: '__proto__', buyers: 1, penetration: 1 / 3, spendShare: 10 / 30 });
  });

  it('weights lifts so that across segments they average back to everyone (penetration weighted by size)', () => {
    const sample = generateSample({ customers: 1000, seed: 2 });
    const features = summarize(parseTransactions(sample.transactions).records, { asOf: sample.asOf }).filter((customer) => customer.orders > 0);
    const tiers = valueTiers(features);
    const tierOf = new Map(tiers.tiers.map((entry) => [entry.customerId, entry.tier]));
    const affinity = categoryAffinity(features, { by: (customer) => tierOf.get(customer.customerId) });
    for (const { category, penetration } of affinity.overall) {
      const weighted = affinity.segments.reduce((sum, segment) => sum + (segment.categories.find((line) => line.category === category)?.penetration ?? 0) * segment.customers, 0) / affinity.customers;
      expect(weighted).toBeCloseTo(penetration, 12);
    }
    // High-value customers buy more kinds of things: on average their lifts are above 1.
    const high = affinity.segments.find((segment) => segment.segment === 'high');
    expect((high?.categories.reduce((sum, line) => sum + line.lift, 0) ?? 0) / (high?.categories.length ?? 1)).toBeGreaterThan(1);
  });

  it('refuses a bad `by` and customers that are not objects', () => {
    expect(() => categoryAffinity([], { by: 1 as unknown as string })).toThrow(ConfigurationError);
    expect(() => categoryAffinity([null as never], { by: 's' })).toThrow(/index 0/);
    expect(() => categoryAffinity('x' as never, { by: 's' })).toThrow(ConfigurationError);
    expect(categoryAffinity([], { by: 's' })).toEqual({ segments: [], overall: [], customers: 0 });
  });
});
