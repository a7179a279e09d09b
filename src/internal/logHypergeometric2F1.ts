/** Terms the series may sum before giving up (z within about 4e-5 of 1). */
const MAX_TERMS = 1_000_000;
const EPSILON = 1e-17;

/**
 * ln ₂F₁(a, b; c; z), the Gauss hypergeometric function, for a, b, c > 0 and 0 <= z < 1: the
 * cases the customer-base models need (Abramowitz & Stegun 15.1.1). Every term of the series is
 * positive, so summing it loses no digits to cancellation; only its length grows as z nears 1.
 * When c − a and c − b are positive and c < a + b, Euler's transformation (A&S 15.3.3)
 * ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) gives a series whose terms shrink at
 * least as fast as zⁿ (the Pareto/NBD case c = a + 1 becomes a series in (a + 1 − b)ₙ / (a + 1)ₙ).
 * The sum is kept in log scale, so results beyond the double range are still exact logs.
 *
 * @returns `NaN` when an argument is out of that domain or the series does not converge within
 * a million terms; callers turn that into a typed error.
 */
export function logHypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1) || !Number.isFinite(a + b + c)) return Number.NaN;
  if (z === 0) return 0;
  if (c - a > 0 && c - b > 0 && c < a + b) return (c - a - b) * Math.log1p(-z) + logSeries(c - a, c - b, c, z);
  return logSeries(a, b, c, z);
}

/** ln Σ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ for positive a, b, c, rescaling as it goes so that no term overflows. */
function logSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < MAX_TERMS; n += 1) {
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    if (sum > 1e280) {
      term /= sum;
      logScale += Math.log(sum);
      sum = 1;
    }
    // Each later ratio is z · (a + m)/(m + 1) · (b + m)/(c + m) with m > n, and both fractions
    // move monotonically towards 1, so q below bounds them all and the tail is under term·q/(1 − q).
    const q = z * Math.max((a + n + 1) / (n + 2), 1) * Math.max((b + n + 1) / (c + n + 1), 1);
    if (q < 1 && term * q < EPSILON * sum * (1 - q)) return logScale + Math.log(sum);
  }
  return Number.NaN;
}
