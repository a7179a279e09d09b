import * as z from 'zod/mini';

/** A value in a rule: a string, a finite number or a boolean. There is no null literal: `exists` and `isNull` test for missing values. */
export type RuleLiteral = string | number | boolean;

/** A length of time relative to `asOf`, kept symbolic in the rule. A month is 30.4375 days. */
export interface RuleDuration {
  readonly amount: number;
  readonly unit: 'days' | 'weeks' | 'months';
}

/** Comparison operators. */
export type ComparisonKind = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';
/** Text operators (no regular expressions). */
export type TextKind = 'contains' | 'startsWith' | 'endsWith';

/** One node of a rule. Conditions name a field of the rule field catalogue (`ruleFields`). */
export type RuleNode =
  | { readonly kind: 'and' | 'or'; readonly rules: readonly RuleNode[] }
  | { readonly kind: 'not'; readonly rule: RuleNode }
  | { readonly kind: ComparisonKind; readonly field: string; readonly value: RuleLiteral }
  | { readonly kind: 'between'; readonly field: string; readonly low: RuleLiteral; readonly high: RuleLiteral }
  | { readonly kind: 'in' | 'notIn'; readonly field: string; readonly values: readonly RuleLiteral[] }
  | { readonly kind: TextKind; readonly field: string; readonly value: string; readonly ignoreCase: boolean }
  | { readonly kind: 'has'; readonly field: string; readonly value: string }
  | { readonly kind: 'hasAny' | 'hasAll'; readonly field: string; readonly values: readonly string[] }
  | { readonly kind: 'exists' | 'isNull'; readonly field: string }
  | { readonly kind: 'withinLast' | 'moreThanAgo'; readonly field: string; readonly duration: RuleDuration }
  | EventsNode;

/** Where behaviour conditions count: purchases (completed rows of 0 or more), all transaction rows, or interactions. */
export type EventSource = 'purchases' | 'transactions' | 'interactions';

/**
 * A behaviour condition over the customer's own events: the number of orders (purchases,
 * transactions) or interactions, or the sum of amounts, among the events matching `where`
 * within `window` before `asOf`, compared with `value`.
 * `count(purchases where category = "shoes" within 90 days) >= 2`.
 */
export interface EventsNode {
  readonly kind: 'events';
  readonly source: EventSource;
  readonly measure: 'count' | 'sum';
  /** A condition over the event's fields (category, sku, channel, status, amount, quantity, discount, currency, orderId; kind, campaignId, channel, score); `null` for every event. */
  readonly where: RuleNode | null;
  /** How far back from `asOf`; `null` for all events up to `asOf`. */
  readonly window: RuleDuration | null;
  readonly op: ComparisonKind;
  readonly value: number;
}

/** The node type of one kind (`NodeOfKind<'and'>` is the and / or node). */
export type NodeOfKind<K extends RuleNode['kind']> = RuleNode extends infer N ? (N extends { readonly kind: infer Kinds } ? (K extends Kinds ? N : never) : never) : never;

/** Every node kind: each backend (evaluator, printer, SQL) handles each through a `Record<NodeKind, ...>`. */
export type NodeKind = RuleNode['kind'];

/** A stored rule: the version of the language and the root node. `{ "$v": 1, "rule": { ... } }`. */
export interface Rule {
  readonly $v: 1;
  readonly rule: RuleNode;
}

/** Documented limits: a rule beyond them is refused before it is looked at further. */
export const RULE_LIMITS = Object.freeze({
  /** Nesting depth of and / or / not. */
  depth: 32,
  /** Nodes in one rule. */
  nodes: 1000,
  /** Values in one `in`, `notIn`, `hasAny` or `hasAll` list. */
  listLength: 1000,
  /** Characters in one string value or field name. */
  stringLength: 1000,
  /** Characters of rule text given to `parseRule`. */
  textLength: 100_000,
});

const text = z.string().check(z.maxLength(RULE_LIMITS.stringLength));
const literal = z.union([text, z.number().check(z.refine(Number.isFinite, { message: 'expected a finite number' })), z.boolean()]);
const field = z.string().check(z.minLength(1), z.maxLength(RULE_LIMITS.stringLength));
/** The longest duration a rule may hold: 100 years, which every warehouse's date arithmetic can take (PostgreSQL failed on 100,000 months). */
const MAX_DURATION_DAYS = 36_525;
const duration = z
  .strictObject({ amount: z.number().check(z.gte(0), z.lte(1e6)), unit: z.enum(['days', 'weeks', 'months']) })
  .check(z.refine((value) => durationDays(value) <= MAX_DURATION_DAYS, { message: 'expected a duration of at most 100 years (36,525 days, 5,217 weeks or 1,200 months)' }));

const comparison = z.enum(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);
const list = z.array(literal).check(z.minLength(1), z.maxLength(RULE_LIMITS.listLength));
const strings = z.array(text).check(z.minLength(1), z.maxLength(RULE_LIMITS.listLength));

/** The schema of each condition kind (no children), for checking a node once its kind is known. */
export const CONDITION_SCHEMAS = {
  eq: z.strictObject({ kind: z.literal('eq'), field, value: literal }),
  ne: z.strictObject({ kind: z.literal('ne'), field, value: literal }),
  lt: z.strictObject({ kind: z.literal('lt'), field, value: literal }),
  lte: z.strictObject({ kind: z.literal('lte'), field, value: literal }),
  gt: z.strictObject({ kind: z.literal('gt'), field, value: literal }),
  gte: z.strictObject({ kind: z.literal('gte'), field, value: literal }),
  between: z.strictObject({ kind: z.literal('between'), field, low: literal, high: literal }),
  in: z.strictObject({ kind: z.literal('in'), field, values: list }),
  notIn: z.strictObject({ kind: z.literal('notIn'), field, values: list }),
  contains: z.strictObject({ kind: z.literal('contains'), field, value: text, ignoreCase: z.boolean() }),
  startsWith: z.strictObject({ kind: z.literal('startsWith'), field, value: text, ignoreCase: z.boolean() }),
  endsWith: z.strictObject({ kind: z.literal('endsWith'), field, value: text, ignoreCase: z.boolean() }),
  has: z.strictObject({ kind: z.literal('has'), field, value: text }),
  hasAny: z.strictObject({ kind: z.literal('hasAny'), field, values: strings }),
  hasAll: z.strictObject({ kind: z.literal('hasAll'), field, values: strings }),
  exists: z.strictObject({ kind: z.literal('exists'), field }),
  isNull: z.strictObject({ kind: z.literal('isNull'), field }),
  withinLast: z.strictObject({ kind: z.literal('withinLast'), field, duration }),
  moreThanAgo: z.strictObject({ kind: z.literal('moreThanAgo'), field, duration }),
} as const;

/** The schema of a behaviour condition without its `where` (checked as a node of its own). */
export const EVENTS_SCHEMA = z.strictObject({
  kind: z.literal('events'),
  source: z.enum(['purchases', 'transactions', 'interactions']),
  measure: z.enum(['count', 'sum']),
  where: z.unknown(),
  window: z.nullable(duration),
  op: comparison,
  value: z.number().check(z.refine(Number.isFinite, { message: 'expected a finite number' })),
});

/** The zod schema of one node (recursive), for hosts that validate with zod; `validateRule` checks node by node, with paths, and against the catalogue. */
export const ruleNodeSchema: z.ZodMiniType<RuleNode> = z.union([
  z.strictObject({
    kind: z.enum(['and', 'or']),
    get rules() {
      return z.array(ruleNodeSchema).check(z.minLength(1), z.maxLength(RULE_LIMITS.nodes));
    },
  }),
  z.strictObject({
    kind: z.literal('not'),
    get rule() {
      return ruleNodeSchema;
    },
  }),
  ...Object.values(CONDITION_SCHEMAS),
  z.strictObject({
    ...EVENTS_SCHEMA.shape,
    get where() {
      return z.nullable(ruleNodeSchema);
    },
  }),
]) as unknown as z.ZodMiniType<RuleNode>;

/** The zod schema of a stored rule. */
export const ruleSchema: z.ZodMiniType<Rule> = z.strictObject({ $v: z.literal(1), rule: ruleNodeSchema }) as unknown as z.ZodMiniType<Rule>;

/** Days in a rule duration (months of 30.4375 days). */
export function durationDays({ amount, unit }: RuleDuration): number {
  return unit === 'days' ? amount : unit === 'weeks' ? amount * 7 : amount * 30.4375;
}
