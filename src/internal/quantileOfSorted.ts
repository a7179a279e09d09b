/**
 * The `p`-quantile (0..1) of ascending `values[0..n)`, by linear interpolation between closest
 * ranks: Hyndman & Fan's type 7, the default of R's `quantile` and NumPy's `quantile`.
 */
export function quantileOfSorted(values: ArrayLike<number>, n: number, p: number): number {
  if (n === 1) return values[0] as number;
  const position = (n - 1) * p;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = values[below] as number;
  if (fraction === 0) return low;
  return low + (((values[below + 1] as number) - low) * fraction);
}
