import { digamma } from '../../internal/digamma';
import { logGamma } from '../../internal/logGamma';

/** The repeat customers a Gamma-Gamma model is fitted on: x > 0 purchases of mean value z̄ > 0 each. */
export interface SpendColumns {
  readonly x: Float64Array;
  readonly meanValue: Float64Array;
}

/**
 * The total Gamma-Gamma log-likelihood of the observed mean values, and its gradient in
 * (p, q, γ) when `gradient` is given. Per customer, the density of z̄ given x is
 *
 *   ℓ = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 *
 * @see Fader & Hardie (2013), "The Gamma-Gamma model of monetary value", eq. (4).
 */
export function gammaGammaLogLikelihood(columns: SpendColumns, theta: Float64Array, gradient: Float64Array | null): number {
  const p = theta[0] as number;
  const q = theta[1] as number;
  const gamma = theta[2] as number;
  const { x, meanValue } = columns;
  const n = x.length;
  const logGammaValue = Math.log(gamma);
  let total = 0;
  let gP = 0;
  let gQ = 0;
  let gGamma = 0;
  for (let i = 0; i < n; i += 1) {
    const xi = x[i] as number;
    const z = meanValue[i] as number;
    const px = p * xi;
    const logZ = Math.log(z);
    const logSum = Math.log(gamma + xi * z);
    total += logGamma(px + q) - logGamma(px) + (px - 1) * logZ + px * Math.log(xi) - (px + q) * logSum;
    if (gradient) {
      const psiPxq = digamma(px + q);
      gP += xi * (psiPxq - digamma(px) + logZ + Math.log(xi) - logSum);
      gQ += psiPxq - logSum;
      gGamma -= (px + q) / (gamma + xi * z);
    }
  }
  if (gradient) {
    gradient[0] = gP;
    gradient[1] = gQ + n * (logGammaValue - digamma(q));
    gradient[2] = gGamma + (n * q) / gamma;
  }
  return total + n * (q * logGammaValue - logGamma(q));
}
