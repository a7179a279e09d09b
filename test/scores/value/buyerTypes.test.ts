import { describe, expect, it } from 'vitest';
import { buyerTypes, classifyBuyerType, ConfigurationError } from 'clientele';

const base = { orders: 6, averageOrderValue: 40, purchaseDays: 6, interpurchaseCv: 0.2, daysSinceLastPurchase: 25, medianInterpurchaseDays: 30 };

describe('classifyBuyerType', () => {
  it('tells never, one-time, bulk, repeat and continuous buyers apart', () => {
    const options = { bulkOrderValue: 300 };
    expect(classifyBuyerType({ ...base, orders: 0, purchaseDays: 0, averageOrderValue: null }, options)).toBe('never_purchased');
    expect(classifyBuyerType({ ...base, orders: 1, purchaseDays: 1, averageOrderValue: 299.99 }, options)).toBe('one_time');
    expect(classifyBuyerType({ ...base, orders: 1, purchaseDays: 1, averageOrderValue: 300 }, options)).toBe('one_time_bulk');
    expect(classifyBuyerType(base, options)).toBe('continuous');
    expect(classifyBuyerType({ ...base, interpurchaseCv: 0.8 }, options)).toBe('repeat'); // irregular
    expect(classifyBuyerType({ ...base, daysSinceLastPurchase: 61 }, options)).toBe('repeat'); // overdue: more than twice the usual 30 days
    expect(classifyBuyerType({ ...base, purchaseDays: 3 }, options)).toBe('repeat'); // too few purchases to call a rhythm
    expect(classifyBuyerType({ ...base, interpurchaseCv: 0.8 }, { ...options, regularCv: 1 })).toBe('continuous');
  });

  it('checks its options', () => {
    expect(() => classifyBuyerType(base, { bulkOrderValue: Number.NaN })).toThrow(ConfigurationError);
    expect(() => classifyBuyerType(base, { bulkOrderValue: 1, regularCv: -1 })).toThrow(/regularCv/);
    expect(() => buyerTypes([], { bulkFactor: 0 })).toThrow(/bulkFactor/);
  });

  it('derives the bulk threshold from the median order value, and copes with no buyers', () => {
    expect(buyerTypes([{ customerId: 'a', ...base }, { customerId: 'b', ...base, averageOrderValue: 100 }]).bulkOrderValue).toBe(210); // median 70 x 3
    const none = buyerTypes([{ customerId: 'p', ...base, orders: 0, purchaseDays: 0, averageOrderValue: null }]);
    expect(none.types).toEqual([{ customerId: 'p', type: 'never_purchased' }]);
  });
});

describe('buyerTypes input checks', () => {
  it('rejects what is not a list of customers, and a negative regularCv even with no customers', () => {
    expect(() => buyerTypes(null as never)).toThrow(ConfigurationError);
    expect(() => buyerTypes([], { regularCv: -1 })).toThrow(/regularCv/);
    expect(() => buyerTypes([null] as never)).toThrow(ConfigurationError);
  });
});
