import { log1pExp } from '../../internal/logSumExp';
import { logBeta, logGamma } from '../../internal/logGamma';
import { logHypergeometric2F1 } from '../../internal/logHypergeometric2F1';
import { betaExpectation } from '../../internal/betaExpectation';
import type { BetaGeometricParameters } from '../ClvModel';
import type { BtydSummary } from '../readBtydSummary';
import type { TransactionModelFormulas } from '../TransactionModelFormulas';
import type { BetaGeometricVariant } from './betaGeometricLogLikelihood';
import { negativeBinomialTail } from './negativeBinomialTail';

/**
 * E[Y(t) | alive] as an integral over the drop-out probability p ~ Beta(a, b'), given that the
 * purchase rate is Gamma(shape, rate): a customer with (λ, p) makes (1 − e^(−λpt))/p purchases
 * on average before dropping out, and E_λ[e^(−λpt)] = (rate/(rate + pt))^shape. The fallback of
 * the closed form where its ₂F₁ cannot be summed or its ratio is 0/0.
 */
function expectedPurchasesByQuadrature(shape: number, rate: number, a: number, bPosterior: number, t: number): number {
  const perP = (p: number): number => (p === 0 ? (shape * t) / rate : -Math.expm1(-shape * Math.log1p((p * t) / rate)) / p);
  return betaExpectation(perP, a, bPosterior);
}

/**
 * BG/NBD and MBG/NBD closed forms. With k = 0 for BG/NBD and 1 for MBG/NBD:
 *
 * - E[Y(t) | x, t_x, T] = (a+b+x−1+k)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+k; a+b+x−1+k; t/(α+T+t))] · P(alive)
 *   (Fader, Hardie & Lee 2005, eq. 10; Batislam et al. 2007);
 * - E[X(t)] is the same at x = t_x = T = 0 (eq. 9);
 * - P(alive) = 1 / (1 + δ · a/(b+x−1+k) · ((α+T)/(α+t_x))^(r+x)), δ = 1 when x > 0 or k = 1;
 * - P(X(t) = n) = B(a, b+n+k)/B(a, b) · NB(n) + δ · B(a+1, b+n−1+k)/B(a, b) · P(NB ≥ n) (eq. 8),
 *   where NB is the negative binomial count of a customer alive throughout (0, t].
 *
 * The bracket 1 − e^L is computed as −expm1(L), and every power and ₂F₁ in logs, so long
 * horizons and customers with hundreds of purchases stay finite. Where the ₂F₁ cannot be summed
 * (a + b < 1, z near 1) or a is within 1e-4 of 1, E[Y(t) | alive] is integrated over the
 * drop-out probability instead.
 */
export function betaGeometricFormulas(variant: BetaGeometricVariant): TransactionModelFormulas<BetaGeometricParameters> {
  const k = variant === 'mbgnbd' ? 1 : 0;
  const logProbabilityAlive = ({ r, alpha, a, b }: BetaGeometricParameters, { x, tx, T }: BtydSummary): number => {
    if (x === 0 && k === 0) return 0;
    return -log1pExp(Math.log(a) - Math.log(b + x - 1 + k) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
  };
  const expectedPurchasesIfAlive = ({ r, alpha, a, b }: BetaGeometricParameters, t: number, { x, T }: BtydSummary): number => {
    if (t === 0) return 0;
    const c = a + b + x - 1 + k;
    // Within 1e-4 of a = 1 the closed form is 0/0 in the limit and loses digits; where c <= 0
    // (a + b < 1 and x = 0) or z nears 1 its ₂F₁ is out of reach: integrate over p instead.
    if (Math.abs(a - 1) > 1e-4) {
      const logPower = -(r + x) * Math.log1p(t / (alpha + T));
      const logF = logHypergeometric2F1(r + x, b + x + k, c, t / (alpha + T + t));
      const closedForm = (c / (a - 1)) * -Math.expm1(logPower + logF);
      if (Number.isFinite(closedForm)) return closedForm;
    }
    return expectedPurchasesByQuadrature(r + x, alpha + T, a, b + x + k, t);
  };
  return {
    // A new customer is one with x = t_x = T = 0, alive for sure under BG/NBD; MBG/NBD's first coin toss is P(alive) = b/(a+b).
    expectedPurchases: (parameters, t) => {
      const origin = { x: 0, tx: 0, T: 0 };
      return expectedPurchasesIfAlive(parameters, t, origin) * Math.exp(logProbabilityAlive(parameters, origin));
    },
    expectedPurchasesIfAlive,
    logProbabilityAlive,
    probabilityOfPurchases: ({ r, alpha, a, b }, n, t) => {
      const logP = Math.log(alpha) - Math.log(alpha + t);
      const logQ = t > 0 ? Math.log(t) - Math.log(alpha + t) : Number.NEGATIVE_INFINITY;
      const logB = logBeta(a, b);
      const logNb = logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * logP + (n > 0 ? n * logQ : 0);
      const alive = Math.exp(logBeta(a, b + n + k) - logB + logNb);
      if (n === 0 && k === 0) return alive;
      return alive + Math.exp(logBeta(a + 1, b + n - 1 + k) - logB) * negativeBinomialTail(r, logP, logQ, n);
    },
    purchaseRatePosterior: ({ r, alpha }, { x, T }) => ({ shape: r + x, rate: alpha + T }),
  };
}
