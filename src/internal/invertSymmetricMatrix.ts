/**
 * The inverse of a small symmetric positive-definite matrix, by Cholesky factorisation; `null`
 * when the matrix is not positive definite (a fitted likelihood's Hessian that is not, has no
 * standard errors).
 */
export function invertSymmetricMatrix(matrix: readonly (readonly number[])[]): number[][] | null {
  const size = matrix.length;
  const lower = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = matrix[i]?.[j] ?? Number.NaN;
      for (let k = 0; k < j; k += 1) sum -= (lower[i]?.[k] as number) * (lower[j]?.[k] as number);
      if (i === j) {
        if (!(sum > 0)) return null;
        (lower[i] as number[])[i] = Math.sqrt(sum);
      } else {
        (lower[i] as number[])[j] = sum / (lower[j]?.[j] as number);
      }
    }
  }
  // Invert L column by column (forward substitution), then A⁻¹ = L⁻ᵀ L⁻¹.
  const lowerInverse = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let column = 0; column < size; column += 1) {
    for (let i = column; i < size; i += 1) {
      let sum = i === column ? 1 : 0;
      for (let k = column; k < i; k += 1) sum -= (lower[i]?.[k] as number) * (lowerInverse[k]?.[column] as number);
      (lowerInverse[i] as number[])[column] = sum / (lower[i]?.[i] as number);
    }
  }
  return Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => {
      let sum = 0;
      for (let k = Math.max(i, j); k < size; k += 1) sum += (lowerInverse[k]?.[i] as number) * (lowerInverse[k]?.[j] as number);
      return sum;
    }),
  );
}
