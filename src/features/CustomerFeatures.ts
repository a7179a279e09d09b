import type { AttributeValue, ConsentChannel } from '../model/customerSchema';

/** The time unit of the BTYD summary (`firstToLastPurchase`, `firstPurchaseToAsOf`): days, or weeks of 7 days. */
export type TimeUnit = 'days' | 'weeks';

/**
 * Everything clientele knows about one customer as of a date: the contract between the
 * features layer and everything above it (scores, CLV models, rules, reports). Flat, named for
 * what each field means, with units in the name or below. Times are epoch milliseconds UTC;
 * durations in days count calendar days (UTC, or the `timeZone` given to `summarize`).
 *
 * A customer with no purchase (a prospect) has `orders: 0` and `null` wherever a value needs a
 * purchase. `null` always means "not defined for this customer", never zero.
 */
export interface CustomerFeatures {
  readonly customerId: string;
  /** The observation end the features describe, epoch ms, as given; its calendar day is the last day observed. */
  readonly asOf: number;
  /** When the customer signed up, from the customer record; `null` when not given. */
  readonly createdAt: number | null;
  /** `true` when the customer has not bought anything up to `asOf`. */
  readonly isProspect: boolean;

  // Recency, frequency, monetary value
  /** When the first purchase happened, epoch ms. */
  readonly firstPurchaseAt: number | null;
  /** When the last purchase happened, epoch ms. */
  readonly lastPurchaseAt: number | null;
  /** Calendar days from the first purchase to `asOf` (tenure as a buyer). */
  readonly daysSinceFirstPurchase: number | null;
  /** Calendar days from the last purchase to `asOf` (recency). */
  readonly daysSinceLastPurchase: number | null;
  /** Number of purchase orders (an order with at least one completed, non-negative row). */
  readonly orders: number;
  /** Number of distinct calendar days with a purchase. */
  readonly purchaseDays: number;
  /** Net spend: completed amounts minus refunds. Currency of the data. */
  readonly monetaryTotal: number;
  /** Spend before refunds: completed positive amounts plus rows later marked `refunded`. */
  readonly grossSpend: number;
  /** Money given back: negative rows and rows with status `refunded`, as a positive amount. */
  readonly refundedAmount: number;
  /** `monetaryTotal / orders`. */
  readonly averageOrderValue: number | null;

  // The BTYD ("buy till you die") summary, as Fader, Hardie & Lee (2005) define it
  /** The unit of `firstToLastPurchase` and `firstPurchaseToAsOf`. */
  readonly timeUnit: TimeUnit;
  /** Repeat purchases (x in the papers): purchase days minus the first one; same-day orders count once. */
  readonly repeatPurchases: number;
  /** Time from the first to the last purchase day (t_x), in `timeUnit`. */
  readonly firstToLastPurchase: number | null;
  /** Time from the first purchase day to `asOf` (T), in `timeUnit`. */
  readonly firstPurchaseToAsOf: number | null;
  /** Mean net value of the repeat purchase days, first day excluded (Gamma-Gamma's z̄); `null` when x = 0. */
  readonly meanRepeatPurchaseValue: number | null;

  // Cadence
  /** Median calendar days between consecutive purchase days; needs 2 purchase days. */
  readonly medianInterpurchaseDays: number | null;
  /** Mean calendar days between consecutive purchase days; needs 2 purchase days. */
  readonly meanInterpurchaseDays: number | null;
  /** Calendar days between the last two purchase days: the gap the latest purchase ended (a long one after a steady rhythm is a comeback); needs 2 purchase days. */
  readonly lastInterpurchaseDays: number | null;
  /** Coefficient of variation of the intervals (sample sd / mean): 0 is clockwork; needs 3 purchase days. */
  readonly interpurchaseCv: number | null;
  /** Last purchase plus the median interval, epoch ms: when this customer's own rhythm says they buy next. */
  readonly expectedNextPurchaseAt: number | null;

  // Needs and habits
  /** Share of gross purchase-line spend per category (0..1, summing to 1 over categorised lines). Rows without a category, refunds and refunded sales are left out. */
  readonly categoryShares: Readonly<Record<string, number>>;
  /** The category with the largest share (ties: alphabetical first); `null` when no row has a category. */
  readonly topCategory: string | null;
  /** Number of distinct categories bought. */
  readonly distinctCategories: number;
  /** Share of purchase orders with a discount (a promotion seeker is near 1). */
  readonly discountedOrderShare: number | null;
  /** `refundedAmount / grossSpend`: the share of spend given back. */
  readonly refundRate: number | null;

  // Value trend
  /** Net spend in the last trend period, the `trendPeriodDays` days ending at `asOf`. */
  readonly spendLastPeriod: number;
  /** Net spend in the period before that. */
  readonly spendPreviousPeriod: number;
  /** Relative change from the previous to the last period (0.25 = +25 %); `null` when the previous period had no spend. */
  readonly spendChange: number | null;
  /** Least-squares slope of net spend per period over the last `trendPeriods` periods since the first purchase, in money per period. */
  readonly spendSlope: number | null;

  // Engagement (`null`, and `interactionCounts` empty, when no interactions were given to `summarize`)
  /** Number of interactions up to `asOf`. */
  readonly interactionCount: number | null;
  /** Interactions per kind (`email_open`, `support_ticket`, ...). Empty when none. */
  readonly interactionCounts: Readonly<Record<string, number>>;
  /** When the last interaction happened, epoch ms. */
  readonly lastInteractionAt: number | null;
  /** Calendar days from the last interaction to `asOf`. */
  readonly daysSinceLastInteraction: number | null;
  /** Mean `score` of the interactions that carry one (NPS, CSAT...). */
  readonly meanInteractionScore: number | null;

  // Host data, from the customer records
  /** The customer's attributes (region, tags...). Empty when not given. */
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** Marketing consent per channel. Empty when not given. */
  readonly consent: Readonly<Partial<Record<ConsentChannel, boolean>>>;
}
