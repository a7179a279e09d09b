import { describe, expect, it } from 'vitest';
import reference from '../fixtures/btydReference.json';
import { logHypergeometric2F1 } from '../../src/internal/logHypergeometric2F1';

describe('logHypergeometric2F1', () => {
  it(`matches mpmath on ${reference.hyp2f1.length} points, z up to 0.999 and results up to 1e300`, () => {
    const worst = { error: 0, at: '' };
    for (const { a, b, c, z, value } of reference.hyp2f1) {
      // Relative error of the value = absolute error of its log.
      const error = Math.abs(logHypergeometric2F1(a, b, c, z) - Math.log(value));
      if (error > worst.error) Object.assign(worst, { error, at: `2F1(${a}, ${b}; ${c}; ${z})` });
    }
    expect(worst.error, worst.at).toBeLessThan(1e-12);
  });

  it('is exactly 1 at z = 0 and NaN outside its domain', () => {
    expect(logHypergeometric2F1(2, 3, 4, 0)).toBe(0);
    for (const [a, b, c, z] of [
      [0, 1, 1, 0.5],
      [1, -1, 1, 0.5],
      [1, 1, 0, 0.5],
      [1, 1, 2, 1],
      [1, 1, 2, -0.1],
      [1, 1, 2, Number.NaN],
      [Number.POSITIVE_INFINITY, 1, 2, 0.5],
    ] as const) {
      expect(logHypergeometric2F1(a, b, c, z)).toBeNaN();
    }
  });

  it('gives up (NaN) rather than return a truncated sum when z is within 1e-7 of 1', () => {
    expect(logHypergeometric2F1(1.5, 2.5, 1, 1 - 1e-7)).toBeNaN();
  });
});
