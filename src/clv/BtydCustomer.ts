import type { CustomerFeatures } from '../features/CustomerFeatures';

/**
 * What the purchase-count models need to know about a customer: the BTYD summary of
 * `summarize` (repeat purchases x, first-to-last purchase t_x, first purchase to `asOf` T, in
 * `timeUnit`). Any `CustomerFeatures` is one; so is a summary computed elsewhere (in a
 * warehouse) with these four fields. A prospect (`firstPurchaseToAsOf: null`) has no summary.
 */
export type BtydCustomer = Pick<CustomerFeatures, 'repeatPurchases' | 'firstToLastPurchase' | 'firstPurchaseToAsOf' | 'timeUnit'>;

/** What the Gamma-Gamma spend model needs: the number of repeat purchases and their mean value (z̄). */
export type SpendCustomer = Pick<CustomerFeatures, 'repeatPurchases' | 'meanRepeatPurchaseValue'>;
