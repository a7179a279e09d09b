import type { NodeOfKind, Rule, RuleLiteral, RuleNode } from '../ast';
import { BARE_FIELD, RULE_KEYWORDS } from '../ruleKeywords';
import { requireValidRule } from '../validateRule';

const COMPARISONS = { eq: '=', ne: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
const TEXT_OPERATORS = { contains: 'contains', startsWith: 'starts with', endsWith: 'ends with' } as const;

const literal = (value: RuleLiteral): string => (typeof value === 'string' ? JSON.stringify(value) : String(value === 0 ? 0 : value));
const list = (values: readonly RuleLiteral[]): string => `(${values.map(literal).join(', ')})`;

/** A field as written: bare when it can be, else in backticks with \` and \\ escaped. */
function fieldText(field: string): string {
  const bare = BARE_FIELD.test(field) && !field.split('.').some((segment) => RULE_KEYWORDS.has(segment.toLowerCase()));
  return bare ? field : `\`${field.replace(/[\\`]/g, (character) => `\\${character}`)}\``;
}

type Printers = { readonly [K in RuleNode['kind']]: (node: NodeOfKind<K>) => string };

const PRINTERS: Printers = {
  and: (node) => node.rules.map((child) => (child.kind === 'or' ? `(${print(child)})` : print(child))).join(' and '),
  or: (node) => node.rules.map((child) => print(child)).join(' or '),
  not: (node) => `not ${node.rule.kind === 'and' || node.rule.kind === 'or' ? `(${print(node.rule)})` : print(node.rule)}`,
  eq: (node) => `${fieldText(node.field)} ${COMPARISONS.eq} ${literal(node.value)}`,
  ne: (node) => `${fieldText(node.field)} ${COMPARISONS.ne} ${literal(node.value)}`,
  lt: (node) => `${fieldText(node.field)} ${COMPARISONS.lt} ${literal(node.value)}`,
  lte: (node) => `${fieldText(node.field)} ${COMPARISONS.lte} ${literal(node.value)}`,
  gt: (node) => `${fieldText(node.field)} ${COMPARISONS.gt} ${literal(node.value)}`,
  gte: (node) => `${fieldText(node.field)} ${COMPARISONS.gte} ${literal(node.value)}`,
  between: (node) => `${fieldText(node.field)} between ${literal(node.low)} and ${literal(node.high)}`,
  in: (node) => `${fieldText(node.field)} in ${list(node.values)}`,
  notIn: (node) => `${fieldText(node.field)} not in ${list(node.values)}`,
  contains: (node) => textCondition(node),
  startsWith: (node) => textCondition(node),
  endsWith: (node) => textCondition(node),
  has: (node) => `${fieldText(node.field)} has ${literal(node.value)}`,
  hasAny: (node) => `${fieldText(node.field)} has any ${list(node.values)}`,
  hasAll: (node) => `${fieldText(node.field)} has all ${list(node.values)}`,
  exists: (node) => `${fieldText(node.field)} exists`,
  isNull: (node) => `${fieldText(node.field)} is null`,
  withinLast: (node) => `${fieldText(node.field)} within ${literal(node.duration.amount)} ${node.duration.unit}`,
  moreThanAgo: (node) => `${fieldText(node.field)} more than ${literal(node.duration.amount)} ${node.duration.unit} ago`,
  events: (node) => {
    const where = node.where === null ? '' : ` where ${print(node.where)}`;
    const window = node.window === null ? '' : ` within ${literal(node.window.amount)} ${node.window.unit}`;
    return `${node.measure}(${node.source}${where}${window}) ${COMPARISONS[node.op]} ${literal(node.value)}`;
  },
};

function textCondition(node: NodeOfKind<'contains'>): string {
  return `${fieldText(node.field)} ${TEXT_OPERATORS[node.kind]} ${literal(node.value)}${node.ignoreCase ? ' ignoring case' : ''}`;
}

function print(node: RuleNode): string {
  return (PRINTERS[node.kind] as (node: RuleNode) => string)(node);
}

/**
 * Writes a rule as canonical text: the syntax `parseRule` reads, with `and` binding tighter
 * than `or`, parentheses only where they are needed, lower-case keywords, strings in double
 * quotes. `parseRule(printRule(rule))` gives back the canonical form of `rule`.
 *
 * @param rule - A valid rule (built, parsed or read from JSON).
 * @returns The text.
 * @throws {RuleError} `invalid_rule` when the rule is not valid.
 *
 * @example
 * ```ts
 * import { printRule } from 'clientele';
 * const rule = { $v: 1, rule: { kind: 'and', rules: [{ kind: 'gte', field: 'monetaryTotal', value: 500 }, { kind: 'or', rules: [{ kind: 'eq', field: 'valueTier', value: 'high' }, { kind: 'has', field: 'categories', value: 'shoes' }] }] } } as const;
 * printRule(rule); // => 'monetaryTotal >= 500 and (valueTier = "high" or categories has "shoes")'
 * ```
 * @category Rules
 */
export function printRule(rule: Rule): string {
  return print(requireValidRule('printRule', rule).rule);
}
