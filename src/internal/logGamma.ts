import { gammaln } from 'simple-statistics';

/**
 * ln Γ(x) for x > 0 (Lanczos, via simple-statistics, about 15 correct digits). Returns
 * `Infinity` at x <= 0, where the models never call it.
 */
export function logGamma(x: number): number {
  return gammaln(x);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}
