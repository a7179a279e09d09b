import { digamma } from '../../internal/digamma';
import { logGamma } from '../../internal/logGamma';
import type { BtydGroups } from '../groupBtydSummaries';

/**
 * Which beta-geometric drop-out process: `bgnbd` tosses the drop-out coin after each repeat
 * purchase (Fader, Hardie & Lee 2005); `mbgnbd` also right after the first purchase
 * (Batislam, Denizel & Filiztekin 2007), so a customer with no repeat purchase may be gone.
 */
export type BetaGeometricVariant = 'bgnbd' | 'mbgnbd';

/**
 * The total log-likelihood of BG/NBD or MBG/NBD over grouped summaries, and its gradient in
 * (r, α, a, b) when `gradient` is given. For one customer, with k = 0 for BG/NBD and 1 for MBG/NBD,
 *
 *   ℓ = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+k) − ln B(a, b)
 *       + ln[ (α+T)^−(r+x) + δ · a/(b+x−1+k) · (α+t_x)^−(r+x) ],
 *
 * δ = 1 when x > 0 or k = 1. The bracket is summed in log space (Fader & Hardie 2013, note 027,
 * on BG/NBD's "#NUM!" problem), so hundreds of purchases or T = 0 cannot overflow. Functions of
 * x alone (log-gammas, digammas) are computed once per distinct x.
 *
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", eq. (6).
 */
export function betaGeometricLogLikelihood(variant: BetaGeometricVariant, groups: BtydGroups, theta: Float64Array, gradient: Float64Array | null): number {
  const r = theta[0] as number;
  const alpha = theta[1] as number;
  const a = theta[2] as number;
  const b = theta[3] as number;
  const k = variant === 'mbgnbd' ? 1 : 0;
  const { x, tx, T, weight, xLevel, distinctX } = groups;
  const levels = distinctX.length;
  // ln Γ(r+x) + ln Γ(b+x+k) − ln Γ(a+b+x+k), per distinct x; and their derivatives.
  const byX = new Float64Array(levels);
  const dr = gradient ? new Float64Array(levels) : null;
  const da = gradient ? new Float64Array(levels) : null;
  const db = gradient ? new Float64Array(levels) : null;
  for (let level = 0; level < levels; level += 1) {
    const xi = distinctX[level] as number;
    byX[level] = logGamma(r + xi) + logGamma(b + xi + k) - logGamma(a + b + xi + k);
    if (dr && da && db) {
      const psiAbx = digamma(a + b + xi + k);
      dr[level] = digamma(r + xi);
      da[level] = -psiAbx;
      db[level] = digamma(b + xi + k) - psiAbx;
    }
  }
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  const constant = -logGamma(r) + r * logAlpha + logGamma(a + b) - logGamma(b);
  let total = 0;
  let gR = 0;
  let gAlpha = 0;
  let gA = 0;
  let gB = 0;
  for (let i = 0; i < x.length; i += 1) {
    const xi = x[i] as number;
    const w = weight[i] as number;
    const level = xLevel[i] as number;
    const rx = r + xi;
    const logAlphaT = Math.log(alpha + (T[i] as number));
    const A3 = -rx * logAlphaT;
    let logBracket = A3;
    let share4 = 0;
    let logAlphaTx = 0;
    let bx = 0;
    if (xi > 0 || k === 1) {
      logAlphaTx = Math.log(alpha + (tx[i] as number));
      bx = b + xi - 1 + k;
      const A4 = logA - Math.log(bx) - rx * logAlphaTx;
      // logaddexp(A3, A4), and the share of the second term in the sum.
      if (A3 >= A4) {
        const e = Math.exp(A4 - A3);
        logBracket = A3 + Math.log1p(e);
        share4 = e / (1 + e);
      } else {
        const e = Math.exp(A3 - A4);
        logBracket = A4 + Math.log1p(e);
        share4 = 1 / (1 + e);
      }
    }
    total += w * ((byX[level] as number) + logBracket);
    if (gradient) {
      const share3 = 1 - share4;
      gR += w * ((dr as Float64Array)[level] as number) - w * (share3 * logAlphaT + share4 * logAlphaTx);
      gAlpha -= w * rx * (share3 / (alpha + (T[i] as number)) + (share4 > 0 ? share4 / (alpha + (tx[i] as number)) : 0));
      gA += w * (((da as Float64Array)[level] as number) + (share4 > 0 ? share4 / a : 0));
      gB += w * (((db as Float64Array)[level] as number) - (share4 > 0 ? share4 / bx : 0));
    }
  }
  const n = groups.customers;
  if (gradient) {
    const psiAb = digamma(a + b);
    gradient[0] = gR + n * (-digamma(r) + logAlpha);
    gradient[1] = gAlpha + (n * r) / alpha;
    gradient[2] = gA + n * psiAb;
    gradient[3] = gB + n * (psiAb - digamma(b));
  }
  return total + n * constant;
}
