import { ConfigurationError, quoteValue } from '../../errors';
import type { CustomerFeatures } from '../../features/CustomerFeatures';
import { quantilesOf } from '../../internal/quantilesOf';

/** How a customer buys. */
export type BuyerType = 'never_purchased' | 'one_time' | 'one_time_bulk' | 'repeat' | 'continuous';

/** Thresholds of {@link classifyBuyerType}. */
export interface BuyerTypeOptions {
  /** A one-time buyer whose single order is worth at least this is a bulk buyer (`Infinity`: nobody is). Required by `classifyBuyerType`; `buyerTypes` derives it. */
  readonly bulkOrderValue: number;
  /** A repeat buyer with at least 4 purchase days whose intervals vary at most this much (coefficient of variation) and who is not overdue is continuous. Default 0.5. */
  readonly regularCv?: number;
}

/** The features {@link classifyBuyerType} reads. */
export type BuyerTypeFeatures = Pick<CustomerFeatures, 'orders' | 'averageOrderValue' | 'purchaseDays' | 'interpurchaseCv' | 'daysSinceLastPurchase' | 'medianInterpurchaseDays'>;

/**
 * Says how one customer buys: never purchased; one-time buyer (a bulk one when the single order
 * is large); repeat buyer; or continuous buyer, whose rhythm is regular (4+ purchase days,
 * intervals varying by at most `regularCv`) and who is not overdue (no more than twice their
 * usual interval since the last purchase).
 *
 * @param customer - Features from `summarize`.
 * @param options - `bulkOrderValue` and `regularCv`.
 * @returns The buyer type.
 * @throws {ConfigurationError} `invalid_option` for a `bulkOrderValue` that is not a number (or is NaN), a negative `regularCv`, or a customer that is not an object.
 *
 * @example
 * ```ts
 * import { classifyBuyerType } from 'clientele';
 * const monthly = { orders: 12, averageOrderValue: 40, purchaseDays: 12, interpurchaseCv: 0.1, daysSinceLastPurchase: 20, medianInterpurchaseDays: 30 };
 * classifyBuyerType(monthly, { bulkOrderValue: 500 }); // => 'continuous'
 * classifyBuyerType({ ...monthly, orders: 1, purchaseDays: 1, averageOrderValue: 900 }, { bulkOrderValue: 500 }); // => 'one_time_bulk'
 * ```
 * @category Value
 */
export function classifyBuyerType(customer: BuyerTypeFeatures, options: BuyerTypeOptions): BuyerType {
  const { bulkOrderValue } = options;
  const regularCv = options.regularCv ?? 0.5;
  if (typeof bulkOrderValue !== 'number' || Number.isNaN(bulkOrderValue)) {
    throw new ConfigurationError('invalid_option', `classifyBuyerType expects option \`bulkOrderValue\` to be a number, received ${quoteValue(bulkOrderValue)}`, ['bulkOrderValue']);
  }
  if (typeof regularCv !== 'number' || !(regularCv >= 0)) {
    throw new ConfigurationError('invalid_option', `classifyBuyerType expects option \`regularCv\` to be 0 or more, received ${quoteValue(regularCv)}`, ['regularCv']);
  }
  if (typeof customer !== 'object' || customer === null) throw new ConfigurationError('invalid_option', `classifyBuyerType expects customer features, received ${quoteValue(customer)}`);
  if (customer.orders === 0) return 'never_purchased';
  if (customer.orders === 1) return (customer.averageOrderValue ?? 0) >= bulkOrderValue ? 'one_time_bulk' : 'one_time';
  const { interpurchaseCv, medianInterpurchaseDays, daysSinceLastPurchase } = customer;
  const regular = customer.purchaseDays >= 4 && interpurchaseCv !== null && interpurchaseCv <= regularCv;
  const onTime = medianInterpurchaseDays !== null && daysSinceLastPurchase !== null && daysSinceLastPurchase <= 2 * medianInterpurchaseDays;
  return regular && onTime ? 'continuous' : 'repeat';
}

/**
 * Buyer types for a population: the bulk threshold is `bulkFactor` times the median order value
 * of the buyers (default 3x), then every customer is classified with `classifyBuyerType`.
 *
 * @param features - Customer features, usually from `summarize`.
 * @param options - `bulkFactor` (default 3) and `regularCv` (default 0.5).
 * @returns `{ bulkOrderValue, types }` with one type per customer, in input order.
 * @throws {ConfigurationError} `invalid_option` for a non-positive `bulkFactor`, a negative `regularCv`, or a customer that is not an object.
 *
 * @example
 * ```ts
 * import { buyerTypes } from 'clientele';
 * const customers = [
 *   { customerId: 'a', orders: 1, averageOrderValue: 50, purchaseDays: 1, interpurchaseCv: null, daysSinceLastPurchase: 10, medianInterpurchaseDays: null },
 *   { customerId: 'b', orders: 1, averageOrderValue: 400, purchaseDays: 1, interpurchaseCv: null, daysSinceLastPurchase: 10, medianInterpurchaseDays: null },
 *   { customerId: 'c', orders: 3, averageOrderValue: 60, purchaseDays: 3, interpurchaseCv: 0.2, daysSinceLastPurchase: 5, medianInterpurchaseDays: 20 },
 *   { customerId: 'd', orders: 0, averageOrderValue: null, purchaseDays: 0, interpurchaseCv: null, daysSinceLastPurchase: null, medianInterpurchaseDays: null },
 * ];
 * const { bulkOrderValue, types } = buyerTypes(customers);
 * bulkOrderValue; // => 180
 * types.map((entry) => entry.type); // => ['one_time', 'one_time_bulk', 'repeat', 'never_purchased']
 * ```
 * @category Value
 */
export function buyerTypes(
  features: readonly (BuyerTypeFeatures & Pick<CustomerFeatures, 'customerId'>)[],
  options: { readonly bulkFactor?: number; readonly regularCv?: number } = {},
): { readonly bulkOrderValue: number; readonly types: readonly { readonly customerId: string; readonly type: BuyerType }[] } {
  if (!Array.isArray(features)) throw new ConfigurationError('invalid_option', `buyerTypes expects an array of customer features, received ${quoteValue(features)}`);
  features.forEach((customer, index) => {
    if (typeof customer !== 'object' || customer === null) {
      throw new ConfigurationError('invalid_option', `buyerTypes expects customer features at index ${index}, received ${quoteValue(customer)}`, [index]);
    }
  });
  const bulkFactor = options.bulkFactor ?? 3;
  if (typeof bulkFactor !== 'number' || !(bulkFactor > 0) || !Number.isFinite(bulkFactor)) {
    throw new ConfigurationError('invalid_option', `buyerTypes expects option \`bulkFactor\` to be a positive number, received ${quoteValue(bulkFactor)}`, ['bulkFactor']);
  }
  const orderValues = Float64Array.from(features.flatMap((customer) => (customer.orders > 0 && customer.averageOrderValue !== null && Number.isFinite(customer.averageOrderValue) ? [customer.averageOrderValue] : [])));
  // With no buyer there is no one-time buyer to call bulk either.
  const bulkOrderValue = orderValues.length === 0 ? Number.MAX_VALUE : bulkFactor * (quantilesOf(orderValues, [0.5])[0] as number);
  if (options.regularCv !== undefined && !(options.regularCv >= 0)) {
    throw new ConfigurationError('invalid_option', `buyerTypes expects option \`regularCv\` to be 0 or more, received ${quoteValue(options.regularCv)}`, ['regularCv']);
  }
  const classifyOptions = options.regularCv === undefined ? { bulkOrderValue } : { bulkOrderValue, regularCv: options.regularCv };
  return { bulkOrderValue, types: features.map((customer) => ({ customerId: customer.customerId, type: classifyBuyerType(customer, classifyOptions) })) };
}
