import { bindTransactionModel } from '../../clv/bindTransactionModel';
import type { TransactionModel } from '../../clv/ClvModel';
import { ConfigurationError, ValidationError, quoteValue, type RowIssue } from '../../errors';
import { deepFreeze } from '../../internal/deepFreeze';
import { quantilesOf } from '../../internal/quantilesOf';
import type { RfmLanguage } from '../rfm/rfmSegments';
import type { LifecycleCustomer } from './createLifecycleClassifier';
import type { LifecycleModel, LifecycleThresholds } from './LifecycleModel';
import { resolveLifecycleThresholds } from './lifecycleThresholds';

/** Options of {@link fitLifecycle} and `classifyLifecycle`. */
export interface LifecycleOptions {
  /** Thresholds to override; the rest keep their defaults (`DEFAULT_LIFECYCLE_THRESHOLDS`). */
  readonly thresholds?: Partial<LifecycleThresholds>;
  /** A fitted BG/NBD, MBG/NBD or Pareto/NBD model: its P(alive) then decides `at_risk` and `churned`. */
  readonly probabilityModel?: TransactionModel | null;
  /** Language of labels and reason sentences: `en` (default), `zh`, `es`. */
  readonly language?: RfmLanguage;
  /** The date the features must describe (epoch ms, as in `CustomerFeatures.asOf`); checked when given. */
  readonly asOf?: number;
  /**
   * Write each reason's sentence (`text`). Default `true`. Bulk scoring that shows sentences
   * only on demand can pass `false` (reasons then have `text: ''`; `describeLifecycleReason`
   * writes one when needed): on 100,000 customers that halves the time, which goes to keeping
   * 100,000 strings.
   */
  readonly sentences?: boolean;
}

/** Used when no customer has two purchase intervals to learn the population's usual interval from. */
const DEFAULT_INTERVAL_DAYS = 30;

/**
 * Learns what the lifecycle rules need from a population: the usual interval between purchases
 * of customers who have too few of their own (the median of the customers' own median
 * intervals), with the thresholds and optional probability model, as a plain serialisable
 * model. A serverless function then classifies one customer with `classifyLifecycleStage`.
 *
 * @param features - Customer features of one `asOf` (e.g. `summarize`'s output).
 * @param options - `thresholds`, `probabilityModel`, `language`, `asOf`.
 * @returns A frozen {@link LifecycleModel}.
 * @throws {ConfigurationError} `invalid_option` for unknown or contradictory thresholds, a bad language or model.
 * @throws {ValidationError} when features describe different dates, or another date than `asOf`.
 *
 * @example
 * ```ts
 * import { fitLifecycle } from 'clientele';
 * const asOf = Date.UTC(2026, 5, 30);
 * const customer = (customerId: string, medianInterpurchaseDays: number | null, repeatPurchases: number) => ({ customerId, asOf, repeatPurchases, medianInterpurchaseDays });
 * const model = fitLifecycle([customer('a', 20, 3), customer('b', 40, 5), customer('c', null, 0), customer('d', 60, 2)], { thresholds: { churnFactor: 5 } });
 * model.populationIntervalDays; // => 40
 * model.thresholds.churnFactor; // => 5
 * ```
 * @category Lifecycle
 */
export function fitLifecycle(
  features: readonly Pick<LifecycleCustomer, 'customerId' | 'asOf' | 'repeatPurchases' | 'medianInterpurchaseDays'>[],
  options: LifecycleOptions = {},
): LifecycleModel {
  return fitLifecycleFor('fitLifecycle', features, options);
}

/** {@link fitLifecycle}, with errors naming the function the host called. */
export function fitLifecycleFor(functionName: string, features: readonly unknown[], options: LifecycleOptions): LifecycleModel {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('invalid_option', `${functionName} expects options to be an object, received ${quoteValue(options)}`);
  const thresholds = resolveLifecycleThresholds(functionName, options.thresholds);
  const language = options.language ?? 'en';
  if (language !== 'en' && language !== 'zh' && language !== 'es') {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`language\` to be "en", "zh" or "es", received ${quoteValue(language)}`, ['language']);
  }
  const probabilityModel = options.probabilityModel ?? null;
  if (probabilityModel !== null) bindTransactionModel(functionName, probabilityModel);
  if (!Array.isArray(features)) throw new ConfigurationError('invalid_option', `${functionName} expects an array of customer features, received ${quoteValue(features)}`);
  if (options.asOf !== undefined && (typeof options.asOf !== 'number' || !Number.isFinite(options.asOf))) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`asOf\` in epoch ms (as CustomerFeatures.asOf), received ${quoteValue(options.asOf)}`, ['asOf']);
  }
  // One pass: every customer must describe the same date (and `asOf` when given), and the
  // customers' own median intervals are collected for the population's.
  let expected = options.asOf;
  const issues: RowIssue[] = [];
  let rejected = 0;
  // The medians of customers with enough intervals of their own, and of all customers with one.
  const enough = new Float64Array(features.length);
  const some = new Float64Array(features.length);
  let enoughCount = 0;
  let someCount = 0;
  for (let index = 0; index < features.length; index += 1) {
    const customer = features[index] as { asOf?: unknown; medianInterpurchaseDays?: unknown; repeatPurchases?: unknown } | null;
    const asOf = customer?.asOf;
    if (typeof asOf !== 'number' || asOf !== (expected ??= asOf)) {
      rejected += 1;
      if (issues.length < 20) {
        issues.push(
          typeof asOf !== 'number'
            ? { index, path: ['asOf'], code: 'missing_field', message: `expected the features' asOf in epoch ms, received ${quoteValue(asOf)}` }
            : { index, path: ['asOf'], code: 'invalid_value', message: `expected features as of ${new Date(expected as number).toISOString()}, received features as of ${quoteValue(new Date(asOf))}` },
        );
      }
      continue;
    }
    const median = customer?.medianInterpurchaseDays;
    if (typeof median !== 'number' || !(median > 0) || !Number.isFinite(median)) continue;
    some[someCount++] = median;
    const intervals = customer?.repeatPurchases;
    if (typeof intervals === 'number' && intervals >= thresholds.minIntervals) enough[enoughCount++] = median;
  }
  if (rejected > 0) throw new ValidationError(functionName, issues, rejected, features.length);
  const learned = enoughCount > 0 ? enough.subarray(0, enoughCount) : some.subarray(0, someCount);
  const populationIntervalDays = learned.length > 0 ? (quantilesOf(learned, [0.5])[0] as number) : DEFAULT_INTERVAL_DAYS;
  return deepFreeze({
    kind: 'lifecycle',
    version: 1,
    thresholds,
    populationIntervalDays,
    populationIntervalCustomers: learned.length,
    probabilityModel: probabilityModel === null ? null : structuredCloneModel(probabilityModel),
    language,
    fittedOn: features.length,
  });
}

/** A copy of the model's data, so the lifecycle model owns (and freezes) its own. */
function structuredCloneModel(model: TransactionModel): TransactionModel {
  return JSON.parse(JSON.stringify(model)) as TransactionModel;
}
