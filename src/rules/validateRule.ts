import type * as z from 'zod/mini';
import { quoteValue, RuleError, type PathSegment, type RuleIssue } from '../errors';
import { issueFromZod } from '../model/issueFromZod';
import { CONDITION_SCHEMAS, EVENTS_SCHEMA, RULE_LIMITS, type EventSource, type Rule, type RuleLiteral, type RuleNode } from './ast';
import { canonicalRule } from './canonicalRule';
import { resolveEventField } from './eventFields';
import { resolveRuleField, type RuleFieldInfo } from './ruleFields';

/** What {@link validateRule} returns. */
export type RuleValidation = { readonly ok: true; readonly rule: Rule } | { readonly ok: false; readonly issues: readonly RuleIssue[] };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "YYYY-MM-DD" naming a day that exists (Date.parse would roll 2026-02-30 over to March 2). */
function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * Checks a rule given as JSON (a stored segment definition, a dashboard's editor state) and
 * reports every problem: its structure against the AST schema, the documented limits (depth,
 * nodes, list and string lengths), unknown fields (with the nearest known name), and values of
 * the wrong type for their field and operator. A valid rule comes back in canonical form.
 *
 * @param json - What the host has: usually `JSON.parse` of a stored rule.
 * @returns `{ ok: true, rule }` or `{ ok: false, issues }` with a path and a message per problem.
 *
 * @example
 * ```ts
 * import { validateRule } from 'clientele';
 * const result = validateRule({ $v: 1, rule: { kind: 'and', rules: [{ kind: 'gte', field: 'monetaryTotal', value: '500' }, { kind: 'eq', field: 'valueTier', value: 'gold' }] } });
 * result.ok; // => false
 * result.ok ? [] : result.issues.map((issue) => issue.message); // => ['monetaryTotal is a number field: expected a number, received "500"', 'valueTier is one of high, middle, low: received "gold"']
 * ```
 * @category Rules
 */
export function validateRule(json: unknown): RuleValidation {
  const limits = checkLimits(json);
  if (limits.length > 0) return { ok: false, issues: limits };
  const issues: RuleIssue[] = [];
  const root = json as Record<string, unknown>;
  for (const key of Object.keys(root)) if (key !== '$v' && key !== 'rule') issues.push({ path: [key], message: `unknown key ${JSON.stringify(key)}: a rule has only "$v" and "rule"` });
  if (root.$v !== 1) issues.push({ path: ['$v'], message: `expected version 1, received ${quoteValue(root.$v)}` });
  checkStructure(root.rule, ['rule'], issues, resolveRuleField);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rule: canonicalRule(json as Rule) };
}

const CONNECTIVES = new Set(['and', 'or', 'not', 'events']);

/**
 * Checks a node and its children in one walk: the shape of each node (so every problem gets its
 * own path and message), then, for a well-formed condition, its field and values against the
 * catalogue. Problems of both kinds in different nodes are all reported.
 */
function checkStructure(value: unknown, path: PathSegment[], issues: RuleIssue[], resolve: Resolver): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path, message: `expected a rule node { "kind": ... }, received ${quoteValue(value)}` });
    return;
  }
  const node = value as Record<string, unknown>;
  const kind = node.kind;
  if (typeof kind !== 'string' || !(Object.hasOwn(CONDITION_SCHEMAS, kind) || CONNECTIVES.has(kind))) {
    issues.push({ path: [...path, 'kind'], message: `unknown node kind ${quoteValue(kind)}; the kinds are ${['and', 'or', 'not', ...Object.keys(CONDITION_SCHEMAS), 'events'].join(', ')}` });
    return;
  }
  const extra = (allowed: readonly string[]): void => {
    for (const key of Object.keys(node)) if (!allowed.includes(key)) issues.push({ path: [...path, key], message: `unknown key ${JSON.stringify(key)} in a ${kind} node` });
  };
  if (kind === 'and' || kind === 'or') {
    extra(['kind', 'rules']);
    if (!Array.isArray(node.rules) || node.rules.length === 0) issues.push({ path: [...path, 'rules'], message: `expected a non-empty array of rules, received ${quoteValue(node.rules)}` });
    else node.rules.forEach((child, index) => checkStructure(child, [...path, 'rules', index], issues, resolve));
    return;
  }
  if (kind === 'not') {
    extra(['kind', 'rule']);
    checkStructure(node.rule, [...path, 'rule'], issues, resolve);
    return;
  }
  const schema = kind === 'events' ? EVENTS_SCHEMA : CONDITION_SCHEMAS[kind as keyof typeof CONDITION_SCHEMAS];
  const parsed = schema.safeParse(node);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push(describeZodIssue(issue, path, kind));
  } else if (kind !== 'events') {
    checkNode(node as unknown as RuleNode, path, issues, resolve);
  } else {
    if (resolve !== resolveRuleField) issues.push({ path, message: 'a behaviour condition cannot be nested inside another one' });
    else if (node.measure === 'sum' && node.source === 'interactions') issues.push({ path: [...path, 'measure'], message: 'sum adds amounts: it counts purchases or transactions, not interactions' });
  }
  if (kind === 'events') {
    const source = node.source as EventSource;
    if (node.where === undefined) issues.push({ path: [...path, 'where'], message: 'expected a condition or null' });
    else if (node.where !== null && resolve === resolveRuleField) checkStructure(node.where, [...path, 'where'], issues, (name) => resolveEventField(source, name));
  }
}

/** A zod issue in the words of the other messages: the key, what was expected, what came. */
function describeZodIssue(issue: z.core.$ZodIssue, path: PathSegment[], kind: string): RuleIssue {
  if (issue.code === 'unrecognized_keys') return { path: [...path, issue.keys[0] ?? ''], message: `unknown key ${JSON.stringify(issue.keys[0])} in a ${kind} node` };
  const where = [...path, ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))];
  if (issue.code === 'too_big' && issue.origin === 'array') return { path: where, message: `the list is longer than ${String(issue.maximum)} values` };
  if (issue.code === 'too_big' && issue.origin === 'string') return { path: where, message: `the text is longer than ${String(issue.maximum)} characters` };
  if (issue.code === 'too_small' && issue.origin === 'array') return { path: where, message: 'expected at least one value' };
  return { path: where, message: issueFromZod(issue).message };
}

/** {@link validateRule}, throwing a {@link RuleError} that names the function the host called. */
export function requireValidRule(functionName: string, rule: unknown): Rule {
  const result = validateRule(rule);
  if (!result.ok) throw new RuleError(functionName, result.issues);
  return result.rule;
}

/** Depth, node count and plain-object checks by an explicit stack, so hostile nesting cannot overflow the call stack. */
function checkLimits(json: unknown): RuleIssue[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [{ path: [], message: 'expected a rule object { "$v": 1, "rule": { ... } }' }];
  const stack: { value: unknown; depth: number; path: PathSegment[] }[] = [{ value: (json as { rule?: unknown }).rule, depth: 1, path: ['rule'] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: unknown; depth: number; path: PathSegment[] };
    if (typeof value !== 'object' || value === null) continue;
    nodes += 1;
    if (nodes > RULE_LIMITS.nodes) return [{ path: [], message: `the rule has more than ${RULE_LIMITS.nodes} nodes` }];
    if (depth > RULE_LIMITS.depth) return [{ path, message: `the rule nests deeper than ${RULE_LIMITS.depth} levels` }];
    const node = value as { rules?: unknown; rule?: unknown };
    if (Array.isArray(node.rules)) {
      if (node.rules.length > RULE_LIMITS.nodes) return [{ path: [...path, 'rules'], message: `the rule has more than ${RULE_LIMITS.nodes} nodes` }];
      node.rules.forEach((child, index) => stack.push({ value: child, depth: depth + 1, path: [...path, 'rules', index] }));
    }
    if (Object.hasOwn(node, 'rule')) stack.push({ value: node.rule, depth: depth + 1, path: [...path, 'rule'] });
    if (Object.hasOwn(node, 'where')) stack.push({ value: (node as { where?: unknown }).where, depth: depth + 1, path: [...path, 'where'] });
  }
  return [];
}

const describeType = (info: RuleFieldInfo): string => (info.type === 'enum' ? `one of ${(info.values ?? []).join(', ')}` : `a ${info.type} field`);

/** Is `value` right for a field of this type in an equality or ordering? */
function literalProblem(field: string, info: RuleFieldInfo, value: RuleLiteral, ordering: boolean): string | null {
  const received = JSON.stringify(value);
  switch (info.type) {
    case 'any':
      return null;
    case 'number':
      return typeof value === 'number' ? null : `${field} is a number field: expected a number, received ${received}`;
    case 'boolean':
      return ordering ? `${field} is a boolean field: it has no order` : typeof value === 'boolean' ? null : `${field} is a boolean field: expected true or false, received ${received}`;
    case 'string':
      return typeof value === 'string' ? null : `${field} is a string field: expected a string, received ${received}`;
    case 'enum':
      if (ordering) return `${field} is ${describeType(info)}: it has no order`;
      return typeof value === 'string' && (info.values ?? []).includes(value) ? null : `${field} is ${describeType(info)}: received ${received}`;
    case 'instant':
      return typeof value === 'string' && isCalendarDay(value)
        ? null
        : `${field} is a date field: compare it with a day "YYYY-MM-DD" (or use within / more than ... ago), received ${received}`;
    case 'set':
      return `${field} is a set of strings: use has, has any or has all`;
  }
}

type Resolver = (name: string) => ReturnType<typeof resolveRuleField>;

function checkNode(node: RuleNode, path: PathSegment[], issues: RuleIssue[], resolve: Resolver = resolveRuleField): void {
  if ('rules' in node) {
    node.rules.forEach((child, index) => checkNode(child, [...path, 'rules', index], issues, resolve));
    return;
  }
  if ('rule' in node) {
    checkNode(node.rule, [...path, 'rule'], issues, resolve);
    return;
  }
  if (node.kind === 'events') return;
  const resolved = resolve(node.field);
  if ('problem' in resolved) {
    issues.push({ path: [...path, 'field'], message: resolved.problem });
    return;
  }
  const { info } = resolved;
  const fail = (key: string | readonly PathSegment[], message: string | null): void => {
    if (message !== null) issues.push({ path: [...path, ...(typeof key === 'string' ? [key] : key)], message });
  };
  switch (node.kind) {
    case 'eq':
    case 'ne':
      fail('value', info.type === 'instant' ? `${node.field} is a date field: use between, within or more than ... ago` : literalProblem(node.field, info, node.value, false));
      return;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      fail('value', literalProblem(node.field, info, node.value, true));
      return;
    case 'between': {
      const lowProblem = literalProblem(node.field, info, node.low, true);
      const highProblem = literalProblem(node.field, info, node.high, true);
      fail('low', lowProblem);
      fail('high', highProblem);
      if (lowProblem !== null || highProblem !== null) return;
      if (typeof node.low !== typeof node.high) fail('high', `between needs two values of one type, received ${JSON.stringify(node.low)} and ${JSON.stringify(node.high)}`);
      else if (node.low > node.high) fail('high', `between needs low <= high, received ${JSON.stringify(node.low)} and ${JSON.stringify(node.high)}`);
      return;
    }
    case 'in':
    case 'notIn':
      node.values.forEach((value, index) => fail(['values', index], info.type === 'instant' ? `${node.field} is a date field: use between` : literalProblem(node.field, info, value, false)));
      return;
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      fail('field', info.type === 'string' || info.type === 'enum' || info.type === 'any' ? null : `${node.field} is ${describeType(info)}: ${node.kind} needs a string field`);
      return;
    case 'has':
    case 'hasAny':
    case 'hasAll':
      fail('field', info.type === 'set' || info.type === 'any' ? null : `${node.field} is ${describeType(info)}: ${node.kind} needs a set field such as categories`);
      return;
    case 'exists':
    case 'isNull':
      return;
    case 'withinLast':
    case 'moreThanAgo':
      fail('field', info.type === 'instant' ? null : `${node.field} is ${describeType(info)}: ${node.kind === 'withinLast' ? 'within' : 'more than ... ago'} needs a date field such as lastPurchaseAt`);
      return;
  }
}
