import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantilesOf } from '../../src/internal/quantilesOf';

// The oracle: sort everything, then interpolate between closest ranks (type 7) in R's form,
// (1 - h) x[lo] + h x[hi] between different values (equal ones give the value itself, as in R),
// with the position taken as exact when it is within 1e-9 of a rank.
function sortedQuantiles(values: readonly number[], ps: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return ps.map((p) => {
    const raw = (sorted.length - 1) * p;
    const position = Math.abs(raw - Math.round(raw)) < 1e-9 ? Math.round(raw) : raw;
    const below = Math.floor(position);
    const low = sorted[below] as number;
    const h = position - below;
    const high = sorted[below + 1] as number;
    return h === 0 || low === high ? low : (1 - h) * low + h * high;
  });
}

describe('quantilesOf', () => {
  it('equals the quantiles of the fully sorted values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 2, max: 10 }),
        (values, bins) => {
          const ps = Array.from({ length: bins - 1 }, (_, k) => (k + 1) / bins);
          // -0 and +0 are equal values that a selection may order either way; compare them as numbers.
          const asNumbers = (list: number[]): number[] => list.map((value) => value + 0);
          expect(asNumbers(quantilesOf(Float64Array.from(values), ps))).toEqual(asNumbers(sortedQuantiles(values, ps)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('matches R: quantile(1:10, c(.2, .4, .6, .8)) is 2.8 4.6 6.4 8.2', () => {
    const result = quantilesOf(Float64Array.from({ length: 10 }, (_, i) => 10 - i), [0.2, 0.4, 0.6, 0.8]);
    result.forEach((value, index) => expect(value).toBeCloseTo([2.8, 4.6, 6.4, 8.2][index] as number, 12));
  });

  it('gives a tied value itself as the quantile between two equal values (R does; the formula would round it off)', () => {
    expect(quantilesOf(Float64Array.from([10, 123.45, 123.45, 123.45, 500]), [0.4, 0.6])).toEqual([123.45, 123.45]);
    for (let n = 2; n <= 12; n++) for (let bins = 3; bins <= 10; bins++) {
      const ps = Array.from({ length: bins - 1 }, (_, k) => (k + 1) / bins);
      expect(quantilesOf(new Float64Array(n).fill(3), ps).every((edge) => edge === 3)).toBe(true);
    }
  });
});
