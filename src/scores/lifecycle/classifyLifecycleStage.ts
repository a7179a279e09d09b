import { ValidationError } from '../../errors';
import { checkModelKind } from '../readModel';
import { createLifecycleClassifier, type LifecycleCustomer } from './createLifecycleClassifier';
import type { LifecycleClassification, LifecycleModel } from './LifecycleModel';

/** Classifiers built per model object, so scoring many customers one call at a time does not rebuild them. */
const classifiers = new WeakMap<LifecycleModel, ReturnType<typeof createLifecycleClassifier>>();

/**
 * Classifies one customer with a fitted lifecycle model, without the population: the
 * per-request form of `classifyLifecycle` for a serverless function.
 *
 * @param model - From `fitLifecycle` or `classifyLifecycle` (or `readLifecycleModel` on stored JSON).
 * @param customer - The customer's features.
 * @returns The stage, its label and the reason.
 * @throws {ValidationError} when a feature the rules read is missing or malformed.
 * @throws {ModelError} for a model of another kind or version.
 *
 * @example
 * ```ts
 * import { classifyLifecycleStage, fitLifecycle } from 'clientele';
 * const model = fitLifecycle([], { language: 'es' });
 * const result = classifyLifecycleStage(model, {
 *   customerId: 'c1', asOf: Date.UTC(2026, 5, 30), orders: 6, repeatPurchases: 5,
 *   daysSinceFirstPurchase: 200, daysSinceLastPurchase: 94, medianInterpurchaseDays: 30, lastInterpurchaseDays: 28,
 *   interpurchaseCv: 0.3, spendChange: null, spendLastPeriod: 0, spendPreviousPeriod: 120,
 *   firstToLastPurchase: 106, firstPurchaseToAsOf: 200, timeUnit: 'days',
 * });
 * result.stage; // => 'at_risk'
 * result.reason.text; // => '94 días desde la última compra: 3.1 veces su intervalo habitual de 30 días.'
 * ```
 * @category Lifecycle
 */
export function classifyLifecycleStage(model: LifecycleModel, customer: LifecycleCustomer): LifecycleClassification {
  checkModelKind('classifyLifecycleStage', model, 'lifecycle');
  let classify = classifiers.get(model);
  if (classify === undefined || !Object.isFrozen(model)) {
    classify = createLifecycleClassifier('classifyLifecycleStage', model);
    // Only a frozen model can be cached: a mutable one might change between calls.
    if (Object.isFrozen(model)) classifiers.set(model, classify);
  }
  const classification = classify(customer, 0);
  if ('code' in classification) throw new ValidationError('classifyLifecycleStage', [classification], 1, 1);
  return classification;
}
