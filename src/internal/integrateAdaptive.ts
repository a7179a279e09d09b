// Gauss–Kronrod 7–15 nodes and weights on [−1, 1] (Piessens et al., QUADPACK, 1983).
const KRONROD_NODES = [0.991455371120813, 0.949107912342759, 0.864864423359769, 0.741531185599394, 0.586087235467691, 0.405845151377397, 0.207784955007898, 0];
const KRONROD_WEIGHTS = [0.022935322010529, 0.063092092629979, 0.104790010322250, 0.140653259715525, 0.169004726639267, 0.190350578064785, 0.204432940075298, 0.209482141084728];
const GAUSS_WEIGHTS = [0.129484966168870, 0.279705391489277, 0.381830050505119, 0.417959183673469];

/**
 * ∫ f over [from, to] by adaptive Gauss–Kronrod (7–15) quadrature: an interval whose Gauss and
 * Kronrod estimates differ by more than its share of the tolerance is halved. For smooth
 * integrands such as the Pareto/NBD mixture over death times.
 *
 * @returns `NaN` when the tolerance is not met within 2,000 intervals.
 */
export function integrateAdaptive(f: (x: number) => number, from: number, to: number, relativeTolerance = 1e-12): number {
  if (to <= from) return 0;
  const pending: [number, number, number, number][] = [];
  let total = 0;
  let error = 0;
  const first = kronrod(f, from, to);
  pending.push([from, to, first[0], first[1]]);
  total = first[0];
  error = first[1];
  for (let intervals = 1; intervals < 2000; intervals += 1) {
    if (error <= relativeTolerance * Math.abs(total) || error < 1e-300) return total;
    // Split the interval with the largest error estimate.
    let worst = 0;
    for (let i = 1; i < pending.length; i += 1) if ((pending[i]?.[3] as number) > (pending[worst]?.[3] as number)) worst = i;
    const [low, high, value, estimate] = pending[worst] as [number, number, number, number];
    pending.splice(worst, 1);
    const middle = (low + high) / 2;
    const left = kronrod(f, low, middle);
    const right = kronrod(f, middle, high);
    pending.push([low, middle, left[0], left[1]], [middle, high, right[0], right[1]]);
    total += left[0] + right[0] - value;
    error += left[1] + right[1] - estimate;
  }
  return Number.NaN;
}

function kronrod(f: (x: number) => number, from: number, to: number): [number, number] {
  const center = (from + to) / 2;
  const half = (to - from) / 2;
  const centerValue = f(center);
  let kronrodSum = centerValue * (KRONROD_WEIGHTS[7] as number);
  let gaussSum = centerValue * (GAUSS_WEIGHTS[3] as number);
  for (let i = 0; i < 7; i += 1) {
    const offset = half * (KRONROD_NODES[i] as number);
    const pair = f(center - offset) + f(center + offset);
    kronrodSum += (KRONROD_WEIGHTS[i] as number) * pair;
    if (i % 2 === 1) gaussSum += (GAUSS_WEIGHTS[(i - 1) / 2] as number) * pair;
  }
  return [kronrodSum * half, Math.abs((kronrodSum - gaussSum) * half)];
}
