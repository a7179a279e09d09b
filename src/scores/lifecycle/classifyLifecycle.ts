import { ConfigurationError, ValidationError, quoteValue, type RowIssue } from '../../errors';
import { createLifecycleClassifier, type LifecycleCustomer } from './createLifecycleClassifier';
import { fitLifecycleFor, type LifecycleOptions } from './fitLifecycle';
import type { LifecycleClassification, LifecycleModel } from './LifecycleModel';
import { LIFECYCLE_STAGES, type LifecycleStage } from './lifecycleStages';

/** What {@link classifyLifecycle} returns. */
export interface LifecycleResult {
  /** The fitted configuration, to classify single customers later (`classifyLifecycleStage`). */
  readonly model: LifecycleModel;
  /** One classification per customer, in input order. */
  readonly stages: readonly LifecycleClassification[];
  /** Customers per stage (every stage present, 0 when empty). */
  readonly counts: Readonly<Record<LifecycleStage, number>>;
}

/**
 * Puts every customer in one lifecycle stage, with the reason: `prospect`, `churned`,
 * `at_risk`, `reactivated`, `new`, `declining`, `growing`, `mature` or `active`, tried in that
 * order (the first rule that holds wins). Gaps are judged against each customer's own usual
 * interval between purchases (their median, once they have `minIntervals` intervals; the
 * population's before), so a monthly buyer and a yearly buyer run on their own clocks. With a
 * `probabilityModel` (BG/NBD, MBG/NBD, Pareto/NBD), P(alive) decides `at_risk` and `churned`
 * instead of the overdue factors, except for customers the model cannot judge (BG/NBD with no
 * repeat purchase, whom it always calls alive).
 *
 * @param features - Customer features of one `asOf`.
 * @param options - `thresholds`, `probabilityModel`, `language`, `asOf`, `sentences`.
 * @returns The model, a classification per customer, and counts per stage.
 * @throws {ConfigurationError} `invalid_option` for unknown or contradictory thresholds.
 * @throws {ValidationError} when features miss a field the rules read, or describe different dates.
 *
 * @example
 * ```ts
 * import { classifyLifecycle, summarize } from 'clientele';
 * const features = summarize(
 *   [
 *     { orderId: 'o1', customerId: 'ann', at: '2026-03-01', amount: 30 },
 *     { orderId: 'o2', customerId: 'ann', at: '2026-04-01', amount: 30 },
 *     { orderId: 'o3', customerId: 'ann', at: '2026-05-01', amount: 30 },
 *     { orderId: 'o4', customerId: 'ann', at: '2026-06-01', amount: 30 },
 *     { orderId: 'o5', customerId: 'bob', at: '2026-01-05', amount: 80 },
 *     { orderId: 'o6', customerId: 'bob', at: '2026-01-20', amount: 80 },
 *     { orderId: 'o7', customerId: 'bob', at: '2026-02-04', amount: 80 },
 *     { orderId: 'o8', customerId: 'cy', at: '2026-06-20', amount: 15 },
 *   ],
 *   { asOf: '2026-06-30' },
 * );
 * const { stages } = classifyLifecycle(features);
 * stages.map((entry) => `${entry.customerId}: ${entry.stage}`); // => ['ann: active', 'bob: churned', 'cy: new']
 * stages[1]?.reason.text; // => '146 days since the last purchase: 9.7 times their usual 15-day interval.'
 * ```
 * @category Lifecycle
 */
export function classifyLifecycle(features: readonly LifecycleCustomer[], options: LifecycleOptions = {}): LifecycleResult {
  const model = fitLifecycleFor('classifyLifecycle', features, options);
  if (options.sentences !== undefined && typeof options.sentences !== 'boolean') {
    throw new ConfigurationError('invalid_option', `classifyLifecycle expects option \`sentences\` to be true or false, received ${quoteValue(options.sentences)}`, ['sentences']);
  }
  const classify = createLifecycleClassifier('classifyLifecycle', model, (options.sentences ?? true) ? 'shared' : 'none');
  // Tallied by position, so the loop does not look a stage name up in an object 100,000 times.
  const positionOf = new Map<LifecycleStage, number>(LIFECYCLE_STAGES.map((stage, position) => [stage.id, position]));
  const tally = new Int32Array(LIFECYCLE_STAGES.length);
  const stages: LifecycleClassification[] = new Array<LifecycleClassification>(features.length);
  const issues: RowIssue[] = [];
  let rejected = 0;
  for (let index = 0; index < features.length; index += 1) {
    const classification = classify(features[index], index);
    if ('code' in classification) {
      rejected += 1;
      if (issues.length < 20) issues.push(classification);
      continue;
    }
    const position = positionOf.get(classification.stage) as number;
    tally[position] = (tally[position] as number) + 1;
    stages[index] = classification;
  }
  if (rejected > 0) throw new ValidationError('classifyLifecycle', issues, rejected, features.length);
  const counts = Object.fromEntries(LIFECYCLE_STAGES.map((stage, position) => [stage.id, tally[position] as number])) as Record<LifecycleStage, number>;
  return { model, stages, counts };
}
