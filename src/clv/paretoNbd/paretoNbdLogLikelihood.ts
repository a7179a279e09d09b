import { logGamma } from '../../internal/logGamma';
import { logHypergeometric2F1 } from '../../internal/logHypergeometric2F1';
import { logAddExp, logSubExp } from '../../internal/logSumExp';
import type { ParetoNbdParameters } from '../ClvModel';
import type { BtydGroups } from '../groupBtydSummaries';
import type { BtydSummary } from '../readBtydSummary';

/**
 * The two terms of one customer's Pareto/NBD likelihood, as logs, without the factor
 * Γ(r+x) αʳ βˢ / Γ(r) they share:
 *
 * - `alive`: ln[(α+T)^−(r+x) (β+T)^−s], the customer still alive at T;
 * - `dead`:  ln[s/(r+s+x) · A₀], the customer gone at some time in (t_x, T], where with
 *   m = max(α, β),
 *   A₀ = ₂F₁(r+s+x, c; r+s+x+1; |α−β|/(m+t_x)) / (m+t_x)^(r+s+x) − (the same at T),
 *   c = s+1 when α >= β and r+x otherwise, which keeps the ₂F₁ argument in [0, 1).
 *
 * The difference is taken in log space; it is −∞ when t_x = T (no time to have died in).
 *
 * @see Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions", eqs. (19)–(22).
 */
export function paretoNbdTerms({ r, alpha, s, beta }: ParetoNbdParameters, { x, tx, T }: BtydSummary): { alive: number; dead: number } {
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const rsx = r + s + x;
  const m = Math.max(alpha, beta);
  const c = alpha >= beta ? s + 1 : r + x;
  const gap = Math.abs(alpha - beta);
  const atTx = logHypergeometric2F1(rsx, c, rsx + 1, gap / (m + tx)) - rsx * Math.log(m + tx);
  const atT = logHypergeometric2F1(rsx, c, rsx + 1, gap / (m + T)) - rsx * Math.log(m + T);
  const dead = Math.log(s) - Math.log(rsx) + logSubExp(atTx, atT);
  return { alive, dead };
}

/**
 * The total Pareto/NBD log-likelihood over grouped summaries:
 * ℓ = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln(e^alive + e^dead) per customer.
 * `NaN` when a ₂F₁ does not converge, which the optimiser treats as a step too far.
 */
export function paretoNbdLogLikelihood(groups: BtydGroups, theta: Float64Array): number {
  const parameters = { r: theta[0] as number, alpha: theta[1] as number, s: theta[2] as number, beta: theta[3] as number };
  const { x, tx, T, weight, xLevel, distinctX } = groups;
  const byX = Float64Array.from(distinctX, (value) => logGamma(parameters.r + value));
  let total = 0;
  for (let i = 0; i < x.length; i += 1) {
    const { alive, dead } = paretoNbdTerms(parameters, { x: x[i] as number, tx: tx[i] as number, T: T[i] as number });
    total += (weight[i] as number) * ((byX[xLevel[i] as number] as number) + logAddExp(alive, dead));
  }
  const { r, alpha, s, beta } = parameters;
  return total + groups.customers * (-logGamma(r) + r * Math.log(alpha) + s * Math.log(beta));
}
