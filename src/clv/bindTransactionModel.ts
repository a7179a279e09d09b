import { ModelError, quoteValue } from '../errors';
import type { TimeUnit } from '../features/CustomerFeatures';
import { betaGeometricFormulas } from './bgNbd/betaGeometricFormulas';
import type { TransactionModel } from './ClvModel';
import { paretoNbdFormulas } from './paretoNbd/paretoNbdFormulas';
import type { TransactionModelFormulas } from './TransactionModelFormulas';

const FORMULAS = {
  bgnbd: betaGeometricFormulas('bgnbd'),
  mbgnbd: betaGeometricFormulas('mbgnbd'),
  paretonbd: paretoNbdFormulas,
} as const satisfies Record<TransactionModel['kind'], TransactionModelFormulas<never>>;

/** A checked transaction model: its kind, time unit, parameters and the formulas to apply them with. */
export interface BoundModel {
  readonly kind: TransactionModel['kind'];
  readonly timeUnit: TimeUnit;
  readonly parameters: Record<string, number>;
  readonly formulas: TransactionModelFormulas<Record<string, number>>;
}

/**
 * Checks that `model` is a fitted transaction model (kind, version, time unit, positive finite
 * parameters) and returns it with the formulas of its kind. Cheap: no schema parse, so a
 * prediction per request stays in microseconds.
 *
 * @throws {ModelError} `model_kind_mismatch`, `model_version_unsupported` or `invalid_model`.
 */
export function bindTransactionModel(functionName: string, model: unknown): BoundModel {
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
  return {
    kind,
    timeUnit: record.timeUnit,
    parameters: parameters as Record<string, number>,
    formulas: FORMULAS[kind] as unknown as TransactionModelFormulas<Record<string, number>>,
  };
}

/** Throws a `numerical_failure` when a prediction came out non-finite (a ₂F₁ that did not converge, a = 1 in BG/NBD). */
export function checkFinite(functionName: string, kind: string, value: number, what: string): number {
  if (!Number.isFinite(value)) {
    throw new ModelError('numerical_failure', `${functionName} could not compute ${what} for this ${kind} model (the series did not converge, or a parameter sits on a singular value such as a = 1)`, kind);
  }
  return value;
}
