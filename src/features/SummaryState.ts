import type { Customer } from '../model/customerSchema';
import type { Interaction } from '../model/interactionSchema';
import { growColumn } from '../internal/growColumn';
import type { Transaction } from '../model/transactionSchema';

/** Interns strings as dense integer indices: customer ids, categories, interaction kinds. */
class Interner {
  readonly index = new Map<string, number>();
  readonly names: string[] = [];

  /** The index of `name`, created on first sight. */
  intern(name: string): number {
    let index = this.index.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.index.set(name, index);
      this.names.push(name);
    }
    return index;
  }
}

/** Rows grouped by an integer key: the rows of key k are `rows[start[k] .. start[k + 1])`, in input order. */
export interface Grouping {
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

/** Counting sort of the first `count` `keys` (values in 0..groupCount-1): O(n), stable. */
export function groupBy(keys: ArrayLike<number>, count: number, groupCount: number): Grouping {
  const start = new Int32Array(groupCount + 1);
  for (let row = 0; row < count; row++) {
    const key = keys[row] as number;
    start[key + 1] = (start[key + 1] as number) + 1;
  }
  for (let group = 0; group < groupCount; group++) start[group + 1] = (start[group + 1] as number) + (start[group] as number);
  const fill = start.slice(0, groupCount);
  const rows = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    const key = keys[row] as number;
    rows[fill[key] as number] = row;
    fill[key] = (fill[key] as number) + 1;
  }
  return { start, rows };
}

/**
 * A kept row's flags, packed in one integer: bits 0-1 say what the row does (a purchase line, a
 * refund, i.e. a negative completed row, or a sale given back with status `refunded`), bit 2
 * whether it had a discount, and the bits above hold its category index plus one (0: none).
 */
export const ROW_PURCHASE = 0;
export const ROW_REFUND = 1;
export const ROW_REFUNDED_SALE = 2;
export const ROW_ROLE_MASK = 3;
export const ROW_DISCOUNTED = 4;
export const ROW_CATEGORY_SHIFT = 3;

/**
 * What a summary is computed from: the transaction rows inside the observation window, reduced
 * to typed columns (customer index, order id, time, amount, packed flags),
 * plus per-customer interaction tallies and customer records. Folding a row is a customer
 * lookup and a few appends; rows are grouped by customer, and by order within a customer, only
 * when features are computed, where the maps involved are small. A refund that arrives in a
 * later batch than its order therefore lands on the same order.
 *
 * An order must keep one customer across batches. A single parsed batch is consistent on its
 * own, so the global order-to-customer map (the costly part) is only built once a second batch
 * or a merge arrives.
 */
export class SummaryState {
  readonly customers = new Interner();
  readonly customerRecords: (Customer | undefined)[] = [];

  /** Number of kept rows; the columns below have room for more. */
  rowCount = 0;
  rowCustomer = new Int32Array(1024);
  rowAt = new Float64Array(1024);
  rowAmount = new Float64Array(1024);
  rowFlags = new Int32Array(1024);
  readonly rowOrder: string[] = [];
  readonly categories = new Interner();

  interactionsGiven = false;
  readonly kinds = new Interner();
  /** One entry per interaction: customer and kind. */
  readonly kindCustomer: number[] = [];
  readonly kindOf: number[] = [];
  readonly interactionCount: number[] = [];
  readonly lastInteractionAt: number[] = [];
  readonly scoreSum: number[] = [];
  readonly scoreCount: number[] = [];

  /** Order id → customer index, built on demand (see the class comment). */
  private orderOwner: Map<string, number> | undefined;
  private lastCustomerId: string | undefined;
  private lastCustomer = -1;
  private lastCategory: string | undefined;
  private lastCategoryIndex = -1;

  /** Index of a customer id, created on first sight. */
  customer(id: string): number {
    if (id === this.lastCustomerId) return this.lastCustomer;
    const before = this.customers.names.length;
    const index = this.customers.intern(id);
    if (index === before) {
      this.customerRecords.push(undefined);
      this.interactionCount.push(0);
      this.lastInteractionAt.push(-Infinity);
      this.scoreSum.push(0);
      this.scoreCount.push(0);
    }
    this.lastCustomerId = id;
    this.lastCustomer = index;
    return index;
  }

  /** Whether any transaction row has been folded. */
  hasRows(): boolean {
    return this.rowCount > 0;
  }

  /** The customer id an order belongs to so far, or `undefined` for a new order. Builds the order map on first use. */
  ownerOf(orderId: string): string | undefined {
    if (this.orderOwner === undefined) {
      this.orderOwner = new Map();
      for (let row = 0; row < this.rowCount; row++) this.orderOwner.set(this.rowOrder[row] as string, this.rowCustomer[row] as number);
    }
    const owner = this.orderOwner.get(orderId);
    return owner === undefined ? undefined : this.customers.names[owner];
  }

  private category(name: string): number {
    if (name !== this.lastCategory) {
      this.lastCategory = name;
      this.lastCategoryIndex = this.categories.intern(name);
    }
    return this.lastCategoryIndex;
  }

  private appendRow(customer: number, orderId: string, at: number, amount: number, flags: number): void {
    const row = this.rowCount;
    if (row === this.rowCustomer.length) {
      this.rowCustomer = growColumn(this.rowCustomer, row + 1);
      this.rowAt = growColumn(this.rowAt, row + 1);
      this.rowAmount = growColumn(this.rowAmount, row + 1);
      this.rowFlags = growColumn(this.rowFlags, row + 1);
    }
    this.rowCustomer[row] = customer;
    this.rowAt[row] = at;
    this.rowAmount[row] = amount;
    this.rowFlags[row] = flags;
    this.rowOrder.push(orderId);
    this.rowCount = row + 1;
    this.orderOwner?.set(orderId, customer);
  }

  /** Folds one transaction row; cancelled rows change nothing. */
  addTransaction(row: Transaction): void {
    if (row.status === 'cancelled') return;
    const amount = row.amount;
    const role = row.status === 'refunded' ? ROW_REFUNDED_SALE : amount >= 0 ? ROW_PURCHASE : ROW_REFUND;
    const category = role === ROW_PURCHASE && row.category !== undefined ? this.category(row.category) + 1 : 0;
    const discounted = row.discount !== undefined && row.discount > 0 ? ROW_DISCOUNTED : 0;
    this.appendRow(this.customer(row.customerId), row.orderId, row.at, amount, role | discounted | (category << ROW_CATEGORY_SHIFT));
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

  /** Folds one interaction row. */
  addInteraction(row: Interaction): void {
    const customer = this.customer(row.customerId);
    this.addInteractionTally(customer, 1, row.at, row.score ?? 0, row.score === undefined ? 0 : 1);
    this.kindCustomer.push(customer);
    this.kindOf.push(this.kinds.intern(row.kind));
  }

  /** Ids of orders that this state and `other` assign to different customers. */
  conflictingOrders(other: SummaryState): string[] {
    const conflicts = new Set<string>();
    for (let row = 0; row < other.rowCount; row++) {
      const id = other.rowOrder[row] as string;
      const owner = this.ownerOf(id);
      if (owner !== undefined && owner !== other.customers.names[other.rowCustomer[row] as number]) conflicts.add(id);
    }
    return [...conflicts];
  }

  /** Folds another state into this one; check {@link conflictingOrders} first. */
  merge(other: SummaryState): void {
    const customerMap = other.customers.names.map((id, index) => {
      const mine = this.customer(id);
      const record = other.customerRecords[index];
      if (record !== undefined) this.customerRecords[mine] ??= record;
      return mine;
    });
    const categoryMap = other.categories.names.map((name) => this.categories.intern(name));
    for (let row = 0; row < other.rowCount; row++) {
      const flags = other.rowFlags[row] as number;
      const category = flags >> ROW_CATEGORY_SHIFT;
      const remapped = category === 0 ? 0 : (categoryMap[category - 1] as number) + 1;
      this.appendRow(
        customerMap[other.rowCustomer[row] as number] as number,
        other.rowOrder[row] as string,
        other.rowAt[row] as number,
        other.rowAmount[row] as number,
        (flags & (ROW_ROLE_MASK | ROW_DISCOUNTED)) | (remapped << ROW_CATEGORY_SHIFT),
      );
    }
    this.interactionsGiven ||= other.interactionsGiven;
    customerMap.forEach((mine, index) => {
      this.addInteractionTally(mine, other.interactionCount[index] as number, other.lastInteractionAt[index] as number, other.scoreSum[index] as number, other.scoreCount[index] as number);
    });
    const kindMap = other.kinds.names.map((name) => this.kinds.intern(name));
    other.kindCustomer.forEach((customer, entry) => {
      this.kindCustomer.push(customerMap[customer] as number);
      this.kindOf.push(kindMap[other.kindOf[entry] as number] as number);
    });
  }
}
