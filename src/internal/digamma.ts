/**
 * The digamma function ψ(x) = d ln Γ(x) / dx for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x
 * lifts x to 10 or more, then the asymptotic series (Abramowitz & Stegun 6.3.18) to x⁻¹²,
 * whose first omitted term is below 1e-15 there.
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inverse = 1 / x;
  const inverse2 = inverse * inverse;
  // Bernoulli-number coefficients B_2k / (2k): 1/12, 1/120, 1/252, 1/240, 1/132, 691/32760.
  const series = inverse2 * (1 / 12 - inverse2 * (1 / 120 - inverse2 * (1 / 252 - inverse2 * (1 / 240 - inverse2 * (1 / 132 - inverse2 * (691 / 32760))))));
  return shift + Math.log(x) - 0.5 * inverse - series;
}
