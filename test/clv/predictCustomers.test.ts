import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  churnProbability,
  conditionalExpectedPurchases,
  predictCustomers,
  predictNextPurchase,
  probabilityAlive,
  repeatPurchaseCurve,
  ValidationError,
  type PredictableCustomer,
  type TransactionModel,
} from 'clientele';

const models: TransactionModel[] = [
  { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as TransactionModel,
  { kind: 'mbgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } } as TransactionModel,
  { kind: 'paretonbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } } as TransactionModel,
];
const asOf = Date.UTC(1997, 8, 30);
const customers: PredictableCustomer[] = [
  { customerId: 'a', repeatPurchases: 0, firstToLastPurchase: 0, firstPurchaseToAsOf: 38.86, timeUnit: 'weeks', asOf },
  { customerId: 'b', repeatPurchases: 2, firstToLastPurchase: 30.43, firstPurchaseToAsOf: 38.86, timeUnit: 'weeks', asOf },
  // Same x and T as b, another t_x: shares b's E[Y | alive] but not its P(alive).
  { customerId: 'c', repeatPurchases: 2, firstToLastPurchase: 5, firstPurchaseToAsOf: 38.86, timeUnit: 'weeks', asOf },
  { customerId: 'd', repeatPurchases: 14, firstToLastPurchase: 250, firstPurchaseToAsOf: 270, timeUnit: 'days', asOf },
  { customerId: 'p', repeatPurchases: 0, firstToLastPurchase: null, firstPurchaseToAsOf: null, timeUnit: 'weeks' },
];

describe('predictCustomers', () => {
  it.each(models.map((model) => [model.kind, model] as const))('%s: equals the one-customer functions, customer by customer', (_, model) => {
    const predictions = predictCustomers(model, customers, { horizon: { weeks: 26 } });
    expect(predictions.map((entry) => entry.customerId)).toEqual(['a', 'b', 'c', 'd', 'p']);
    for (const [index, customer] of customers.slice(0, 4).entries()) {
      const entry = predictions[index];
      expect(entry?.probabilityAlive).toBeCloseTo(probabilityAlive(model, customer), 14);
      expect(entry?.churnProbability).toBeCloseTo(churnProbability(model, customer), 14);
      expect(entry?.expectedPurchases).toBeCloseTo(conditionalExpectedPurchases(model, { weeks: 26 }, customer), 12);
      expect(entry?.nextPurchaseAt).toBe(predictNextPurchase(model, customer as PredictableCustomer & { asOf: number }).at);
    }
  });

  it('gives prospects nulls, and no next-purchase date without asOf', () => {
    const [prospect] = predictCustomers(models[0] as TransactionModel, [customers[4] as PredictableCustomer], { horizon: { days: 30 } });
    expect(prospect).toEqual({ customerId: 'p', probabilityAlive: null, churnProbability: null, expectedPurchases: null, nextPurchaseAt: null });
  });

  it('lists invalid customers by row, and refuses a horizon without its unit', () => {
    const bad = [customers[0], { ...customers[1], firstToLastPurchase: 99 }, { ...customers[2], repeatPurchases: -1 }] as PredictableCustomer[];
    try {
      predictCustomers(models[0] as TransactionModel, bad, { horizon: { weeks: 4 } });
      expect.fail('accepted invalid customers');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).rejectedCount).toBe(2);
      expect((error as ValidationError).issues.map((issue) => [issue.index, issue.path])).toEqual([
        [1, ['firstToLastPurchase']],
        [2, ['repeatPurchases']],
      ]);
    }
    expect(() => predictCustomers(models[0] as TransactionModel, customers, { horizon: 26 as never })).toThrow(ConfigurationError);
    expect(() => predictCustomers(models[0] as TransactionModel, customers, null as never)).toThrow(ConfigurationError);
  });
});

describe('repeatPurchaseCurve', () => {
  const model = models[0] as TransactionModel;
  const rows = [
    { orderId: 'a1', customerId: 'a', at: '2026-01-01', amount: 10 },
    { orderId: 'a2', customerId: 'a', at: '2026-01-03', amount: 10 },
    { orderId: 'a3', customerId: 'a', at: '2026-01-03', amount: 10 }, // same day: one purchase
    { orderId: 'a4', customerId: 'a', at: '2026-01-20', amount: 10 },
    { orderId: 'b1', customerId: 'b', at: '2026-01-10', amount: 10 },
    { orderId: 'b2', customerId: 'b', at: '2026-01-16', amount: 10 },
    { orderId: 'c1', customerId: 'c', at: '2026-01-18', amount: 10 }, // first purchase after calibration: not in the cohort
    { orderId: 'c2', customerId: 'c', at: '2026-01-19', amount: 10 },
  ];
  const curve = repeatPurchaseCurve(model, rows, { calibrationEnd: '2026-01-14', observationEnd: '2026-01-21' });

  it('counts the cohort’s repeat purchase days step by step', () => {
    expect(curve.map((point) => [point.periodEnd, point.actual, point.holdout])).toEqual([
      ['2026-01-07', 1, false],
      ['2026-01-14', 0, false],
      ['2026-01-21', 2, true],
    ]);
    expect(curve.at(-1)?.cumulativeActual).toBe(3);
  });

  it('expects the sum of E[X(t)] over the cohort, each from their own first day', () => {
    // At the end of 2026-01-21: customer a has been around 20 days, b 11.
    const expected = [20, 11].reduce((sum, days) => sum + conditionalExpectedPurchases(model, { days }, { repeatPurchases: 0, firstToLastPurchase: 0, firstPurchaseToAsOf: 0, timeUnit: 'days' }), 0);
    expect(curve.at(-1)?.cumulativeExpected).toBeCloseTo(expected, 12);
    expect(curve.reduce((sum, point) => sum + point.expected, 0)).toBeCloseTo(expected, 12);
  });

  it('refuses a backwards window and a step that is not whole days', () => {
    expect(() => repeatPurchaseCurve(model, rows, { calibrationEnd: '2026-01-14', observationEnd: '2026-01-10' })).toThrow(ConfigurationError);
    expect(() => repeatPurchaseCurve(model, rows, { calibrationEnd: '2026-01-14', observationEnd: '2026-01-21', every: { days: 1.5 } })).toThrow(/whole number of days/);
    expect(() => repeatPurchaseCurve(model, rows, {} as never)).toThrow(ConfigurationError);
  });
});
