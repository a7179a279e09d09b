import type { CustomerFeatures } from '../features/CustomerFeatures';

/** The features a rule can read directly (the record-valued ones are reached through their keys). */
type ScalarFeature = Exclude<keyof CustomerFeatures, 'categoryShares' | 'interactionCounts' | 'attributes' | 'consent'>;

/**
 * One accessor per scalar feature, each with its own property read: a rule reading
 * `monetaryTotal` then runs a read V8 can keep monomorphic, where one shared `c[name]` would see
 * every field and shape. The `satisfies` makes the table complete: a new scalar feature does not
 * compile until it has its accessor.
 */
export const FEATURE_ACCESSORS = {
  customerId: (c: object): unknown => (c as { customerId?: unknown }).customerId,
  asOf: (c: object): unknown => (c as { asOf?: unknown }).asOf,
  createdAt: (c: object): unknown => (c as { createdAt?: unknown }).createdAt,
  isProspect: (c: object): unknown => (c as { isProspect?: unknown }).isProspect,
  firstPurchaseAt: (c: object): unknown => (c as { firstPurchaseAt?: unknown }).firstPurchaseAt,
  lastPurchaseAt: (c: object): unknown => (c as { lastPurchaseAt?: unknown }).lastPurchaseAt,
  daysSinceFirstPurchase: (c: object): unknown => (c as { daysSinceFirstPurchase?: unknown }).daysSinceFirstPurchase,
  daysSinceLastPurchase: (c: object): unknown => (c as { daysSinceLastPurchase?: unknown }).daysSinceLastPurchase,
  orders: (c: object): unknown => (c as { orders?: unknown }).orders,
  purchaseDays: (c: object): unknown => (c as { purchaseDays?: unknown }).purchaseDays,
  monetaryTotal: (c: object): unknown => (c as { monetaryTotal?: unknown }).monetaryTotal,
  grossSpend: (c: object): unknown => (c as { grossSpend?: unknown }).grossSpend,
  refundedAmount: (c: object): unknown => (c as { refundedAmount?: unknown }).refundedAmount,
  averageOrderValue: (c: object): unknown => (c as { averageOrderValue?: unknown }).averageOrderValue,
  timeUnit: (c: object): unknown => (c as { timeUnit?: unknown }).timeUnit,
  repeatPurchases: (c: object): unknown => (c as { repeatPurchases?: unknown }).repeatPurchases,
  firstToLastPurchase: (c: object): unknown => (c as { firstToLastPurchase?: unknown }).firstToLastPurchase,
  firstPurchaseToAsOf: (c: object): unknown => (c as { firstPurchaseToAsOf?: unknown }).firstPurchaseToAsOf,
  meanRepeatPurchaseValue: (c: object): unknown => (c as { meanRepeatPurchaseValue?: unknown }).meanRepeatPurchaseValue,
  medianInterpurchaseDays: (c: object): unknown => (c as { medianInterpurchaseDays?: unknown }).medianInterpurchaseDays,
  lastInterpurchaseDays: (c: object): unknown => (c as { lastInterpurchaseDays?: unknown }).lastInterpurchaseDays,
  meanInterpurchaseDays: (c: object): unknown => (c as { meanInterpurchaseDays?: unknown }).meanInterpurchaseDays,
  interpurchaseCv: (c: object): unknown => (c as { interpurchaseCv?: unknown }).interpurchaseCv,
  expectedNextPurchaseAt: (c: object): unknown => (c as { expectedNextPurchaseAt?: unknown }).expectedNextPurchaseAt,
  topCategory: (c: object): unknown => (c as { topCategory?: unknown }).topCategory,
  distinctCategories: (c: object): unknown => (c as { distinctCategories?: unknown }).distinctCategories,
  discountedOrderShare: (c: object): unknown => (c as { discountedOrderShare?: unknown }).discountedOrderShare,
  refundRate: (c: object): unknown => (c as { refundRate?: unknown }).refundRate,
  spendLastPeriod: (c: object): unknown => (c as { spendLastPeriod?: unknown }).spendLastPeriod,
  spendPreviousPeriod: (c: object): unknown => (c as { spendPreviousPeriod?: unknown }).spendPreviousPeriod,
  spendChange: (c: object): unknown => (c as { spendChange?: unknown }).spendChange,
  spendSlope: (c: object): unknown => (c as { spendSlope?: unknown }).spendSlope,
  interactionCount: (c: object): unknown => (c as { interactionCount?: unknown }).interactionCount,
  lastInteractionAt: (c: object): unknown => (c as { lastInteractionAt?: unknown }).lastInteractionAt,
  daysSinceLastInteraction: (c: object): unknown => (c as { daysSinceLastInteraction?: unknown }).daysSinceLastInteraction,
  meanInteractionScore: (c: object): unknown => (c as { meanInteractionScore?: unknown }).meanInteractionScore,
} satisfies Record<ScalarFeature, (c: object) => unknown>;
