/**
 * integrateAdaptive against integrals with closed forms. Reference values: mpmath 1.3.0 at
 * 40 digits (√π/2 · erf(3)); the others by hand.
 */
import { describe, expect, it } from 'vitest';
import { integrateAdaptive } from '../../src/internal/integrateAdaptive';

describe('integrateAdaptive', () => {
  it('integrates exp(−x²) on [0, 3] to √π/2 · erf(3) = 0.88620734825952123…', () => {
    const value = integrateAdaptive((x) => Math.exp(-x * x), 0, 3);
    expect(Math.abs(value / 0.8862073482595212 - 1)).toBeLessThan(1e-13);
  });

  it('integrates x⁵ on [0, 2] to 64/6 (exact for a 15-point Kronrod rule)', () => {
    expect(integrateAdaptive((x) => x ** 5, 0, 2)).toBeCloseTo(64 / 6, 12);
  });

  it('integrates x^(−1/2) on [0, 1] to 2 within 1e-6 despite the singularity at 0', () => {
    // Either NaN (tolerance not met) or a value within 1e-6 would be acceptable; what it does:
    // the Gauss–Kronrod nodes never touch the endpoint, and bisecting towards 0 converges, so
    // it returns a finite value (1.99999999999976 today), never Infinity from evaluating 1/√0.
    let touchedZero = false;
    const value = integrateAdaptive((x) => {
      if (x === 0) touchedZero = true;
      return 1 / Math.sqrt(x);
    }, 0, 1);
    expect(touchedZero).toBe(false);
    expect(Number.isNaN(value) || Math.abs(value - 2) < 1e-6).toBe(true);
    expect(value).not.toBeNaN();
    expect(Math.abs(value - 2)).toBeLessThan(1e-6);
  });

  it('gives 0 for an empty or reversed interval', () => {
    expect(integrateAdaptive(() => 1, 1, 1)).toBe(0);
    expect(integrateAdaptive(() => 1, 1, 0)).toBe(0);
  });

  it('returns NaN for an integrand that is NaN, rather than a number', () => {
    expect(integrateAdaptive(() => Number.NaN, 0, 1)).toBeNaN();
  });
});
