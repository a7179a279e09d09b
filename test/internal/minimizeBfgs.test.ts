/**
 * minimizeBfgs on functions whose minimum is known in closed form: Rosenbrock's banana valley
 * (minimum 0 at (1, 1), the classic start (−1.2, 1) of Moré, Garbow & Hillstrom 1981) and a
 * separable quadratic; and on objectives that give it nothing to work with, where it must stop
 * and say why rather than loop.
 */
import { describe, expect, it } from 'vitest';
import { minimizeBfgs, type Objective } from '../../src/internal/minimizeBfgs';

const rosenbrock: Objective = (x, gradient) => {
  const [a, b] = [x[0] as number, x[1] as number];
  gradient[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  gradient[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe('minimizeBfgs', () => {
  it('finds the minimum of the Rosenbrock function, (1, 1), from (−1.2, 1) to 1e-6', () => {
    const result = minimizeBfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIterations: 1000, gradientTolerance: 1e-10 });
    expect(result).toMatchObject({ converged: true, reason: 'gradient' });
    expect(Math.abs((result.x[0] as number) - 1)).toBeLessThan(1e-6);
    expect(Math.abs((result.x[1] as number) - 1)).toBeLessThan(1e-6);
    expect(result.value).toBeLessThan(1e-12);
    expect(result.iterations).toBeLessThan(1000);
  });

  it('finds the minimum (3, −1) of (x − 3)² + 4(y + 1)²', () => {
    const result = minimizeBfgs(
      (x, gradient) => {
        gradient[0] = 2 * ((x[0] as number) - 3);
        gradient[1] = 8 * ((x[1] as number) + 1);
        return ((x[0] as number) - 3) ** 2 + 4 * ((x[1] as number) + 1) ** 2;
      },
      Float64Array.of(0, 0),
      { maxIterations: 100, gradientTolerance: 1e-12 },
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 10);
    expect(result.x[1]).toBeCloseTo(-1, 10);
  });

  it('does not modify the start vector', () => {
    const start = Float64Array.of(-1.2, 1);
    minimizeBfgs(rosenbrock, start, { maxIterations: 50, gradientTolerance: 1e-10 });
    expect(Array.from(start)).toEqual([-1.2, 1]);
  });

  it('reports no_progress, not a loop, when the function is NaN everywhere except the start', () => {
    let evaluations = 0;
    const start = Float64Array.of(3, 4);
    const result = minimizeBfgs(
      (x, gradient) => {
        evaluations += 1;
        gradient[0] = 2 * (x[0] as number);
        gradient[1] = 2 * (x[1] as number);
        return x[0] === 3 && x[1] === 4 ? 25 : Number.NaN;
      },
      start,
      { maxIterations: 10_000, gradientTolerance: 1e-10 },
    );
    expect(result).toMatchObject({ converged: false, reason: 'no_progress', value: 25 });
    expect(Array.from(result.x)).toEqual([3, 4]);
    // One line search of at most 60 trials, not 10,000 iterations of them.
    expect(evaluations).toBeLessThanOrEqual(2 * 61);
    expect(result.evaluations).toBe(evaluations);
  });

  it('reports no_progress at once when the start itself is not finite', () => {
    const result = minimizeBfgs(
      (_x, gradient) => {
        gradient[0] = 0;
        return Number.NaN;
      },
      Float64Array.of(1),
      { maxIterations: 100, gradientTolerance: 1e-10 },
    );
    expect(result).toMatchObject({ converged: false, reason: 'no_progress', iterations: 0, evaluations: 1 });
  });

  it('reports iteration_limit when it runs out of iterations short of the minimum', () => {
    const result = minimizeBfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIterations: 2, gradientTolerance: 1e-10 });
    expect(result).toMatchObject({ converged: false, reason: 'iteration_limit', iterations: 2 });
    // Each accepted step lowers the value: Rosenbrock at the start is 24.2.
    expect(result.value).toBeLessThan(24.2);
  });
});
