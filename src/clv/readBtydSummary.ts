import { quoteValue, ValidationError, type RowIssue } from '../errors';
import type { TimeUnit } from '../features/CustomerFeatures';

/** A customer's BTYD summary in the model's time unit: x, t_x, T. */
export interface BtydSummary {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
}

/** Upper bound on repeat purchases: far beyond any real customer, low enough that every formula stays finite. */
const MAX_REPEAT_PURCHASES = 1e7;

/**
 * Reads and checks one customer's BTYD summary, converted to `unit` (days and weeks convert
 * exactly, 7 to 1). Returns `null` for a prospect (no first purchase), a {@link RowIssue} when
 * a field is wrong.
 */
export function readBtydSummary(customer: unknown, index: number, unit: TimeUnit): BtydSummary | RowIssue | null {
  if (typeof customer !== 'object' || customer === null) return issue(index, [], 'invalid_type', `expected customer features, received ${quoteValue(customer)}`);
  const record = customer as Record<string, unknown>;
  const x = record.repeatPurchases;
  const tx = record.firstToLastPurchase;
  const T = record.firstPurchaseToAsOf;
  const timeUnit = record.timeUnit;
  if (timeUnit !== 'days' && timeUnit !== 'weeks') return issue(index, ['timeUnit'], 'invalid_value', `expected "days" or "weeks", received ${quoteValue(timeUnit)}`);
  if (T === null && tx === null) {
    if (x !== 0) return issue(index, ['repeatPurchases'], 'invalid_value', `expected 0 for a customer with no first purchase, received ${quoteValue(x)}`);
    return null;
  }
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > MAX_REPEAT_PURCHASES) {
    return issue(index, ['repeatPurchases'], 'invalid_value', `expected a whole number from 0 to 1e7, received ${quoteValue(x)}`);
  }
  const txProblem = durationProblem(index, 'firstToLastPurchase', tx);
  if (txProblem) return txProblem;
  const ageProblem = durationProblem(index, 'firstPurchaseToAsOf', T);
  if (ageProblem) return ageProblem;
  const factor = timeUnit === unit ? 1 : timeUnit === 'days' ? 1 / 7 : 7;
  const summary = { x, tx: (tx as number) * factor, T: (T as number) * factor };
  if (summary.tx > summary.T * (1 + 1e-12)) return issue(index, ['firstToLastPurchase'], 'out_of_range', `expected at most firstPurchaseToAsOf (${quoteValue(T)}), received ${quoteValue(tx)}`);
  if (x === 0 && summary.tx !== 0) return issue(index, ['firstToLastPurchase'], 'invalid_value', `expected 0 for a customer with no repeat purchase, received ${quoteValue(tx)}`);
  return summary;
}

/** The BTYD summary of one customer for a single-customer prediction: a prospect or a bad field throws. */
export function requireBtydSummary(functionName: string, customer: unknown, unit: TimeUnit): BtydSummary {
  const summary = readBtydSummary(customer, 0, unit);
  if (summary === null) {
    throw new ValidationError(functionName, [{ index: 0, path: ['firstPurchaseToAsOf'], code: 'invalid_value', message: 'expected a customer with a first purchase: the models describe buyers, not prospects' }], 1, 1);
  }
  if ('code' in summary) throw new ValidationError(functionName, [summary], 1, 1);
  return summary;
}

/** The problem with a duration field, or `null` when it is a finite number from 0 to 1e7. */
function durationProblem(index: number, name: string, value: unknown): RowIssue | null {
  if (typeof value === 'number' && value >= 0 && value <= 1e7) return null;
  if (typeof value !== 'number') return issue(index, [name], 'invalid_type', `expected a number, received ${quoteValue(value)}`);
  if (!Number.isFinite(value)) return issue(index, [name], 'non_finite', `expected a finite number, received ${quoteValue(value)}`);
  return issue(index, [name], 'out_of_range', `expected a duration from 0 to 1e7, received ${quoteValue(value)}`);
}

function issue(index: number, path: RowIssue['path'], code: RowIssue['code'], message: string): RowIssue {
  return { index, path, code, message };
}
