import type { Rule, RuleNode } from '../ast';
import { printRule } from '../print/printRule';
import { requireValidRule } from '../validateRule';
import { compileContext, compileNode, plainCustomer, type CompiledNode, type CompileRuleOptions } from './compileConditions';

/** The outcome of one node for one customer. */
export type RuleOutcome = 'true' | 'false' | 'unknown';

/** Why a customer matched a rule or not, node by node. */
export interface RuleExplanation {
  /** The node as text (`monetaryTotal >= 500`). */
  readonly text: string;
  readonly outcome: RuleOutcome;
  /** The customer's value of the condition's field (`null` when missing); absent on and / or / not. */
  readonly value?: unknown;
  /** The explanations of an and / or / not's children. */
  readonly children?: readonly RuleExplanation[];
}

const OUTCOMES: readonly RuleOutcome[] = ['false', 'true', 'unknown'];

/**
 * Explains a rule for one customer: every condition with the customer's value and its outcome
 * (`true`, `false`, or `unknown` for a missing value), and how `and`, `or`, `not` combined them.
 * For "why is this customer in this segment?" in a dashboard.
 *
 * @param rule - A rule.
 * @param customer - A scored customer.
 * @param options - `asOf`, as for `compileRule`.
 * @returns The explanation tree; its root's `outcome` is `'true'` exactly when `compileRule` matches.
 * @throws {RuleError} `invalid_rule` for an invalid rule.
 *
 * @example
 * ```ts
 * import { explainRule, parseRule } from 'clientele';
 * const why = explainRule(parseRule('monetaryTotal >= 500 and daysSinceLastPurchase <= 30'), { monetaryTotal: 800, daysSinceLastPurchase: null });
 * why.outcome; // => 'unknown'
 * why.children?.map((child) => `${child.text}: ${String(child.value)} -> ${child.outcome}`); // => ['monetaryTotal >= 500: 800 -> true', 'daysSinceLastPurchase <= 30: null -> unknown']
 * ```
 * @category Rules
 */
export function explainRule(rule: Rule, customer: object, options?: CompileRuleOptions): RuleExplanation {
  const valid = requireValidRule('explainRule', rule);
  return explain(compileNode(valid.rule, compileContext('explainRule', options)), plainCustomer(customer));
}

function explain(compiled: CompiledNode, customer: object): RuleExplanation {
  const text = printRule({ $v: 1, rule: compiled.node as RuleNode });
  const outcome = OUTCOMES[compiled.test(customer)] as RuleOutcome;
  if (compiled.children !== undefined) return { text, outcome, children: compiled.children.map((child) => explain(child, customer)) };
  const raw = compiled.read?.(customer);
  const value = raw instanceof Set ? [...raw] : (raw ?? null);
  return { text, outcome, value };
}

