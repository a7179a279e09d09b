import type * as z from 'zod/mini';
import { ModelError, quoteValue } from '../errors';
import { deepFreeze } from '../internal/deepFreeze';

/** Throws unless `model` is of `kind` and version 1: what every apply function checks first. */
export function checkModelKind(functionName: string, model: unknown, kind: string): void {
  const found = (model as { kind?: unknown } | null | undefined)?.kind;
  if (found !== kind) throw new ModelError('model_kind_mismatch', `${functionName} expects a model of kind "${kind}", received ${quoteValue(found)}`, kind);
  const version = (model as { version?: unknown }).version;
  if (version !== 1) throw new ModelError('model_version_unsupported', `${functionName} reads ${kind} models of version 1, received ${quoteValue(version)}`, kind);
}

/** Checks a stored model against its schema and returns it frozen; the first problem becomes an `invalid_model` naming its field. */
export function readModel<T>(functionName: string, schema: z.ZodMiniType, value: unknown, kind: string): T {
  checkModelKind(functionName, value, kind);
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = (issue?.path ?? []).map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    throw new ModelError('invalid_model', `${functionName} found an invalid model at ${path.join('.') || 'the top'}: ${issue?.message ?? 'invalid'}`, kind, path);
  }
  return deepFreeze(result.data as T);
}
