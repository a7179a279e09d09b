import { logGamma } from './logGamma';
import { logSubExp } from './logSumExp';

/** Terms the series may sum before giving up: enough for z up to about 1 − 4e-4. */
const MAX_TERMS = 100_000;
/** Relative size of the last term kept: below the double precision of the sum. */
const EPSILON = 1e-16;

/**
 * ln ₂F₁(a, b; c; z), the Gauss hypergeometric function, for a, b, c > 0 and 0 <= z < 1: the
 * cases the customer-base models need (Abramowitz & Stegun 15.1.1). Every term of the series is
 * positive, so summing it loses no digits to cancellation; only its length grows as z nears 1.
 * When c − a and c − b are positive and c < a + b, Euler's transformation (A&S 15.3.3)
 * ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) gives a series whose terms shrink at
 * least as fast as zⁿ (the Pareto/NBD case c = a + 1 becomes a series in (a + 1 − b)ₙ / (a + 1)ₙ).
 * The sum is kept in log scale, so results beyond the double range are still exact logs.
 *
 * @returns `NaN` when an argument is out of that domain or the series would need more than
 * 100,000 terms (z within about 4e-4 of 1, unless the terms shrink faster than zⁿ); callers turn
 * that into a typed error, and an optimiser into a step too far.
 */
export function logHypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1) || !Number.isFinite(a + b + c)) return Number.NaN;
  if (z === 0) return 0;
  if (c - a > 0 && c - b > 0 && c < a + b) return (c - a - b) * Math.log1p(-z) + logSeries(c - a, c - b, c, z);
  return logSeries(a, b, c, z);
}

/**
 * ln ₂F₁(a, b; a + 1; z) for a, b > 0 and 0 <= z < 1: the Pareto/NBD likelihood's case, where
 * also a + 1 − b > 0. Near z = 1 the series needs thousands of terms when b is small (a
 * customer with few purchases);
 * there, for 0 < b < 2, the transformation to 1 − z (A&S 15.3.6) with c = a + 1 reduces to
 *
 *   Γ(a+1) Γ(1−b) / Γ(a+1−b) · z^−a + a/(b−1) · (1−z)^(1−b) · ₂F₁(1, a+1−b; 2−b; 1−z),
 *
 * whose series in 1 − z converges in a few dozen terms. Its two terms have opposite signs: they
 * grow without bound as b nears 1, and like z^−a as a grows, so the transformation is used only
 * where z^−a < e³ and b is more than 1e-3 from 1, losing at most two digits; elsewhere the
 * series, which is fast for large a.
 */
export function logHypergeometric2F1AdjacentC(a: number, b: number, z: number): number {
  if (z > 0.75 && b < 2 && Math.abs(b - 1) > 1e-3 && a > 0 && b > 0 && a + 1 - b > 0 && z < 1 && -a * Math.log(z) < 3) {
    const oneMinusB = 1 - b;
    // ln|Γ(1 − b)| and its sign; 1 − b is in (−1, 1), and Γ(y) = Γ(y + 1)/y below 0.
    const logGammaOneMinusB = oneMinusB > 0 ? logGamma(oneMinusB) : logGamma(oneMinusB + 1) - Math.log(-oneMinusB);
    const first = logGamma(a + 1) + logGammaOneMinusB - logGamma(a + 1 - b) - a * Math.log(z);
    const second = Math.log(a) - Math.log(Math.abs(b - 1)) + oneMinusB * Math.log1p(-z) + logSeries(1, a + 1 - b, 2 - b, 1 - z);
    // b < 1: the first term is positive and the second negative; 1 < b < 2: the other way round.
    return b < 1 ? logSubExp(first, second) : logSubExp(second, first);
  }
  return logHypergeometric2F1(a, b, a + 1, z);
}

/** ln Σ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ for positive a, b, c, rescaling as it goes so that no term overflows. */
function logSeries(a: number, b: number, c: number, z: number): number {
  // With a + b >= c the terms shrink no faster than zⁿ/n: when that alone needs more terms than allowed, give up now.
  if (a + b >= c && 37 / -Math.log(z) > MAX_TERMS) return Number.NaN;
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
    // Each later ratio is z · (a + m)(b + m) / ((m + 1)(c + m)) with m > n, which is
    // z · (1 + ((a + b − c − 1) m + ab − c) / ((m + 1)(c + m))); with α⁺ and β⁺ the positive
    // parts of those coefficients, the fraction is below α⁺/(c + m) + β⁺/((m + 1)(c + m)), which
    // falls with m. So q below bounds every later ratio, and the tail is under term·q/(1 − q).
    // (Bounding the two factors apart overstated q when a and c are both large, and the series
    // ran to its term limit after it had converged.) Worked out once the term itself is small.
    if (term < EPSILON * sum) {
      const m = n + 1;
      const q = z * (1 + Math.max(a + b - c - 1, 0) / (c + m) + Math.max(a * b - c, 0) / ((m + 1) * (c + m)));
      if (q < 1 && term * q < EPSILON * sum * (1 - q)) return logScale + Math.log(sum);
    }
  }
  return Number.NaN;
}
