/**
 * E[X(t)] and E[Y(t) | x, t_x, T] against the closed forms of Fader, Hardie & Lee (2005, eqs. 9
 * and 10), evaluated here with a plain ₂F₁ series (where it converges fast), and against values
 * computed with mpmath 1.3.0 at 50 digits (`hyp2f1`) from the same formulas where the series
 * would be slow or the formula is 0/0; Pareto/NBD against its elementary closed forms (Fader &
 * Hardie 2005 note, eqs. 27 and 41).
 */
import { describe, expect, it } from 'vitest';
import { ModelError, ValidationError, conditionalExpectedPurchases, expectedPurchases, probabilityAlive, type BtydCustomer, type TransactionModel } from 'clientele';

const CDNOW_BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CDNOW_PARETO = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const model = (kind: TransactionModel['kind'], parameters: object, timeUnit: 'days' | 'weeks' = 'weeks') => ({ kind, version: 1, timeUnit, parameters }) as TransactionModel;
const bg = model('bgnbd', CDNOW_BG);
const mbg = model('mbgnbd', CDNOW_BG);
const pareto = model('paretonbd', CDNOW_PARETO);
const week = (x: number, tx: number, T: number): BtydCustomer => ({ repeatPurchases: x, firstToLastPurchase: tx, firstPurchaseToAsOf: T, timeUnit: 'weeks' });

/** Gauss's series for ₂F₁(a, b; c; z), 0 <= z < 1, summed until the terms vanish. */
function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100_000; n += 1) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) return sum;
  }
  throw new Error('2F1 series did not converge');
}

/** FHL (2005) eq. 10, with k = 1 for MBG/NBD (Batislam et al. 2007). */
function betaGeometricConditional({ r, alpha, a, b }: typeof CDNOW_BG, k: 0 | 1, t: number, x: number, tx: number, T: number): number {
  const c = a + b + x - 1 + k;
  const bracket = (c / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hypergeometric2F1(r + x, b + x + k, c, t / (alpha + T + t)));
  if (x === 0 && k === 0) return bracket;
  return bracket / (1 + (a / (b + x - 1 + k)) * ((alpha + T) / (alpha + tx)) ** (r + x));
}

function relativeError(received: number, expected: number): number {
  return Math.abs(received / expected - 1);
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

const CASES: [number, number, number][] = [
  [0, 0, 38],
  [1, 2, 38],
  [2, 30.43, 38.86],
  [7, 35, 38],
  [7, 20, 38],
  [20, 37, 38],
];

describe('conditionalExpectedPurchases', () => {
  it('reproduces the paper’s worked example: 1.226 purchases in 39 weeks for x = 2, t_x = 30.43, T = 38.86', () => {
    // mpmath: 1.2260281747671444631.
    expect(relativeError(conditionalExpectedPurchases(bg, { weeks: 39 }, week(2, 30.43, 38.86)), 1.2260281747671444)).toBeLessThan(1e-12);
  });

  it('matches the BG/NBD and MBG/NBD closed forms for customers and horizons of every kind', () => {
    for (const [x, tx, T] of CASES) {
      for (const t of [1, 13, 39, 52]) {
        expect(relativeError(conditionalExpectedPurchases(bg, { weeks: t }, week(x, tx, T)), betaGeometricConditional(CDNOW_BG, 0, t, x, tx, T)), `BG ${x} ${tx} ${T} ${t}`).toBeLessThan(1e-12);
        expect(relativeError(conditionalExpectedPurchases(mbg, { weeks: t }, week(x, tx, T)), betaGeometricConditional(CDNOW_BG, 1, t, x, tx, T)), `MBG ${x} ${tx} ${T} ${t}`).toBeLessThan(1e-12);
      }
    }
  });

  it('matches the Pareto/NBD closed form (r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^(s−1)]·P(alive)', () => {
    const { r, alpha, s, beta } = CDNOW_PARETO;
    for (const [x, tx, T] of CASES) {
      for (const t of [1, 13, 39, 52]) {
        const ifAlive = (((r + x) * (beta + T)) / ((alpha + T) * (s - 1))) * (1 - ((beta + T) / (beta + T + t)) ** (s - 1));
        expect(relativeError(conditionalExpectedPurchases(pareto, { weeks: t }, week(x, tx, T)), ifAlive * probabilityAlive(pareto, week(x, tx, T)))).toBeLessThan(1e-12);
      }
    }
  });

  it('is non-decreasing in the horizon', () => {
    const horizons = [0, 0.5, 1, 2, 5, 10, 26, 39, 52, 104, 260, 520];
    for (const fitted of [bg, mbg, pareto]) {
      for (const [x, tx, T] of [...CASES, [300, 0, 0] as [number, number, number]]) {
        const values = horizons.map((weeks) => conditionalExpectedPurchases(fitted, { weeks }, week(x, tx, T)));
        expect(values[0]).toBe(0);
        for (let i = 1; i < values.length; i += 1) expect(values[i] as number, `${fitted.kind} ${x} ${tx} ${T} at ${horizons[i]} weeks`).toBeGreaterThanOrEqual(values[i - 1] as number);
      }
    }
  });

  it('stays finite for hundreds or thousands of purchases with T = 0 (first purchase at asOf)', () => {
    // mpmath, FHL eq. 10: BG/NBD 878.31078507352136 (x = 300) and 5847.9451527798807 (x = 2000); MBG/NBD 879.78581978489129 (x = 300).
    expect(relativeError(conditionalExpectedPurchases(bg, { weeks: 39 }, week(300, 0, 0)), 878.3107850735214)).toBeLessThan(1e-10);
    expect(relativeError(conditionalExpectedPurchases(bg, { weeks: 39 }, week(2000, 0, 0)), 5847.945152779881)).toBeLessThan(1e-10);
    expect(relativeError(conditionalExpectedPurchases(mbg, { weeks: 39 }, week(300, 0, 0)), 879.7858197848913)).toBeLessThan(1e-10);
    // Pareto/NBD: alive for sure (t_x = T), so (r+x)β/(α(s−1))·[1 − (β/(β+t))^(s−1)].
    const { r, alpha, s, beta } = CDNOW_PARETO;
    expect(relativeError(conditionalExpectedPurchases(pareto, { weeks: 39 }, week(500, 0, 0)), ((r + 500) * beta) / (alpha * (s - 1)) * (1 - (beta / (beta + 39)) ** (s - 1)))).toBeLessThan(1e-12);
  });

  it('is the same in days as in weeks when the model’s rates are scaled by 7 (the conversion is exact)', () => {
    const days = (x: number, tx: number, T: number): BtydCustomer => ({ repeatPurchases: x, firstToLastPurchase: tx * 7, firstPurchaseToAsOf: T * 7, timeUnit: 'days' });
    const daily = [model('bgnbd', { ...CDNOW_BG, alpha: 7 * CDNOW_BG.alpha }, 'days'), model('mbgnbd', { ...CDNOW_BG, alpha: 7 * CDNOW_BG.alpha }, 'days'), model('paretonbd', { ...CDNOW_PARETO, alpha: 7 * CDNOW_PARETO.alpha, beta: 7 * CDNOW_PARETO.beta }, 'days')];
    [bg, mbg, pareto].forEach((weekly, index) => {
      const inDays = daily[index] as TransactionModel;
      expect(relativeError(expectedPurchases(inDays, { weeks: 39 }), expectedPurchases(weekly, { weeks: 39 }))).toBeLessThan(1e-13);
      for (const [x, tx, T] of CASES) {
        const expected = conditionalExpectedPurchases(weekly, { weeks: 39 }, week(x, tx, T));
        expect(relativeError(conditionalExpectedPurchases(inDays, { days: 273 }, days(x, tx, T)), expected)).toBeLessThan(1e-12);
        expect(relativeError(conditionalExpectedPurchases(inDays, { weeks: 39 }, week(x, tx, T)), expected)).toBeLessThan(1e-12);
        expect(relativeError(conditionalExpectedPurchases(weekly, { weeks: 39 }, days(x, tx, T)), expected)).toBeLessThan(1e-12);
      }
    });
  });

  it('refuses a prospect (ValidationError) and a bad model (ModelError)', () => {
    const prospect: BtydCustomer = { repeatPurchases: 0, firstToLastPurchase: null, firstPurchaseToAsOf: null, timeUnit: 'weeks' };
    expect(thrown(() => conditionalExpectedPurchases(bg, { weeks: 39 }, prospect))).toMatchObject({ name: 'ValidationError', code: 'invalid_value', path: [0, 'firstPurchaseToAsOf'] });
    expect(thrown(() => conditionalExpectedPurchases(bg, { weeks: 39 }, prospect))).toBeInstanceOf(ValidationError);
    expect(thrown(() => conditionalExpectedPurchases(model('paretonbd', { ...CDNOW_PARETO, beta: 0 }), { weeks: 39 }, week(1, 1, 2)))).toMatchObject({ name: 'ModelError', code: 'invalid_model', path: ['parameters', 'beta'] });
    expect(thrown(() => expectedPurchases({ ...bg, timeUnit: 'months' } as never, { weeks: 39 }))).toMatchObject({ name: 'ModelError', code: 'invalid_model', path: ['timeUnit'] });
  });
});

describe('expectedPurchases', () => {
  it('matches FHL eq. 9 (1.197 purchases in 39 weeks on CDNOW) and E[X(t)] of Pareto/NBD, rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)]', () => {
    expect(relativeError(expectedPurchases(bg, { weeks: 39 }), betaGeometricConditional(CDNOW_BG, 0, 39, 0, 0, 0))).toBeLessThan(1e-12);
    expect(expectedPurchases(bg, { weeks: 39 }).toFixed(3)).toBe('1.197');
    const { r, alpha, s, beta } = CDNOW_PARETO;
    expect(relativeError(expectedPurchases(pareto, { weeks: 39 }), ((r * beta) / (alpha * (s - 1))) * (1 - (beta / (beta + 39)) ** (s - 1)))).toBeLessThan(1e-12);
    // s = 1: the limit rβ/α · ln(1 + t/β).
    expect(relativeError(expectedPurchases(model('paretonbd', { ...CDNOW_PARETO, s: 1 }), { weeks: 39 }), ((r * beta) / alpha) * Math.log1p(39 / beta))).toBeLessThan(1e-14);
  });

  it('stays finite for a daily buyer over 5 years (mpmath 120.99045498511077)', () => {
    const daily = model('bgnbd', { r: 1, alpha: 1, a: 0.5, b: 3 }, 'days');
    expect(relativeError(expectedPurchases(daily, { days: 1826 }), 120.99045498511077)).toBeLessThan(1e-10);
  });

  // Fixed (was a bug): a = 1 is a removable singularity of E[X(t)] = (a+b−1)/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]
  // (at a = 1, ₂F₁(r, b; b; z) = (1−z)^−r and the bracket is 0), and fitBgNbd can itself return
  // a = 1 (see fitBgNbd.test.ts). The code computes 0/0 and throws numerical_failure; the limit
  // (mpmath at a = 1 + 1e-30) is 1.0842790105915188.
  it('BG/NBD with a = 1 exactly predicts the limit 1.0842790105915188 for CDNOW’s r, α, b over 39 weeks', () => {
    expect(relativeError(expectedPurchases(model('bgnbd', { ...CDNOW_BG, a: 1 }), { weeks: 39 }), 1.0842790105915188)).toBeLessThan(1e-9);
  });

  // Fixed (was a bug): near a = 1 the same cancellation leaves few digits: at a = 1 + 1e-9 the code
  // returns 1.08428479…, relative error 5e-6, against mpmath's 1.0842790101162923.
  it('BG/NBD with a = 1 + 1e-9 keeps 9 digits (mpmath 1.0842790101162922)', () => {
    expect(relativeError(expectedPurchases(model('bgnbd', { ...CDNOW_BG, a: 1 + 1e-9 }), { weeks: 39 }), 1.0842790101162922)).toBeLessThan(1e-9);
  });

  // Fixed (was a bug): with a + b < 1 (a valid beta prior: U-shaped drop-out probabilities) the ₂F₁ of E[X(t)]
  // has c = a + b − 1 < 0, which logHypergeometric2F1 refuses (it requires c > 0) though the
  // series is fine for any c that is not 0, −1, −2, …; so E[X(t)] and E[Y(t)] of every x = 0
  // customer throw numerical_failure. mpmath: 1.1687422041266155 for r = 0.243, α = 4.414,
  // a = 0.3, b = 0.5 over 39 weeks.
  it('BG/NBD with a + b < 1 predicts E[X(39 weeks)] = 1.1687422041266155', () => {
    const fitted = model('bgnbd', { ...CDNOW_BG, a: 0.3, b: 0.5 });
    expect(relativeError(expectedPurchases(fitted, { weeks: 39 }), 1.1687422041266156)).toBeLessThan(1e-10);
    expect(Number.isFinite(conditionalExpectedPurchases(fitted, { weeks: 39 }, week(0, 0, 10)))).toBe(true);
  });

  // Fixed (was a bug): ₂F₁ near z = 1; the expectation is now integrated over p there. The series gives up when it would need more than 100,000 terms, i.e. when
  // t/(α+T+t) is within ~3.7e-4 of 1: a daily model of frequent buyers (α = 1 day) cannot predict
  // 10 years ahead, nor for a customer with 2,000 purchases at T = 0 one year ahead (α = 1 week).
  // A transformation to 1 − z (A&S 15.3.6, as the Pareto/NBD likelihood already does) would.
  it('a daily BG/NBD model (r = 1, α = 1 day, a = 0.5, b = 3) predicts 10 years ahead: mpmath 173.03368311311145', () => {
    expect(relativeError(expectedPurchases(model('bgnbd', { r: 1, alpha: 1, a: 0.5, b: 3 }, 'days'), { days: 3650 }), 173.03368311311144)).toBeLessThan(1e-10);
  });

  // (x > 0 with t_x = 0 is refused now: repeat purchases take time. The customer bought 2,001 times in their first week.)
  it('a BG/NBD customer with 2,000 purchases in one week (r = 1, α = 1, a = 0.5, b = 1): E[Y(52 weeks)] = 16787.111067164767 (mpmath, 300 digits)', () => {
    expect(relativeError(conditionalExpectedPurchases(model('bgnbd', { r: 1, alpha: 1, a: 0.5, b: 1 }), { weeks: 52 }, week(2000, 1, 1)), 16787.11106716477)).toBeLessThan(1e-10);
  });

  it('returns a finite number or throws a typed ModelError, never NaN, where the series struggles', () => {
    for (const run of [
      () => expectedPurchases(model('bgnbd', { r: 1, alpha: 1, a: 0.5, b: 3 }, 'days'), { days: 3650 }),
      () => expectedPurchases(model('bgnbd', { ...CDNOW_BG, a: 1 }), { weeks: 39 }),
      () => expectedPurchases(model('bgnbd', { ...CDNOW_BG, a: 0.3, b: 0.5 }), { weeks: 39 }),
    ]) {
      try {
        expect(Number.isFinite(run())).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(ModelError);
        expect(error).toMatchObject({ code: 'numerical_failure', modelKind: 'bgnbd' });
      }
    }
  });
});

describe('extreme but valid inputs (found by review: predictions came out 0)', () => {
  const weekly = (parameters: { r: number; alpha: number; a: number; b: number }) => ({ kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters }) as const;

  it('gives the expected purchases when b is huge and a is near 1 (the drop-out density is a spike near 0)', () => {
    // Continuous in a across the closed form (a ≠ 1) and the quadrature (a within 1e-4 of 1); near the limit a → 1.
    const values = [0.999, 1, 1.00005, 1.001].map((a) => expectedPurchases(weekly({ r: 0.25, alpha: 4, a, b: 5e5 }), { weeks: 52 }));
    for (const value of values) expect(value).toBeCloseTo(3.24995, 4);
  });

  it('gives a customer with three million repeat purchases their due (the series ran out of terms, the fallback underflowed)', () => {
    const cdnow = weekly({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const customer = { repeatPurchases: 3e6, firstToLastPurchase: 52, firstPurchaseToAsOf: 52, timeUnit: 'weeks' } as const;
    const oneWeek = conditionalExpectedPurchases(cdnow, { weeks: 1 }, customer);
    const tenWeeks = conditionalExpectedPurchases(cdnow, { weeks: 10 }, customer);
    expect(oneWeek).toBeGreaterThan(52_000);
    // Independent value (mpmath): 497,934.5.
    expect(tenWeeks / 497_934.5).toBeCloseTo(1, 5);
  });
});
