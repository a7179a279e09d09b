import type { NumericFeature } from '../../features/featureCatalogue';
import type { LifecycleStage } from '../../scores/lifecycle/lifecycleStages';
import type { ValueTier } from '../../scores/value/valueTiers';
import type { Rule, RuleDuration, RuleLiteral, RuleNode } from '../ast';

/** Fields holding an instant (epoch ms): compared with `within`, `moreThanAgo` or days "YYYY-MM-DD". */
export type InstantRuleField = 'asOf' | 'createdAt' | 'firstPurchaseAt' | 'lastPurchaseAt' | 'expectedNextPurchaseAt' | 'lastInteractionAt';
/** Fields holding a number. */
export type NumberRuleField =
  | Exclude<NumericFeature, InstantRuleField>
  | 'rfm.r'
  | 'rfm.f'
  | 'rfm.m'
  | 'rfm.score'
  | 'clv'
  | 'pAlive'
  | `categoryShares.${string}`
  | `interactionCounts.${string}`;
/** Fields holding a string. */
export type StringRuleField = 'customerId' | 'rfm.code' | 'cluster' | 'topCategory';
/** Fields holding one of known strings, and those strings. */
export interface EnumRuleFields {
  readonly timeUnit: 'days' | 'weeks';
  readonly 'rfm.segment': string;
  readonly valueTier: ValueTier;
  readonly 'lifecycle.stage': LifecycleStage;
}
/** Fields holding true or false. */
export type BooleanRuleField = 'isProspect' | `consent.${'email' | 'sms' | 'push' | 'phone'}`;
/** Fields holding a set of strings. */
export type SetRuleField = 'categories' | 'interactionKinds';
/** Host attributes: their type is the value's. */
export type AttributeRuleField = `attributes.${string}`;

/** The value a field is compared with, by its type. */
export type RuleValueOf<F extends string> = F extends NumberRuleField
  ? number
  : F extends keyof EnumRuleFields
    ? EnumRuleFields[F]
    : F extends StringRuleField
      ? string
      : F extends BooleanRuleField
        ? boolean
        : F extends InstantRuleField
          ? `${number}-${number}-${number}`
          : F extends AttributeRuleField
            ? RuleLiteral
            : never;

/** Fields that can be compared for equality. */
export type EqualityRuleField = NumberRuleField | StringRuleField | keyof EnumRuleFields | BooleanRuleField | AttributeRuleField;
/** Fields that have an order. */
export type OrderedRuleField = NumberRuleField | StringRuleField | InstantRuleField | AttributeRuleField;
/** Fields holding text. */
export type TextRuleField = StringRuleField | keyof EnumRuleFields | AttributeRuleField;

/** Every field a rule can name. */
export type RuleFieldName = EqualityRuleField | OrderedRuleField | TextRuleField | SetRuleField | InstantRuleField;

/** A duration for `within` and `moreThanAgo`. */
export type RuleDurationInput = { readonly days: number } | { readonly weeks: number } | { readonly months: number };

const wrap = (rule: RuleNode): Rule => ({ $v: 1, rule });
const nodes = (rules: readonly Rule[]): RuleNode[] => rules.map((rule) => rule.rule);
const toDuration = (duration: RuleDurationInput): RuleDuration =>
  'days' in duration ? { amount: duration.days, unit: 'days' } : 'weeks' in duration ? { amount: duration.weeks, unit: 'weeks' } : { amount: duration.months, unit: 'months' };

/**
 * The typed rule builder: each function returns a rule, and `and`, `or`, `not` combine them.
 * TypeScript rejects unknown fields and values of the wrong type at compile time
 * (`gte('monetaryTotal', '500')` does not compile); `compileRule` checks the same at run time.
 *
 * @param first - A rule that must hold.
 * @param rest - More rules that must all hold too.
 * @returns The rule.
 *
 * @example
 * ```ts
 * import { and, gte, isIn, printRule, within } from 'clientele';
 * const vip = and(gte('monetaryTotal', 500), within('lastPurchaseAt', { days: 30 }), isIn('rfm.segment', ['champions', 'loyal']));
 * printRule(vip); // => 'monetaryTotal >= 500 and lastPurchaseAt within 30 days and rfm.segment in ("champions", "loyal")'
 * ```
 * @category Rules
 */
export function and(first: Rule, ...rest: readonly Rule[]): Rule {
  return wrap({ kind: 'and', rules: nodes([first, ...rest]) });
}

/**
 * Holds when any of the rules holds (three-valued: unknown when none holds and one is unknown).
 *
 * @example
 * ```ts
 * import { eq, or, printRule } from 'clientele';
 * printRule(or(eq('valueTier', 'high'), eq('lifecycle.stage', 'growing'))); // => 'valueTier = "high" or lifecycle.stage = "growing"'
 * ```
 * @category Rules
 */
export function or(first: Rule, ...rest: readonly Rule[]): Rule {
  return wrap({ kind: 'or', rules: nodes([first, ...rest]) });
}

/**
 * Holds when the rule does not (unknown stays unknown: `not` of a missing value never matches).
 *
 * @example
 * ```ts
 * import { eq, not, printRule } from 'clientele';
 * printRule(not(eq('lifecycle.stage', 'churned'))); // => 'not lifecycle.stage = "churned"'
 * ```
 * @category Rules
 */
export function not(rule: Rule): Rule {
  return wrap({ kind: 'not', rule: rule.rule });
}

/**
 * `field = value`: strict, no type coercion.
 *
 * @example
 * ```ts
 * import { eq, printRule } from 'clientele';
 * printRule(eq('lifecycle.stage', 'at_risk')); // => 'lifecycle.stage = "at_risk"'
 * ```
 * @category Rules
 */
export function eq<F extends EqualityRuleField>(field: F, value: RuleValueOf<F>): Rule {
  return wrap({ kind: 'eq', field, value: value as RuleLiteral });
}

/**
 * `field != value` (unknown for a missing value, as in SQL).
 *
 * @example
 * ```ts
 * import { ne, printRule } from 'clientele';
 * printRule(ne('valueTier', 'low')); // => 'valueTier != "low"'
 * ```
 * @category Rules
 */
export function ne<F extends EqualityRuleField>(field: F, value: RuleValueOf<F>): Rule {
  return wrap({ kind: 'ne', field, value: value as RuleLiteral });
}

/**
 * `field < value`.
 *
 * @example
 * ```ts
 * import { lt, printRule } from 'clientele';
 * printRule(lt('daysSinceLastPurchase', 30)); // => 'daysSinceLastPurchase < 30'
 * ```
 * @category Rules
 */
export function lt<F extends OrderedRuleField>(field: F, value: RuleValueOf<F>): Rule {
  return wrap({ kind: 'lt', field, value: value as RuleLiteral });
}

/**
 * `field <= value`.
 *
 * @example
 * ```ts
 * import { lte, printRule } from 'clientele';
 * printRule(lte('pAlive', 0.3)); // => 'pAlive <= 0.3'
 * ```
 * @category Rules
 */
export function lte<F extends OrderedRuleField>(field: F, value: RuleValueOf<F>): Rule {
  return wrap({ kind: 'lte', field, value: value as RuleLiteral });
}

/**
 * `field > value`.
 *
 * @example
 * ```ts
 * import { gt, printRule } from 'clientele';
 * printRule(gt('orders', 3)); // => 'orders > 3'
 * ```
 * @category Rules
 */
export function gt<F extends OrderedRuleField>(field: F, value: RuleValueOf<F>): Rule {
  return wrap({ kind: 'gt', field, value: value as RuleLiteral });
}

/**
 * `field >= value`.
 *
 * @example
 * ```ts
 * import { gte, printRule } from 'clientele';
 * printRule(gte('monetaryTotal', 500)); // => 'monetaryTotal >= 500'
 * ```
 * @category Rules
 */
export function gte<F extends OrderedRuleField>(field: F, value: RuleValueOf<F>): Rule {
  return wrap({ kind: 'gte', field, value: value as RuleLiteral });
}

/**
 * `field between low and high`, both ends included; on a date field, two days "YYYY-MM-DD".
 *
 * @example
 * ```ts
 * import { between, printRule } from 'clientele';
 * printRule(between('firstPurchaseAt', '2026-01-01', '2026-03-31')); // => 'firstPurchaseAt between "2026-01-01" and "2026-03-31"'
 * ```
 * @category Rules
 */
export function between<F extends OrderedRuleField>(field: F, low: RuleValueOf<F>, high: RuleValueOf<F>): Rule {
  return wrap({ kind: 'between', field, low: low as RuleLiteral, high: high as RuleLiteral });
}

/**
 * `field in (values...)`.
 *
 * @example
 * ```ts
 * import { isIn, printRule } from 'clientele';
 * printRule(isIn('valueTier', ['high', 'middle'])); // => 'valueTier in ("high", "middle")'
 * ```
 * @category Rules
 */
export function isIn<F extends EqualityRuleField>(field: F, values: readonly RuleValueOf<F>[]): Rule {
  return wrap({ kind: 'in', field, values: values as readonly RuleLiteral[] });
}

/**
 * `field not in (values...)` (unknown for a missing value).
 *
 * @example
 * ```ts
 * import { notIn, printRule } from 'clientele';
 * printRule(notIn('lifecycle.stage', ['churned', 'prospect'])); // => 'lifecycle.stage not in ("churned", "prospect")'
 * ```
 * @category Rules
 */
export function notIn<F extends EqualityRuleField>(field: F, values: readonly RuleValueOf<F>[]): Rule {
  return wrap({ kind: 'notIn', field, values: values as readonly RuleLiteral[] });
}

/**
 * `field contains "text"`, optionally ignoring case.
 *
 * @example
 * ```ts
 * import { contains, printRule } from 'clientele';
 * printRule(contains('attributes.city', 'york', { ignoreCase: true })); // => 'attributes.city contains "york" ignoring case'
 * ```
 * @category Rules
 */
export function contains(field: TextRuleField, value: string, options: { readonly ignoreCase?: boolean } = {}): Rule {
  return wrap({ kind: 'contains', field, value, ignoreCase: options.ignoreCase ?? false });
}

/**
 * `field starts with "text"`.
 *
 * @example
 * ```ts
 * import { printRule, startsWith } from 'clientele';
 * printRule(startsWith('customerId', 'B2B-')); // => 'customerId starts with "B2B-"'
 * ```
 * @category Rules
 */
export function startsWith(field: TextRuleField, value: string, options: { readonly ignoreCase?: boolean } = {}): Rule {
  return wrap({ kind: 'startsWith', field, value, ignoreCase: options.ignoreCase ?? false });
}

/**
 * `field ends with "text"`.
 *
 * @example
 * ```ts
 * import { endsWith, printRule } from 'clientele';
 * printRule(endsWith('attributes.email', '@example.com')); // => 'attributes.email ends with "@example.com"'
 * ```
 * @category Rules
 */
export function endsWith(field: TextRuleField, value: string, options: { readonly ignoreCase?: boolean } = {}): Rule {
  return wrap({ kind: 'endsWith', field, value, ignoreCase: options.ignoreCase ?? false });
}

/**
 * `field has "value"`: the set (categories bought, interaction kinds, a tags attribute) holds it.
 *
 * @example
 * ```ts
 * import { has, printRule } from 'clientele';
 * printRule(has('categories', 'shoes')); // => 'categories has "shoes"'
 * ```
 * @category Rules
 */
export function has(field: SetRuleField | AttributeRuleField, value: string): Rule {
  return wrap({ kind: 'has', field, value });
}

/**
 * `field has any ("a", "b")`.
 *
 * @example
 * ```ts
 * import { hasAny, printRule } from 'clientele';
 * printRule(hasAny('categories', ['shoes', 'bags'])); // => 'categories has any ("shoes", "bags")'
 * ```
 * @category Rules
 */
export function hasAny(field: SetRuleField | AttributeRuleField, values: readonly string[]): Rule {
  return wrap({ kind: 'hasAny', field, values });
}

/**
 * `field has all ("a", "b")`.
 *
 * @example
 * ```ts
 * import { hasAll, printRule } from 'clientele';
 * printRule(hasAll('interactionKinds', ['email_open', 'email_click'])); // => 'interactionKinds has all ("email_open", "email_click")'
 * ```
 * @category Rules
 */
export function hasAll(field: SetRuleField | AttributeRuleField, values: readonly string[]): Rule {
  return wrap({ kind: 'hasAll', field, values });
}

/**
 * `field exists`: the customer has a value (not null, not missing).
 *
 * @example
 * ```ts
 * import { exists, printRule } from 'clientele';
 * printRule(exists('attributes.region')); // => 'attributes.region exists'
 * ```
 * @category Rules
 */
export function exists(field: RuleFieldName): Rule {
  return wrap({ kind: 'exists', field });
}

/**
 * `field is null`: the customer has no value.
 *
 * @example
 * ```ts
 * import { isNull, printRule } from 'clientele';
 * printRule(isNull('lastPurchaseAt')); // => 'lastPurchaseAt is null'
 * ```
 * @category Rules
 */
export function isNull(field: RuleFieldName): Rule {
  return wrap({ kind: 'isNull', field });
}

/**
 * `field within 30 days`: the instant lies in the last `duration` before `asOf` (and not after it).
 *
 * @example
 * ```ts
 * import { printRule, within } from 'clientele';
 * printRule(within('lastPurchaseAt', { days: 30 })); // => 'lastPurchaseAt within 30 days'
 * ```
 * @category Rules
 */
export function within(field: InstantRuleField, duration: RuleDurationInput): Rule {
  return wrap({ kind: 'withinLast', field, duration: toDuration(duration) });
}

/**
 * `field more than 90 days ago`: the instant lies before `asOf` minus `duration`.
 *
 * @example
 * ```ts
 * import { moreThanAgo, printRule } from 'clientele';
 * printRule(moreThanAgo('lastPurchaseAt', { days: 90 })); // => 'lastPurchaseAt more than 90 days ago'
 * ```
 * @category Rules
 */
export function moreThanAgo(field: InstantRuleField, duration: RuleDurationInput): Rule {
  return wrap({ kind: 'moreThanAgo', field, duration: toDuration(duration) });
}
