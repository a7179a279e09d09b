import { integrateAdaptive } from './integrateAdaptive';
import { logBeta } from './logGamma';

/**
 * E[g(p)] for p ~ Beta(a, b), by adaptive Gauss–Kronrod quadrature. The density's endpoint
 * singularities (p^(a−1) when a < 1, (1−p)^(b−1) when b < 1) are removed by substitution:
 * p = u^(1/a) on [0, 1/2] and 1 − p = v^(1/b) on [1/2, 1], so both integrands are bounded and
 * smooth for any smooth g.
 *
 * @returns `NaN` when the quadrature does not meet its tolerance.
 */
export function betaExpectation(g: (p: number) => number, a: number, b: number): number {
  const half = Math.log(0.5);
  const lower = integrateAdaptive((u) => {
    const p = u ** (1 / a);
    return g(p) * Math.exp((b - 1) * Math.log1p(-p));
  }, 0, Math.exp(a * half)) / a;
  const upper = integrateAdaptive((v) => {
    const q = v ** (1 / b);
    return g(1 - q) * Math.exp((a - 1) * Math.log1p(-q));
  }, 0, Math.exp(b * half)) / b;
  return (lower + upper) * Math.exp(-logBeta(a, b));
}
