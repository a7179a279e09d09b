import { logGamma } from '../../internal/logGamma';

/**
 * P(N >= n) for a negative binomial count N with P(N = j) = Γ(r+j)/(Γ(r) j!) pʳ qʲ, given
 * ln p and ln q (q = 1 − p). Sums the head and subtracts it from 1 while the head is below
 * one half; otherwise sums the tail itself, so a small tail keeps its digits.
 */
export function negativeBinomialTail(r: number, logP: number, logQ: number, n: number): number {
  if (n <= 0) return 1;
  if (logQ === Number.NEGATIVE_INFINITY) return 0;
  const q = Math.exp(logQ);
  let term = Math.exp(r * logP);
  let head = 0;
  for (let j = 0; j < n; j += 1) {
    head += term;
    term *= ((r + j) / (j + 1)) * q;
  }
  if (head < 0.5) return 1 - head;
  // term is now P(N = n); the ratios (r+j)/(j+1)·q fall or rise towards q, bounded as in ₂F₁.
  let tail = Math.exp(logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * logP + n * logQ);
  let current = tail;
  for (let j = n; j < n + 1_000_000; j += 1) {
    const ratio = ((r + j) / (j + 1)) * q;
    current *= ratio;
    tail += current;
    const bound = q * Math.max((r + j + 1) / (j + 2), 1);
    if (bound < 1 && current * bound < 1e-17 * tail * (1 - bound)) break;
  }
  return tail;
}
