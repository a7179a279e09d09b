/**
 * The `ps` quantiles (0..1, ascending) of `values`, by linear interpolation between closest
 * ranks (Hyndman & Fan type 7, the default of R and NumPy), without sorting everything: a
 * quickselect places only the order statistics the quantiles need, and the ranges between them
 * stay unsorted. Reorders `values` in place.
 */
export function quantilesOf(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  const positions = ps.map((p) => positionOf(n, p));
  const ranks = new Set<number>();
  for (const position of positions) {
    ranks.add(Math.floor(position));
    if (position > Math.floor(position)) ranks.add(Math.floor(position) + 1);
  }
  selectRanks(values, [...ranks].sort((a, b) => a - b), 0, n - 1);
  return positions.map((position) => {
    const below = Math.floor(position);
    const fraction = position - below;
    const low = values[below] as number;
    const high = values[below + 1] as number;
    // R's form, (1 - h) x[lo] + h x[hi] (no overflow between huge values of opposite sign), and as
    // R only between different values: between equal ones it would round off the value itself
    // (123.45 became 123.44999999999999, and an edge below a tie puts the tie in the wrong bin).
    return fraction === 0 || low === high ? low : (1 - fraction) * low + fraction * high;
  });
}

/** The 0-based position of the `p` quantile among `n` values; within 1e-9 of a whole number it is that number, as (n - 1) k / bins is exactly. */
function positionOf(n: number, p: number): number {
  const position = (n - 1) * p;
  const nearest = Math.round(position);
  return Math.abs(position - nearest) < 1e-9 ? nearest : position;
}

/** Puts the elements of the given ascending ranks (within `from..to`) where a full sort would. */
function selectRanks(values: Float64Array, ranks: readonly number[], low: number, high: number): void {
  const wanted = ranks.filter((rank) => rank >= low && rank <= high);
  if (wanted.length === 0 || high <= low) return;
  if (high - low < 32) {
    values.subarray(low, high + 1).sort();
    return;
  }
  // Hoare partition around the median of three.
  const middle = (low + high) >> 1;
  const a = values[low] as number;
  const b = values[middle] as number;
  const c = values[high] as number;
  const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
  let i = low;
  let j = high;
  while (i <= j) {
    while ((values[i] as number) < pivot) i++;
    while ((values[j] as number) > pivot) j--;
    if (i <= j) {
      const swap = values[i] as number;
      values[i] = values[j] as number;
      values[j] = swap;
      i++;
      j--;
    }
  }
  // Now values[low..j] <= pivot <= values[i..high], and values[j+1..i-1] equal the pivot.
  selectRanks(values, wanted, low, j);
  selectRanks(values, wanted, i, high);
}
