import { sortIndicesByText } from '../internal/sortIndicesByText';
import { computeFeatures, EMPTY, type FeatureSettings } from './computeFeatures';
import type { FeatureName, FeatureSelection } from './featureSelection';
import { DISCOUNTED, GROSS, KEPT, NET, PURCHASE, TOTALS_STRIDE, type SummaryState } from './SummaryState';

/** Each customer's order totals, from one pass over the orders of a state kept without order times: no grouping by customer. */
class OrderTotals {
  readonly kept: Int32Array;
  readonly orders: Int32Array;
  readonly discounted: Int32Array;
  readonly net: Float64Array;
  readonly gross: Float64Array;
  readonly refunded: Float64Array;
  readonly firstAt: readonly number[];
  readonly lastAt: readonly number[];

  constructor(state: SummaryState, customerCount: number) {
    if (state.orderTimes) throw new TypeError('OrderTotals reads a state kept without order times');
    this.kept = new Int32Array(customerCount);
    this.orders = new Int32Array(customerCount);
    this.discounted = new Int32Array(customerCount);
    this.net = new Float64Array(customerCount);
    this.gross = new Float64Array(customerCount);
    this.refunded = new Float64Array(customerCount);
    const { orderCustomer, orderValues: values, orderFlags, orderCount } = state;
    // Orders in index order: each customer's are summed in the order computeFeatures sums them, so the totals are the same to the last bit.
    for (let order = 0; order < orderCount; order++) {
      const c = orderCustomer[order] as number;
      const flags = orderFlags[order] as number;
      // An order whose rows were all cancelled or outside the window only names its owner.
      if (c < 0 || (flags & KEPT) === 0) continue;
      const base = order * TOTALS_STRIDE;
      const net = values[base + NET] as number;
      const gross = values[base + GROSS] as number;
      this.kept[c] = (this.kept[c] as number) + 1;
      this.net[c] = (this.net[c] as number) + net;
      this.gross[c] = (this.gross[c] as number) + gross;
      this.refunded[c] = (this.refunded[c] as number) + (gross - net);
      if ((flags & PURCHASE) === 0) continue;
      this.orders[c] = (this.orders[c] as number) + 1;
      if ((flags & DISCOUNTED) !== 0) this.discounted[c] = (this.discounted[c] as number) + 1;
    }
    // The earliest and latest purchase lines were kept per customer while folding.
    this.firstAt = state.firstPurchaseAt;
    this.lastAt = state.lastPurchaseAt;
  }
}

/** Builds the requested fields of customer `c` from the totals, by the formulas of `computeFeatures`. */
function totalsSummary(fields: readonly FeatureName[], totals: OrderTotals, state: SummaryState, settings: FeatureSettings, c: number): Record<string, unknown> {
  const { asOf, asOfDay, unit, dayNumber } = settings;
  const unitDays = unit === 'weeks' ? 7 : 1;
  const record = state.customerRecords[c];
  const orders = totals.orders[c] as number;
  const hasPurchase = orders > 0;
  const firstAt = totals.firstAt[c] as number;
  const lastAt = totals.lastAt[c] as number;
  const firstDay = hasPurchase ? dayNumber(firstAt) : 0;
  const lastDay = hasPurchase ? dayNumber(lastAt) : 0;
  const monetaryTotal = totals.net[c] as number;
  const grossSpend = totals.gross[c] as number;
  const refundedAmount = totals.refunded[c] as number;
  const summary: Record<string, unknown> = { customerId: state.customers.names[c] as string };
  for (const field of fields) {
    let value: unknown;
    switch (field) {
      case 'asOf': value = asOf; break;
      case 'createdAt': value = record?.createdAt ?? null; break;
      case 'isProspect': value = !hasPurchase; break;
      case 'firstPurchaseAt': value = hasPurchase ? firstAt : null; break;
      case 'lastPurchaseAt': value = hasPurchase ? lastAt : null; break;
      case 'daysSinceFirstPurchase': value = hasPurchase ? asOfDay - firstDay : null; break;
      case 'daysSinceLastPurchase': value = hasPurchase ? asOfDay - lastDay : null; break;
      case 'orders': value = orders; break;
      case 'monetaryTotal': value = monetaryTotal; break;
      case 'grossSpend': value = grossSpend; break;
      case 'refundedAmount': value = refundedAmount; break;
      case 'averageOrderValue': value = hasPurchase ? monetaryTotal / orders : null; break;
      case 'timeUnit': value = unit; break;
      case 'firstToLastPurchase': value = hasPurchase ? (lastDay - firstDay) / unitDays : null; break;
      case 'firstPurchaseToAsOf': value = hasPurchase ? (asOfDay - firstDay) / unitDays : null; break;
      case 'discountedOrderShare': value = hasPurchase ? (totals.discounted[c] as number) / orders : null; break;
      case 'refundRate': value = grossSpend > 0 ? refundedAmount / grossSpend : null; break;
      case 'attributes': value = record?.attributes ?? EMPTY; break;
      case 'consent': value = record?.consent ?? EMPTY; break;
      default: throw new TypeError(`${field} is not an order-totals feature`);
    }
    summary[field] = value;
  }
  return summary;
}

/**
 * The summaries limited to `selection.fields` (plus `customerId`), sorted by customer id. When
 * every field comes from order totals, one pass over the orders gives them; otherwise the full
 * features are computed and the fields picked from them.
 */
export function computeSelectedFeatures(state: SummaryState, settings: FeatureSettings, selection: FeatureSelection): Record<string, unknown>[] {
  const { fields } = selection;
  if (!selection.totalsOnly) {
    return computeFeatures(state, settings).map((features) => {
      const summary: Record<string, unknown> = { customerId: features.customerId };
      for (const field of fields) summary[field] = features[field];
      return summary;
    });
  }
  const customerCount = state.customers.names.length;
  const totals = new OrderTotals(state, customerCount);
  const byName = sortIndicesByText(state.customers.names);
  const results: Record<string, unknown>[] = [];
  for (let k = 0; k < customerCount; k++) {
    const c = byName[k] as number;
    // The same rule as computeFeatures: a kept row, a customer record or an interaction.
    if (totals.kept[c] === 0 && state.customerRecords[c] === undefined && state.interactionCount[c] === 0) continue;
    results.push(totalsSummary(fields, totals, state, settings, c));
  }
  return results;
}
