import { describe, expect, it } from 'vitest';
import reference from '../fixtures/btydReference.json';
import { logHypergeometric2F1, logHypergeometric2F1AdjacentC } from '../../src/internal/logHypergeometric2F1';

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

describe('logHypergeometric2F1AdjacentC', () => {
  it('matches mpmath on every c = a + 1 point, including z = 0.999 where it transforms to 1 − z', () => {
    const points = reference.hyp2f1.filter(({ a, c }) => c === a + 1);
    expect(points.length).toBeGreaterThan(100);
    let worst = 0;
    for (const { a, b, z, value } of points) worst = Math.max(worst, Math.abs(logHypergeometric2F1AdjacentC(a, b, z) - Math.log(value)));
    // The transformation's two terms cancel by up to e³, so up to two digits go.
    expect(worst).toBeLessThan(2e-12);
  });

  it('agrees with the plain series where both apply, on both sides of b = 1 and near it', () => {
    for (const b of [0.3, 0.9989, 1.0011, 1.5, 1.999]) {
      for (const z of [0.8, 0.9, 0.97]) {
        const series = logHypergeometric2F1(1.3, b, 2.3, z);
        expect(Math.abs(logHypergeometric2F1AdjacentC(1.3, b, z) - series), `b = ${b}, z = ${z}`).toBeLessThan(1e-11);
      }
    }
  });
});

describe('the series stopping rule (found by review)', () => {
  it('stops once converged when the second parameter and c are both large (it ran to its 100,000-term limit and gave NaN)', () => {
    // BG/NBD's ₂F₁(r + x, b + x; a + b + x − 1; z) with b = 500,000: the terms shrink like zⁿ from the start.
    expect(logHypergeometric2F1(0.25, 5e5, 1.001 + 5e5 - 1, 52 / (4 + 52))).toBeCloseTo(0.6597643259, 8);
    expect(Number.isFinite(logHypergeometric2F1(0.25 + 10, 5e5 + 10, 1.001 + 5e5 - 1 + 10, 52 / (4 + 52)))).toBe(true);
    // A series that truly needs more terms than allowed still says so (its callers integrate instead).
    expect(logHypergeometric2F1(0.243 + 3e6, 2.426 + 3e6, 0.793 + 2.426 + 3e6 - 1, 10 / (4.414 + 52 + 10))).toBeNaN();
  });
});
