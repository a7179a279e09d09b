import { DAY_MS } from '../internal/dayNumber';
import type { CustomerFeatures, TimeUnit } from './CustomerFeatures';
import { groupBy, type SummaryState } from './SummaryState';

/** What turns sufficient statistics into features. */
export interface FeatureSettings {
  /** Observation end as given, epoch ms; `asOfDay` is its calendar day, the last one observed. */
  readonly asOf: number;
  readonly asOfDay: number;
  readonly unit: TimeUnit;
  readonly dayNumber: (epochMs: number) => number;
  readonly trendPeriodDays: number;
  readonly trendPeriods: number;
}

const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

/** Reusable per-customer buffers, grown on demand, so per-customer work allocates nothing in the common case. */
class Scratch {
  /** Per purchase order: its day, net value and a sort permutation; intervals between purchase days. */
  day = new Float64Array(64);
  net = new Float64Array(64);
  order = new Int32Array(64);
  interval = new Float64Array(64);

  ensure(size: number): void {
    if (size <= this.day.length) return;
    const capacity = Math.max(size, this.day.length * 2);
    this.day = new Float64Array(capacity);
    this.net = new Float64Array(capacity);
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

/** Sorts `values[0..n)` ascending in place: insertion sort for short runs, a typed-array sort otherwise. */
function sortPrefix(values: Float64Array, n: number): void {
  if (n > 32) {
    values.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const item = values[i] as number;
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > item) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = item;
  }
}

function medianOfSorted(values: Float64Array, n: number): number {
  const middle = n >> 1;
  return n % 2 === 1 ? (values[middle] as number) : ((values[middle - 1] as number) + (values[middle] as number)) / 2;
}

/** Orders strings by UTF-16 code units, as `<` does: the same order in every runtime and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reusable per-category totals for one customer at a time. */
class CategoryTotals {
  readonly spend: Float64Array;
  readonly rows: Int32Array;
  readonly touched: number[] = [];

  constructor(categoryCount: number) {
    this.spend = new Float64Array(categoryCount);
    this.rows = new Int32Array(categoryCount);
  }

  add(category: number, spend: number): void {
    if (this.rows[category] === 0) this.touched.push(category);
    this.spend[category] = (this.spend[category] as number) + spend;
    this.rows[category] = (this.rows[category] as number) + 1;
  }

  /** Shares by spend (by rows when all categorised spend is zero); ties for the top go to the alphabetically first name. Resets the totals. */
  takeMix(names: readonly string[]): { shares: Readonly<Record<string, number>>; top: string | null; distinct: number } {
    const { touched, spend, rows } = this;
    if (touched.length === 0) return { shares: EMPTY, top: null, distinct: 0 };
    if (touched.length === 1) {
      const only = touched[0] as number;
      const name = names[only] as string;
      spend[only] = 0;
      rows[only] = 0;
      touched.length = 0;
      // A computed key defines an own property, so a category named "__proto__" stays a category.
      return { shares: { [name]: 1 }, top: name, distinct: 1 };
    }
    let totalSpend = 0;
    let totalRows = 0;
    for (const category of touched) {
      totalSpend += spend[category] as number;
      totalRows += rows[category] as number;
    }
    const bySpend = totalSpend > 0;
    const entries: [string, number][] = [];
    let top: string | null = null;
    let topWeight = -1;
    for (const category of touched) {
      const name = names[category] as string;
      const weight = bySpend ? (spend[category] as number) / totalSpend : (rows[category] as number) / totalRows;
      entries.push([name, weight]);
      if (weight > topWeight || (weight === topWeight && top !== null && name < top)) {
        top = name;
        topWeight = weight;
      }
      spend[category] = 0;
      rows[category] = 0;
    }
    const distinct = touched.length;
    touched.length = 0;
    entries.sort((a, b) => compareText(a[0], b[0]));
    // Object.fromEntries defines own properties, so a category named "__proto__" stays a category.
    return { shares: Object.fromEntries(entries), top, distinct };
  }
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
  const customerCount = state.customers.names.length;
  const ordersOf = groupBy(state.orderCustomer, state.orderCount, customerCount);
  const categoriesOf = groupBy(state.categoryCustomer, state.categoryEntries, customerCount);
  const kindsOf = state.interactionsGiven ? groupBy(state.kindCustomer, state.kindCustomer.length, customerCount) : undefined;
  const categoryTotals = new CategoryTotals(state.categories.names.length);
  const kindCounts = new Int32Array(state.kinds.names.length);
  const scratch = new Scratch();
  // The slope looks back trendPeriods periods; the last-versus-previous features always need two.
  const trackedPeriods = Math.max(trendPeriods, 2);
  const periodNet = new Float64Array(trackedPeriods);
  const results: CustomerFeatures[] = [];

  // Customers are visited in id order, so the result is sorted without moving result objects around.
  const names = state.customers.names;
  const byName = Int32Array.from(names.keys()).sort((a, b) => compareText(names[a] as string, names[b] as string));
  for (let k = 0; k < customerCount; k++) {
    const c = byName[k] as number;
    const record = state.customerRecords[c];
    const from = ordersOf.start[c] as number;
    const to = ordersOf.start[c + 1] as number;
    scratch.ensure(to - from);
    for (let i = categoriesOf.start[c] as number; i < (categoriesOf.start[c + 1] as number); i++) {
      const entry = categoriesOf.rows[i] as number;
      categoryTotals.add(state.categoryOf[entry] as number, state.categorySpend[entry] as number);
    }
    periodNet.fill(0);
    let monetaryTotal = 0;
    let grossSpend = 0;
    let refundedAmount = 0;
    let orders = 0;
    let discountedOrders = 0;
    let firstAt = Infinity;
    let lastAt = -Infinity;
    let keptOrders = 0;
    for (let i = from; i < to; i++) {
      const order = ordersOf.rows[i] as number;
      const net = state.orderNet[order] as number;
      const purchaseAt = state.orderPurchaseAt[order] as number;
      const orderFirstAt = state.orderFirstAt[order] as number;
      // An order whose rows were all cancelled or outside the window only names its owner.
      if (orderFirstAt === Infinity) continue;
      keptOrders++;
      monetaryTotal += net;
      const gross = state.orderGross[order] as number;
      grossSpend += gross;
      refundedAmount += gross - net;
      const isPurchase = purchaseAt !== Infinity;
      const day = dayNumber(isPurchase ? purchaseAt : orderFirstAt);
      const periodsBack = Math.floor((asOfDay - day) / trendPeriodDays);
      if (periodsBack < trackedPeriods) periodNet[periodsBack] = (periodNet[periodsBack] as number) + net;
      if (!isPurchase) continue;
      scratch.day[orders] = day;
      scratch.net[orders] = net;
      scratch.order[orders] = orders;
      orders++;
      if (state.orderDiscounted[order] === 1) discountedOrders++;
      if (purchaseAt < firstAt) firstAt = purchaseAt;
      if (purchaseAt > lastAt) lastAt = purchaseAt;
    }

    // A customer exists as of asOf with a kept row, a customer record or an interaction; one
    // whose rows were all cancelled or outside the window does not.
    if (keptOrders === 0 && record === undefined && state.interactionCount[c] === 0) continue;

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
    // The intervals are in purchase order until sorted below.
    const lastInterval = intervals >= 1 ? (scratch.interval[intervals - 1] as number) : null;
    if (intervals >= 1) {
      meanInterval = intervalSum / intervals;
      const sorted = scratch.interval;
      sortPrefix(sorted, intervals);
      medianInterval = medianOfSorted(sorted, intervals);
      if (intervals >= 2) {
        let squares = 0;
        for (let i = 0; i < intervals; i++) squares += ((sorted[i] as number) - meanInterval) ** 2;
        cv = meanInterval > 0 ? Math.sqrt(squares / (intervals - 1)) / meanInterval : null;
      }
    }

    const observedPeriods = hasPurchase ? Math.min(trendPeriods, Math.floor((asOfDay - firstDay) / trendPeriodDays) + 1) : 0;
    const spendLastPeriod = periodNet[0] as number;
    const spendPreviousPeriod = periodNet[1] as number;
    const mix = categoryTotals.takeMix(state.categories.names);

    let interactionCount: number | null = null;
    let interactionCounts: Readonly<Record<string, number>> = EMPTY;
    let lastInteractionAt: number | null = null;
    let meanInteractionScore: number | null = null;
    if (kindsOf !== undefined) {
      interactionCount = state.interactionCount[c] as number;
      const fromKind = kindsOf.start[c] as number;
      const toKind = kindsOf.start[c + 1] as number;
      if (toKind > fromKind) {
        const seen: number[] = [];
        for (let i = fromKind; i < toKind; i++) {
          const kind = state.kindOf[kindsOf.rows[i] as number] as number;
          if (kindCounts[kind] === 0) seen.push(kind);
          kindCounts[kind] = (kindCounts[kind] as number) + 1;
        }
        const entries = seen.map((kind): [string, number] => [state.kinds.names[kind] as string, kindCounts[kind] as number]);
        for (const kind of seen) kindCounts[kind] = 0;
        entries.sort((a, b) => compareText(a[0], b[0]));
        interactionCounts = Object.fromEntries(entries);
      }
      const last = state.lastInteractionAt[c] as number;
      lastInteractionAt = last === -Infinity ? null : last;
      const scored = state.scoreCount[c] as number;
      meanInteractionScore = scored > 0 ? (state.scoreSum[c] as number) / scored : null;
    }

    results.push({
      customerId: state.customers.names[c] as string,
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
      lastInterpurchaseDays: lastInterval,
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
    });
  }

  return results;
}
