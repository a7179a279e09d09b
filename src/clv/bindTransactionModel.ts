import { ModelError, quoteValue } from '../errors';
import type { TimeUnit } from '../features/CustomerFeatures';
import { betaGeometricFormulas } from './bgNbd/betaGeometricFormulas';
import type { TransactionModel } from './ClvModel';
import { paretoNbdFormulas } from './paretoNbd/paretoNbdFormulas';
import type { BtydSummary } from './readBtydSummary';
import type { TransactionModelFormulas } from './TransactionModelFormulas';

const FORMULAS = {
  bgnbd: betaGeometricFormulas('bgnbd'),
  mbgnbd: betaGeometricFormulas('mbgnbd'),
  paretonbd: paretoNbdFormulas,
} as const satisfies Record<TransactionModel['kind'], TransactionModelFormulas<never>>;

/** A transaction model's formulas with its parameters bound, after checking the model. */
export interface BoundFormulas {
  readonly kind: TransactionModel['kind'];
  readonly timeUnit: TimeUnit;
  expectedPurchases(t: number): number;
  conditionalExpectedPurchases(t: number, summary: BtydSummary): number;
  logProbabilityAlive(summary: BtydSummary): number;
  probabilityOfPurchases(n: number, t: number): number;
  purchaseRatePosterior(summary: BtydSummary): { readonly shape: number; readonly rate: number };
}

/**
 * Checks that `model` is a fitted transaction model (kind, version, time unit, positive finite
 * parameters) and returns its formulas bound to its parameters. Cheap: no schema parse, so a
 * prediction per request stays in microseconds.
 *
 * @throws {ModelError} `model_kind_mismatch`, `model_version_unsupported` or `invalid_model`.
 */
export function bindTransactionModel(functionName: string, model: unknown): BoundFormulas {
  const record = (typeof model === 'object' && model !== null ? model : {}) as Record<string, unknown>;
  const kind = record.kind;
  if (kind !== 'bgnbd' && kind !== 'mbgnbd' && kind !== 'paretonbd') {
    throw new ModelError('model_kind_mismatch', `${functionName} expects a transaction model (kind "bgnbd", "mbgnbd" or "paretonbd"), received ${quoteValue(kind)}`, String(kind));
  }
  if (record.version !== 1) throw new ModelError('model_version_unsupported', `${functionName} reads ${kind} models of version 1, received ${quoteValue(record.version)}`, kind);
  if (record.timeUnit !== 'days' && record.timeUnit !== 'weeks') {
    throw new ModelError('invalid_model', `${functionName} expects the model's timeUnit to be "days" or "weeks", received ${quoteValue(record.timeUnit)}`, kind, ['timeUnit']);
  }
  const names = kind === 'paretonbd' ? ['r', 'alpha', 's', 'beta'] : ['r', 'alpha', 'a', 'b'];
  const parameters = (typeof record.parameters === 'object' && record.parameters !== null ? record.parameters : {}) as Record<string, unknown>;
  for (const name of names) {
    const value = parameters[name];
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
      throw new ModelError('invalid_model', `${functionName} expects model parameter ${name} to be a positive finite number, received ${quoteValue(value)}`, kind, ['parameters', name]);
    }
  }
  const formulas = FORMULAS[kind] as unknown as TransactionModelFormulas<Record<string, number>>;
  const bound = parameters as Record<string, number>;
  return {
    kind,
    timeUnit: record.timeUnit,
    expectedPurchases: (t) => formulas.expectedPurchases(bound, t),
    conditionalExpectedPurchases: (t, summary) => formulas.conditionalExpectedPurchases(bound, t, summary),
    logProbabilityAlive: (summary) => formulas.logProbabilityAlive(bound, summary),
    probabilityOfPurchases: (n, t) => formulas.probabilityOfPurchases(bound, n, t),
    purchaseRatePosterior: (summary) => formulas.purchaseRatePosterior(bound, summary),
  };
}

/** Throws a `numerical_failure` when a prediction came out non-finite (a ₂F₁ that did not converge, a = 1 in BG/NBD). */
export function checkFinite(functionName: string, kind: string, value: number, what: string): number {
  if (!Number.isFinite(value)) {
    throw new ModelError('numerical_failure', `${functionName} could not compute ${what} for this ${kind} model (the series did not converge, or a parameter sits on a singular value such as a = 1)`, kind);
  }
  return value;
}
