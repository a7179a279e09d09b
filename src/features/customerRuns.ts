/**
 * Each customer's orders as contiguous runs, which is how the per-customer pass of
 * `computeFeatures` reads them: the first batch's straight from the state (stored grouped),
 * later batches' and merges' copied into runs here.
 */
import { ORDER_STRIDE, type SummaryState } from './SummaryState';

/** Orders in contiguous runs per customer: customer c's are entries `start[c] .. start[c + 1]`, for c below `customers`. */
export interface OrderRuns {
  readonly customers: number;
  readonly start: Int32Array;
  /** `ORDER_STRIDE` numbers per entry, laid out as in `SummaryState.orderValues`. */
  readonly values: Float64Array;
  /** `orderFlags` per entry. */
  readonly flags: Uint8Array;
}

/** How many orders customer c has in these runs. */
export function ordersIn(runs: OrderRuns, c: number): number {
  return c < runs.customers ? (runs.start[c + 1] as number) - (runs.start[c] as number) : 0;
}

/** The first batch's orders, which the state keeps grouped by customer. */
export function firstBatchOrders(state: SummaryState): OrderRuns {
  return {
    customers: state.groupedOrderStart.length - 1,
    start: state.groupedOrderStart,
    values: state.orderValues,
    flags: state.orderFlags,
  };
}

/** The orders added after the first batch, copied into runs per customer by a stable counting sort (a scatter: cheaper than gathering through an index later). */
export function laterOrders(state: SummaryState, customerCount: number): OrderRuns {
  const owner = state.orderCustomer;
  const from = state.groupedOrders;
  const to = state.orderCount;
  const start = new Int32Array(customerCount + 1);
  for (let order = from; order < to; order++) {
    const customer = owner[order] as number;
    if (customer >= 0) start[customer + 1] = (start[customer + 1] as number) + 1;
  }
  for (let c = 0; c < customerCount; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const size = start[customerCount] as number;
  const next = start.slice(0, customerCount);
  const values = new Float64Array(size * ORDER_STRIDE);
  const flags = new Uint8Array(size);
  const { orderValues, orderFlags } = state;
  for (let order = from; order < to; order++) {
    const customer = owner[order] as number;
    if (customer < 0) continue;
    const at = next[customer] as number;
    next[customer] = at + 1;
    for (let k = 0; k < ORDER_STRIDE; k++) values[at * ORDER_STRIDE + k] = orderValues[order * ORDER_STRIDE + k] as number;
    flags[at] = orderFlags[order] as number;
  }
  return { customers: size === 0 ? 0 : customerCount, start, values, flags };
}
