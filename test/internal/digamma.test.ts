/**
 * digamma against known values: ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2 (Abramowitz & Stegun 6.3.2,
 * 6.3.3), ψ(n) = H(n−1) − γ, and the recurrence ψ(x + 1) = ψ(x) + 1/x (A&S 6.3.5).
 */
import { describe, expect, it } from 'vitest';
import { digamma } from '../../src/internal/digamma';

const EULER_GAMMA = 0.5772156649015329;

describe('digamma', () => {
  it('matches ψ(1) = −0.5772156649015329 and ψ(0.5) = −1.9635100260214235', () => {
    expect(Math.abs(digamma(1) - -0.5772156649015329)).toBeLessThan(1e-14);
    expect(Math.abs(digamma(0.5) - -1.9635100260214235)).toBeLessThan(1e-14);
    expect(Math.abs(digamma(0.5) - (-EULER_GAMMA - 2 * Math.LN2))).toBeLessThan(1e-14);
  });

  it('matches ψ(n) = 1 + 1/2 + … + 1/(n−1) − γ for n up to 30 (below and above the shift point 10)', () => {
    let harmonic = 0;
    for (let n = 1; n <= 30; n += 1) {
      expect(Math.abs(digamma(n) - (harmonic - EULER_GAMMA)), `ψ(${n})`).toBeLessThan(1e-14 * Math.max(1, Math.abs(harmonic)));
      harmonic += 1 / n;
    }
  });

  it('satisfies ψ(x + 1) = ψ(x) + 1/x', () => {
    for (const x of [1e-6, 0.01, 0.3, 2.5, 9.9, 10, 37.2, 1e4]) {
      expect(Math.abs(digamma(x + 1) - (digamma(x) + 1 / x)), `x = ${x}`).toBeLessThan(1e-12 * Math.max(1, 1 / x));
    }
  });

  it('behaves like ln x − 1/(2x) for large x and like −1/x − γ near 0', () => {
    expect(digamma(1e10)).toBeCloseTo(Math.log(1e10) - 0.5e-10, 12);
    expect(Math.abs(digamma(1e-8) - (-1e8 - EULER_GAMMA))).toBeLessThan(1e-6);
  });

  it('is NaN at 0, for negative, NaN or infinite arguments (outside the domain the models use)', () => {
    for (const x of [0, -1, -0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(digamma(x)).toBeNaN();
  });
});
