import { ConfigurationError, quoteValue } from '../../errors';
import { compileRule } from '../evaluate/compileRule';
import type { CompileRuleOptions } from '../evaluate/compileConditions';
import type { SegmentSet } from './defineSegments';

/** A customer's segments: at most one in `first` mode. */
export interface SegmentMembership {
  readonly customerId: string;
  readonly segments: readonly string[];
}

/**
 * Puts customers in segments: each rule is compiled once, then every customer is tested
 * against the segments in priority order (stopping at the first match in `first` mode).
 *
 * @param set - From `defineSegments`.
 * @param customers - Scored customers with a `customerId`.
 * @param options - `asOf`, as for `compileRule`.
 * @returns One membership per customer, in input order; customers in no segment have an empty list.
 *
 * @example
 * ```ts
 * import { assignSegments, defineSegments } from 'clientele';
 * const set = defineSegments([{ name: 'big', rule: 'monetaryTotal >= 100' }, { name: 'frequent', rule: 'orders >= 5' }], { mode: 'all' });
 * assignSegments(set, [{ customerId: 'a', monetaryTotal: 150, orders: 6 }, { customerId: 'b', monetaryTotal: 20, orders: 1 }]).map((m) => m.segments); // => [['big', 'frequent'], []]
 * ```
 * @category Rules
 */
export function assignSegments(set: SegmentSet, customers: readonly object[], options?: CompileRuleOptions): SegmentMembership[] {
  if (set?.kind !== 'segments' || set.version !== 1 || (set.mode !== 'first' && set.mode !== 'all') || !Array.isArray(set.segments)) throw new ConfigurationError('invalid_option', `assignSegments expects a segment set from defineSegments, received ${quoteValue(set)}`);
  if (!Array.isArray(customers)) throw new ConfigurationError('invalid_option', `assignSegments expects an array of customers, received ${quoteValue(customers)}`);
  const compiled = set.segments.map((segment) => ({ name: segment.name, matches: compileRule(segment.rule, options) }));
  const first = set.mode === 'first';
  return customers.map((customer) => {
    const segments: string[] = [];
    for (const { name, matches } of compiled) {
      if (!matches(customer)) continue;
      segments.push(name);
      if (first) break;
    }
    return { customerId: String((customer as { customerId?: unknown }).customerId), segments };
  });
}
