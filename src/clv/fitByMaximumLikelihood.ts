import { ConfigurationError, ModelError, quoteValue } from '../errors';
import { invertSymmetricMatrix } from '../internal/invertSymmetricMatrix';
import { minimizeBfgs } from '../internal/minimizeBfgs';
import type { FitOptions, FitSummary } from './ClvModel';

/** A likelihood to maximise over positive parameters. */
export interface LikelihoodProblem {
  readonly kind: string;
  /** Parameter names, in the order of the θ vectors. */
  readonly names: readonly string[];
  /** Customers the likelihood sums over: the objective is the mean per customer. */
  readonly customers: number;
  /** Total log-likelihood at θ; with `gradient` (only asked for when `hasGradient`), writes ∂LL/∂θ into it. */
  logLikelihood(theta: Float64Array, gradient: Float64Array | null): number;
  /** Whether `logLikelihood` computes its gradient analytically; otherwise central differences are used. */
  readonly hasGradient: boolean;
}

/** A maximum-likelihood estimate with its standard errors and the story of the fit. */
export interface MaximumLikelihoodEstimate {
  readonly parameters: Record<string, number>;
  readonly standardErrors: Record<string, number> | null;
  readonly summary: Omit<FitSummary, 'customers' | 'excluded'>;
}

/** Checked fit options, with the start filled in. */
interface ResolvedFitOptions {
  readonly penalizer: number;
  readonly start: Float64Array;
  readonly maxIterations: number;
  readonly strict: boolean;
}

/** Checks a fit's options; `defaults` fills in the starting values the host did not give. */
export function resolveFitOptions(functionName: string, options: FitOptions<object> | undefined, names: readonly string[], defaults: readonly number[]): ResolvedFitOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new ConfigurationError('invalid_option', `${functionName} expects options to be an object, received ${quoteValue(options)}`);
  }
  const { penalizer = 0, initialParameters = {}, maxIterations = 500, strict = false } = options ?? {};
  if (typeof penalizer !== 'number' || !(penalizer >= 0 && penalizer <= 1e6)) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`penalizer\` to be a number from 0 to 1e6, received ${quoteValue(penalizer)}`, ['penalizer']);
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1 || maxIterations > 100_000) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`maxIterations\` to be a whole number from 1 to 100000, received ${quoteValue(maxIterations)}`, ['maxIterations']);
  }
  if (typeof strict !== 'boolean') throw new ConfigurationError('invalid_option', `${functionName} expects option \`strict\` to be true or false, received ${quoteValue(strict)}`, ['strict']);
  if (typeof initialParameters !== 'object' || initialParameters === null) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`initialParameters\` to be an object, received ${quoteValue(initialParameters)}`, ['initialParameters']);
  }
  const given = initialParameters as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !names.includes(key));
  if (unknown.length > 0) {
    throw new ConfigurationError('invalid_option', `${functionName} expects \`initialParameters\` among ${names.join(', ')}, received ${quoteValue(unknown[0])}`, ['initialParameters', unknown[0] as string]);
  }
  const start = Float64Array.from(names, (name, index) => {
    const value = Object.hasOwn(given, name) ? given[name] : defaults[index];
    if (typeof value !== 'number' || !(value > 0 && value < 1e8)) {
      throw new ConfigurationError('invalid_option', `${functionName} expects \`initialParameters.${name}\` to be a positive number below 1e8, received ${quoteValue(value)}`, ['initialParameters', name]);
    }
    return value;
  });
  return { penalizer, start, maxIterations, strict };
}

/**
 * Maximises a likelihood over positive parameters: BFGS on their logarithms (so every step
 * stays positive), minimising the mean negative log-likelihood per customer plus the L2
 * penalty. Standard errors come from the observed information, the Hessian of the negative
 * log-likelihood at the estimate, by central differences of the gradient (or of the values).
 *
 * @throws {ModelError} `not_converged` in strict mode when the optimiser stops short; always when it ends on non-finite values.
 */
export function fitByMaximumLikelihood(functionName: string, problem: LikelihoodProblem, options: ResolvedFitOptions): MaximumLikelihoodEstimate {
  const { names, customers } = problem;
  const size = names.length;
  const theta = new Float64Array(size);
  const thetaGradient = new Float64Array(size);
  const { penalizer } = options;

  // The mean negative log-likelihood plus the penalty, as a function of φ = ln θ; outside the
  // box of BOUND the value is NaN, which the line search treats as a step too far.
  const objectiveAt = (phi: Float64Array): number => {
    if (outOfBounds(phi)) return Number.NaN;
    let penalty = 0;
    for (let i = 0; i < size; i += 1) {
      theta[i] = Math.exp(phi[i] as number);
      penalty += (theta[i] as number) ** 2;
    }
    return -problem.logLikelihood(theta, null) / customers + penalizer * penalty;
  };
  const objective = (phi: Float64Array, gradient: Float64Array): number => {
    if (outOfBounds(phi)) return Number.NaN;
    if (!problem.hasGradient) {
      const value = objectiveAt(phi);
      centralDifferences(objectiveAt, phi, gradient);
      return value;
    }
    let penalty = 0;
    for (let i = 0; i < size; i += 1) {
      theta[i] = Math.exp(phi[i] as number);
      penalty += (theta[i] as number) ** 2;
    }
    const logLikelihood = problem.logLikelihood(theta, thetaGradient);
    for (let i = 0; i < size; i += 1) {
      const value = theta[i] as number;
      gradient[i] = value * (-(thetaGradient[i] as number) / customers + 2 * penalizer * value);
    }
    return -logLikelihood / customers + penalizer * penalty;
  };

  const result = minimizeBfgs(objective, options.start.map(Math.log), {
    maxIterations: options.maxIterations,
    gradientTolerance: problem.hasGradient ? 1e-10 : 1e-8,
  });
  const estimate = result.x.map(Math.exp);
  let gradientNorm = 0;
  for (const component of result.gradient) gradientNorm = Math.max(gradientNorm, Math.abs(component));
  // Rounding can stop the line search a hair short of the tolerance: still a maximum, unless a
  // parameter is running off to the edge of the box.
  const atLimit = result.x.some((value) => Math.abs(value) > LOG_LIMIT);
  const converged = !atLimit && (result.converged || (result.reason === 'no_progress' && gradientNorm <= 1e-6 * Math.max(1, Math.abs(result.value))));
  const stopReason: FitSummary['stopReason'] = atLimit ? 'parameter_limit' : converged ? 'gradient' : result.reason;
  if (!estimate.every((value) => Number.isFinite(value) && value > 0) || !Number.isFinite(result.value)) {
    throw new ModelError('not_converged', `${functionName} found no finite estimate (the optimiser ended at ${names.map((name, i) => `${name} = ${quoteValue(estimate[i])}`).join(', ')})`, problem.kind);
  }
  const parameters = Object.fromEntries(names.map((name, i) => [name, estimate[i] as number]));
  if (!converged && options.strict) {
    throw new ModelError(
      'not_converged',
      atLimit
        ? `${functionName} did not converge: ${names.filter((_, i) => Math.abs(result.x[i] as number) > LOG_LIMIT).join(', ')} ran off towards 0 or infinity (the data do not identify it); a penalizer keeps parameters finite`
        : `${functionName} did not converge in ${result.iterations} iterations (stopped: ${result.reason}, gradient ${gradientNorm.toExponential(2)}); try other initialParameters, a penalizer, or more maxIterations`,
      problem.kind,
    );
  }
  const logLikelihood = problem.logLikelihood(estimate, null);
  const covariance = invertSymmetricMatrix(observedInformation(problem, estimate, penalizer));
  const standardErrors = covariance && covariance.every((row, i) => (row[i] as number) > 0) ? Object.fromEntries(names.map((name, i) => [name, Math.sqrt(covariance[i]?.[i] as number)])) : null;
  return {
    parameters,
    standardErrors,
    summary: { logLikelihood, penalizer, converged, stopReason, iterations: result.iterations, gradientNorm },
  };
}

/**
 * The optimiser searches parameters in [1e-8, 1e8]. A maximum-likelihood estimate found near an
 * edge of that box (beyond [1e-6, 1e6]) is a parameter running off to 0 or infinity: the data do
 * not identify it (purchase rates with no spread across customers send r and α to infinity
 * together), and the fit is reported as not converged.
 */
const LOG_BOUND = Math.log(1e8);
const LOG_LIMIT = Math.log(1e6);

function outOfBounds(phi: Float64Array): boolean {
  for (const value of phi) if (!(Math.abs(value) <= LOG_BOUND)) return true;
  return false;
}

/** ∂f/∂φᵢ by central differences, with steps scaled to each coordinate. */
function centralDifferences(f: (phi: Float64Array) => number, phi: Float64Array, into: Float64Array): void {
  const point = Float64Array.from(phi);
  for (let i = 0; i < phi.length; i += 1) {
    const step = 1e-5 * Math.max(1, Math.abs(phi[i] as number));
    point[i] = (phi[i] as number) + step;
    const above = f(point);
    point[i] = (phi[i] as number) - step;
    const below = f(point);
    point[i] = phi[i] as number;
    into[i] = (above - below) / (2 * step);
  }
}

/** The Hessian of the total negative log-likelihood (plus penalty) in θ, by central differences. */
function observedInformation(problem: LikelihoodProblem, estimate: Float64Array, penalizer: number): number[][] {
  const size = estimate.length;
  const penaltyScale = penalizer * problem.customers;
  const negative = (theta: Float64Array): number => {
    let penalty = 0;
    for (const value of theta) penalty += value * value;
    return -problem.logLikelihood(theta, null) + penaltyScale * penalty;
  };
  const steps = estimate.map((value) => 1e-4 * value);
  const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const point = Float64Array.from(estimate);
  if (problem.hasGradient) {
    const above = new Float64Array(size);
    const below = new Float64Array(size);
    for (let j = 0; j < size; j += 1) {
      point[j] = (estimate[j] as number) + (steps[j] as number);
      problem.logLikelihood(point, above);
      point[j] = (estimate[j] as number) - (steps[j] as number);
      problem.logLikelihood(point, below);
      point[j] = estimate[j] as number;
      for (let i = 0; i < size; i += 1) {
        const value = -((above[i] as number) - (below[i] as number)) / (2 * (steps[j] as number)) + (i === j ? 2 * penaltyScale : 0);
        (hessian[i] as number[])[j] = value;
      }
    }
    return hessian.map((row, i) => row.map((value, j) => (value + (hessian[j]?.[i] as number)) / 2));
  }
  const center = negative(point);
  const at = (i: number, di: number, j: number, dj: number): number => {
    point[i] = (point[i] as number) + di * (steps[i] as number);
    point[j] = (point[j] as number) + dj * (steps[j] as number);
    const value = negative(point);
    point.set(estimate);
    return value;
  };
  for (let i = 0; i < size; i += 1) {
    const hi = steps[i] as number;
    (hessian[i] as number[])[i] = (at(i, 1, i, 0) - 2 * center + at(i, -1, i, 0)) / (hi * hi);
    for (let j = 0; j < i; j += 1) {
      const value = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * hi * (steps[j] as number));
      (hessian[i] as number[])[j] = value;
      (hessian[j] as number[])[i] = value;
    }
  }
  return hessian;
}
