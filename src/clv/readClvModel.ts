import * as z from 'zod/mini';
import { ModelError, quoteValue } from '../errors';
import { readModel } from '../scores/readModel';
import type { BgNbdModel, GammaGammaModel, ModifiedBgNbdModel, ParetoNbdModel } from './ClvModel';

const positive = z.number().check(z.gt(0), z.lte(1e12));
const count = z.int().check(z.gte(0));
const fit = z.strictObject({
  logLikelihood: z.number(),
  customers: count,
  excluded: z.record(z.string(), count),
  penalizer: z.number().check(z.gte(0)),
  converged: z.boolean(),
  stopReason: z.enum(['gradient', 'no_progress', 'iteration_limit', 'parameter_limit']),
  iterations: count,
  gradientNorm: z.number().check(z.gte(0)),
});
const timeUnit = z.enum(['days', 'weeks']);
const betaGeometric = z.strictObject({ r: positive, alpha: positive, a: positive, b: positive });
const paretoNbd = z.strictObject({ r: positive, alpha: positive, s: positive, beta: positive });
const gammaGamma = z.strictObject({ p: positive, q: positive, gamma: positive });

/**
 * zod schemas of stored lifetime-value models (version 1), by kind, for hosts that validate
 * with zod themselves; {@link readClvModel} applies them.
 *
 * @example
 * ```ts
 * import { clvModelSchemas } from 'clientele';
 * clvModelSchemas.gammagamma.safeParse({ kind: 'gammagamma', version: 1 }).success; // => false
 * ```
 * @category Lifetime value
 */
export const clvModelSchemas = {
  bgnbd: z.strictObject({ kind: z.literal('bgnbd'), version: z.literal(1), timeUnit, parameters: betaGeometric, standardErrors: z.nullable(betaGeometric), fit }),
  mbgnbd: z.strictObject({ kind: z.literal('mbgnbd'), version: z.literal(1), timeUnit, parameters: betaGeometric, standardErrors: z.nullable(betaGeometric), fit }),
  paretonbd: z.strictObject({ kind: z.literal('paretonbd'), version: z.literal(1), timeUnit, parameters: paretoNbd, standardErrors: z.nullable(paretoNbd), fit }),
  gammagamma: z.strictObject({ kind: z.literal('gammagamma'), version: z.literal(1), parameters: gammaGamma, standardErrors: z.nullable(gammaGamma), fit }),
} as const;

/** Any stored lifetime-value model. */
export type ClvModel = BgNbdModel | ModifiedBgNbdModel | ParetoNbdModel | GammaGammaModel;

/**
 * Reads a stored BG/NBD, MBG/NBD, Pareto/NBD or Gamma-Gamma model back (from JSON, a database,
 * a KV store) and checks every field, so a serverless function can trust what it predicts with.
 * A field the model does not have (a typo, an edit, a `__proto__` key) is refused too.
 *
 * @param value - What `JSON.parse` gave for a model a `fit*` function returned.
 * @returns The model, frozen.
 * @throws {ModelError} `model_kind_mismatch` for an unknown kind, `model_version_unsupported`, or `invalid_model` naming the field.
 *
 * @example
 * ```ts
 * import { fitBgNbd, readClvModel } from 'clientele';
 * import { simulateBtydSummaries } from 'clientele/sample';
 * const customers = simulateBtydSummaries({ model: { kind: 'bgnbd', r: 0.25, alpha: 4, a: 0.8, b: 2.4 }, customers: 500, seed: 'docs', observationLength: 39 });
 * const stored = JSON.stringify(fitBgNbd(customers));
 * const model = readClvModel(JSON.parse(stored));
 * model.kind; // => 'bgnbd'
 * Object.isFrozen(model); // => true
 * ```
 * @category Lifetime value
 */
export function readClvModel(value: unknown): ClvModel {
  const kind = (value as { kind?: unknown } | null | undefined)?.kind;
  if (kind !== 'bgnbd' && kind !== 'mbgnbd' && kind !== 'paretonbd' && kind !== 'gammagamma') {
    throw new ModelError('model_kind_mismatch', `readClvModel expects a model of kind "bgnbd", "mbgnbd", "paretonbd" or "gammagamma", received ${quoteValue(kind)}`, String(kind));
  }
  return readModel<ClvModel>('readClvModel', clvModelSchemas[kind], value, kind);
}
