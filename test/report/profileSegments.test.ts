import { describe, expect, it } from 'vitest';
import { ConfigurationError, profileSegments, summarize } from 'clientele';

describe('profileSegments', () => {
  const features = summarize(
    [
      { orderId: 'o1', customerId: 'a', at: '2026-06-01', amount: 300, category: 'shoes' },
      { orderId: 'o2', customerId: 'a', at: '2026-06-10', amount: 100, category: 'bags' },
      { orderId: 'o3', customerId: 'b', at: '2026-03-01', amount: 50, category: 'bags' },
      { orderId: 'o4', customerId: 'c', at: '2026-05-01', amount: -20 },
    ],
    { asOf: '2026-06-30', customers: [{ id: 'p' }] },
  );

  it('profiles any grouping: counts, revenue and its share, feature statistics, top categories', () => {
    const profiles = profileSegments(features, (customer) => (customer.orders >= 2 ? 'repeat' : customer.isProspect ? 'prospect' : 'one-time'));
    expect(profiles.map((profile) => profile.key)).toEqual(['repeat', 'one-time', 'prospect']);
    const [repeat, oneTime] = profiles;
    expect(repeat).toMatchObject({ customers: 1, customerShare: 0.25, revenue: 400, revenueShare: 400 / 450 });
    expect(repeat?.topCategories).toEqual([
      { category: 'shoes', share: 0.75 },
      { category: 'bags', share: 0.25 },
    ]);
    expect(oneTime?.features.daysSinceLastPurchase).toEqual({ mean: 121, median: 121, count: 1 });
    expect(oneTime?.revenue).toBe(50);
  });

  it('groups by a field name, with missing keys as "(none)", and checks `by`', () => {
    const tagged = features.map((customer, index) => ({ ...customer, tier: index === 0 ? 'high' : null }));
    expect(profileSegments(tagged, 'tier').map((profile) => profile.key)).toEqual(['high', '(none)']);
    expect(() => profileSegments(features, 42 as never)).toThrow(ConfigurationError);
    expect(profileSegments([], 'tier')).toEqual([]);
  });
});

describe('profileSegments with hostile or broken input', () => {
  it('reads group keys from own fields only, and keeps NaN out of revenue', () => {
    const rows = [
      { customerId: 'a', monetaryTotal: 10 },
      { customerId: 'b', monetaryTotal: Number.NaN },
    ];
    expect(profileSegments(rows, '__proto__').map((profile) => profile.key)).toEqual(['(none)']);
    expect(profileSegments(rows, 'constructor')[0]).toMatchObject({ key: '(none)', revenue: 10, revenueShare: 1 });
    expect(() => profileSegments([null] as never, 'x')).toThrow(ConfigurationError);
  });
});
