import type { TimeUnit } from '../features/CustomerFeatures';

/** BG/NBD and MBG/NBD parameters: purchase rates λ ~ Gamma(shape r, rate α); drop-out probabilities p ~ Beta(a, b). */
export interface BetaGeometricParameters {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Pareto/NBD parameters: purchase rates λ ~ Gamma(shape r, rate α); drop-out rates μ ~ Gamma(shape s, rate β). */
export interface ParetoNbdParameters {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** Gamma-Gamma parameters: transaction values ~ Gamma(shape p, rate ν); each customer's ν ~ Gamma(shape q, rate γ). */
export interface GammaGammaParameters {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** How a maximum-likelihood fit went: enough to judge it and to reproduce it. */
export interface FitSummary {
  /** The maximised log-likelihood, over all customers fitted (the penalty not included). */
  readonly logLikelihood: number;
  /** Customers the model was fitted on. */
  readonly customers: number;
  /** Customers given but left out, each reason with its count (prospects, no repeat purchase, ...). */
  readonly excluded: Readonly<Record<string, number>>;
  /** The L2 penalty coefficient used (0: plain maximum likelihood). */
  readonly penalizer: number;
  /** `true` when the optimiser met its gradient tolerance. */
  readonly converged: boolean;
  /**
   * Why the optimiser stopped: `gradient` (converged), `no_progress`, `iteration_limit`, or
   * `parameter_limit` (a parameter ran off beyond 1e-6 or 1e6: the data do not identify it).
   */
  readonly stopReason: 'gradient' | 'no_progress' | 'iteration_limit' | 'parameter_limit';
  readonly iterations: number;
  /** Largest gradient component of the mean negative log-likelihood in log-parameters, at the end. */
  readonly gradientNorm: number;
}

/** What every fitted model carries besides its parameters. */
export interface FittedModel<Kind extends string, Parameters> {
  readonly kind: Kind;
  readonly version: 1;
  readonly parameters: Parameters;
  /**
   * Standard errors from the observed information matrix (the inverse Hessian of the negative
   * log-likelihood at the estimate); `null` when that matrix is not positive definite.
   */
  readonly standardErrors: Parameters | null;
  readonly fit: FitSummary;
}

/** A fitted BG/NBD model (Fader, Hardie & Lee 2005). `timeUnit` is the unit of α and of every time it predicts for. */
export interface BgNbdModel extends FittedModel<'bgnbd', BetaGeometricParameters> {
  readonly timeUnit: TimeUnit;
}

/** A fitted modified BG/NBD model (Batislam, Denizel & Filiztekin 2007). */
export interface ModifiedBgNbdModel extends FittedModel<'mbgnbd', BetaGeometricParameters> {
  readonly timeUnit: TimeUnit;
}

/** A fitted Pareto/NBD model (Schmittlein, Morrison & Colombo 1987). */
export interface ParetoNbdModel extends FittedModel<'paretonbd', ParetoNbdParameters> {
  readonly timeUnit: TimeUnit;
}

/** Any fitted model of how many purchases customers make and when they drop out. */
export type TransactionModel = BgNbdModel | ModifiedBgNbdModel | ParetoNbdModel;

/** A fitted Gamma-Gamma model of the value of a customer's transactions (Fader & Hardie 2013). */
export type GammaGammaModel = FittedModel<'gammagamma', GammaGammaParameters>;

/** Options every fit takes. */
export interface FitOptions<Parameters> {
  /**
   * L2 penalty: `penalizer · Σ θ²` is added to the mean negative log-likelihood per customer
   * (as Python's `lifetimes` does), so the same value shrinks alike for any population size.
   * Default 0.
   */
  readonly penalizer?: number;
  /** Where the optimiser starts; each must be positive. Defaults are derived from the data. */
  readonly initialParameters?: Partial<Parameters>;
  /** Optimiser iterations before giving up. Default 500. */
  readonly maxIterations?: number;
  /** Throw a `ModelError` (`not_converged`) instead of returning a model flagged `converged: false`. Default `false`. */
  readonly strict?: boolean;
}
