import { growColumn } from '../internal/growColumn';
import type { Customer } from '../model/customerSchema';
import type { Interaction } from '../model/interactionSchema';
import type { Transaction } from '../model/transactionSchema';
import type { TransactionColumns } from '../model/validatedBatches';

/**
 * Interns strings as dense integer indices. A list can be adopted as it is (a parsed batch's
 * distinct ids) and is only copied when a new name is added; the map is built on first lookup.
 */
class Interner {
  private list: readonly string[] = [];
  private shared = false;
  private index: Map<string, number> | undefined;

  /** The names, by index. */
  get names(): readonly string[] {
    return this.list;
  }

  private map(): Map<string, number> {
    if (this.index === undefined) {
      this.index = new Map();
      for (let i = 0; i < this.list.length; i++) this.index.set(this.list[i] as string, i);
    }
    return this.index;
  }

  /** The index of `name`, or `undefined`. */
  get(name: string): number | undefined {
    return this.map().get(name);
  }

  /** The index of `name`, created on first sight. */
  intern(name: string): number {
    const map = this.map();
    let index = map.get(name);
    if (index === undefined) {
      if (this.shared) {
        this.list = [...this.list];
        this.shared = false;
      }
      index = this.list.length;
      map.set(name, index);
      (this.list as string[]).push(name);
    }
    return index;
  }

  /** Takes a list of distinct names when empty, without building the map; a `shared` list is copied before a name is added. */
  adopt(names: readonly string[], shared = true): void {
    this.list = names;
    this.shared = shared;
  }
}

/** Rows grouped by an integer key: the rows of key k are `rows[start[k] .. start[k + 1])`, in input order. Keys < 0 are left out. */
export interface Grouping {
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

/** Counting sort of the first `count` `keys` (values in -1..groupCount-1; -1 is skipped): O(n), stable. */
export function groupBy(keys: ArrayLike<number>, count: number, groupCount: number): Grouping {
  const start = new Int32Array(groupCount + 1);
  for (let row = 0; row < count; row++) {
    const key = keys[row] as number;
    if (key >= 0) start[key + 1] = (start[key + 1] as number) + 1;
  }
  for (let group = 0; group < groupCount; group++) start[group + 1] = (start[group + 1] as number) + (start[group] as number);
  const next = start.slice(0, groupCount);
  const rows = new Int32Array(start[groupCount] as number);
  for (let row = 0; row < count; row++) {
    const key = keys[row] as number;
    if (key < 0) continue;
    rows[next[key] as number] = row;
    next[key] = (next[key] as number) + 1;
  }
  return { start, rows };
}

/**
 * The numbers kept per order in `SummaryState.orderValues`, and where each sits: `NET` (refunds
 * included) and `GROSS`, and in the layout with order times `AT`: the earliest purchase line, or
 * the earliest kept row while the order has no purchase line (a refund on its own).
 */
export const ORDER_STRIDE = 3;
export const NET = 0;
export const GROSS = 1;
export const AT = 2;
/** In the layout without order times, two numbers per order: `NET` and `GROSS`. */
export const TOTALS_STRIDE = 2;

/** Bits of `SummaryState.orderFlags`: a discounted purchase line, a kept row (not cancelled, in the window), a purchase line. */
export const DISCOUNTED = 1;
export const KEPT = 2;
export const PURCHASE = 4;

/** A currency every folded row is in, or `undefined` while no row named one. */
export type BatchCurrency = string | undefined;

/** A transaction row the state cannot fold: its order belongs to another customer. */
export interface OrderConflict {
  readonly record: number;
  readonly orderId: string;
  readonly owner: string;
  readonly customerId: string;
}

/**
 * The sufficient statistics of a summary, all integer-indexed typed columns:
 *
 * - per order: its customer (set by its first row, whatever the row's status or date), net amount
 *   (refunds included), gross amount, its time (see `AT`), and flags for a kept row, a purchase
 *   line and a discount. These fold
 *   associatively, so batches arrive in any order, a refund may come a batch after its order,
 *   and shards merge;
 * - per customer and category bought: the spend and number of its purchase lines, summed as
 *   lines arrive (a chain of entries per customer);
 * - the first batch's orders are stored grouped by customer, later ones in
 *   arrival order (see `groupedOrders`), so the common single-batch summary groups nothing twice;
 * - per customer: interaction tallies, and one entry per interaction (customer, kind).
 *
 * Customer and order indices come from the columns `parseTransactions` computes anyway, so
 * folding a parsed batch touches no strings. The order-id map is only built when a second
 * batch or a merge has to be matched against the orders already here.
 */
export class SummaryState {
  /**
   * @param layout - `groupFirstBatch`: store the first batch's orders and lines grouped by
   *   customer (what per-customer lists need; order totals alone do not); `keepCategoryTotals`:
   *   keep each customer's category totals (only the category mix reads them); `orderTimes`:
   *   keep each order's time (see `orderTimes`).
   */
  constructor(layout: { readonly groupFirstBatch: boolean; readonly keepCategoryTotals: boolean; readonly orderTimes: boolean } = { groupFirstBatch: true, keepCategoryTotals: true, orderTimes: true }) {
    this.layout = layout;
    this.orderTimes = layout.orderTimes;
    this.orderStride = layout.orderTimes ? ORDER_STRIDE : TOTALS_STRIDE;
  }

  private readonly layout: { readonly groupFirstBatch: boolean; readonly keepCategoryTotals: boolean };
  /**
   * Whether each order keeps its time (`AT`), as per-customer lists of purchase days need.
   * Without it (order totals alone), an order keeps `NET` and `GROSS`, and each customer keeps
   * the earliest and latest purchase line (`firstPurchaseAt`, `lastPurchaseAt`).
   */
  readonly orderTimes: boolean;
  /** Numbers per order in `orderValues`: `ORDER_STRIDE` with order times, `TOTALS_STRIDE` without. */
  readonly orderStride: number;
  /** Per customer, without order times: the earliest and latest purchase line, epoch ms. */
  readonly firstPurchaseAt: number[] = [];
  readonly lastPurchaseAt: number[] = [];

  readonly customers = new Interner();
  readonly customerRecords: (Customer | undefined)[] = [];
  /** The currency of the folded amounts, once a row has named one: every batch and shard must agree. */
  currency: BatchCurrency;

  readonly orders = new Interner();
  /** Number of orders; the order columns have room for more. -1 as customer: no kept row yet. */
  orderCount = 0;
  orderCustomer = new Int32Array(0);
  /** `orderStride` numbers per order, side by side (a folded row touches one or two cache lines): `NET`, `GROSS` and, with order times, `AT`. */
  orderValues = new Float64Array(0);
  /** Per order: `DISCOUNTED`, `KEPT` and `PURCHASE` bits. */
  orderFlags = new Uint8Array(0);

  /**
   * Orders `0 .. groupedOrders` came with the first batch and sit grouped by customer: customer
   * c's are `groupedOrderStart[c] .. groupedOrderStart[c + 1]` (for the customers known then).
   * Orders added later follow in arrival order. Grouping at the start saves `result()` from
   * copying every order to group it, which in memory terms is the largest cost of a summary.
   */
  groupedOrders = 0;
  groupedOrderStart = new Int32Array(1);

  readonly categories = new Interner();
  /**
   * Category totals, one entry per customer and category bought: the category, the spend and
   * number of its purchase lines (summed in the order the lines arrive), and the customer's next
   * entry. `categoryHead[c]` is customer c's first entry, -1 for none.
   */
  readonly categoryHead: number[] = [];
  categoryEntries = 0;
  entryCategory = new Int32Array(0);
  entrySpend = new Float64Array(0);
  entryLines = new Int32Array(0);
  entryNext = new Int32Array(0);

  interactionsGiven = false;
  readonly kinds = new Interner();
  /** One entry per interaction: customer and kind. */
  readonly kindCustomer: number[] = [];
  readonly kindOf: number[] = [];
  readonly interactionCount: number[] = [];
  readonly lastInteractionAt: number[] = [];
  readonly scoreSum: number[] = [];
  readonly scoreCount: number[] = [];

  /** Index of a customer id, created on first sight. */
  customer(id: string): number {
    const before = this.customers.names.length;
    const index = this.customers.intern(id);
    if (index === before) this.extendCustomers(index + 1);
    return index;
  }

  private extendCustomers(count: number): void {
    while (this.customerRecords.length < count) {
      this.customerRecords.push(undefined);
      this.interactionCount.push(0);
      this.lastInteractionAt.push(-Infinity);
      this.scoreSum.push(0);
      this.scoreCount.push(0);
      this.categoryHead.push(-1);
      if (!this.orderTimes) {
        this.firstPurchaseAt.push(Infinity);
        this.lastPurchaseAt.push(-Infinity);
      }
    }
  }

  private extendOrders(count: number): void {
    if (count > this.orderCustomer.length) {
      this.orderCustomer = growColumn(this.orderCustomer, count);
      // As many orders' worth as the other columns hold.
      this.orderValues = growColumn(this.orderValues, this.orderCustomer.length * this.orderStride);
      this.orderFlags = growColumn(this.orderFlags, count);
    }
    this.orderCustomer.fill(-1, this.orderCount, count);
    const values = this.orderValues;
    const stride = this.orderStride;
    values.fill(0, this.orderCount * stride, count * stride);
    if (this.orderTimes) for (let order = this.orderCount; order < count; order++) values[order * stride + AT] = Infinity;
    this.orderCount = count;
  }

  /** Index of an order id, created on first sight. */
  private order(id: string): number {
    const index = this.orders.intern(id);
    if (index >= this.orderCount) this.extendOrders(index + 1);
    return index;
  }

  /**
   * Maps a batch's customer and order indices to this state's, creating what is new; the first
   * batch's orders come grouped by customer, or keep the batch's numbering (`orders` is then
   * `undefined`).
   */
  private mapBatch(columns: TransactionColumns): { customers: Int32Array; orders: Int32Array | undefined; grouped: boolean } {
    const customers = new Int32Array(columns.customerIds.length);
    if (this.customers.names.length === 0) {
      this.customers.adopt(columns.customerIds);
      this.extendCustomers(columns.customerIds.length);
      for (let i = 0; i < customers.length; i++) customers[i] = i;
    } else {
      columns.customerIds.forEach((id, i) => {
        customers[i] = this.customer(id);
      });
    }
    if (this.orders.names.length === 0) {
      if (this.layout.groupFirstBatch) return { customers, orders: this.adoptGrouped(columns, customers), grouped: true };
      return { customers, orders: this.adoptInOrder(columns), grouped: false };
    }
    const orders = new Int32Array(columns.orderIds.length);
    columns.orderIds.forEach((id, i) => {
      orders[i] = this.order(id);
    });
    return { customers, orders, grouped: false };
  }

  /**
   * Takes the first batch's orders in the batch's own numbering, except that an order without a
   * record (all its rows rejected) goes after the others, as in {@link adoptGrouped}: then each
   * customer's orders are summed in the same order in both layouts, and totals agree to the last
   * bit. Returns the batch's numbering when it is kept (the usual case), `undefined` then.
   */
  private adoptInOrder(columns: TransactionColumns): Int32Array | undefined {
    const { orderOfRecord, orderIds } = columns;
    const recorded = new Uint8Array(orderIds.length);
    for (let record = 0; record < orderOfRecord.length; record++) recorded[orderOfRecord[record] as number] = 1;
    if (recorded.every((flag) => flag === 1)) {
      this.orders.adopt(orderIds);
      this.extendOrders(orderIds.length);
      return undefined;
    }
    const slotOf = new Int32Array(orderIds.length);
    const names: string[] = new Array<string>(orderIds.length);
    let next = 0;
    for (const pass of [1, 0]) {
      for (let order = 0; order < orderIds.length; order++) {
        if (recorded[order] !== pass) continue;
        slotOf[order] = next;
        names[next++] = orderIds[order] as string;
      }
    }
    this.orders.adopt(names, false);
    this.extendOrders(orderIds.length);
    return slotOf;
  }

  /**
   * Takes the first batch's orders, numbered so that each customer's are contiguous (an order
   * without a record, all its rows rejected, goes after them). Returns each batch order's index.
   */
  private adoptGrouped(columns: TransactionColumns, customers: Int32Array): Int32Array {
    const { customerOfRecord, orderOfRecord, orderIds } = columns;
    const customerCount = this.customers.names.length;
    const owner = new Int32Array(orderIds.length).fill(-1);
    for (let record = 0; record < orderOfRecord.length; record++) {
      const customer = customers[customerOfRecord[record] as number] as number;
      const order = orderOfRecord[record] as number;
      if ((owner[order] as number) < 0) owner[order] = customer;
    }
    const orderStart = new Int32Array(customerCount + 1);
    for (let order = 0; order < orderIds.length; order++) {
      const customer = owner[order] as number;
      if (customer >= 0) orderStart[customer + 1] = (orderStart[customer + 1] as number) + 1;
    }
    for (let c = 0; c < customerCount; c++) orderStart[c + 1] = (orderStart[c + 1] as number) + (orderStart[c] as number);
    const grouped = orderStart[customerCount] as number;
    const next = orderStart.slice(0, customerCount);
    let loose = grouped;
    const slotOf = new Int32Array(orderIds.length);
    const names: string[] = new Array<string>(orderIds.length);
    for (let order = 0; order < orderIds.length; order++) {
      const customer = owner[order] as number;
      let slot: number;
      if (customer >= 0) {
        slot = next[customer] as number;
        next[customer] = slot + 1;
      } else {
        slot = loose++;
      }
      slotOf[order] = slot;
      names[slot] = orderIds[order] as string;
    }
    this.orders.adopt(names, false);
    this.extendOrders(orderIds.length);
    this.groupedOrders = grouped;
    this.groupedOrderStart = orderStart;
    return slotOf;
  }

  /**
   * Folds a parsed batch: every record whose `keep(at)` holds and that is not cancelled. Checks
   * first that no order changes customer; if one does, changes nothing and returns the conflicts.
   */
  addTransactions(records: readonly Transaction[], columns: TransactionColumns, keep: (at: number) => boolean): OrderConflict[] {
    const { customerOfRecord, orderOfRecord } = columns;
    if (this.orders.names.length > 0) {
      // An order belongs to the customer of its first row, whatever that row's status or date, as in parseTransactions.
      const known = columns.orderIds.map((id) => this.orders.get(id) ?? -1);
      const conflicts: OrderConflict[] = [];
      for (let record = 0; record < records.length; record++) {
        const order = known[orderOfRecord[record] as number] as number;
        if (order < 0) continue;
        const owner = this.orderCustomer[order] as number;
        const row = records[record] as Transaction;
        if (owner >= 0 && this.customers.names[owner] !== row.customerId) {
          conflicts.push({ record, orderId: row.orderId, owner: this.customers.names[owner] as string, customerId: row.customerId });
        }
      }
      if (conflicts.length > 0) return conflicts;
    }
    const map = this.mapBatch(columns);
    const keepCategories = this.layout.keepCategoryTotals;
    let lastCategory: string | undefined;
    let category = -1;
    const values = this.orderValues;
    const flags = this.orderFlags;
    const times = this.orderTimes;
    const stride = this.orderStride;
    for (let record = 0; record < records.length; record++) {
      const row = records[record] as Transaction;
      const order = map.orders === undefined ? (orderOfRecord[record] as number) : (map.orders[orderOfRecord[record] as number] as number);
      const customer = map.customers[customerOfRecord[record] as number] as number;
      this.orderCustomer[order] = customer;
      if (row.status === 'cancelled' || !keep(row.at)) continue;
      const amount = row.amount;
      const at = row.at;
      const base = order * stride;
      const before = flags[order] as number;
      flags[order] = before | KEPT;
      // The order's time: its earliest purchase line; until it has one, its earliest kept row.
      const timeOfRow = times && (before & PURCHASE) === 0 && at < (values[base + AT] as number);
      if (row.status === 'refunded') {
        values[base + GROSS] = (values[base + GROSS] as number) + Math.abs(amount);
        if (timeOfRow) values[base + AT] = at;
      } else if (amount >= 0) {
        if (row.discount !== undefined && row.discount > 0) flags[order] = (flags[order] as number) | DISCOUNTED;
        values[base + NET] = (values[base + NET] as number) + amount;
        values[base + GROSS] = (values[base + GROSS] as number) + amount;
        flags[order] = (flags[order] as number) | PURCHASE;
        if (times) {
          // The first purchase line replaces the time of earlier non-purchase rows.
          if ((before & PURCHASE) === 0 || at < (values[base + AT] as number)) values[base + AT] = at;
        } else {
          if (at < (this.firstPurchaseAt[customer] as number)) this.firstPurchaseAt[customer] = at;
          if (at > (this.lastPurchaseAt[customer] as number)) this.lastPurchaseAt[customer] = at;
        }
        if (keepCategories && row.category !== undefined) {
          if (row.category !== lastCategory) {
            lastCategory = row.category;
            category = this.categories.intern(lastCategory);
          }
          this.addCategoryTotal(customer, category, amount, 1);
        }
      } else {
        values[base + NET] = (values[base + NET] as number) + amount;
        if (timeOfRow) values[base + AT] = at;
      }
    }
    return [];
  }

  /** Adds spend and lines to a customer's total for a category, creating the entry on first sight. */
  private addCategoryTotal(customer: number, category: number, spend: number, lines: number): void {
    let entry = this.categoryHead[customer] as number;
    while (entry >= 0 && this.entryCategory[entry] !== category) entry = this.entryNext[entry] as number;
    if (entry < 0) {
      entry = this.categoryEntries;
      if (entry === this.entryCategory.length) {
        this.entryCategory = growColumn(this.entryCategory, entry + 1);
        this.entrySpend = growColumn(this.entrySpend, entry + 1);
        this.entryLines = growColumn(this.entryLines, entry + 1);
        this.entryNext = growColumn(this.entryNext, entry + 1);
      }
      this.entryCategory[entry] = category;
      // A total starts at 0, so a spend of -0 sums to 0 as it would on top of other lines.
      this.entrySpend[entry] = 0;
      this.entryLines[entry] = 0;
      this.entryNext[entry] = this.categoryHead[customer] as number;
      this.categoryHead[customer] = entry;
      this.categoryEntries = entry + 1;
    }
    this.entrySpend[entry] = (this.entrySpend[entry] as number) + spend;
    this.entryLines[entry] = (this.entryLines[entry] as number) + lines;
  }

  /** Keeps the customer's record (attributes, consent, sign-up date); the first one given wins. */
  addCustomer(record: Customer): void {
    const customer = this.customer(record.id);
    this.customerRecords[customer] ??= record;
  }

  /** Folds one customer's interaction tallies (from a row, or from another state). */
  private addInteractionTally(customer: number, count: number, lastAt: number, scoreSum: number, scoreCount: number): void {
    this.interactionCount[customer] = (this.interactionCount[customer] as number) + count;
    if (lastAt > (this.lastInteractionAt[customer] as number)) this.lastInteractionAt[customer] = lastAt;
    this.scoreSum[customer] = (this.scoreSum[customer] as number) + scoreSum;
    this.scoreCount[customer] = (this.scoreCount[customer] as number) + scoreCount;
  }

  /** Folds one interaction row. */
  addInteraction(row: Interaction): void {
    const customer = this.customer(row.customerId);
    this.addInteractionTally(customer, 1, row.at, row.score ?? 0, row.score === undefined ? 0 : 1);
    this.kindCustomer.push(customer);
    this.kindOf.push(this.kinds.intern(row.kind));
  }

  /** Ids of orders that this state and `other` assign to different customers. */
  conflictingOrders(other: SummaryState): string[] {
    const conflicts: string[] = [];
    for (let order = 0; order < other.orderCount; order++) {
      const theirs = other.orderCustomer[order] as number;
      if (theirs < 0) continue;
      const id = other.orders.names[order] as string;
      const mine = this.orders.get(id);
      if (mine === undefined || mine >= this.orderCount) continue;
      const owner = this.orderCustomer[mine] as number;
      if (owner >= 0 && this.customers.names[owner] !== other.customers.names[theirs]) conflicts.push(id);
    }
    return conflicts;
  }

  /** Folds another state into this one; check {@link conflictingOrders} first. */
  merge(other: SummaryState): void {
    const customerMap = other.customers.names.map((id, index) => {
      const mine = this.customer(id);
      const record = other.customerRecords[index];
      if (record !== undefined) this.customerRecords[mine] ??= record;
      return mine;
    });
    for (let theirs = 0; theirs < other.orderCount; theirs++) {
      const customer = other.orderCustomer[theirs] as number;
      if (customer < 0) continue;
      const order = this.order(other.orders.names[theirs] as string);
      this.orderCustomer[order] = customerMap[customer] as number;
      // Merged states share a layout: createSummarizer merges only summarizers asked for the same fields.
      const stride = this.orderStride;
      const mine = order * stride;
      const base = theirs * stride;
      const values = this.orderValues;
      const given = other.orderValues;
      values[mine + NET] = (values[mine + NET] as number) + (given[base + NET] as number);
      values[mine + GROSS] = (values[mine + GROSS] as number) + (given[base + GROSS] as number);
      if (this.orderTimes) {
        // A purchase line's time wins over rows without one; among equals, the earlier.
        const minePurchase = ((this.orderFlags[order] as number) & PURCHASE) !== 0;
        const theirsPurchase = ((other.orderFlags[theirs] as number) & PURCHASE) !== 0;
        if (minePurchase === theirsPurchase) values[mine + AT] = Math.min(values[mine + AT] as number, given[base + AT] as number);
        else if (theirsPurchase) values[mine + AT] = given[base + AT] as number;
      }
      this.orderFlags[order] = (this.orderFlags[order] as number) | (other.orderFlags[theirs] as number);
    }
    const categoryMap = other.categories.names.map((name) => this.categories.intern(name));
    other.categoryHead.forEach((head, customer) => {
      for (let entry = head; entry >= 0; entry = other.entryNext[entry] as number) {
        this.addCategoryTotal(customerMap[customer] as number, categoryMap[other.entryCategory[entry] as number] as number, other.entrySpend[entry] as number, other.entryLines[entry] as number);
      }
    });
    this.interactionsGiven ||= other.interactionsGiven;
    customerMap.forEach((mine, index) => {
      this.addInteractionTally(mine, other.interactionCount[index] as number, other.lastInteractionAt[index] as number, other.scoreSum[index] as number, other.scoreCount[index] as number);
      if (!this.orderTimes) {
        this.firstPurchaseAt[mine] = Math.min(this.firstPurchaseAt[mine] as number, other.firstPurchaseAt[index] as number);
        this.lastPurchaseAt[mine] = Math.max(this.lastPurchaseAt[mine] as number, other.lastPurchaseAt[index] as number);
      }
    });
    const kindMap = other.kinds.names.map((name) => this.kinds.intern(name));
    other.kindCustomer.forEach((customer, entry) => {
      this.kindCustomer.push(customerMap[customer] as number);
      this.kindOf.push(kindMap[other.kindOf[entry] as number] as number);
    });
  }
}
