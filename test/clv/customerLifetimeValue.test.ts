/**
 * customerLifetimeValue against its definition: Σ_k (E[Y(t_k)] − E[Y(t_{k−1})]) / (1 + d)^k ·
 * E[Z | x, z̄] · margin over the discounting periods k (lifetimes' `customer_lifetime_value`),
 * with E[Y] from conditionalExpectedPurchases at the period ends and E[Z] = p(γ + x z̄)/(px + q − 1)
 * computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError, conditionalExpectedPurchases, customerLifetimeValue, probabilityAlive, type CustomerLifetimeValueOptions, type LifetimeValueCustomer } from 'clientele';

const transactionModel = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
const valueModel = { kind: 'gammagamma', version: 1, parameters: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
const customer = (customerId: string, x: number, tx: number | null, T: number | null, meanRepeatPurchaseValue: number | null): LifetimeValueCustomer =>
  Object.freeze({ customerId, repeatPurchases: x, firstToLastPurchase: tx, firstPurchaseToAsOf: T, timeUnit: 'weeks', meanRepeatPurchaseValue });
const CUSTOMERS = Object.freeze([customer('loyal', 7, 35, 38, 40), customer('new', 0, 0, 20, null), customer('prospect', 0, null, null, null), customer('quiet', 7, 20, 38, 25)]);
const averageValue = (x: number, z: number | null) => (z === null || x === 0 ? (6.25 * 15.44) / 2.74 : (6.25 * (15.44 + x * z)) / (6.25 * x + 2.74));
const base: CustomerLifetimeValueOptions = { transactionModel, valueModel, customers: CUSTOMERS, horizon: { months: 12 } };

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('customerLifetimeValue', () => {
  it('with no discount, is expected purchases over the horizon times the expected value per purchase', () => {
    const result = customerLifetimeValue(base);
    expect(result).toMatchObject({ horizonDays: 365.25, periodDays: 30.4375, periods: 12, prospects: 1 });
    for (const row of result.customers) {
      const input = CUSTOMERS.find((item) => item.customerId === row.customerId) as LifetimeValueCustomer;
      expect(row.expectedAverageValue).toBeCloseTo(averageValue(input.repeatPurchases, input.meanRepeatPurchaseValue), 12);
      if (input.firstPurchaseToAsOf === null) continue;
      const purchases = conditionalExpectedPurchases(transactionModel, { days: 365.25 }, input);
      expect(row.expectedPurchases as number).toBeCloseTo(purchases, 12);
      expect(row.probabilityAlive).toBeCloseTo(probabilityAlive(transactionModel, input), 14);
      expect((row.lifetimeValue as number) / (purchases * row.expectedAverageValue)).toBeCloseTo(1, 12);
    }
  });

  it('gives prospects null and counts them; the total sums the others', () => {
    const result = customerLifetimeValue(base);
    expect(result.customers.map((row) => row.customerId)).toEqual(['loyal', 'new', 'prospect', 'quiet']);
    expect(result.customers[2]).toMatchObject({ customerId: 'prospect', expectedPurchases: null, probabilityAlive: null, lifetimeValue: null });
    expect(result.prospects).toBe(1);
    const sum = result.customers.reduce((total, row) => total + (row.lifetimeValue ?? 0), 0);
    expect(result.totalLifetimeValue).toBeCloseTo(sum, 10);
  });

  it('discounts each month’s expected purchases by (1 + d)^k, which lowers every value', () => {
    const plain = customerLifetimeValue(base);
    const discounted = customerLifetimeValue({ ...base, discountRate: 0.01 });
    for (const [index, row] of discounted.customers.entries()) {
      const input = CUSTOMERS[index] as LifetimeValueCustomer;
      if (input.firstPurchaseToAsOf === null) continue;
      let previous = 0;
      let expected = 0;
      for (let k = 1; k <= 12; k += 1) {
        const cumulative = conditionalExpectedPurchases(transactionModel, { months: k }, input);
        expected += (cumulative - previous) / 1.01 ** k;
        previous = cumulative;
      }
      expect((row.lifetimeValue as number) / (expected * row.expectedAverageValue)).toBeCloseTo(1, 10);
      expect(row.lifetimeValue as number).toBeLessThan(plain.customers[index]?.lifetimeValue as number);
    }
    expect(discounted.totalLifetimeValue).toBeLessThan(plain.totalLifetimeValue);
  });

  it('splits a { days: 365 } horizon into 11.99 months, the last one partial', () => {
    const result = customerLifetimeValue({ ...base, horizon: { days: 365 }, unit: { months: 1 }, discountRate: 0.02 });
    expect(result.horizonDays).toBe(365);
    expect(result.periodDays).toBe(30.4375);
    expect(result.periods).toBeCloseTo(365 / 30.4375, 14);
    expect(result.periods.toFixed(2)).toBe('11.99');
    const input = CUSTOMERS[0] as LifetimeValueCustomer;
    // The 12th period ends at day 365, not at 365.25.
    const ends = [...Array.from({ length: 11 }, (_, k) => (k + 1) * 30.4375), 365];
    let previous = 0;
    let expected = 0;
    ends.forEach((day, k) => {
      const cumulative = conditionalExpectedPurchases(transactionModel, { days: day }, input);
      expected += (cumulative - previous) / 1.02 ** (k + 1);
      previous = cumulative;
    });
    expect(result.customers[0]?.expectedPurchases as number).toBeCloseTo(conditionalExpectedPurchases(transactionModel, { days: 365 }, input), 12);
    expect((result.customers[0]?.lifetimeValue as number) / (expected * averageValue(7, 40))).toBeCloseTo(1, 10);
  });

  it('scales linearly with the margin', () => {
    const revenue = customerLifetimeValue({ ...base, discountRate: 0.01 });
    const profit = customerLifetimeValue({ ...base, discountRate: 0.01, margin: 0.3 });
    profit.customers.forEach((row, index) => {
      if (row.lifetimeValue === null) expect(revenue.customers[index]?.lifetimeValue).toBeNull();
      else expect(row.lifetimeValue / (revenue.customers[index]?.lifetimeValue as number)).toBeCloseTo(0.3, 12);
    });
  });

  it('values the same in a daily model with α scaled by 7', () => {
    const daily = { ...transactionModel, timeUnit: 'days', parameters: { ...transactionModel.parameters, alpha: 7 * 4.414 } } as const;
    const weekly = customerLifetimeValue({ ...base, discountRate: 0.01 });
    customerLifetimeValue({ ...base, transactionModel: daily, discountRate: 0.01 }).customers.forEach((row, index) => {
      if (row.lifetimeValue === null) return;
      expect(row.lifetimeValue / (weekly.customers[index]?.lifetimeValue as number)).toBeCloseTo(1, 12);
    });
  });

  it.each([
    ['discountRate', -0.1],
    ['discountRate', Number.NaN],
    ['discountRate', '0.1'],
    ['discountRate', 10],
    ['margin', 0],
    ['margin', -1],
    ['margin', Number.NaN],
    ['margin', Number.POSITIVE_INFINITY],
    ['horizon', 12],
    ['horizon', { years: 1 }],
    ['horizon', { weeks: 52, days: 1 }],
    ['horizon', { days: -1 }],
    ['unit', 1],
    ['unit', { days: 0 }],
    ['customers', 'everyone'],
  ] as const)('refuses %s = %o: ConfigurationError invalid_option', (option, value) => {
    const error = thrown(() => customerLifetimeValue({ ...base, [option]: value } as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'invalid_option' });
    expect((error as ConfigurationError).path[0]).toBe(option);
  });

  it('refuses a missing options object, and models of the wrong kind', () => {
    expect(thrown(() => customerLifetimeValue(undefined as never))).toMatchObject({ name: 'ConfigurationError', code: 'missing_option' });
    expect(thrown(() => customerLifetimeValue({ ...base, valueModel: transactionModel } as never))).toMatchObject({ name: 'ModelError', code: 'model_kind_mismatch' });
    expect(thrown(() => customerLifetimeValue({ ...base, transactionModel: valueModel } as never))).toMatchObject({ name: 'ModelError', code: 'model_kind_mismatch' });
    expect(thrown(() => customerLifetimeValue({ ...base, valueModel: { ...valueModel, parameters: { ...valueModel.parameters, q: 0.5 } } }))).toMatchObject({ name: 'ModelError', code: 'numerical_failure' });
  });

  it('refuses a customer with an invalid summary, naming the row', () => {
    const error = thrown(() => customerLifetimeValue({ ...base, customers: [CUSTOMERS[0] as LifetimeValueCustomer, customer('bad', 2, 5, 3, 10)] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'out_of_range', path: [1, 'firstToLastPurchase'] });
  });

  // Fixed (was a bug): the spend fields are read by a helper that always reports row 0 ("rejected 1 of 1
  // rows"), so a bad meanRepeatPurchaseValue in row 1 is reported at [0, 'meanRepeatPurchaseValue'].
  it('names the row of a customer whose mean repeat value is NaN', () => {
    const error = thrown(() => customerLifetimeValue({ ...base, customers: [CUSTOMERS[0] as LifetimeValueCustomer, customer('bad', 2, 2, 3, Number.NaN)] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'non_finite', path: [1, 'meanRepeatPurchaseValue'] });
  });

  // Fixed (was a bug): the number of periods is not bounded. A unit of { days: 5e-324 } makes it Infinity and
  // `Array.from({ length: Infinity })` throws a bare RangeError from deep inside; a horizon of
  // { days: 1e6 } in { days: 0.001 } periods allocates a billion-element array and the process
  // dies of heap exhaustion (not tested here, it would take the test worker with it).
  it('refuses a unit so short that the horizon has too many periods (ConfigurationError, not RangeError)', () => {
    const error = thrown(() => customerLifetimeValue({ ...base, horizon: { days: 365 }, unit: { days: 5e-324 } }));
    expect(error).toBeInstanceOf(ConfigurationError);
  });
});
