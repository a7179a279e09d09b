/**
 * P(alive) and churn probability against closed forms computed by hand in the test, and against
 * Pareto/NBD values from an independent double integral over (λ, μ) of the individual-level
 * likelihood (mpmath 1.3.0 `quad`, 30 digits: P(alive) = ∫∫ λˣe^−(λ+μ)T dF / ∫∫ [λˣe^−(λ+μ)T +
 * λˣ μ/(λ+μ)(e^−(λ+μ)t_x − e^−(λ+μ)T)] dF, Fader & Hardie 2005 note, eq. 3).
 */
import { describe, expect, it } from 'vitest';
import { ModelError, ValidationError, churnProbability, predictNextPurchase, probabilityAlive, type BtydCustomer, type TransactionModel } from 'clientele';

const CDNOW_BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CDNOW_PARETO = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const model = (kind: TransactionModel['kind'], parameters: object, timeUnit: 'days' | 'weeks' = 'weeks') => ({ kind, version: 1, timeUnit, parameters }) as TransactionModel;
const bg = model('bgnbd', CDNOW_BG);
const mbg = model('mbgnbd', CDNOW_BG);
const pareto = model('paretonbd', CDNOW_PARETO);
const week = (x: number, tx: number, T: number): BtydCustomer => ({ repeatPurchases: x, firstToLastPurchase: tx, firstPurchaseToAsOf: T, timeUnit: 'weeks' });
const PROSPECT: BtydCustomer = { repeatPurchases: 0, firstToLastPurchase: null, firstPurchaseToAsOf: null, timeUnit: 'weeks' };

/** Fader, Hardie & Lee (2008) note 021; k = 1 for MBG/NBD (Batislam et al. 2007), where δ = 1 even at x = 0. */
function betaGeometricAlive({ r, alpha, a, b }: typeof CDNOW_BG, x: number, tx: number, T: number, k: 0 | 1): number {
  if (x === 0 && k === 0) return 1;
  return 1 / (1 + (a / (b + x - 1 + k)) * ((alpha + T) / (alpha + tx)) ** (r + x));
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

const CUSTOMERS = [week(0, 0, 0), week(0, 0, 30), week(1, 2, 30), week(2, 30.43, 38.86), week(7, 35, 38), week(7, 20, 38), week(20, 10, 38), week(3, 20, 20), week(300, 0, 0), week(2000, 5, 1e4)];

describe('probabilityAlive', () => {
  it('matches the BG/NBD and MBG/NBD closed forms on CDNOW’s estimates', () => {
    for (const customer of CUSTOMERS) {
      const { repeatPurchases: x, firstToLastPurchase: tx, firstPurchaseToAsOf: T } = customer as { repeatPurchases: number; firstToLastPurchase: number; firstPurchaseToAsOf: number };
      expect(Math.abs(probabilityAlive(bg, customer) - betaGeometricAlive(CDNOW_BG, x, tx, T, 0)), `BG/NBD ${x} ${tx} ${T}`).toBeLessThan(1e-13);
      expect(Math.abs(probabilityAlive(mbg, customer) - betaGeometricAlive(CDNOW_BG, x, tx, T, 1)), `MBG/NBD ${x} ${tx} ${T}`).toBeLessThan(1e-13);
    }
    // The documented example: 0.86 for a recent buyer, 0.16 for one quiet since week 20.
    expect(probabilityAlive(bg, week(7, 35, 38)).toFixed(2)).toBe('0.86');
    expect(probabilityAlive(bg, week(7, 20, 38)).toFixed(2)).toBe('0.16');
  });

  it('is exactly 1 for a BG/NBD customer without repeat purchase (the documented quirk), below 1 under MBG/NBD and Pareto/NBD', () => {
    for (const T of [0.5, 10, 30, 1000]) {
      expect(probabilityAlive(bg, week(0, 0, T))).toBe(1);
      // −expm1(0) is −0 today; equal to 0 either way.
      expect(churnProbability(bg, week(0, 0, T)) === 0).toBe(true);
      expect(probabilityAlive(mbg, week(0, 0, T))).toBeLessThan(1);
      expect(probabilityAlive(pareto, week(0, 0, T))).toBeLessThan(1);
    }
    // MBG/NBD at x = 0: 1/(1 + a/b · ((α+T)/α)^r).
    expect(probabilityAlive(mbg, week(0, 0, 30))).toBeCloseTo(1 / (1 + (0.793 / 2.426) * (34.414 / 4.414) ** 0.243), 14);
    // Pareto/NBD by double quadrature: 0.357252748109693.
    expect(probabilityAlive(pareto, week(0, 0, 30))).toBeCloseTo(0.357252748109693, 12);
  });

  it('is exactly 1 under Pareto/NBD when the last purchase is at asOf (no time to have left)', () => {
    expect(probabilityAlive(pareto, week(3, 20, 20))).toBe(1);
    expect(probabilityAlive(pareto, week(300, 0, 0))).toBe(1);
  });

  it('stays within [0, 1], with churnProbability = 1 − P(alive), for every model and customer', () => {
    for (const fitted of [bg, mbg, pareto]) {
      for (const customer of CUSTOMERS) {
        const alive = probabilityAlive(fitted, customer);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        expect(Math.abs(churnProbability(fitted, customer) - (1 - alive))).toBeLessThan(1e-15);
      }
    }
  });

  it('handles Pareto/NBD with α much larger or much smaller than β (mpmath double quadrature)', () => {
    const customer = week(2, 0.5, 10);
    expect(probabilityAlive(model('paretonbd', { r: 1, alpha: 1e3, s: 2, beta: 0.1 }), customer) / 0.00343620410788174 - 1).toBeLessThan(1e-10);
    expect(probabilityAlive(model('paretonbd', { r: 1, alpha: 0.1, s: 2, beta: 1e3 }), customer)).toBeCloseTo(0.256397895957407, 12);
  });

  // Fixed (was a bug): with α ≫ β and s >= 1, ln A₀ needs ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t_x)) at an
  // argument within 1e-4 of 1; the 1 − z transformation is only used for s + 1 < 2, the plain
  // series gives up after 100,000 terms, and P(alive) throws numerical_failure instead of the
  // 0.136097615465169 that double quadrature gives.
  it('Pareto/NBD P(alive) with α = 1e4, β = 1, s = 1 (x = 2, t_x = 0.5, T = 10) is 0.1360976…', () => {
    expect(probabilityAlive(model('paretonbd', { r: 1, alpha: 1e4, s: 1, beta: 1 }), week(2, 0.5, 10))).toBeCloseTo(0.136097615465169, 10);
  });

  it('is the same in days as in weeks when the model’s rates are scaled by 7', () => {
    const days = (x: number, tx: number, T: number): BtydCustomer => ({ repeatPurchases: x, firstToLastPurchase: tx * 7, firstPurchaseToAsOf: T * 7, timeUnit: 'days' });
    const daily = [model('bgnbd', { ...CDNOW_BG, alpha: 7 * CDNOW_BG.alpha }, 'days'), model('mbgnbd', { ...CDNOW_BG, alpha: 7 * CDNOW_BG.alpha }, 'days'), model('paretonbd', { ...CDNOW_PARETO, alpha: 7 * CDNOW_PARETO.alpha, beta: 7 * CDNOW_PARETO.beta }, 'days')];
    [bg, mbg, pareto].forEach((weekly, index) => {
      for (const [x, tx, T] of [[0, 0, 30], [2, 30.43, 38.86], [7, 20, 38]] as const) {
        const expected = probabilityAlive(weekly, week(x, tx, T));
        expect(Math.abs(probabilityAlive(daily[index] as TransactionModel, days(x, tx, T)) - expected)).toBeLessThan(1e-13);
        // The customer's own unit does not matter either: weeks are converted to the model's days.
        expect(Math.abs(probabilityAlive(daily[index] as TransactionModel, week(x, tx, T)) - expected)).toBeLessThan(1e-13);
      }
    });
  });

  it('refuses a prospect, a bad summary and a bad model with typed errors', () => {
    for (const run of [() => probabilityAlive(bg, PROSPECT), () => churnProbability(pareto, PROSPECT), () => predictNextPurchase(mbg, { ...PROSPECT, asOf: 0 } as never)]) {
      const error = thrown(run);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'invalid_value', path: [0, 'firstPurchaseToAsOf'] });
    }
    expect(thrown(() => probabilityAlive(bg, week(1, 4, 3)))).toMatchObject({ name: 'ValidationError', code: 'out_of_range', path: [0, 'firstToLastPurchase'] });
    expect(thrown(() => probabilityAlive(bg, null as never))).toMatchObject({ name: 'ValidationError', code: 'invalid_type', path: [0] });
    expect(thrown(() => probabilityAlive({ ...bg, kind: 'rfm' } as never, week(1, 1, 2)))).toMatchObject({ name: 'ModelError', code: 'model_kind_mismatch' });
    expect(thrown(() => probabilityAlive({ ...bg, version: 2 } as never, week(1, 1, 2)))).toMatchObject({ name: 'ModelError', code: 'model_version_unsupported' });
    expect(thrown(() => probabilityAlive(model('bgnbd', { ...CDNOW_BG, b: -1 }), week(1, 1, 2)))).toMatchObject({ name: 'ModelError', code: 'invalid_model', path: ['parameters', 'b'] });
    expect(thrown(() => churnProbability(model('paretonbd', { ...CDNOW_PARETO, s: Number.NaN }), week(1, 1, 2)))).toBeInstanceOf(ModelError);
  });
});

describe('predictNextPurchase', () => {
  it('is the median of the posterior wait, (α + T)(2^(1/(r+x)) − 1) weeks, in days after asOf', () => {
    const asOf = Date.UTC(2026, 5, 30);
    const next = predictNextPurchase(bg, { ...week(7, 35, 38), asOf });
    const weeks = (4.414 + 38) * (2 ** (1 / (0.243 + 7)) - 1);
    expect(next.daysAfterAsOf).toBeCloseTo(weeks * 7, 10);
    expect(next.at).toBeCloseTo(asOf + weeks * 7 * 86_400_000, 0);
    expect(next.probabilityAlive).toBe(probabilityAlive(bg, week(7, 35, 38)));
  });

  it('stays finite for a customer with 2,000 purchases at T = 0, and refuses a missing asOf', () => {
    const next = predictNextPurchase(pareto, { ...week(2000, 0, 0), asOf: 0 });
    expect(Number.isFinite(next.daysAfterAsOf) && next.daysAfterAsOf > 0).toBe(true);
    expect(thrown(() => predictNextPurchase(bg, week(1, 1, 2) as never))).toMatchObject({ name: 'ValidationError', code: 'invalid_type', path: [0, 'asOf'] });
    expect(thrown(() => predictNextPurchase(bg, { ...week(1, 1, 2), asOf: Number.NaN }))).toMatchObject({ name: 'ValidationError', path: [0, 'asOf'] });
  });
});
