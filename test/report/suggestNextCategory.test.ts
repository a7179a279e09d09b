import { describe, expect, it } from 'vitest';
import { ConfigurationError, categoryAffinity, suggestNextCategory } from 'clientele';

const customer = (customerId: string, segment: string, categoryShares: Record<string, number>) => ({ customerId, segment, categoryShares, grossSpend: 100 });

describe('suggestNextCategory', () => {
  const base = [
    customer('a', 'runners', { shoes: 0.7, socks: 0.3 }),
    customer('b', 'runners', { shoes: 0.6, socks: 0.4 }),
    customer('c', 'runners', { shoes: 1 }),
    customer('d', 'runners', {}),
    customer('e', 'office', { shirts: 0.5, shoes: 0.5 }),
    customer('f', 'office', { shirts: 1 }),
  ];

  it('suggests by segment affinity, then segment favourite, then the customer\'s own favourite, each with its reason', () => {
    const suggestions = suggestNextCategory(base, { by: 'segment', minBuyers: 2 });
    const byId = Object.fromEntries(suggestions.map((entry) => [entry.customerId, entry]));
    expect(byId.c?.category).toBe('socks');
    expect(byId.c?.reason?.code).toBe('segment_affinity');
    // d has bought nothing: the most common runner category with a lift (shoes, 75 % of runners vs 67 % of all).
    expect(byId.d).toMatchObject({ category: 'shoes', reason: { code: 'segment_affinity', penetration: 0.75 } });
    // f misses shoes, which office buyers buy less than everyone (lift 0.75 < 1) and only 1 of them: under minBuyers, so f's own favourite.
    expect(byId.f).toMatchObject({ category: 'shirts', reason: { code: 'own_favourite', share: 1 } });
    expect(suggestions.map((entry) => entry.customerId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('falls back to the segment favourite when nothing in it has a lift, and to null with no history at all', () => {
    const flat = [customer('a', 's', { tea: 1 }), customer('b', 's', { tea: 1 }), customer('c', 's', {})];
    const [, , forC] = suggestNextCategory(flat, { by: 'segment', minBuyers: 2 });
    expect(forC).toMatchObject({ category: 'tea', reason: { code: 'segment_favourite', penetration: 2 / 3 } });
    expect(suggestNextCategory([customer('z', 's', {})], { by: 'segment' })).toEqual([{ customerId: 'z', category: null, reason: null }]);
  });

  it('scores one customer per request against affinities computed on the whole base', () => {
    const affinity = categoryAffinity(base, { by: 'segment' });
    const [one] = suggestNextCategory([customer('new', 'runners', { shoes: 1 })], { by: 'segment', affinity, minBuyers: 2 });
    expect(one?.category).toBe('socks');
    expect(one?.reason?.text).toBe('Bought by 50% of runners customers (1.50 times the rate of all customers); not bought yet.');
  });

  it('refuses a bad minBuyers, affinity or customer', () => {
    expect(() => suggestNextCategory(base, { by: 'segment', minBuyers: 0 })).toThrow(ConfigurationError);
    expect(() => suggestNextCategory(base, { by: 'segment', affinity: {} as never })).toThrow(/affinity/);
    expect(() => suggestNextCategory([{ categoryShares: {} }] as never, { by: 'segment' })).toThrow(/customerId/);
  });
});
