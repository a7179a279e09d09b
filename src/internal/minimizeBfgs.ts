/** An objective for {@link minimizeBfgs}: the value at `x` and its gradient written into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

/** Stopping rules of {@link minimizeBfgs}. */
export interface BfgsOptions {
  /** Iterations before giving up. */
  readonly maxIterations: number;
  /** Converged when every gradient component is at most this times max(1, |value|). */
  readonly gradientTolerance: number;
}

/** Where {@link minimizeBfgs} stopped, and why. */
export interface BfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  /** `gradient` (the tolerance was met), `no_progress` (no step lowers the value any more) or `iteration_limit`. */
  readonly reason: 'gradient' | 'no_progress' | 'iteration_limit';
}

/**
 * Minimises a smooth function of a few unconstrained variables with BFGS (Nocedal & Wright,
 * Numerical Optimization, algorithm 6.1): the inverse-Hessian estimate is updated from each
 * step's change in gradient, and a backtracking line search with the Armijo condition picks the
 * step. A non-finite value (a step outside the region where the function is defined) counts as
 * too long a step. The update is skipped when the curvature condition fails, which keeps the
 * estimate positive definite.
 */
export function minimizeBfgs(objective: Objective, start: Float64Array, options: BfgsOptions): BfgsResult {
  const size = start.length;
  let x = Float64Array.from(start);
  let gradient = new Float64Array(size);
  let value = objective(x, gradient);
  let evaluations = 1;
  if (!Number.isFinite(value) || !gradient.every(Number.isFinite)) {
    return { x, value, gradient, iterations: 0, evaluations, converged: false, reason: 'no_progress' };
  }
  const inverseHessian = identity(size);
  const direction = new Float64Array(size);
  let nextX = new Float64Array(size);
  let nextGradient = new Float64Array(size);
  const step = new Float64Array(size);
  const change = new Float64Array(size);

  for (let iteration = 0; iteration < options.maxIterations; iteration += 1) {
    if (maxAbs(gradient) <= options.gradientTolerance * Math.max(1, Math.abs(value))) {
      return { x, value, gradient, iterations: iteration, evaluations, converged: true, reason: 'gradient' };
    }
    multiply(inverseHessian, gradient, direction, -1);
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Lost descent (rounding): restart from steepest descent.
      resetToIdentity(inverseHessian);
      for (let i = 0; i < size; i += 1) direction[i] = -(gradient[i] as number);
      slope = dot(direction, gradient);
    }
    // The first step of a fresh estimate is capped, so a steep start cannot jump far away.
    let length = iteration === 0 ? Math.min(1, 1 / Math.max(maxAbs(direction), 1e-300)) : 1;
    let nextValue = Number.NaN;
    let accepted = false;
    for (let trial = 0; trial < 60; trial += 1) {
      for (let i = 0; i < size; i += 1) nextX[i] = (x[i] as number) + length * (direction[i] as number);
      nextValue = objective(nextX, nextGradient);
      evaluations += 1;
      if (Number.isFinite(nextValue) && nextGradient.every(Number.isFinite) && nextValue <= value + 1e-4 * length * slope) {
        accepted = true;
        break;
      }
      length *= Number.isFinite(nextValue) ? 0.5 : 0.1;
    }
    if (!accepted) return { x, value, gradient, iterations: iteration, evaluations, converged: false, reason: 'no_progress' };

    for (let i = 0; i < size; i += 1) {
      step[i] = (nextX[i] as number) - (x[i] as number);
      change[i] = (nextGradient[i] as number) - (gradient[i] as number);
    }
    const curvature = dot(step, change);
    if (curvature > 1e-12 * Math.sqrt(dot(step, step) * dot(change, change))) {
      if (iteration === 0) scaleToIdentity(inverseHessian, curvature / dot(change, change));
      updateInverse(inverseHessian, step, change, curvature);
    }
    [x, nextX] = [nextX, x];
    [gradient, nextGradient] = [nextGradient, gradient];
    const previous = value;
    value = nextValue;
    if (Math.abs(previous - value) <= 1e-15 * Math.max(1, Math.abs(value)) && maxAbs(step) <= 1e-12) {
      return { x, value, gradient, iterations: iteration + 1, evaluations, converged: false, reason: 'no_progress' };
    }
  }
  const converged = maxAbs(gradient) <= options.gradientTolerance * Math.max(1, Math.abs(value));
  return { x, value, gradient, iterations: options.maxIterations, evaluations, converged, reason: converged ? 'gradient' : 'iteration_limit' };
}

function identity(size: number): Float64Array[] {
  return Array.from({ length: size }, (_, row) => {
    const line = new Float64Array(size);
    line[row] = 1;
    return line;
  });
}

function resetToIdentity(matrix: Float64Array[]): void {
  scaleToIdentity(matrix, 1);
}

function scaleToIdentity(matrix: Float64Array[], scale: number): void {
  matrix.forEach((line, row) => {
    line.fill(0);
    line[row] = scale;
  });
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀ s). */
function updateInverse(matrix: Float64Array[], step: Float64Array, change: Float64Array, curvature: number): void {
  const size = step.length;
  const rho = 1 / curvature;
  const hy = new Float64Array(size);
  multiply(matrix, change, hy, 1);
  const yhy = dot(change, hy);
  for (let i = 0; i < size; i += 1) {
    const line = matrix[i] as Float64Array;
    for (let j = 0; j < size; j += 1) {
      const si = step[i] as number;
      const sj = step[j] as number;
      line[j] = (line[j] as number) - rho * ((hy[i] as number) * sj + si * (hy[j] as number)) + (rho * rho * yhy + rho) * si * sj;
    }
  }
}

function multiply(matrix: readonly Float64Array[], vector: Float64Array, into: Float64Array, sign: number): void {
  matrix.forEach((line, row) => {
    into[row] = sign * dot(line, vector);
  });
}

function dot(left: Float64Array, right: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < left.length; i += 1) sum += (left[i] as number) * (right[i] as number);
  return sum;
}

function maxAbs(vector: Float64Array): number {
  let largest = 0;
  for (const component of vector) largest = Math.max(largest, Math.abs(component));
  return largest;
}
