/**
 * evaluateHoldout on a hand-made calibration/holdout table. Its predictions are FHL (2005) eq. 10
 * on CDNOW's BG/NBD estimates, computed here with a plain ₂F₁ series; the paper's worked example
 * (x = 2, t_x = 30.43, T = 38.86: 1.226 purchases in 39 weeks) anchors them. MAE and RMSE by hand.
 */
import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError, conditionalExpectedPurchases, evaluateHoldout, type HoldoutCustomer } from 'clientele';

const parameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const model = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters } as const;
const row = (customerId: string, x: number, tx: number, T: number, holdoutPurchases: number, holdoutDuration = 39): HoldoutCustomer =>
  Object.freeze({ customerId, repeatPurchases: x, firstToLastPurchase: tx, firstPurchaseToAsOf: T, timeUnit: 'weeks', holdoutPurchases, holdoutDuration });

function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100_000; n += 1) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (Math.abs(term) < 1e-17 * sum) return sum;
  }
  throw new Error('2F1 series did not converge');
}

/** FHL (2005) eq. 10. */
function predicted(x: number, tx: number, T: number, t: number): number {
  const { r, alpha, a, b } = parameters;
  const bracket = ((a + b + x - 1) / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hypergeometric2F1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)));
  return x === 0 ? bracket : bracket / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

const ROWS = Object.freeze([row('a', 0, 0, 38, 0), row('b', 2, 30.43, 38.86, 1), row('c', 7, 36, 38, 5), row('d', 1, 5, 20, 0, 26), row('e', 3, 30, 38, 4)]);

describe('evaluateHoldout', () => {
  const evaluation = evaluateHoldout(model, ROWS, { maxRepeatPurchases: 2 });
  const expected = ROWS.map(({ repeatPurchases, firstToLastPurchase, firstPurchaseToAsOf, holdoutDuration }) => predicted(repeatPurchases, firstToLastPurchase as number, firstPurchaseToAsOf as number, holdoutDuration));

  it('predicts each customer’s holdout purchases with the closed form', () => {
    expect(expected[1]?.toFixed(3)).toBe('1.226');
    expect(evaluation.customers.map((item) => item.customerId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    evaluation.customers.forEach((item, index) => {
      expect(item.predicted / (expected[index] as number)).toBeCloseTo(1, 12);
      expect(item.actual).toBe(ROWS[index]?.holdoutPurchases);
      expect(item.repeatPurchases).toBe(ROWS[index]?.repeatPurchases);
    });
  });

  it('computes MAE, RMSE and totals by hand', () => {
    const errors = expected.map((value, index) => value - (ROWS[index]?.holdoutPurchases as number));
    expect(evaluation.meanAbsoluteError as number).toBeCloseTo(errors.reduce((sum, error) => sum + Math.abs(error), 0) / 5, 12);
    expect(evaluation.rootMeanSquaredError as number).toBeCloseTo(Math.sqrt(errors.reduce((sum, error) => sum + error * error, 0) / 5), 12);
    expect(evaluation.actualTotal).toBe(10);
    expect(evaluation.predictedTotal).toBeCloseTo(expected.reduce((sum, value) => sum + value, 0), 12);
  });

  it('groups by calibration frequency, pooling maxRepeatPurchases and more in the last row', () => {
    expect(evaluation.byFrequency.map(({ repeatPurchases, andMore, customers }) => [repeatPurchases, andMore, customers])).toEqual([
      [0, false, 1],
      [1, false, 1],
      [2, true, 3],
    ]);
    expect(evaluation.byFrequency[2]?.actualMean).toBeCloseTo(10 / 3, 14);
    expect(evaluation.byFrequency[2]?.predictedMean as number).toBeCloseTo(((expected[1] as number) + (expected[2] as number) + (expected[4] as number)) / 3, 12);
  });

  it('converts customers summarised in days to the model’s weeks, holdout duration included', () => {
    const inDays: HoldoutCustomer = { ...row('b', 2, 30.43 * 7, 38.86 * 7, 1, 39 * 7), timeUnit: 'days' };
    const [only] = evaluateHoldout(model, [inDays]).customers;
    expect((only?.predicted as number) / conditionalExpectedPurchases(model, { weeks: 39 }, row('b', 2, 30.43, 38.86, 1))).toBeCloseTo(1, 12);
  });

  it('gives nulls, zeros and empty rows for no customers', () => {
    const empty = evaluateHoldout(model, []);
    expect(empty).toMatchObject({ customers: [], meanAbsoluteError: null, rootMeanSquaredError: null, actualTotal: 0, predictedTotal: 0 });
    expect(empty.byFrequency).toHaveLength(8);
    for (const item of empty.byFrequency) expect(item).toMatchObject({ customers: 0, actualMean: null, predictedMean: null });
  });

  it.each([
    ['holdoutPurchases', -1],
    ['holdoutPurchases', 1.5],
    ['holdoutPurchases', '1'],
    ['holdoutPurchases', Number.NaN],
    ['holdoutPurchases', undefined],
    ['holdoutDuration', 0],
    ['holdoutDuration', -39],
    ['holdoutDuration', Number.NaN],
    ['holdoutDuration', Number.POSITIVE_INFINITY],
    ['holdoutDuration', '39'],
  ] as const)('refuses %s = %o with a ValidationError naming the row and field', (field, value) => {
    const error = thrown(() => evaluateHoldout(model, [ROWS[0] as HoldoutCustomer, { ...(ROWS[1] as HoldoutCustomer), [field]: value } as never]));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'invalid_value', path: [1, field] });
  });

  it('collects every bad row, and refuses prospects and bad summaries', () => {
    const error = thrown(() => evaluateHoldout(model, [row('a', 0, 0, 38, -1), ROWS[1] as HoldoutCustomer, row('c', 1, 40, 38, 0), { ...row('p', 0, 0, 0, 0), firstToLastPurchase: null, firstPurchaseToAsOf: null } as never])) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.rejectedCount).toBe(3);
    expect(error.issues.map((issue) => [issue.index, ...issue.path])).toEqual([
      [0, 'holdoutPurchases'],
      [2, 'firstToLastPurchase'],
      [3, 'firstPurchaseToAsOf'],
    ]);
  });

  it('refuses a bad maxRepeatPurchases, customers that are not an array, and a bad model', () => {
    for (const maxRepeatPurchases of [-1, 1.5, 1001, Number.NaN]) {
      expect(thrown(() => evaluateHoldout(model, [], { maxRepeatPurchases }))).toMatchObject({ name: 'ConfigurationError', code: 'invalid_option', path: ['maxRepeatPurchases'] });
    }
    expect(thrown(() => evaluateHoldout(model, 'everyone' as never))).toBeInstanceOf(ConfigurationError);
    expect(thrown(() => evaluateHoldout({ ...model, kind: 'gammagamma' } as never, ROWS))).toMatchObject({ name: 'ModelError', code: 'model_kind_mismatch' });
  });

  // Fixed (was a bug): options are destructured without a check: `null` crashes with a bare TypeError
  // ("Cannot read properties of null"), where every other entry point throws ConfigurationError.
  it('refuses options = null with a ConfigurationError', () => {
    expect(thrown(() => evaluateHoldout(model, ROWS, null as never))).toBeInstanceOf(ConfigurationError);
  });

  // Fixed (was a bug) (same cause): options = 'x' is silently accepted as "no options"; the fits refuse it.
  it('refuses options = "x" with a ConfigurationError', () => {
    expect(thrown(() => evaluateHoldout(model, ROWS, 'x' as never))).toBeInstanceOf(ConfigurationError);
  });
});
