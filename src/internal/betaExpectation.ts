import { integrateAdaptive } from './integrateAdaptive';
import { logBeta } from './logGamma';

/**
 * E[g(p)] for p ~ Beta(a, b), by adaptive Gauss–Kronrod quadrature. The density's endpoint
 * singularities (p^(a−1) when a < 1, (1−p)^(b−1) when b < 1) are removed by substitution:
 * p = u^(1/a) on [0, 1/2] and 1 − p = v^(1/b) on [1/2, 1], so both integrands are bounded and
 * smooth for any smooth g. When b is large the mass lies within a few a / b of 0 (and within a
 * few b / a of 1 when a is), far inside [0, 1/2]: each half is then integrated only up to where
 * the density is negligible (past a + 40√a + 40 over b, the Gamma tail bound), or every node of
 * the rule would fall where the density underflows and the integral would come out 0.
 *
 * @returns `NaN` when the quadrature does not meet its tolerance.
 */
export function betaExpectation(g: (p: number) => number, a: number, b: number): number {
  const lowerEnd = Math.min(0.5, (a + 40 * Math.sqrt(a) + 40) / b);
  const upperEnd = Math.min(0.5, (b + 40 * Math.sqrt(b) + 40) / a);
  const lower = integrateAdaptive((u) => {
    const p = u ** (1 / a);
    return g(p) * Math.exp((b - 1) * Math.log1p(-p));
  }, 0, Math.exp(a * Math.log(lowerEnd))) / a;
  const upper = integrateAdaptive((v) => {
    const q = v ** (1 / b);
    return g(1 - q) * Math.exp((a - 1) * Math.log1p(-q));
  }, 0, Math.exp(b * Math.log(upperEnd))) / b;
  return (lower + upper) * Math.exp(-logBeta(a, b));
}
