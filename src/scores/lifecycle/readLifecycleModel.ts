import * as z from 'zod/mini';
import { bindTransactionModel } from '../../clv/bindTransactionModel';
import { ClienteleError, ModelError } from '../../errors';
import { readModel } from '../readModel';
import type { LifecycleModel } from './LifecycleModel';
import { DEFAULT_LIFECYCLE_THRESHOLDS, resolveLifecycleThresholds } from './lifecycleThresholds';

const thresholds = z.object(Object.fromEntries(Object.keys(DEFAULT_LIFECYCLE_THRESHOLDS).map((name) => [name, z.number()])) as Record<string, z.ZodMiniNumber<number>>);

/** The zod schema of a stored lifecycle model (version 1); `readLifecycleModel` applies it and checks the thresholds and the probability model too. */
const lifecycleModelSchema = z.object({
  kind: z.literal('lifecycle'),
  version: z.literal(1),
  thresholds,
  populationIntervalDays: z.number().check(z.gt(0), z.lte(36500)),
  populationIntervalCustomers: z.int().check(z.gte(0)),
  // Checked below with the checks predictions apply; kept whole (a loose object keeps every field).
  probabilityModel: z.nullable(z.looseObject({ kind: z.string() })),
  language: z.enum(['en', 'zh', 'es']),
  fittedOn: z.int().check(z.gte(0)),
});

/**
 * Reads a stored lifecycle model back and checks it: its fields, its thresholds (as
 * `fitLifecycle` checks a host's), and its probability model.
 *
 * @param value - What `JSON.parse` gave for a model `fitLifecycle` returned.
 * @returns The model, frozen.
 * @throws {ModelError} `model_kind_mismatch`, `model_version_unsupported` or `invalid_model` naming the field.
 *
 * @example
 * ```ts
 * import { fitLifecycle, readLifecycleModel } from 'clientele';
 * const stored = JSON.stringify(fitLifecycle([], { thresholds: { churnFactor: 6 } }));
 * readLifecycleModel(JSON.parse(stored)).thresholds.churnFactor; // => 6
 * ```
 * @category Lifecycle
 */
export function readLifecycleModel(value: unknown): LifecycleModel {
  const model = readModel<LifecycleModel>('readLifecycleModel', lifecycleModelSchema, value, 'lifecycle');
  rethrowAsInvalid([], () => resolveLifecycleThresholds('readLifecycleModel', model.thresholds));
  if (model.probabilityModel !== null) rethrowAsInvalid(['probabilityModel'], () => bindTransactionModel('readLifecycleModel', model.probabilityModel));
  return model;
}

/** Runs a check and turns what it throws into an `invalid_model` error whose path starts at `prefix`. */
function rethrowAsInvalid(prefix: readonly (string | number)[], check: () => unknown): void {
  try {
    check();
  } catch (error) {
    const path = error instanceof ClienteleError ? error.path : [];
    throw new ModelError('invalid_model', `readLifecycleModel found an invalid model: ${error instanceof Error ? error.message : String(error)}`, 'lifecycle', [...prefix, ...path]);
  }
}
