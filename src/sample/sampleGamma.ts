import { sampleStandardNormal } from './sampleStandardNormal';

/**
 * Draws one value from the Gamma distribution with the given shape and scale (mean
 * `shape * scale`), by Marsaglia and Tsang's squeeze method; a shape below 1 is boosted to
 * `shape + 1` and scaled back by `u^(1/shape)`.
 *
 * @see Marsaglia, G. and Tsang, W. W. (2000), "A simple method for generating gamma variables",
 *   ACM Transactions on Mathematical Software 26(3), 363-372.
 * @param random - A generator returning numbers in [0, 1).
 * @param shape - Shape k > 0.
 * @param scale - Scale θ > 0 (the reciprocal of the rate).
 * @returns A Gamma(k, θ) draw, non-negative.
 */
export function sampleGamma(random: () => number, shape: number, scale: number): number {
  if (shape < 1) {
    const boosted = sampleGamma(random, shape + 1, scale);
    return boosted * Math.pow(1 - random(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = sampleStandardNormal(random);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = 1 - random();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v * scale;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}
