import type { TransactionModel } from '../../clv/ClvModel';
import type { RfmLanguage } from '../rfm/rfmSegments';
import type { LifecycleStage } from './lifecycleStages';

/**
 * The thresholds of the stage rules. Durations are calendar days; factors compare a gap with
 * the customer's usual interval between purchases (their own median, or the population's).
 * See the lifecycle guide for the reasoning behind each default.
 */
export interface LifecycleThresholds {
  /** Intervals a customer needs before their own median interval is trusted; fewer use the population's. Default 2. */
  readonly minIntervals: number;
  /** At risk when days since the last purchase reach this many usual intervals. Default 2. */
  readonly atRiskFactor: number;
  /** ...and at least this many days. Default 30. */
  readonly atRiskMinDays: number;
  /** Churned when days since the last purchase reach this many usual intervals. Default 4. */
  readonly churnFactor: number;
  /** ...and at least this many days. Default 90. */
  readonly churnMinDays: number;
  /** With a probability model: at risk below this P(alive). Default 0.5. */
  readonly atRiskProbabilityAlive: number;
  /** With a probability model: churned below this P(alive). Default 0.15. */
  readonly churnProbabilityAlive: number;
  /** Reactivated when the gap the latest purchase ended reached this many usual intervals and `churnMinDays`. Default 4. */
  readonly reactivatedFactor: number;
  /** New while the first purchase is at most this many days old... Default 90. */
  readonly newMaxDays: number;
  /** ...and the customer has at most this many orders. Default 2. */
  readonly newMaxOrders: number;
  /**
   * Spend trends count only once the first purchase is at least this many days old, so both
   * trend periods compared lie in the customer's life (two of `summarize`'s 90-day periods). Default 180.
   */
  readonly trendMinDays: number;
  /** Declining when spend in the latest trend period changed by this much or less (−0.5: halved). Default −0.5. */
  readonly declineSpendChange: number;
  /** Declining when the latest gap is this many times the customer's own usual interval (needs `minIntervals` + 1 intervals). Default 2. */
  readonly lengtheningFactor: number;
  /** Growing when spend in the latest trend period changed by this much or more (0.5: up by half). Default 0.5. */
  readonly growthSpendChange: number;
  /** Mature with at least this many days since the first purchase... Default 365. */
  readonly matureMinDays: number;
  /** ...at least this many orders... Default 4. */
  readonly matureMinOrders: number;
  /** ...and intervals this steady or steadier (coefficient of variation). Default 1. */
  readonly matureMaxCv: number;
}

/** Where a customer's usual interval came from. */
export type IntervalSource = 'own' | 'population';

/** Why a customer is in their stage: the facts each rule looked at, and a sentence. */
export type LifecycleReason = (
  | { readonly code: 'no_purchase' }
  | { readonly code: 'overdue'; readonly daysSinceLastPurchase: number; readonly usualIntervalDays: number; readonly factor: number; readonly intervalSource: IntervalSource }
  | { readonly code: 'low_probability_alive'; readonly probabilityAlive: number; readonly threshold: number; readonly model: TransactionModel['kind'] }
  | { readonly code: 'returned_after_gap'; readonly gapDays: number; readonly usualIntervalDays: number; readonly factor: number; readonly intervalSource: IntervalSource }
  | { readonly code: 'recent_first_purchase'; readonly daysSinceFirstPurchase: number; readonly orders: number }
  | { readonly code: 'spend_down'; readonly spendChange: number; readonly spendLastPeriod: number; readonly spendPreviousPeriod: number }
  | { readonly code: 'intervals_lengthening'; readonly lastIntervalDays: number; readonly usualIntervalDays: number; readonly factor: number }
  | { readonly code: 'spend_up'; readonly spendChange: number; readonly spendLastPeriod: number; readonly spendPreviousPeriod: number }
  | { readonly code: 'long_steady_tenure'; readonly daysSinceFirstPurchase: number; readonly orders: number; readonly interpurchaseCv: number }
  | { readonly code: 'within_rhythm'; readonly daysSinceLastPurchase: number; readonly usualIntervalDays: number; readonly factor: number; readonly intervalSource: IntervalSource }
) & {
  /** The reason as a sentence in the language asked for; empty when `classifyLifecycle` was asked for no sentences. */
  readonly text: string;
};

/** One customer's stage and why. */
export interface LifecycleClassification {
  readonly customerId: string;
  readonly stage: LifecycleStage;
  /** The stage's label in the language asked for. */
  readonly label: string;
  /** Why: the facts of the rule that decided the stage, and a sentence. */
  readonly reason: LifecycleReason;
}

/**
 * A fitted lifecycle configuration: plain, JSON-serialisable data, so a serverless function
 * classifies one customer without the population. Read a stored one back with
 * `readLifecycleModel`.
 */
export interface LifecycleModel {
  readonly kind: 'lifecycle';
  readonly version: 1;
  readonly thresholds: LifecycleThresholds;
  /** The usual interval of customers with too few intervals of their own: the median of the population's own medians, in days. */
  readonly populationIntervalDays: number;
  /** How many customers `populationIntervalDays` was learned from (0: the 30-day default, no customer had enough intervals). */
  readonly populationIntervalCustomers: number;
  /** A fitted BG/NBD, MBG/NBD or Pareto/NBD model whose P(alive) decides `at_risk` and `churned`; `null` to use overdue factors alone. */
  readonly probabilityModel: TransactionModel | null;
  /** The language of labels and reason sentences. */
  readonly language: RfmLanguage;
  /** Customers the configuration was fitted on. */
  readonly fittedOn: number;
}
