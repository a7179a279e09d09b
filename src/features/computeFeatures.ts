import { DAY_MS } from '../internal/dayNumber';
import { sortIndicesByText } from '../internal/sortIndicesByText';
import type { CustomerFeatures, TimeUnit } from './CustomerFeatures';
import type { FeatureSelection } from './featureSelection';
import { firstBatchOrders, laterOrders, ordersIn } from './customerRuns';
import { AT, DISCOUNTED, GROSS, groupBy, KEPT, NET, ORDER_STRIDE, PURCHASE, type SummaryState } from './SummaryState';

/** What turns sufficient statistics into features. */
export interface FeatureSettings {
  /** Observation end as given, epoch ms; `asOfDay` is its calendar day, the last one observed. */
  readonly asOf: number;
  readonly asOfDay: number;
  readonly unit: TimeUnit;
  readonly dayNumber: (epochMs: number) => number;
  readonly trendPeriodDays: number;
  readonly trendPeriods: number;
  /** The features asked for; `undefined` for all of them. */
  readonly selection: FeatureSelection | undefined;
}

/** The empty record every customer without attributes, consent, categories or interactions shares. */
export const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

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
  private readonly spend: Float64Array;
  private readonly rows: Int32Array;
  /** Each category's position in name order, so a customer's few categories sort without comparing strings. */
  private readonly rank: Int32Array;
  private readonly touched: number[] = [];
  /** Set by {@link takeShares}: the category with the largest share, and how many categories there were. */
  top: string | null = null;
  distinct = 0;

  constructor(private readonly names: readonly string[]) {
    this.spend = new Float64Array(names.length);
    this.rows = new Int32Array(names.length);
    this.rank = new Int32Array(names.length);
    const byName = sortIndicesByText(names);
    byName.forEach((category, position) => {
      this.rank[category] = position;
    });
  }

  /** Takes a customer's total for one category (each category once per customer). */
  add(category: number, spend: number, lines: number): void {
    this.touched.push(category);
    this.spend[category] = spend;
    this.rows[category] = lines;
  }

  /**
   * Shares by spend (by rows when all categorised spend is zero), keys in name order; sets
   * `top` (ties go to the alphabetically first name) and `distinct`; the next customer's `add` calls start afresh.
   */
  takeShares(): Readonly<Record<string, number>> {
    const { touched, spend, rows, rank, names } = this;
    const count = touched.length;
    this.distinct = count;
    if (count === 0) {
      this.top = null;
      return EMPTY;
    }
    for (let i = 1; i < count; i++) {
      const item = touched[i] as number;
      let j = i - 1;
      while (j >= 0 && (rank[touched[j] as number] as number) > (rank[item] as number)) {
        touched[j + 1] = touched[j] as number;
        j--;
      }
      touched[j + 1] = item;
    }
    let totalSpend = 0;
    let totalRows = 0;
    for (let i = 0; i < count; i++) {
      const category = touched[i] as number;
      totalSpend += spend[category] as number;
      totalRows += rows[category] as number;
    }
    const bySpend = totalSpend > 0;
    const shares: Record<string, number> = {};
    let top: string | null = null;
    let topWeight = -1;
    for (let i = 0; i < count; i++) {
      const category = touched[i] as number;
      const name = names[category] as string;
      const weight = bySpend ? (spend[category] as number) / totalSpend : (rows[category] as number) / totalRows;
      // Assigning "__proto__" would set the prototype; defining it keeps a category of that name a category.
      if (name === '__proto__') Object.defineProperty(shares, name, { value: weight, enumerable: true, writable: true, configurable: true });
      else shares[name] = weight;
      // Names come in order, so the first of equal weights is the alphabetically first.
      if (weight > topWeight) {
        top = name;
        topWeight = weight;
      }
    }
    touched.length = 0;
    this.top = top;
    return shares;
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
  const orderSources = [firstBatchOrders(state), laterOrders(state, customerCount)] as const;
  const kindsOf = state.interactionsGiven ? groupBy(state.kindCustomer, state.kindCustomer.length, customerCount) : undefined;
  const categoryTotals = new CategoryTotals(state.categories.names);
  const kindCounts = new Int32Array(state.kinds.names.length);
  const scratch = new Scratch();
  // The slope looks back trendPeriods periods; the last-versus-previous features always need two.
  const trackedPeriods = Math.max(trendPeriods, 2);
  const periodNet = new Float64Array(trackedPeriods);
  const results: CustomerFeatures[] = [];

  // Customers are visited in id order, so the result is sorted without moving result objects around.
  const names = state.customers.names;
  const byName = sortIndicesByText(names);
  for (let k = 0; k < customerCount; k++) {
    const c = byName[k] as number;
    const record = state.customerRecords[c];
    scratch.ensure(ordersIn(orderSources[0], c) + ordersIn(orderSources[1], c));
    for (let entry = state.categoryHead[c] as number; entry >= 0; entry = state.entryNext[entry] as number) {
      categoryTotals.add(state.entryCategory[entry] as number, state.entrySpend[entry] as number, state.entryLines[entry] as number);
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
    for (const runs of orderSources) {
      if (c >= runs.customers) continue;
      const to = runs.start[c + 1] as number;
      for (let i = runs.start[c] as number; i < to; i++) {
        const base = i * ORDER_STRIDE;
        const flags = runs.flags[i] as number;
        // An order whose rows were all cancelled or outside the window only names its owner.
        if ((flags & KEPT) === 0) continue;
        const net = runs.values[base + NET] as number;
        const orderAt = runs.values[base + AT] as number;
        keptOrders++;
        monetaryTotal += net;
        const gross = runs.values[base + GROSS] as number;
        grossSpend += gross;
        refundedAmount += gross - net;
        const isPurchase = (flags & PURCHASE) !== 0;
        const day = dayNumber(orderAt);
        const periodsBack = Math.floor((asOfDay - day) / trendPeriodDays);
        if (periodsBack < trackedPeriods) periodNet[periodsBack] = (periodNet[periodsBack] as number) + net;
        if (!isPurchase) continue;
        scratch.day[orders] = day;
        scratch.net[orders] = net;
        scratch.order[orders] = orders;
        orders++;
        if ((flags & DISCOUNTED) !== 0) discountedOrders++;
        if (orderAt < firstAt) firstAt = orderAt;
        if (orderAt > lastAt) lastAt = orderAt;
      }
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
    const categoryShares = categoryTotals.takeShares();

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
      categoryShares,
      topCategory: categoryTotals.top,
      distinctCategories: categoryTotals.distinct,
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
