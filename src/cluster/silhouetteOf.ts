/**
 * The mean silhouette (Rousseeuw 1987) of points with cluster labels: for each point, a = mean
 * distance to its own cluster, b = the smallest mean distance to another cluster,
 * s = (b − a) / max(a, b); a point alone in its cluster scores 0. O(n²): callers pass a sample.
 */
export function silhouetteOf(points: readonly (readonly number[])[], labels: readonly number[], k: number): number {
  const n = points.length;
  if (n < 2 || k < 2) return 0;
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  for (const label of labels) counts[label] = (counts[label] as number) + 1;
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const p = points[i] as readonly number[];
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const q = points[j] as readonly number[];
      let squared = 0;
      for (let d = 0; d < p.length; d++) squared += ((p[d] as number) - (q[d] as number)) ** 2;
      const label = labels[j] as number;
      sums[label] = (sums[label] as number) + Math.sqrt(squared);
    }
    const own = labels[i] as number;
    const ownCount = (counts[own] as number) - 1;
    if (ownCount === 0) continue;
    const a = (sums[own] as number) / ownCount;
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && (counts[c] as number) > 0) b = Math.min(b, (sums[c] as number) / (counts[c] as number));
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}
