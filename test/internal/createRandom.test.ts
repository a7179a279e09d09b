import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/internal/createRandom';

function draws(seed: number | string, count: number): number[] {
  const random = createRandom(seed);
  const values: number[] = [];
  for (let index = 0; index < count; index++) values.push(random());
  return values;
}

/** Pearson correlation of two equally long series. */
function correlation(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] as number;
    sy += ys[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('createRandom', () => {
  it('returns the same sequence for the same seed', () => {
    expect(draws(1, 1000)).toEqual(draws(1, 1000));
    expect(draws('spring campaign', 1000)).toEqual(draws('spring campaign', 1000));
  });

  it('reads a number seed as its decimal text', () => {
    expect(draws(42, 100)).toEqual(draws('42', 100));
    expect(draws(-3.5, 100)).toEqual(draws('-3.5', 100));
  });

  it('gives different sequences for different seeds, even neighbouring ones', () => {
    const seeds = [0, 1, 2, 3, '', 'a', 'b', 'ab', 'ba'];
    const firsts = new Set(seeds.map((seed) => draws(seed, 1)[0]));
    expect(firsts.size).toBe(seeds.length);
    // Neighbouring seeds give unrelated streams: correlation near 0 (its standard error is 1/sqrt(n) ≈ 0.01).
    expect(Math.abs(correlation(draws(1, 10_000), draws(2, 10_000)))).toBeLessThan(0.04);
    expect(Math.abs(correlation(draws('a', 10_000), draws('b', 10_000)))).toBeLessThan(0.04);
  });

  it('keeps its first draws: a change here changes every sample, benchmark and doc example', () => {
    expect(draws(1, 3)).toMatchInlineSnapshot(`
      [
        0.22084062243811786,
        0.176741971867159,
        0.13709679245948792,
      ]
    `);
  });

  it('returns numbers in [0, 1) that look uniform', () => {
    const n = 100_000;
    const values = draws(7, n);
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    let outside = 0;
    for (const value of values) {
      if (!(value >= 0 && value < 1)) outside++;
      sum += value;
      const bin = Math.floor(value * 10);
      bins[bin] = (bins[bin] as number) + 1;
    }
    expect(outside).toBe(0);
    // Mean of U(0,1) is 1/2 with standard error sqrt(1/12)/sqrt(n) ≈ 0.0009; allow 5 of them.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.0046);
    // Chi-square over 10 equal bins, 9 degrees of freedom: the upper 0.1% point is 27.88 (standard tables).
    const expected = n / 10;
    const chiSquare = bins.reduce((total, count) => total + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(27.88);
    // Consecutive draws are uncorrelated: lag-1 correlation within 5 standard errors (1/sqrt(n) ≈ 0.003).
    expect(Math.abs(correlation(values.slice(0, -1), values.slice(1)))).toBeLessThan(0.016);
  });

  it('gives each generator its own state', () => {
    const first = createRandom(5);
    const second = createRandom(5);
    const a = [first(), first()];
    second();
    const b = [second()];
    expect(b[0]).toBe(a[1]);
  });
});
