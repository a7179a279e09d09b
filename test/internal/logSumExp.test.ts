/** logAddExp, logSubExp and log1pExp against logs computed by hand, including where a naive form overflows or cancels. */
import { describe, expect, it } from 'vitest';
import { log1pExp, logAddExp, logSubExp } from '../../src/internal/logSumExp';

describe('logAddExp', () => {
  it('is ln(eᵃ + eᵇ): ln 2 ⊕ ln 3 = ln 5, in either order', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 15);
    expect(logAddExp(Math.log(3), Math.log(2))).toBeCloseTo(Math.log(5), 15);
  });

  it('does not overflow: 1000 ⊕ 1000 = 1000 + ln 2', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
  });

  it('treats −∞ as a zero term', () => {
    expect(logAddExp(Number.NEGATIVE_INFINITY, 2)).toBe(2);
    expect(logAddExp(2, Number.NEGATIVE_INFINITY)).toBe(2);
    expect(logAddExp(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('logSubExp', () => {
  it('is ln(eᵃ − eᵇ): ln 5 ⊖ ln 3 = ln 2', () => {
    expect(logSubExp(Math.log(5), Math.log(3))).toBeCloseTo(Math.LN2, 14);
  });

  it('is −∞ for equal arguments and a for b = −∞', () => {
    expect(logSubExp(3, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(logSubExp(3, Number.NEGATIVE_INFINITY)).toBe(3);
  });

  it('keeps its digits when the difference is tiny: ln(1 − e^(−1e-20)) = ln(1e-20)', () => {
    expect(logSubExp(0, -1e-20)).toBeCloseTo(Math.log(1e-20), 10);
    // 1000 − 2⁻³⁰ is exact in doubles, so the difference really is 2⁻³⁰.
    expect(logSubExp(1000, 1000 - 2 ** -30)).toBeCloseTo(1000 + Math.log(-Math.expm1(-(2 ** -30))), 10);
  });
});

describe('log1pExp', () => {
  it('is ln(1 + eˣ): ln 2 at 0, x at large x, eˣ at very negative x', () => {
    expect(log1pExp(0)).toBeCloseTo(Math.LN2, 15);
    expect(log1pExp(1000)).toBe(1000);
    expect(log1pExp(-50)).toBeCloseTo(Math.exp(-50), 30);
    expect(log1pExp(1)).toBeCloseTo(Math.log(1 + Math.E), 15);
  });
});
