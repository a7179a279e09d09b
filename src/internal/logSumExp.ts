/** ln(eᵃ + eᵇ) without overflow; −∞ stands for a zero term. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln(eᵃ − eᵇ) for b <= a without cancellation blowing up; −∞ when they are equal. */
export function logSubExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  const difference = b - a;
  if (difference >= 0) return Number.NEGATIVE_INFINITY;
  // ln(1 − eᵈ): expm1 near 0, log1p far from it (Mächler 2012, "Accurately computing log(1 − exp(−|a|))").
  return a + (difference > -Math.LN2 ? Math.log(-Math.expm1(difference)) : Math.log1p(-Math.exp(difference)));
}

/** ln(1 + eˣ) (the softplus) without overflow. */
export function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
