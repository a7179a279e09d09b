import { bindTransactionModel } from '../../clv/bindTransactionModel';
import { readBtydSummary } from '../../clv/readBtydSummary';
import { quoteValue, type RowIssue } from '../../errors';
import type { CustomerFeatures } from '../../features/CustomerFeatures';
import { createReasonDescriber, describeLifecycleReason, type LifecycleReasonFacts } from './describeLifecycleReason';
import type { IntervalSource, LifecycleClassification, LifecycleModel, LifecycleReason } from './LifecycleModel';
import { LIFECYCLE_STAGES, type LifecycleStage } from './lifecycleStages';

/** The features the lifecycle rules read. Any `CustomerFeatures` has them. */
export type LifecycleCustomer = Pick<
  CustomerFeatures,
  | 'customerId'
  | 'asOf'
  | 'orders'
  | 'daysSinceFirstPurchase'
  | 'daysSinceLastPurchase'
  | 'medianInterpurchaseDays'
  | 'lastInterpurchaseDays'
  | 'interpurchaseCv'
  | 'spendChange'
  | 'spendLastPeriod'
  | 'spendPreviousPeriod'
  | 'repeatPurchases'
  | 'firstToLastPurchase'
  | 'firstPurchaseToAsOf'
  | 'timeUnit'
>;

const REQUIRED: readonly (keyof LifecycleCustomer)[] = [
  'orders',
  'daysSinceFirstPurchase',
  'daysSinceLastPurchase',
  'medianInterpurchaseDays',
  'lastInterpurchaseDays',
  'interpurchaseCv',
  'spendChange',
  'spendLastPeriod',
  'spendPreviousPeriod',
  'repeatPurchases',
];

/**
 * Builds the per-customer classifier of a lifecycle model: the stage rules in order, each
 * returning the facts that decided it. Returns a {@link RowIssue} for a customer whose features
 * are missing or malformed.
 */
export function createLifecycleClassifier(functionName: string, model: LifecycleModel, sentences: 'none' | 'each' | 'shared' = 'each'): (customer: unknown, index: number) => LifecycleClassification | RowIssue {
  const { thresholds: t, populationIntervalDays, language } = model;
  const probability = model.probabilityModel === null ? null : bindTransactionModel(functionName, model.probabilityModel);
  const labels = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage.id, stage.label[language]])) as Record<LifecycleStage, string>;
  // Sentences `shared` across one run over a population are written once each and remembered for
  // that run only; a classifier kept for single customers (`each`) remembers nothing.
  const describe = sentences === 'none' ? undefined : sentences === 'shared' ? createReasonDescriber(language) : (reason: LifecycleReasonFacts) => describeLifecycleReason(reason, language);
  // One reason per classification, made at the rule with an empty `text` (so the sentence fills a
  // slot the object already has), then written here: no copies.
  const result = (customerId: string, stage: LifecycleStage, reason: LifecycleReason): LifecycleClassification => {
    if (describe !== undefined) (reason as { text: string }).text = describe(reason);
    return { customerId, stage, label: labels[stage], reason };
  };

  return (customer, index) => {
    if (typeof customer !== 'object' || customer === null) return { index, path: [], code: 'invalid_type', message: `expected customer features, received ${quoteValue(customer)}` };
    const c = customer as Partial<Record<keyof LifecycleCustomer, unknown>>;
    // Read once each (a missing field is `undefined`, a feature without a value is `null`).
    const orders = c.orders;
    const intervals = c.repeatPurchases;
    const ownMedianValue = c.medianInterpurchaseDays;
    const lastGapValue = c.lastInterpurchaseDays;
    const cvValue = c.interpurchaseCv;
    const spendChangeValue = c.spendChange;
    if (orders === undefined || intervals === undefined || ownMedianValue === undefined || lastGapValue === undefined || cvValue === undefined || spendChangeValue === undefined || c.daysSinceFirstPurchase === undefined || c.daysSinceLastPurchase === undefined || c.spendLastPeriod === undefined || c.spendPreviousPeriod === undefined) {
      const missing = REQUIRED.find((name) => c[name] === undefined) as string;
      return { index, path: [missing], code: 'missing_field', message: `expected the feature ${missing} (from summarize), found none` };
    }
    const customerId = typeof c.customerId === 'string' ? c.customerId : String(c.customerId);
    if (typeof orders !== 'number' || !Number.isInteger(orders) || orders < 0) return { index, path: ['orders'], code: 'invalid_value', message: `expected a whole number of orders, received ${quoteValue(orders)}` };
    if (orders === 0) return result(customerId, 'prospect', { text: '', code: 'no_purchase' });

    const daysSinceLast = c.daysSinceLastPurchase;
    const daysSinceFirst = c.daysSinceFirstPurchase;
    if (typeof daysSinceLast !== 'number' || !(daysSinceLast >= 0)) return { index, path: ['daysSinceLastPurchase'], code: 'invalid_value', message: `expected days from 0 for a buyer, received ${quoteValue(daysSinceLast)}` };
    if (typeof daysSinceFirst !== 'number' || !(daysSinceFirst >= daysSinceLast)) {
      return { index, path: ['daysSinceFirstPurchase'], code: 'invalid_value', message: `expected at least daysSinceLastPurchase (${daysSinceLast}), received ${quoteValue(daysSinceFirst)}` };
    }
    if (typeof intervals !== 'number') return { index, path: ['repeatPurchases'], code: 'invalid_value', message: `expected a whole number, received ${quoteValue(intervals)}` };
    const ownMedian = typeof ownMedianValue === 'number' ? ownMedianValue : null;
    const lastGap = typeof lastGapValue === 'number' ? lastGapValue : null;
    const spendChange = typeof spendChangeValue === 'number' ? spendChangeValue : null;
    // The customer's own clock when they have enough intervals; the population's otherwise.
    const ownTrusted = ownMedian !== null && ownMedian > 0 && intervals >= t.minIntervals;
    const usual = ownTrusted ? ownMedian : populationIntervalDays;
    const source: IntervalSource = ownTrusted ? 'own' : 'population';
    const factor = daysSinceLast / usual;

    // 1-2. Churned, at risk: by P(alive) when a model can judge this customer, else by how overdue they are.
    const judgeByModel = probability !== null && !(probability.kind === 'bgnbd' && intervals === 0);
    if (judgeByModel) {
      const summary = readBtydSummary(customer, index, probability.timeUnit);
      if (summary === null || 'code' in summary) {
        return summary ?? { index, path: ['firstPurchaseToAsOf'], code: 'invalid_value', message: 'expected the BTYD summary of a buyer' };
      }
      const alive = Math.exp(probability.formulas.logProbabilityAlive(probability.parameters, summary));
      if (alive < t.churnProbabilityAlive) return result(customerId, 'churned', { text: '', code: 'low_probability_alive', probabilityAlive: alive, threshold: t.churnProbabilityAlive, model: probability.kind });
      if (alive < t.atRiskProbabilityAlive) return result(customerId, 'at_risk', { text: '', code: 'low_probability_alive', probabilityAlive: alive, threshold: t.atRiskProbabilityAlive, model: probability.kind });
    } else {
      const churned = factor >= t.churnFactor && daysSinceLast >= t.churnMinDays;
      if (churned || (factor >= t.atRiskFactor && daysSinceLast >= t.atRiskMinDays)) {
        return result(customerId, churned ? 'churned' : 'at_risk', { text: '', code: 'overdue', daysSinceLastPurchase: daysSinceLast, usualIntervalDays: usual, factor, intervalSource: source });
      }
    }

    // 3. Reactivated: the latest purchase ended a gap long enough to have been churned. The own
    // median counts only with enough other intervals, since the long gap is one of them.
    if (lastGap !== null) {
      const ownWithoutGap = ownMedian !== null && ownMedian > 0 && intervals >= t.minIntervals + 1;
      const usualBefore = ownWithoutGap ? ownMedian : populationIntervalDays;
      const gapFactor = lastGap / usualBefore;
      if (gapFactor >= t.reactivatedFactor && lastGap >= t.churnMinDays) {
        return result(customerId, 'reactivated', { text: '', code: 'returned_after_gap', gapDays: lastGap, usualIntervalDays: usualBefore, factor: gapFactor, intervalSource: ownWithoutGap ? 'own' : 'population' });
      }
    }

    // 4. New: a recent first purchase and few orders.
    if (daysSinceFirst <= t.newMaxDays && orders <= t.newMaxOrders) return result(customerId, 'new', { text: '', code: 'recent_first_purchase', daysSinceFirstPurchase: daysSinceFirst, orders });

    // 5. Declining: spend falling, or the latest gap much longer than the customer's own rhythm.
    const trendCounts = spendChange !== null && daysSinceFirst >= t.trendMinDays;
    if (trendCounts && spendChange <= t.declineSpendChange) return result(customerId, 'declining', { text: '', code: 'spend_down', spendChange, spendLastPeriod: c.spendLastPeriod as number, spendPreviousPeriod: c.spendPreviousPeriod as number });
    if (lastGap !== null && ownMedian !== null && ownMedian > 0 && intervals >= t.minIntervals + 1 && lastGap >= t.lengtheningFactor * ownMedian) {
      return result(customerId, 'declining', { text: '', code: 'intervals_lengthening', lastIntervalDays: lastGap, usualIntervalDays: ownMedian, factor: lastGap / ownMedian });
    }

    // 6. Growing: spend clearly up.
    if (trendCounts && spendChange >= t.growthSpendChange) return result(customerId, 'growing', { text: '', code: 'spend_up', spendChange, spendLastPeriod: c.spendLastPeriod as number, spendPreviousPeriod: c.spendPreviousPeriod as number });

    // 7. Mature: long tenure, enough orders, a steady rhythm.
    const cv = typeof cvValue === 'number' ? cvValue : null;
    if (daysSinceFirst >= t.matureMinDays && orders >= t.matureMinOrders && cv !== null && cv <= t.matureMaxCv) {
      return result(customerId, 'mature', { text: '', code: 'long_steady_tenure', daysSinceFirstPurchase: daysSinceFirst, orders, interpurchaseCv: cv });
    }

    // 8. Active: buying within their rhythm.
    return result(customerId, 'active', { text: '', code: 'within_rhythm', daysSinceLastPurchase: daysSinceLast, usualIntervalDays: usual, factor, intervalSource: source });
  };
}
