import type { CustomerFeatures } from './CustomerFeatures';

/** The names of the numeric `CustomerFeatures` fields (amounts, counts, days, instants): what scores can be computed from. */
export type NumericFeature = {
  [K in keyof CustomerFeatures]-?: CustomerFeatures[K] extends number | null ? (number extends CustomerFeatures[K] ? K : never) : never;
}[keyof CustomerFeatures];

/** The value type of a feature, as rules, SQL and error messages need it. */
export type FeatureType = 'string' | 'number' | 'boolean' | 'instant' | 'record' | 'enum';

/** What clientele knows about one feature field: its type, unit and meaning. */
export interface FeatureInfo {
  readonly type: FeatureType;
  /** `true` when the field can be `null` (not defined for some customers). */
  readonly nullable: boolean;
  /**
   * Unit of a number: `days`, `count`, `money`, `share` (0..1), `ratio`, `timeUnit` (days or
   * weeks, see `timeUnit`), `score`, `moneyPerPeriod` (per trend period) or `epochMs` (an instant).
   */
  readonly unit?: 'days' | 'count' | 'money' | 'share' | 'ratio' | 'timeUnit' | 'score' | 'moneyPerPeriod' | 'epochMs';
  readonly description: string;
}

/**
 * Every `CustomerFeatures` field with its type, unit and a one-line description: the single
 * description of the features that rules, the SQL backend, reports and error messages use. The
 * type makes it complete: a field added to `CustomerFeatures` does not compile until it is
 * described here.
 *
 * @example
 * ```ts
 * import { FEATURE_CATALOGUE } from 'clientele';
 * FEATURE_CATALOGUE.daysSinceLastPurchase.unit; // => 'days'
 * FEATURE_CATALOGUE.monetaryTotal.nullable; // => false
 * ```
 * @category Features
 */
export const FEATURE_CATALOGUE: { readonly [K in keyof CustomerFeatures]-?: FeatureInfo } = {
  customerId: { type: 'string', nullable: false, description: 'The customer id.' },
  asOf: { type: 'instant', nullable: false, unit: 'epochMs', description: 'The observation end the features describe.' },
  createdAt: { type: 'instant', nullable: true, unit: 'epochMs', description: 'Sign-up time from the customer record.' },
  isProspect: { type: 'boolean', nullable: false, description: 'No purchase up to asOf.' },
  firstPurchaseAt: { type: 'instant', nullable: true, unit: 'epochMs', description: 'Time of the first purchase.' },
  lastPurchaseAt: { type: 'instant', nullable: true, unit: 'epochMs', description: 'Time of the last purchase.' },
  daysSinceFirstPurchase: { type: 'number', nullable: true, unit: 'days', description: 'Calendar days from the first purchase to asOf.' },
  daysSinceLastPurchase: { type: 'number', nullable: true, unit: 'days', description: 'Calendar days from the last purchase to asOf (recency).' },
  orders: { type: 'number', nullable: false, unit: 'count', description: 'Number of purchase orders (frequency).' },
  purchaseDays: { type: 'number', nullable: false, unit: 'count', description: 'Distinct calendar days with a purchase.' },
  monetaryTotal: { type: 'number', nullable: false, unit: 'money', description: 'Net spend after refunds (monetary value).' },
  grossSpend: { type: 'number', nullable: false, unit: 'money', description: 'Spend before refunds.' },
  refundedAmount: { type: 'number', nullable: false, unit: 'money', description: 'Money given back, as a positive amount.' },
  averageOrderValue: { type: 'number', nullable: true, unit: 'money', description: 'Net spend per purchase order.' },
  timeUnit: { type: 'enum', nullable: false, description: 'Unit of firstToLastPurchase and firstPurchaseToAsOf: days or weeks.' },
  repeatPurchases: { type: 'number', nullable: false, unit: 'count', description: 'Purchase days after the first (x).' },
  firstToLastPurchase: { type: 'number', nullable: true, unit: 'timeUnit', description: 'First to last purchase day (t_x).' },
  firstPurchaseToAsOf: { type: 'number', nullable: true, unit: 'timeUnit', description: 'First purchase day to asOf (T).' },
  meanRepeatPurchaseValue: { type: 'number', nullable: true, unit: 'money', description: 'Mean net value of repeat purchase days (z̄).' },
  medianInterpurchaseDays: { type: 'number', nullable: true, unit: 'days', description: 'Median days between purchase days.' },
  lastInterpurchaseDays: { type: 'number', nullable: true, unit: 'days', description: 'Days between the last two purchase days.' },
  meanInterpurchaseDays: { type: 'number', nullable: true, unit: 'days', description: 'Mean days between purchase days.' },
  interpurchaseCv: { type: 'number', nullable: true, unit: 'ratio', description: 'Coefficient of variation of the intervals.' },
  expectedNextPurchaseAt: { type: 'instant', nullable: true, unit: 'epochMs', description: 'Last purchase plus the median interval.' },
  categoryShares: { type: 'record', nullable: false, unit: 'share', description: 'Share of gross purchase-line spend per category.' },
  topCategory: { type: 'string', nullable: true, description: 'Category with the largest share.' },
  distinctCategories: { type: 'number', nullable: false, unit: 'count', description: 'Number of distinct categories bought.' },
  discountedOrderShare: { type: 'number', nullable: true, unit: 'share', description: 'Share of orders with a discount.' },
  refundRate: { type: 'number', nullable: true, unit: 'share', description: 'Refunded amount over gross spend.' },
  spendLastPeriod: { type: 'number', nullable: false, unit: 'money', description: 'Net spend in the trend period ending at asOf.' },
  spendPreviousPeriod: { type: 'number', nullable: false, unit: 'money', description: 'Net spend in the trend period before.' },
  spendChange: { type: 'number', nullable: true, unit: 'ratio', description: 'Relative change from the previous to the last period.' },
  spendSlope: { type: 'number', nullable: true, unit: 'moneyPerPeriod', description: 'Least-squares slope of spend per period.' },
  interactionCount: { type: 'number', nullable: true, unit: 'count', description: 'Interactions up to asOf.' },
  interactionCounts: { type: 'record', nullable: false, unit: 'count', description: 'Interactions per kind.' },
  lastInteractionAt: { type: 'instant', nullable: true, unit: 'epochMs', description: 'Time of the last interaction.' },
  daysSinceLastInteraction: { type: 'number', nullable: true, unit: 'days', description: 'Calendar days from the last interaction to asOf.' },
  meanInteractionScore: { type: 'number', nullable: true, unit: 'score', description: 'Mean score of scored interactions.' },
  attributes: { type: 'record', nullable: false, description: 'Host attributes from the customer record.' },
  consent: { type: 'record', nullable: false, description: 'Marketing consent per channel.' },
};

/** Whether `name` is a numeric feature of the catalogue (own keys only, so `__proto__` is not one). */
export function isNumericFeature(name: unknown): name is NumericFeature {
  if (typeof name !== 'string' || !Object.hasOwn(FEATURE_CATALOGUE, name)) return false;
  const { type } = FEATURE_CATALOGUE[name as keyof CustomerFeatures];
  return type === 'number' || type === 'instant';
}
