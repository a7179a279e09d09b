import { ModelError, ValidationError, type RowIssue } from '../errors';
import type { TimeUnit } from '../features/CustomerFeatures';
import { readBtydSummary } from './readBtydSummary';

/**
 * The customers a purchase-count model is fitted on, as columns of distinct (x, t_x, T) with
 * a count each: customers with the same summary add the same term to the likelihood, so each
 * distinct summary is evaluated once (2,357 CDNOW customers have 1,400-odd distinct summaries).
 */
export interface BtydGroups {
  readonly timeUnit: TimeUnit;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Customers with this summary. */
  readonly weight: Float64Array;
  /** Index of each group's x in `distinctX`, so functions of x alone are computed once per value. */
  readonly xLevel: Int32Array;
  readonly distinctX: Float64Array;
  /** Customers fitted on (prospects excluded). */
  readonly customers: number;
  /** Prospects given but left out: the models describe customers after their first purchase. */
  readonly excludedProspects: number;
  readonly totalRepeatPurchases: number;
  readonly totalAge: number;
}

/**
 * Validates the customers handed to a fit and groups their summaries. The time unit is the
 * first buyer's; others are converted to it.
 *
 * @throws {ValidationError} listing the customers whose summary is invalid.
 * @throws {ModelError} `insufficient_data` when no customer has a first purchase.
 */
export function groupBtydSummaries(functionName: string, modelKind: string, customers: readonly unknown[]): BtydGroups {
  if (!Array.isArray(customers)) throw new ValidationError(functionName, [{ index: 0, path: [], code: 'invalid_type', message: 'expected an array of customer features' }], 1, 1);
  const firstBuyer = customers.find((customer) => (customer as { firstPurchaseToAsOf?: unknown } | null)?.firstPurchaseToAsOf != null) as { timeUnit?: unknown } | undefined;
  const timeUnit: TimeUnit = firstBuyer?.timeUnit === 'days' ? 'days' : 'weeks';
  const index = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  const issues: RowIssue[] = [];
  let rejected = 0;
  let prospects = 0;
  let totalRepeatPurchases = 0;
  let totalAge = 0;
  customers.forEach((customer, row) => {
    const summary = readBtydSummary(customer, row, timeUnit);
    if (summary === null) {
      prospects += 1;
      return;
    }
    if ('code' in summary) {
      rejected += 1;
      if (issues.length < 20) issues.push(summary);
      return;
    }
    // Repeat purchases take time: x > 0 at t_x = 0 has probability 0 under every model and makes
    // the likelihood unbounded (α runs to 0). Purchases on the first day count once, so
    // summarize never gives it; a summary made elsewhere might.
    if (summary.x > 0 && summary.tx === 0) {
      rejected += 1;
      if (issues.length < 20) {
        issues.push({ index: row, path: ['firstToLastPurchase'], code: 'invalid_value', message: `expected more than 0 for a customer with ${summary.x} repeat purchases (purchases on one day count as one), received 0` });
      }
      return;
    }
    totalRepeatPurchases += summary.x;
    totalAge += summary.T;
    const key = `${summary.x} ${summary.tx} ${summary.T}`;
    const group = index.get(key);
    if (group !== undefined) {
      weight[group] = (weight[group] as number) + 1;
      return;
    }
    index.set(key, x.length);
    x.push(summary.x);
    tx.push(summary.tx);
    T.push(summary.T);
    weight.push(1);
  });
  if (rejected > 0) throw new ValidationError(functionName, issues, rejected, customers.length);
  const fitted = customers.length - prospects;
  if (fitted === 0) {
    throw new ModelError('insufficient_data', `${functionName} needs at least one customer with a first purchase, received ${customers.length} customers and ${prospects} prospects`, modelKind);
  }
  const distinctX = [...new Set(x)].sort((left, right) => left - right);
  const levelOf = new Map(distinctX.map((value, level) => [value, level]));
  return {
    timeUnit,
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    xLevel: Int32Array.from(x, (value) => levelOf.get(value) as number),
    distinctX: Float64Array.from(distinctX),
    customers: fitted,
    excludedProspects: prospects,
    totalRepeatPurchases,
    totalAge,
  };
}
