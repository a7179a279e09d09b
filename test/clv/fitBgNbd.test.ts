/**
 * BG/NBD-specific behaviour of fitBgNbd and its predictions: one-time buyers are alive by
 * construction, so data without repeat purchases do not identify the drop-out parameters.
 */
import { describe, expect, it } from 'vitest';
import { ModelError, expectedPurchases, fitBgNbd, probabilityAlive, type BtydCustomer } from 'clientele';

const week = (x: number, tx: number, T: number): BtydCustomer => ({ repeatPurchases: x, firstToLastPurchase: tx, firstPurchaseToAsOf: T, timeUnit: 'weeks' });

describe('fitBgNbd on customers without a repeat purchase', () => {
  const model = fitBgNbd(Object.freeze([week(0, 0, 30), week(0, 0, 20), week(0, 0, 10)].map((row) => Object.freeze(row))));

  it('returns finite parameters, never NaN, and P(alive) = 1 for everyone', () => {
    for (const value of Object.values(model.parameters)) expect(Number.isFinite(value) && value > 0).toBe(true);
    expect(probabilityAlive(model, week(0, 0, 30))).toBe(1);
  });

  it('either predicts a finite E[X(t)] or throws a typed numerical_failure', () => {
    // a and b are not identified (the likelihood does not depend on them when every x = 0): today
    // they stay at their starting values a = b = 1, where the closed form is 0/0 (see below).
    try {
      expect(Number.isFinite(expectedPurchases(model, { weeks: 39 }))).toBe(true);
    } catch (error) {
      expect(error).toBeInstanceOf(ModelError);
      expect(error).toMatchObject({ code: 'numerical_failure', modelKind: 'bgnbd' });
    }
  });

  // Fixed (was a bug): the fit above returns a = 1 exactly (its start value: every x = 0, so nothing moves a),
  // and a model with a = 1 cannot predict anything: E[X(t)] = (a+b−1)/(a−1)·[1 − …] is 0/0 there.
  // The singularity is removable (₂F₁(r, b; b; z) = (1−z)^−r), so the limit exists; with r ≈ 1e-8
  // E[X(39 weeks)] is about r·ln(1 + 39/α)·(something finite), essentially 0.
  it('… a model fitted on such data predicts (E[X(39 weeks)] is finite and close to 0)', () => {
    const value = expectedPurchases(model, { weeks: 39 });
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1e-3);
  });
});
