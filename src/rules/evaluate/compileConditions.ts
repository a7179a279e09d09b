import { RULE_FIELDS, resolveRuleField } from '../ruleFields';
import { ConfigurationError, quoteValue } from '../../errors';
import { createInstantParser, isInstantProblem, type InstantInput } from '../../model/parseInstant';
import { durationDays, type EventsNode, type RuleLiteral, type RuleNode } from '../ast';
import { resolveEventField } from '../eventFields';
import { FEATURE_ACCESSORS } from '../featureAccessors';
import type { ResolvedField } from '../ruleFields';
import { eventsOf, type EventIndex } from './indexEvents';
import { compareCodePoints, foldCase } from '../ruleText';

/** Three-valued truth: SQL's true, false and unknown. Unknown never matches. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/** A compiled node: its truth for a customer; a condition also reads the customer's value (for explanations). */
export interface CompiledNode {
  readonly node: RuleNode;
  readonly test: (customer: object) => Truth;
  readonly read?: (customer: object) => unknown;
  readonly children?: readonly CompiledNode[];
}

/** Options of `compileRule` and `explainRule`. */
export interface CompileRuleOptions {
  /**
   * The "now" that `within` and `more than ... ago` count back from. Default: each customer's
   * own `asOf` (the date their features describe).
   */
  readonly asOf?: InstantInput;
  /** The customers' events, from `indexEvents`: needed by behaviour conditions (`count(purchases ...)`). */
  readonly events?: EventIndex;
}

/** What compiling needs besides the node. */
export interface CompileContext {
  readonly asOf: number | undefined;
  readonly events: EventIndex | undefined;
  /** How field names resolve: the customer catalogue, or an event source's fields inside a behaviour condition. */
  readonly resolve: (name: string) => ResolvedField | { readonly problem: string };
}

const DAY = 86_400_000;
const own = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined);

/** How to read a field from a scored customer: own properties only, absent is `undefined`. */
function accessor({ name, path }: ResolvedField): (customer: object) => unknown {
  const [head, tail] = path as [string, string | undefined];
  if (tail === undefined) {
    if (name === 'categories') return (c) => setOf(own(c, 'categoryShares'));
    if (name === 'interactionKinds') return (c) => (own(c, 'interactionCount') === null ? undefined : setOf(own(c, 'interactionCounts')));
    // The customer is a plain object here (see plainCustomer): a property read is an own read.
    const direct = Object.hasOwn(FEATURE_ACCESSORS, head) ? FEATURE_ACCESSORS[head as keyof typeof FEATURE_ACCESSORS] : undefined;
    return guarded(head, direct ?? ((c) => (c as Record<string, unknown>)[head]));
  }
  const isRecord = (value: unknown): boolean => typeof value === 'object' && value !== null;
  if (head === 'categoryShares') return (c) => (isRecord(own(c, head)) ? (own(own(c, head), tail) ?? 0) : undefined);
  if (head === 'interactionCounts') return (c) => (own(c, 'interactionCount') === null ? null : isRecord(own(c, head)) ? (own(own(c, head), tail) ?? 0) : undefined);
  // Catalogue scores (rfm.segment, lifecycle.stage): names fixed by clientele, never those of
  // Object.prototype, so plain reads. Host-named keys (attributes.region, consent.email): own reads.
  if (Object.hasOwn(RULE_FIELDS, name)) {
    const outer = guarded(head, (c) => (c as Record<string, unknown>)[head]);
    if (Object.hasOwn(Object.prototype, tail)) return (c) => own(outer(c), tail);
    return (c) => {
      const inner = outer(c);
      if (typeof inner !== 'object' || inner === null) return undefined;
      return isPlain(inner) ? (inner as Record<string, unknown>)[tail] : own(inner, tail);
    };
  }
  return (c) => {
    if (!Object.hasOwn(c, head)) return undefined;
    const inner = (c as Record<string, unknown>)[head];
    return typeof inner === 'object' && inner !== null && Object.hasOwn(inner, tail) ? (inner as Record<string, unknown>)[tail] : undefined;
  };
}

/** Whether an object's prototype is Object.prototype or null: then a read of a clientele field name is an own read. */
function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A plain read, unless Object.prototype itself carries the name (a polluted prototype): then an own read. */
function guarded(key: string, read: (c: object) => unknown): (c: object) => unknown {
  return Object.hasOwn(Object.prototype, key) ? (c) => (Object.hasOwn(c, key) ? read(c) : undefined) : read;
}

/**
 * The customer as the compiled closures read it: itself when it is a plain object (the usual
 * case, and the fast one: checking ownership on every read of a 40-field features object costs
 * more than the rest of the rule), otherwise a null-prototype copy of its own enumerable
 * properties, so nothing is read through a prototype.
 */
export function plainCustomer(customer: object): object {
  return isPlain(customer) ? customer : Object.assign(Object.create(null) as object, customer);
}

/** The keys of a record of positive numbers, as a set. */
function setOf(record: unknown): ReadonlySet<string> | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(record)) if (typeof value === 'number' && value > 0) keys.add(key);
  return keys;
}

/** Start of a UTC day "YYYY-MM-DD", epoch ms. */
const dayStart = (day: RuleLiteral): number => Date.parse(`${day as string}T00:00:00Z`);

/** Compiles one node (recursively) into closures. The rule is valid: fields exist, values fit their types. */
export function compileNode(node: RuleNode, context: CompileContext): CompiledNode {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const children = node.rules.map((child) => compileNode(child, context));
      const tests = children.map((child) => child.test);
      const stop = node.kind === 'and' ? FALSE : TRUE;
      const otherwise = node.kind === 'and' ? TRUE : FALSE;
      const test = node.kind === 'and' && tests.length <= 3 ? shortAnd(tests) : (customer: object): Truth => {
        let unknown = false;
        for (let i = 0; i < tests.length; i++) {
          const truth = (tests[i] as (customer: object) => Truth)(customer);
          if (truth === stop) return stop;
          if (truth === UNKNOWN) unknown = true;
        }
        return unknown ? UNKNOWN : otherwise;
      };
      return { node, test, children };
    }
    case 'not': {
      const child = compileNode(node.rule, context);
      const inner = child.test;
      return { node, test: (customer) => { const truth = inner(customer); return truth === UNKNOWN ? UNKNOWN : truth === TRUE ? FALSE : TRUE; }, children: [child] };
    }
    case 'events':
      return compileEvents(node, context);
    default:
      return compileCondition(node, context);
  }
}

/**
 * `and` of two or three conditions without a loop (the common case). TRUE is 1 and UNKNOWN 2, so
 * the bitwise or of non-false truths is 1 exactly when all are true.
 */
function shortAnd(tests: readonly ((customer: object) => Truth)[]): (customer: object) => Truth {
  const [first, second, third] = tests as [(customer: object) => Truth, (customer: object) => Truth, ((customer: object) => Truth) | undefined];
  if (third === undefined) {
    return (c) => {
      const a = first(c);
      if (a === FALSE) return FALSE;
      const b = second(c);
      if (b === FALSE) return FALSE;
      return (a | b) === TRUE ? TRUE : UNKNOWN;
    };
  }
  return (c) => {
    const a = first(c);
    if (a === FALSE) return FALSE;
    const b = second(c);
    if (b === FALSE) return FALSE;
    const d = third(c);
    if (d === FALSE) return FALSE;
    return (a | b | d) === TRUE ? TRUE : UNKNOWN;
  };
}

/** A behaviour condition: count or sum the customer's matching events in the window, then compare. */
function compileEvents(node: EventsNode, context: CompileContext): CompiledNode {
  const { events, asOf: asOfOption } = context;
  if (events === undefined || events.kind !== 'events') {
    throw new ConfigurationError('missing_option', 'compileRule needs option `events` (from indexEvents) for a rule that counts purchases, transactions or interactions', ['events']);
  }
  const { source, measure, op, value: expected } = node;
  const where = node.where === null ? null : compileNode(node.where, { asOf: asOfOption, events: undefined, resolve: (name) => resolveEventField(source, name) }).test;
  const days = node.window === null ? Infinity : durationDays(node.window);
  const kind = source === 'interactions' ? 'interactions' : 'transactions';
  const purchasesOnly = source === 'purchases';
  const measureOf = (c: object): number | undefined => {
    const asOf = asOfOption ?? (c as { asOf?: unknown }).asOf;
    if (typeof asOf !== 'number') return undefined;
    const asOfDay = Math.floor(asOf / DAY);
    const orders = new Set<string>();
    let count = 0;
    let sum = 0;
    for (const event of eventsOf(events, (c as { customerId?: unknown }).customerId, kind)) {
      const elapsed = asOfDay - Math.floor(event.at / DAY);
      if (elapsed < 0 || elapsed > days) continue;
      const row = event as { status?: string; amount?: number; orderId?: string };
      if (purchasesOnly && (row.status !== 'completed' || (row.amount as number) < 0)) continue;
      if (where !== null && where(event) !== TRUE) continue;
      if (kind === 'interactions') count += 1;
      else {
        orders.add(row.orderId as string);
        sum += row.amount as number;
      }
    }
    return measure === 'sum' ? sum : kind === 'interactions' ? count : orders.size;
  };
  return {
    node,
    read: measureOf,
    test: (c) => {
      const measured = measureOf(c);
      if (measured === undefined) return UNKNOWN;
      switch (op) {
        case 'eq':
          return measured === expected ? TRUE : FALSE;
        case 'ne':
          return measured !== expected ? TRUE : FALSE;
        case 'lt':
          return measured < expected ? TRUE : FALSE;
        case 'lte':
          return measured <= expected ? TRUE : FALSE;
        case 'gt':
          return measured > expected ? TRUE : FALSE;
        case 'gte':
          return measured >= expected ? TRUE : FALSE;
      }
    },
  };
}

function compileCondition(node: Exclude<RuleNode, { kind: 'and' | 'or' | 'not' | 'events' }>, context: CompileContext): CompiledNode {
  const asOfOption = context.asOf;
  const resolved = context.resolve(node.field);
  if ('problem' in resolved) throw new ConfigurationError('invalid_option', resolved.problem);
  const read = accessor(resolved);
  const instant = resolved.info.type === 'instant';
  const make = (test: (customer: object) => Truth): CompiledNode => ({ node, test, read });
  switch (node.kind) {
    case 'eq':
    case 'ne': {
      const expected = node.value;
      const equal = node.kind === 'eq' ? TRUE : FALSE;
      const different = node.kind === 'eq' ? FALSE : TRUE;
      const type = typeof expected;
      return make((c) => {
        const value = read(c);
        if (value === null || value === undefined || typeof value !== type) return UNKNOWN;
        return value === expected ? equal : different;
      });
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      // A date compares with the start of its day: before the day (lt), on or before (lte), after (gt), on or after (gte).
      const bound = instant ? dayStart(node.value) + (node.kind === 'lte' || node.kind === 'gt' ? DAY : 0) : node.value;
      const type = instant ? 'number' : typeof node.value;
      const kind = instant ? (node.kind === 'lt' || node.kind === 'lte' ? 'lt' : 'gte') : node.kind;
      // One closure per operator, so the hot path has no branch on the operator and no extra call.
      const unusable = (value: unknown): boolean => value === null || value === undefined || typeof value !== type;
      if (type === 'string') {
        // Strings by code point, as the databases do (see ruleText).
        const text = bound as string;
        const holds = kind === 'lt' ? (order: number) => order < 0 : kind === 'lte' ? (order: number) => order <= 0 : kind === 'gt' ? (order: number) => order > 0 : (order: number) => order >= 0;
        return make((c) => { const value = read(c); return unusable(value) ? UNKNOWN : holds(compareCodePoints(value as string, text)) ? TRUE : FALSE; });
      }
      if (kind === 'lt') return make((c) => { const value = read(c); return unusable(value) ? UNKNOWN : (value as number) < (bound as number) ? TRUE : FALSE; });
      if (kind === 'lte') return make((c) => { const value = read(c); return unusable(value) ? UNKNOWN : (value as number) <= (bound as number) ? TRUE : FALSE; });
      if (kind === 'gt') return make((c) => { const value = read(c); return unusable(value) ? UNKNOWN : (value as number) > (bound as number) ? TRUE : FALSE; });
      return make((c) => { const value = read(c); return unusable(value) ? UNKNOWN : (value as number) >= (bound as number) ? TRUE : FALSE; });
    }
    case 'between': {
      const low = instant ? dayStart(node.low) : node.low;
      const high = instant ? dayStart(node.high) + DAY : node.high;
      const type = instant ? 'number' : typeof node.low;
      if (type === 'string') {
        return make((c) => {
          const value = read(c);
          if (typeof value !== 'string') return UNKNOWN;
          return compareCodePoints(value, low as string) >= 0 && compareCodePoints(value, high as string) <= 0 ? TRUE : FALSE;
        });
      }
      return make((c) => {
        const value = read(c);
        if (value === null || value === undefined || typeof value !== type) return UNKNOWN;
        const v = value as number;
        return v >= (low as number) && (instant ? v < (high as number) : v <= (high as number)) ? TRUE : FALSE;
      });
    }
    case 'in':
    case 'notIn': {
      const values = new Set<RuleLiteral>(node.values);
      const found = node.kind === 'in' ? TRUE : FALSE;
      const missing = node.kind === 'in' ? FALSE : TRUE;
      const types = new Set(node.values.map((value) => typeof value));
      // One type in the list (the usual case): compare typeof with it rather than look it up.
      // A short list is faster to scan than to hash.
      const small = node.values.length <= 4 ? [...node.values] : null;
      const onlyType = types.size === 1 ? (node.values[0] === undefined ? '' : typeof node.values[0]) : null;
      return make((c) => {
        const value = read(c);
        if (value === null || value === undefined || (onlyType === null ? !types.has(typeof value) : typeof value !== onlyType)) return UNKNOWN;
        return (small === null ? values.has(value as RuleLiteral) : small.includes(value as RuleLiteral)) ? found : missing;
      });
    }
    case 'contains':
    case 'startsWith':
    case 'endsWith': {
      const needle = node.ignoreCase ? foldCase(node.value) : node.value;
      const { ignoreCase, kind } = node;
      return make((c) => {
        const value = read(c);
        if (typeof value !== 'string') return UNKNOWN;
        const haystack = ignoreCase ? foldCase(value) : value;
        const hit = kind === 'contains' ? haystack.includes(needle) : kind === 'startsWith' ? haystack.startsWith(needle) : haystack.endsWith(needle);
        return hit ? TRUE : FALSE;
      });
    }
    case 'has':
    case 'hasAny':
    case 'hasAll': {
      const wanted = node.kind === 'has' ? [node.value] : node.values;
      const all = node.kind === 'hasAll';
      return make((c) => {
        const value = read(c);
        let holds: (item: string) => boolean;
        if (value instanceof Set) holds = (item) => value.has(item);
        else if (Array.isArray(value)) holds = (item) => value.includes(item);
        else return UNKNOWN;
        return (all ? wanted.every(holds) : wanted.some(holds)) ? TRUE : FALSE;
      });
    }
    case 'exists':
      return make((c) => { const value = read(c); return value === null || value === undefined ? FALSE : TRUE; });
    case 'isNull':
      return make((c) => { const value = read(c); return value === null || value === undefined ? TRUE : FALSE; });
    case 'withinLast':
    case 'moreThanAgo': {
      const days = durationDays(node.duration);
      const within = node.kind === 'withinLast';
      return make((c) => {
        const value = read(c);
        const asOf = asOfOption ?? (c as { asOf?: unknown }).asOf;
        if (typeof value !== 'number' || typeof asOf !== 'number') return UNKNOWN;
        // Whole calendar days (UTC) from the instant's day to asOf's day, as daysSinceLastPurchase counts them.
        const elapsed = Math.floor(asOf / DAY) - Math.floor(value / DAY);
        return within ? (elapsed >= 0 && elapsed <= days ? TRUE : FALSE) : elapsed > days ? TRUE : FALSE;
      });
    }
  }
}

/** The compile context of the options, checked: `asOf` as epoch ms, the event index, the customer catalogue. */
export function compileContext(functionName: string, options: CompileRuleOptions | undefined): CompileContext {
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new ConfigurationError('invalid_option', `${functionName} expects options to be an object, received ${quoteValue(options)}`);
  let asOf: number | undefined;
  if (options?.asOf !== undefined) {
    const instant = createInstantParser()(options.asOf);
    if (isInstantProblem(instant)) throw new ConfigurationError('invalid_option', `${functionName} expects option \`asOf\` to be a date: ${instant.message}`, ['asOf']);
    asOf = instant;
  }
  return { asOf, events: options?.events, resolve: resolveRuleField };
}
