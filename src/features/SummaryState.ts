import type { Customer } from '../model/customerSchema';
import type { Interaction } from '../model/interactionSchema';
import type { Transaction } from '../model/transactionSchema';

/** Category and kind indices are packed next to the customer index in one number key. */
const STRIDE = 2 ** 21;

/**
 * The sufficient statistics of a summary: per-order aggregates (associative, so batches can
 * arrive in any order and shards can merge), per customer-category spend, and per-customer
 * interaction tallies. Columnar: one array per quantity, indexed by integer order and customer
 * indices; strings are looked up once per row.
 *
 * A refund row that arrives in a later batch than its order lands on the same order aggregate.
 */
export class SummaryState {
  readonly customerIndex = new Map<string, number>();
  readonly customerIds: string[] = [];
  readonly customerRecords: (Customer | undefined)[] = [];

  readonly orderIndex = new Map<string, number>();
  readonly orderIds: string[] = [];
  readonly orderCustomer: number[] = [];
  /** Sum of completed amounts, refunds (negative rows) included. */
  readonly orderNet: number[] = [];
  /** Completed non-negative amounts plus amounts of rows with status `refunded`. */
  readonly orderGross: number[] = [];
  /** Negative completed amounts and `refunded` rows, as a positive amount. */
  readonly orderRefunded: number[] = [];
  /** Earliest `at` of a completed non-negative row; Infinity when the order holds only refunds. */
  readonly orderPurchaseAt: number[] = [];
  /** Earliest `at` of any row, used to date an order that is only a refund. */
  readonly orderFirstAt: number[] = [];
  /** 1 when any row had a discount. */
  readonly orderDiscounted: number[] = [];

  readonly categoryIndex = new Map<string, number>();
  readonly categoryNames: string[] = [];
  /** customer * STRIDE + category → gross spend of completed non-negative rows. */
  readonly categorySpend = new Map<number, number>();
  /** customer * STRIDE + category → number of such rows. */
  readonly categoryRows = new Map<number, number>();

  interactionsGiven = false;
  readonly kindIndex = new Map<string, number>();
  readonly kindNames: string[] = [];
  /** customer * STRIDE + kind → count. */
  readonly kindCounts = new Map<number, number>();
  readonly interactionCount: number[] = [];
  readonly lastInteractionAt: number[] = [];
  readonly scoreSum: number[] = [];
  readonly scoreCount: number[] = [];

  /** Index of a customer id, created on first sight. */
  customer(id: string): number {
    let index = this.customerIndex.get(id);
    if (index === undefined) {
      index = this.customerIds.length;
      this.customerIndex.set(id, index);
      this.customerIds.push(id);
      this.customerRecords.push(undefined);
      this.interactionCount.push(0);
      this.lastInteractionAt.push(-Infinity);
      this.scoreSum.push(0);
      this.scoreCount.push(0);
    }
    return index;
  }

  /** Index of an order id, created on first sight for `customer`; `-1` when the order already belongs to someone else. */
  order(id: string, customer: number): number {
    let index = this.orderIndex.get(id);
    if (index === undefined) {
      index = this.orderIds.length;
      this.orderIndex.set(id, index);
      this.orderIds.push(id);
      this.orderCustomer.push(customer);
      this.orderNet.push(0);
      this.orderGross.push(0);
      this.orderRefunded.push(0);
      this.orderPurchaseAt.push(Infinity);
      this.orderFirstAt.push(Infinity);
      this.orderDiscounted.push(0);
      return index;
    }
    return this.orderCustomer[index] === customer ? index : -1;
  }

  private category(name: string): number {
    let index = this.categoryIndex.get(name);
    if (index === undefined) {
      index = this.categoryNames.length;
      this.categoryIndex.set(name, index);
      this.categoryNames.push(name);
    }
    return index;
  }

  private kind(name: string): number {
    let index = this.kindIndex.get(name);
    if (index === undefined) {
      index = this.kindNames.length;
      this.kindIndex.set(name, index);
      this.kindNames.push(name);
    }
    return index;
  }

  /** Folds one category's spend into a customer's mix. */
  addCategory(customer: number, name: string, spend: number, rows: number): void {
    const key = customer * STRIDE + this.category(name);
    this.categorySpend.set(key, (this.categorySpend.get(key) ?? 0) + spend);
    this.categoryRows.set(key, (this.categoryRows.get(key) ?? 0) + rows);
  }

  /** Folds one order aggregate (from a row, or from another state) into the order it belongs to. */
  addOrderAggregate(order: number, net: number, gross: number, refunded: number, purchaseAt: number, firstAt: number, discounted: number): void {
    this.orderNet[order] = (this.orderNet[order] as number) + net;
    this.orderGross[order] = (this.orderGross[order] as number) + gross;
    this.orderRefunded[order] = (this.orderRefunded[order] as number) + refunded;
    if (purchaseAt < (this.orderPurchaseAt[order] as number)) this.orderPurchaseAt[order] = purchaseAt;
    if (firstAt < (this.orderFirstAt[order] as number)) this.orderFirstAt[order] = firstAt;
    if (discounted === 1) this.orderDiscounted[order] = 1;
  }

  /**
   * Folds one transaction row. Returns `false` when its order belongs to another customer
   * (the caller reports it); cancelled rows change nothing.
   */
  addTransaction(row: Transaction): boolean {
    if (row.status === 'cancelled') return true;
    const customer = this.customer(row.customerId);
    const order = this.order(row.orderId, customer);
    if (order < 0) return false;
    const amount = row.amount;
    const discounted = row.discount !== undefined && row.discount > 0 ? 1 : 0;
    if (row.status === 'refunded') {
      const magnitude = Math.abs(amount);
      this.addOrderAggregate(order, 0, magnitude, magnitude, Infinity, row.at, discounted);
    } else if (amount >= 0) {
      this.addOrderAggregate(order, amount, amount, 0, row.at, row.at, discounted);
      if (row.category !== undefined) this.addCategory(customer, row.category, amount, 1);
    } else {
      this.addOrderAggregate(order, amount, 0, -amount, Infinity, row.at, discounted);
    }
    return true;
  }

  /** Keeps the customer's record (attributes, consent, sign-up date); the first one given wins. */
  addCustomer(record: Customer): void {
    const customer = this.customer(record.id);
    this.customerRecords[customer] ??= record;
  }

  /** Folds one customer's interaction tallies (from a row, or from another state). */
  addInteractionTally(customer: number, count: number, lastAt: number, scoreSum: number, scoreCount: number): void {
    this.interactionCount[customer] = (this.interactionCount[customer] as number) + count;
    if (lastAt > (this.lastInteractionAt[customer] as number)) this.lastInteractionAt[customer] = lastAt;
    this.scoreSum[customer] = (this.scoreSum[customer] as number) + scoreSum;
    this.scoreCount[customer] = (this.scoreCount[customer] as number) + scoreCount;
  }

  /** Adds to a customer's count of one interaction kind. */
  addKindCount(customer: number, kind: string, count: number): void {
    const key = customer * STRIDE + this.kind(kind);
    this.kindCounts.set(key, (this.kindCounts.get(key) ?? 0) + count);
  }

  /** Folds one interaction row. */
  addInteraction(row: Interaction): void {
    const customer = this.customer(row.customerId);
    const scored = row.score === undefined ? 0 : 1;
    this.addInteractionTally(customer, 1, row.at, row.score ?? 0, scored);
    this.addKindCount(customer, row.kind, 1);
  }

  /** Ids of orders that this state and `other` assign to different customers. */
  conflictingOrders(other: SummaryState): string[] {
    const conflicts: string[] = [];
    for (let index = 0; index < other.orderIds.length; index++) {
      const id = other.orderIds[index] as string;
      const mine = this.orderIndex.get(id);
      if (mine === undefined) continue;
      const myCustomer = this.customerIds[this.orderCustomer[mine] as number];
      if (myCustomer !== other.customerIds[other.orderCustomer[index] as number]) conflicts.push(id);
    }
    return conflicts;
  }

  /** Folds another state into this one; check {@link conflictingOrders} first (conflicting orders are skipped). */
  merge(other: SummaryState): void {
    const customerMap = other.customerIds.map((id, index) => {
      const mine = this.customer(id);
      const record = other.customerRecords[index];
      if (record !== undefined) this.customerRecords[mine] ??= record;
      return mine;
    });
    for (let index = 0; index < other.orderIds.length; index++) {
      const order = this.order(other.orderIds[index] as string, customerMap[other.orderCustomer[index] as number] as number);
      if (order < 0) continue;
      this.addOrderAggregate(
        order,
        other.orderNet[index] as number,
        other.orderGross[index] as number,
        other.orderRefunded[index] as number,
        other.orderPurchaseAt[index] as number,
        other.orderFirstAt[index] as number,
        other.orderDiscounted[index] as number,
      );
    }
    for (const [key, spend] of other.categorySpend) {
      const customer = Math.floor(key / STRIDE);
      const name = other.categoryNames[key - customer * STRIDE] as string;
      this.addCategory(customerMap[customer] as number, name, spend, other.categoryRows.get(key) ?? 0);
    }
    this.interactionsGiven ||= other.interactionsGiven;
    for (let index = 0; index < other.customerIds.length; index++) {
      this.addInteractionTally(
        customerMap[index] as number,
        other.interactionCount[index] as number,
        other.lastInteractionAt[index] as number,
        other.scoreSum[index] as number,
        other.scoreCount[index] as number,
      );
    }
    for (const [key, count] of other.kindCounts) {
      const customer = Math.floor(key / STRIDE);
      this.addKindCount(customerMap[customer] as number, other.kindNames[key - customer * STRIDE] as string, count);
    }
  }

  /** Each customer's categories as `[name, gross spend, rows]`, in one pass over the map. */
  categoriesByCustomer(): ([string, number, number][] | undefined)[] {
    const result = new Array<[string, number, number][] | undefined>(this.customerIds.length);
    for (const [key, spend] of this.categorySpend) {
      const customer = Math.floor(key / STRIDE);
      (result[customer] ??= []).push([this.categoryNames[key - customer * STRIDE] as string, spend, this.categoryRows.get(key) ?? 0]);
    }
    return result;
  }

  /** Each customer's interaction counts per kind, in one pass over the map. */
  kindsByCustomer(): ([string, number][] | undefined)[] {
    const result = new Array<[string, number][] | undefined>(this.customerIds.length);
    for (const [key, count] of this.kindCounts) {
      const customer = Math.floor(key / STRIDE);
      (result[customer] ??= []).push([this.kindNames[key - customer * STRIDE] as string, count]);
    }
    return result;
  }
}
