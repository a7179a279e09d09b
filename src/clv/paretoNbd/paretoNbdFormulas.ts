import { integrateAdaptive } from '../../internal/integrateAdaptive';
import { log1pExp } from '../../internal/logSumExp';
import { logGamma } from '../../internal/logGamma';
import type { ParetoNbdParameters } from '../ClvModel';
import type { TransactionModelFormulas } from '../TransactionModelFormulas';
import { paretoNbdTerms } from './paretoNbdLogLikelihood';

/** [1 − (1+u)^−(s−1)] / (s − 1), which is ln(1+u) at s = 1, computed without cancellation near it. */
function powerIntegral(sMinusOne: number, u: number): number {
  const logGrowth = Math.log1p(u);
  return Math.abs(sMinusOne) < 1e-12 ? logGrowth : -Math.expm1(-sMinusOne * logGrowth) / sMinusOne;
}

/**
 * Pareto/NBD closed forms (Fader & Hardie 2005 note; Schmittlein, Morrison & Colombo 1987):
 *
 * - E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)];
 * - P(alive) = 1 / (1 + e^(dead − alive)) with the two likelihood terms of {@link paretoNbdTerms};
 * - E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive);
 * - P(X(t) = n) = (β/(β+t))ˢ NB(n; t) + ∫₀ᵗ NB(n; τ) sβˢ/(β+τ)^(s+1) dτ: alive throughout,
 *   or gone at τ after buying n times by then. The integral is taken by adaptive Gauss–Kronrod
 *   quadrature rather than the closed form's general ₂F₁.
 */
export const paretoNbdFormulas: TransactionModelFormulas<ParetoNbdParameters> = {
  expectedPurchases: ({ r, alpha, s, beta }, t) => ((r * beta) / alpha) * powerIntegral(s - 1, t / beta),
  expectedPurchasesIfAlive: ({ r, alpha, s, beta }, t, { x, T }) => (((r + x) * (beta + T)) / (alpha + T)) * powerIntegral(s - 1, t / (beta + T)),
  logProbabilityAlive: (parameters, summary) => {
    const { alive, dead } = paretoNbdTerms(parameters, summary);
    return -log1pExp(dead - alive);
  },
  probabilityOfPurchases: ({ r, alpha, s, beta }, n, t) => {
    const logCount = logGamma(r + n) - logGamma(r) - logGamma(n + 1);
    const negativeBinomial = (tau: number): number => {
      if (tau === 0) return n === 0 ? 1 : 0;
      return Math.exp(logCount + r * (Math.log(alpha) - Math.log(alpha + tau)) + (n > 0 ? n * (Math.log(tau) - Math.log(alpha + tau)) : 0));
    };
    const survives = Math.exp(s * (Math.log(beta) - Math.log(beta + t)));
    const diesBefore = integrateAdaptive((tau) => negativeBinomial(tau) * s * Math.exp(s * Math.log(beta) - (s + 1) * Math.log(beta + tau)), 0, t);
    return survives * negativeBinomial(t) + diesBefore;
  },
  purchaseRatePosterior: ({ r, alpha }, { x, T }) => ({ shape: r + x, rate: alpha + T }),
};
