import type { Rule } from '../ast';
import { requireValidRule } from '../validateRule';
import { compileContext, compileNode, plainCustomer, TRUE, type CompileRuleOptions } from './compileConditions';

/** A compiled rule: `true` when the customer matches. */
export type RulePredicate = (customer: object) => boolean;

/**
 * Compiles a rule into a predicate over scored customers (features plus any scores the host
 * attached: `rfm`, `valueTier`, `lifecycle`, `clv`, `pAlive`, `cluster`). The predicate is built
 * from closures: no `eval`, no `new Function`, so it runs under a strict Content-Security-Policy.
 *
 * Null semantics are SQL's three-valued logic: a condition on a missing or null value, or on a
 * value of another type than the rule's (no coercion), is unknown; `not unknown` is unknown;
 * and unknown never matches. So `monetaryTotal < 100` never matches a customer without a value.
 * `exists` and `is null` are the only conditions that test for a missing value.
 *
 * @param rule - A rule: built, parsed, or JSON (checked as `validateRule` does).
 * @param options - `asOf`: the "now" of `within` and `more than ... ago` (default: each customer's own `asOf`).
 * @returns The predicate.
 * @throws {RuleError} `invalid_rule` listing every problem of an invalid rule.
 *
 * @example
 * ```ts
 * import { compileRule, parseRule } from 'clientele';
 * const isVip = compileRule(parseRule('monetaryTotal >= 500 and rfm.segment in ("champions", "loyal")'));
 * isVip({ monetaryTotal: 800, rfm: { segment: 'champions' } }); // => true
 * isVip({ monetaryTotal: 800 }); // => false
 * compileRule(parseRule('monetaryTotal < 100'))({ monetaryTotal: null }); // => false
 * ```
 * @category Rules
 */
export function compileRule(rule: Rule, options?: CompileRuleOptions): RulePredicate {
  const valid = requireValidRule('compileRule', rule);
  const test = compileNode(valid.rule, compileContext('compileRule', options)).test;
  const objectPrototype = Object.prototype;
  return (customer) => {
    // plainCustomer, inlined: this runs once per customer.
    const prototype: unknown = Object.getPrototypeOf(customer);
    return test(prototype === objectPrototype || prototype === null ? customer : plainCustomer(customer)) === TRUE;
  };
}
