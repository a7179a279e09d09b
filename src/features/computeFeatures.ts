import { DAY_MS } from '../internal/dayNumber';
import type { CustomerFeatures, TimeUnit } from './CustomerFeatures';
import type { SummaryState } from './SummaryState';

/** What turns sufficient statistics into features. */
export interface FeatureSettings {
  /** Observation end, epoch ms at the start of its calendar day. */
  readonly asOf: number;
  readonly asOfDay: number;
  readonly unit: TimeUnit;
  readonly dayNumber: (epochMs: number) => number;
  readonly trendPeriodDays: number;
  readonly trendPeriods: number;
}

const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

/** Reusable scratch buffers, grown on demand, so per-customer work allocates nothing in the common case. */
class Scratch {
  day = new Float64Array(64);
  net = new Float64Array(64);
  at = new Float64Array(64);
  order = new Int32Array(64);
  interval = new Float64Array(64);
  period = new Float64Array(0);

  ensure(size: number): void {
    if (size <= this.day.length) return;
    const capacity = Math.max(size, this.day.length * 2);
    this.day = new Float64Array(capacity);
    this.net = new Float64Array(capacity);
    this.at = new Float64Array(capacity);
    this.order = new Int32Array(capacity);
    this.interval = new Float64Array(capacity);
  }
}

/** Sorts `order[0..n)` by `key`, insertion sort for the small lists most customers have. */
function sortIndicesByKey(order: Int32Array, key: Float64Array, n: number): void {
  if (n > 32) {
    const sorted = Array.from(order.subarray(0, n)).sort((a, b) => (key[a] as number) - (key[b] as number));
    order.set(sorted);
    return;
  }
  for (let i = 1; i < n; i++) {
    const item = order[i] as number;
    const itemKey = key[item] as number;
    let j = i - 1;
    while (j >= 0 && (key[order[j] as number] as number) > itemKey) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = item;
  }
}

function medianOfSorted(values: Float64Array, n: number): number {
  const middle = n >> 1;
  return n % 2 === 1 ? (values[middle] as number) : ((values[middle - 1] as number) + (values[middle] as number)) / 2;
}

/** Shares by spend; when all categorised spend is zero, by rows. Ties for the top go to the alphabetically first name. */
function categoryMix(categories: [string, number, number][] | undefined): { shares: Record<string, number>; top: string | null; distinct: number } {
  if (categories === undefined || categories.length === 0) return { shares: EMPTY, top: null, distinct: 0 };
  let totalSpend = 0;
  let totalRows = 0;
  for (const [, spend, rows] of categories) {
    totalSpend += spend;
    totalRows += rows;
  }
  const bySpend = totalSpend > 0;
  const entries: [string, number][] = [];
  let top: string | null = null;
  let topWeight = -1;
  for (const [name, spend, rows] of categories) {
    const weight = bySpend ? spend / totalSpend : rows / totalRows;
    entries.push([name, weight]);
    if (weight > topWeight || (weight === topWeight && top !== null && name < top)) {
      top = name;
      topWeight = weight;
    }
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // Object.fromEntries defines own properties, so a category named "__proto__" stays a category.
  return { shares: Object.fromEntries(entries), top, distinct: entries.length };
}

function slopeOf(periodNet: Float64Array, periods: number): number | null {
  if (periods < 2) return null;
  // x runs 0 (oldest) .. periods - 1 (the period ending at asOf); periodNet[k] is k periods back.
  const meanX = (periods - 1) / 2;
  let meanY = 0;
  for (let k = 0; k < periods; k++) meanY += periodNet[k] as number;
  meanY /= periods;
  let numerator = 0;
  let denominator = 0;
  for (let k = 0; k < periods; k++) {
    const dx = periods - 1 - k - meanX;
    numerator += dx * ((periodNet[k] as number) - meanY);
    denominator += dx * dx;
  }
  return numerator / denominator;
}

/**
 * Turns the sufficient statistics into one `CustomerFeatures` per customer, sorted by id so the
 * result never depends on the order rows arrived in.
 */
export function computeFeatures(state: SummaryState, settings: FeatureSettings): CustomerFeatures[] {
  const { asOf, asOfDay, unit, dayNumber, trendPeriodDays, trendPeriods } = settings;
  const unitDays = unit === 'weeks' ? 7 : 1;
  const customerCount = state.customerIds.length;
  const orderCount = state.orderIds.length;

  // Counting sort of orders by customer: orders of customer c are byCustomer[start[c] .. start[c + 1]).
  const start = new Int32Array(customerCount + 1);
  for (let order = 0; order < orderCount; order++) (start[(state.orderCustomer[order] as number) + 1] as number)++;
  for (let c = 0; c < customerCount; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, customerCount);
  const byCustomer = new Int32Array(orderCount);
  for (let order = 0; order < orderCount; order++) {
    const c = state.orderCustomer[order] as number;
    byCustomer[fill[c] as number] = order;
    fill[c] = (fill[c] as number) + 1;
  }

  const categories = state.categoriesByCustomer();
  const kinds = state.interactionsGiven ? state.kindsByCustomer() : undefined;
  const scratch = new Scratch();
  const periodNet = new Float64Array(trendPeriods);
  const results: CustomerFeatures[] = new Array<CustomerFeatures>(customerCount);

  for (let c = 0; c < customerCount; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    scratch.ensure(to - from);
    periodNet.fill(0);
    let monetaryTotal = 0;
    let grossSpend = 0;
    let refundedAmount = 0;
    let orders = 0;
    let discountedOrders = 0;
    let firstAt = Infinity;
    let lastAt = -Infinity;
    for (let i = from; i < to; i++) {
      const order = byCustomer[i] as number;
      const net = state.orderNet[order] as number;
      const purchaseAt = state.orderPurchaseAt[order] as number;
      monetaryTotal += net;
      grossSpend += state.orderGross[order] as number;
      refundedAmount += state.orderRefunded[order] as number;
      const isPurchase = purchaseAt !== Infinity;
      const day = dayNumber(isPurchase ? purchaseAt : (state.orderFirstAt[order] as number));
      const periodsBack = Math.floor((asOfDay - day) / trendPeriodDays);
      if (periodsBack < trendPeriods) periodNet[periodsBack] = (periodNet[periodsBack] as number) + net;
      if (!isPurchase) continue;
      scratch.day[orders] = day;
      scratch.net[orders] = net;
      scratch.at[orders] = purchaseAt;
      scratch.order[orders] = orders;
      orders++;
      if (state.orderDiscounted[order] === 1) discountedOrders++;
      if (purchaseAt < firstAt) firstAt = purchaseAt;
      if (purchaseAt > lastAt) lastAt = purchaseAt;
    }

    // Purchase days: same-day orders merge into one purchase, their values summed.
    sortIndicesByKey(scratch.order, scratch.day, orders);
    let purchaseDays = 0;
    let firstDay = 0;
    let lastDay = 0;
    let previousDay = Number.NaN;
    let dayValue = 0;
    let repeatValueSum = 0;
    let intervalSum = 0;
    for (let i = 0; i < orders; i++) {
      const o = scratch.order[i] as number;
      const day = scratch.day[o] as number;
      if (day !== previousDay) {
        if (purchaseDays > 1) repeatValueSum += dayValue;
        if (purchaseDays === 0) firstDay = day;
        else {
          scratch.interval[purchaseDays - 1] = day - previousDay;
          intervalSum += day - previousDay;
        }
        purchaseDays++;
        previousDay = day;
        lastDay = day;
        dayValue = 0;
      }
      dayValue += scratch.net[o] as number;
    }
    if (purchaseDays > 1) repeatValueSum += dayValue;

    const hasPurchase = orders > 0;
    const repeatPurchases = hasPurchase ? purchaseDays - 1 : 0;
    const intervals = repeatPurchases;
    let medianInterval: number | null = null;
    let meanInterval: number | null = null;
    let cv: number | null = null;
    if (intervals >= 1) {
      meanInterval = intervalSum / intervals;
      const sorted = scratch.interval.subarray(0, intervals).sort();
      medianInterval = medianOfSorted(sorted, intervals);
      if (intervals >= 2) {
        let squares = 0;
        for (let i = 0; i < intervals; i++) squares += ((sorted[i] as number) - meanInterval) ** 2;
        cv = meanInterval > 0 ? Math.sqrt(squares / (intervals - 1)) / meanInterval : null;
      }
    }

    const observedPeriods = hasPurchase ? Math.min(trendPeriods, Math.floor((asOfDay - firstDay) / trendPeriodDays) + 1) : 0;
    const spendLastPeriod = periodNet[0] as number;
    const spendPreviousPeriod = trendPeriods > 1 ? (periodNet[1] as number) : 0;
    const mix = categoryMix(categories[c]);
    const record = state.customerRecords[c];

    let interactionCount: number | null = null;
    let interactionCounts: Readonly<Record<string, number>> = EMPTY;
    let lastInteractionAt: number | null = null;
    let meanInteractionScore: number | null = null;
    if (kinds !== undefined) {
      interactionCount = state.interactionCount[c] as number;
      const customerKinds = kinds[c];
      if (customerKinds !== undefined) {
        customerKinds.sort((a, b) => (a[0] < b[0] ? -1 : 1));
        interactionCounts = Object.fromEntries(customerKinds);
      }
      const last = state.lastInteractionAt[c] as number;
      lastInteractionAt = last === -Infinity ? null : last;
      const scored = state.scoreCount[c] as number;
      meanInteractionScore = scored > 0 ? (state.scoreSum[c] as number) / scored : null;
    }

    results[c] = {
      customerId: state.customerIds[c] as string,
      asOf,
      createdAt: record?.createdAt ?? null,
      isProspect: !hasPurchase,
      firstPurchaseAt: hasPurchase ? firstAt : null,
      lastPurchaseAt: hasPurchase ? lastAt : null,
      daysSinceFirstPurchase: hasPurchase ? asOfDay - firstDay : null,
      daysSinceLastPurchase: hasPurchase ? asOfDay - lastDay : null,
      orders,
      purchaseDays,
      monetaryTotal,
      grossSpend,
      refundedAmount,
      averageOrderValue: hasPurchase ? monetaryTotal / orders : null,
      timeUnit: unit,
      repeatPurchases,
      firstToLastPurchase: hasPurchase ? (lastDay - firstDay) / unitDays : null,
      firstPurchaseToAsOf: hasPurchase ? (asOfDay - firstDay) / unitDays : null,
      meanRepeatPurchaseValue: repeatPurchases > 0 ? repeatValueSum / repeatPurchases : null,
      medianInterpurchaseDays: medianInterval,
      meanInterpurchaseDays: meanInterval,
      interpurchaseCv: cv,
      expectedNextPurchaseAt: medianInterval === null ? null : lastAt + medianInterval * DAY_MS,
      categoryShares: mix.shares,
      topCategory: mix.top,
      distinctCategories: mix.distinct,
      discountedOrderShare: hasPurchase ? discountedOrders / orders : null,
      refundRate: grossSpend > 0 ? refundedAmount / grossSpend : null,
      spendLastPeriod,
      spendPreviousPeriod,
      spendChange: spendPreviousPeriod > 0 ? (spendLastPeriod - spendPreviousPeriod) / spendPreviousPeriod : null,
      spendSlope: slopeOf(periodNet, observedPeriods),
      interactionCount,
      interactionCounts,
      lastInteractionAt,
      daysSinceLastInteraction: lastInteractionAt === null ? null : asOfDay - dayNumber(lastInteractionAt),
      meanInteractionScore,
      attributes: record?.attributes ?? EMPTY,
      consent: record?.consent ?? EMPTY,
    };
  }
  results.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  return results;
}
