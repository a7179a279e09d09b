import type { Rule, RuleLiteral, RuleNode } from './ast';

const literal = (value: RuleLiteral): RuleLiteral => (Object.is(value, -0) ? 0 : value);

/**
 * The canonical form of a (valid) rule: nested `and`s and `or`s flattened into their parent, a
 * single-child `and` / `or` replaced by its child, `not not x` by x (equal in three-valued
 * logic too), −0 written 0, and every node's keys in one fixed order. Two rules that mean the
 * same by these rules serialise to the same JSON, so a definition can be hashed, cached and
 * diffed.
 *
 * @param rule - A valid rule (see `validateRule`).
 * @returns A new rule in canonical form.
 *
 * @example
 * ```ts
 * import { and, canonicalRule, gte, lt, or } from 'clientele';
 * const nested = and(and(gte('orders', 2), gte('monetaryTotal', 100)), or(lt('daysSinceLastPurchase', 30)));
 * JSON.stringify(canonicalRule(nested).rule); // => '{"kind":"and","rules":[{"kind":"gte","field":"orders","value":2},{"kind":"gte","field":"monetaryTotal","value":100},{"kind":"lt","field":"daysSinceLastPurchase","value":30}]}'
 * ```
 * @category Rules
 */
export function canonicalRule(rule: Rule): Rule {
  return { $v: 1, rule: canonicalNode(rule.rule) };
}

function canonicalNode(node: RuleNode): RuleNode {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const rules: RuleNode[] = [];
      for (const child of node.rules) {
        const canonical = canonicalNode(child);
        if (canonical.kind === node.kind) rules.push(...(canonical as { rules: readonly RuleNode[] }).rules);
        else rules.push(canonical);
      }
      return rules.length === 1 ? (rules[0] as RuleNode) : { kind: node.kind, rules };
    }
    case 'not': {
      const inner = canonicalNode(node.rule);
      return inner.kind === 'not' ? inner.rule : { kind: 'not', rule: inner };
    }
    case 'eq':
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return { kind: node.kind, field: node.field, value: literal(node.value) };
    case 'between':
      return { kind: 'between', field: node.field, low: literal(node.low), high: literal(node.high) };
    case 'in':
    case 'notIn':
      return { kind: node.kind, field: node.field, values: node.values.map(literal) };
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return { kind: node.kind, field: node.field, value: node.value, ignoreCase: node.ignoreCase };
    case 'has':
      return { kind: 'has', field: node.field, value: node.value };
    case 'hasAny':
    case 'hasAll':
      return { kind: node.kind, field: node.field, values: [...node.values] };
    case 'exists':
    case 'isNull':
      return { kind: node.kind, field: node.field };
    case 'withinLast':
    case 'moreThanAgo':
      return { kind: node.kind, field: node.field, duration: { amount: node.duration.amount === 0 ? 0 : node.duration.amount, unit: node.duration.unit } };
    case 'events':
      return {
        kind: 'events',
        source: node.source,
        measure: node.measure,
        where: node.where === null ? null : canonicalNode(node.where),
        window: node.window === null ? null : { amount: node.window.amount === 0 ? 0 : node.window.amount, unit: node.window.unit },
        op: node.op,
        value: node.value === 0 ? 0 : node.value,
      };
  }
}
