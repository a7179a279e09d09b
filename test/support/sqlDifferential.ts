/**
 * What the SQL backend's differential tests share: generated customers with scores, the same
 * customers as table rows, a generator of valid-ish rules over the columns, and the in-process
 * answer to compare with.
 */
import fc from 'fast-check';
import { classifyLifecycle, compileRule, parseTransactions, rfm, summarize, type Rule, type RuleNode } from 'clientele';
import { generateSample } from 'clientele/sample';

export const sample = generateSample({ customers: 1500, seed: 'sql' });
const features = summarize(parseTransactions(sample.transactions).records, { asOf: sample.asOf, customers: sample.customers, interactions: sample.interactions });
const rfmOf = new Map(rfm(features).scores.map((score) => [score.customerId, score]));
const stageOf = new Map(classifyLifecycle(features, { sentences: false }).stages.map((entry) => [entry.customerId, entry.stage]));
export const customers = features.map((customer) => ({ rfm: rfmOf.get(customer.customerId), lifecycle: { stage: stageOf.get(customer.customerId) }, ...customer }));
export const asOfDay = new Date(sample.asOf).toISOString().slice(0, 10);

export const NUMBER_FIELDS = ['monetaryTotal', 'orders', 'daysSinceLastPurchase', 'averageOrderValue', 'spendChange', 'interpurchaseCv', 'rfm.r', 'rfm.score'] as const;
const INSTANT_FIELDS = ['lastPurchaseAt', 'firstPurchaseAt', 'lastInteractionAt'] as const;
export const columns = {
  'attributes.region': { column: 'attributes_region', type: 'string' },
  'attributes.segment': { column: 'attributes_segment', type: 'string' },
} as const;


/** The columns of the customers table, in order, and each customer's row. */
export const TABLE_COLUMNS = ['customerId', 'monetaryTotal', 'orders', 'daysSinceLastPurchase', 'averageOrderValue', 'spendChange', 'interpurchaseCv', 'rfm_r', 'rfm_score', 'rfm_segment', 'lifecycle_stage', 'topCategory', 'isProspect', 'lastPurchaseAt', 'firstPurchaseAt', 'lastInteractionAt', 'categories', 'interactionKinds', 'attributes_region', 'attributes_segment'] as const;

export function rowOf(customer: (typeof customers)[number]): unknown[] {
  const attributes = customer.attributes as Record<string, unknown>;
  const list = (record: Readonly<Record<string, number>>): string[] => Object.entries(record).filter(([, value]) => value > 0).map(([key]) => key);
  return [
    customer.customerId, customer.monetaryTotal, customer.orders, customer.daysSinceLastPurchase, customer.averageOrderValue,
    customer.spendChange, customer.interpurchaseCv, customer.rfm?.r ?? null, customer.rfm?.score ?? null, customer.rfm?.segment ?? null, customer.lifecycle.stage ?? null,
    customer.topCategory, customer.isProspect, customer.lastPurchaseAt, customer.firstPurchaseAt, customer.lastInteractionAt,
    list(customer.categoryShares), customer.interactionCount === null ? null : list(customer.interactionCounts),
    typeof attributes.region === 'string' ? attributes.region : null, typeof attributes.segment === 'string' ? attributes.segment : null,
  ];
}

export function inProcess(rule: Rule): string[] {
  const matches = compileRule(rule, { asOf: sample.asOf });
  return customers.filter(matches).map((customer) => customer.customerId).sort();
}

const values = (field: string): unknown[] => [...new Set(customers.map((customer) => (customer as unknown as Record<string, unknown>)[field]).filter((value) => value !== null && value !== undefined))];
const sampleOf = <T>(list: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...list);
const numberCondition = fc.tuple(sampleOf(NUMBER_FIELDS), fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte'), fc.oneof(fc.integer({ min: -5, max: 600 }), fc.double({ min: -1, max: 600, noNaN: true }))).map(
  ([field, kind, value]): RuleNode => ({ kind, field, value: Object.is(value, -0) ? 0 : value }) as RuleNode,
);
const enumCondition = fc.oneof(
  fc.tuple(fc.constantFrom('in', 'notIn'), fc.subarray(['champions', 'loyal', 'lost', 'hibernating', 'at_risk', 'promising'], { minLength: 1 })).map(([kind, list]): RuleNode => ({ kind, field: 'rfm.segment', values: list }) as RuleNode),
  fc.tuple(fc.constantFrom('eq', 'ne'), fc.constantFrom('active', 'churned', 'at_risk', 'new', 'prospect')).map(([kind, value]): RuleNode => ({ kind, field: 'lifecycle.stage', value }) as RuleNode),
);
const textCondition = fc
  .tuple(fc.constantFrom('topCategory', 'attributes.region', 'attributes.segment'), fc.constantFrom('contains', 'startsWith', 'endsWith'), fc.constantFrom('a', 'e', 'o', 'AL', '%', '_', 'n\\'), fc.boolean())
  .map(([field, kind, value, ignoreCase]): RuleNode => ({ kind, field, value, ignoreCase }) as RuleNode);
const setCondition = fc
  .tuple(fc.constantFrom('categories', 'interactionKinds'), fc.constantFrom('has', 'hasAny', 'hasAll'), fc.subarray([...values('topCategory'), 'email_open', 'site_visit', 'purchase'] as string[], { minLength: 1, maxLength: 3 }))
  .map(([field, kind, list]): RuleNode => (kind === 'has' ? { kind, field, value: list[0] as string } : { kind, field, values: list }) as RuleNode);
const timeCondition = fc
  .tuple(sampleOf(INSTANT_FIELDS), fc.constantFrom('withinLast', 'moreThanAgo'), fc.integer({ min: 0, max: 400 }), fc.constantFrom('days', 'weeks', 'months'))
  .map(([field, kind, amount, unit]): RuleNode => ({ kind, field, duration: { amount: unit === 'days' ? amount : Math.ceil(amount / 30), unit } }) as RuleNode);
const nullCondition = fc.tuple(fc.constantFrom('exists', 'isNull'), fc.constantFrom('averageOrderValue', 'spendChange', 'lastInteractionAt', 'attributes.region', 'rfm.segment')).map(([kind, field]): RuleNode => ({ kind, field }) as RuleNode);
const condition = fc.oneof(numberCondition, enumCondition, textCondition, setCondition, timeCondition, nullCondition);
export const rule: fc.Arbitrary<RuleNode> = fc.letrec<{ node: RuleNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    condition,
    fc.record({ kind: fc.constantFrom('and', 'or'), rules: fc.array(tie('node'), { minLength: 2, maxLength: 3 }) }) as fc.Arbitrary<RuleNode>,
    fc.record({ kind: fc.constant('not'), rule: tie('node') }) as fc.Arbitrary<RuleNode>,
  ),
})).node;

