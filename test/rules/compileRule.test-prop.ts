import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRule, explainRule, type Rule, type RuleNode, type RuleOutcome } from 'clientele';

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 5, 30);

// Rules over a handful of fields of every type, with values near the customers' values so every
// outcome occurs; customers whose fields are each a right value, null, missing, or a value of
// another type.

const DAYS = ['2026-01-01', '2026-03-15', '2026-06-01', '2026-06-30'];
const SHARE_KEYS = ['shoes', 'bags'];
const KINDS = ['email_open', 'sms_click'];
const TAGS = ['vip', 'b2b'];

const duration = fc.record({ amount: fc.integer({ min: 0, max: 200 }), unit: fc.constantFrom('days' as const, 'weeks' as const, 'months' as const) });
const comparison = fc.constantFrom('eq' as const, 'ne' as const, 'lt' as const, 'lte' as const, 'gt' as const, 'gte' as const);
const ordering = fc.constantFrom('lt' as const, 'lte' as const, 'gt' as const, 'gte' as const);
const equality = fc.constantFrom('eq' as const, 'ne' as const);
const smallNumber = fc.integer({ min: 0, max: 10 });
const text = fc.constantFrom('a', 'B', 'ab', 'Ba', 'b');

const numberCondition = fc.oneof(
  fc.record({ kind: comparison, field: fc.constantFrom('monetaryTotal', 'orders', 'rfm.score', 'attributes.level', 'categoryShares.shoes', 'interactionCounts.email_open'), value: smallNumber }),
  fc.tuple(fc.constantFrom('monetaryTotal', 'rfm.score', 'attributes.level'), smallNumber, smallNumber).map(([field, a, b]): RuleNode => ({ kind: 'between', field, low: Math.min(a, b), high: Math.max(a, b) })),
  fc.record({ kind: fc.constantFrom('in' as const, 'notIn' as const), field: fc.constantFrom('orders', 'attributes.level'), values: fc.array(smallNumber, { minLength: 1, maxLength: 3 }) }),
);
const stringCondition = fc.oneof(
  fc.record({ kind: comparison, field: fc.constantFrom('cluster', 'attributes.region'), value: text }),
  fc.record({ kind: fc.constantFrom('contains' as const, 'startsWith' as const, 'endsWith' as const), field: fc.constantFrom('cluster', 'attributes.region', 'valueTier'), value: text, ignoreCase: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('in' as const, 'notIn' as const), field: fc.constantFrom('cluster', 'attributes.region'), values: fc.array(text, { minLength: 1, maxLength: 3 }) }),
);
const enumCondition = fc.oneof(
  fc.record({ kind: equality, field: fc.constant('valueTier'), value: fc.constantFrom('high', 'middle', 'low') }),
  fc.record({ kind: fc.constantFrom('in' as const, 'notIn' as const), field: fc.constant('lifecycle.stage'), values: fc.subarray(['active', 'at_risk', 'churned'], { minLength: 1 }) }),
);
const booleanCondition = fc.record({ kind: equality, field: fc.constantFrom('isProspect', 'consent.email', 'attributes.vip'), value: fc.boolean() });
const instantCondition = fc.oneof(
  fc.record({ kind: ordering, field: fc.constantFrom('lastPurchaseAt', 'firstPurchaseAt'), value: fc.constantFrom(...DAYS) }),
  fc.tuple(fc.constantFrom(...DAYS), fc.constantFrom(...DAYS)).map(([a, b]): RuleNode => ({ kind: 'between', field: 'lastPurchaseAt', low: a < b ? a : b, high: a < b ? b : a })),
  fc.record({ kind: fc.constantFrom('withinLast' as const, 'moreThanAgo' as const), field: fc.constantFrom('lastPurchaseAt', 'firstPurchaseAt'), duration }),
);
const setCondition = fc.oneof(
  fc.record({ kind: fc.constant('has' as const), field: fc.constantFrom('categories', 'interactionKinds', 'attributes.tags'), value: fc.constantFrom(...SHARE_KEYS, ...KINDS, ...TAGS) }),
  fc.record({ kind: fc.constantFrom('hasAny' as const, 'hasAll' as const), field: fc.constantFrom('categories', 'interactionKinds', 'attributes.tags'), values: fc.subarray([...SHARE_KEYS, ...KINDS, ...TAGS], { minLength: 1 }) }),
);
const presenceCondition = fc.record({ kind: fc.constantFrom('exists' as const, 'isNull' as const), field: fc.constantFrom('monetaryTotal', 'valueTier', 'lastPurchaseAt', 'attributes.region', 'categories', 'interactionCounts.email_open') });

const condition: fc.Arbitrary<RuleNode> = fc.oneof(numberCondition, stringCondition, enumCondition, booleanCondition, instantCondition, setCondition, presenceCondition) as fc.Arbitrary<RuleNode>;

const { node } = fc.letrec<{ node: RuleNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    condition,
    fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), rules: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('not' as const), rule: tie('node') }),
  ),
}));
const ruleArbitrary: fc.Arbitrary<Rule> = node.map((rule) => ({ $v: 1, rule }));

/** A field's value: right type (weighted), null, or a value of another type; the caller leaves it out for "missing". */
const valueOr = <T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }, { arbitrary: fc.constantFrom('3', true, 0, [], {}, 'vip'), weight: 1 });
const instant = fc.integer({ min: -200, max: 10 }).map((days) => AS_OF + days * DAY + 43_200_000);
const record = (keys: readonly string[]) => fc.dictionary(fc.constantFrom(...keys), fc.oneof(smallNumber, fc.constant(0), fc.constant(null)), { maxKeys: keys.length });

const customerArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    asOf: fc.oneof({ arbitrary: fc.constant(AS_OF), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }),
    monetaryTotal: valueOr(smallNumber),
    orders: valueOr(smallNumber),
    cluster: valueOr(text),
    valueTier: valueOr(fc.constantFrom('high', 'middle', 'low')),
    isProspect: valueOr(fc.boolean()),
    lastPurchaseAt: valueOr(instant),
    firstPurchaseAt: valueOr(instant),
    interactionCount: valueOr(smallNumber),
    categoryShares: valueOr(record(SHARE_KEYS)),
    interactionCounts: valueOr(record(KINDS)),
    rfm: valueOr(fc.record({ score: valueOr(smallNumber) }, { requiredKeys: [] })),
    lifecycle: valueOr(fc.record({ stage: valueOr(fc.constantFrom('active', 'at_risk', 'churned')) }, { requiredKeys: [] })),
    consent: valueOr(fc.record({ email: valueOr(fc.boolean()) }, { requiredKeys: [] })),
    attributes: valueOr(
      fc.record({ level: valueOr(smallNumber), region: valueOr(text), vip: valueOr(fc.boolean()), tags: valueOr(fc.subarray(TAGS)) }, { requiredKeys: [] }),
    ),
  },
  { requiredKeys: [] },
);

/** Any object at all: null prototypes, Maps, Sets, boxed values, sparse arrays, big integers, Dates, under the names rules read. */
const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withBoxedValues: true, withSparseArray: true, withTypedArray: true, withObjectString: true, maxDepth: 2 });
const FIELDS = ['asOf', 'monetaryTotal', 'orders', 'cluster', 'valueTier', 'isProspect', 'lastPurchaseAt', 'firstPurchaseAt', 'interactionCount', 'categoryShares', 'interactionCounts', 'rfm', 'lifecycle', 'consent', 'attributes'];
const SUBFIELDS = ['score', 'stage', 'email', 'level', 'region', 'vip', 'tags', ...SHARE_KEYS, ...KINDS];
const hostileObject = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(anything, fc.dictionary(fc.constantFrom(...SUBFIELDS), anything, { maxKeys: 4 })), { maxKeys: 8 }),
    fc.constantFrom('plain', 'null prototype', 'frozen'),
  )
  .map(([fields, how]) => (how === 'plain' ? fields : how === 'frozen' ? Object.freeze(fields) : Object.assign(Object.create(null) as object, fields)));
const anyObject = fc.oneof(hostileObject, anything.filter((value): value is object => typeof value === 'object' && value !== null));

const outcomeOf = (rule: Rule, customer: object): RuleOutcome => explainRule(rule, customer).outcome;
const negate = (rule: Rule): Rule => ({ $v: 1, rule: { kind: 'not', rule: rule.rule } });

describe('compileRule and explainRule invariants', () => {
  it('explainRule’s outcome is "true" exactly when compileRule matches', () => {
    fc.assert(
      fc.property(ruleArbitrary, fc.array(customerArbitrary, { minLength: 1, maxLength: 5 }), (rule, customers) => {
        const matches = compileRule(rule);
        for (const customer of customers) expect(outcomeOf(rule, customer) === 'true').toBe(matches(customer));
      }),
      { numRuns: 300 },
    );
  });

  it('not never turns unknown into a match: not r matches exactly when r is false', () => {
    fc.assert(
      fc.property(ruleArbitrary, customerArbitrary, (rule, customer) => {
        const inner = outcomeOf(rule, customer);
        expect(outcomeOf(negate(rule), customer)).toBe(inner === 'unknown' ? 'unknown' : inner === 'true' ? 'false' : 'true');
        expect(compileRule(negate(rule))(customer)).toBe(inner === 'false');
        // r and not r never both match; r or not r is never false (Kleene logic has no excluded middle, and no contradiction).
        expect(compileRule(rule)(customer) && compileRule(negate(rule))(customer)).toBe(false);
        expect(outcomeOf({ $v: 1, rule: { kind: 'or', rules: [rule.rule, negate(rule).rule] } }, customer)).not.toBe('false');
      }),
      { numRuns: 300 },
    );
  });

  it('De Morgan holds in three-valued logic: not (a and b) has the outcome of not a or not b', () => {
    fc.assert(
      fc.property(ruleArbitrary, ruleArbitrary, customerArbitrary, (a, b, customer) => {
        const left: Rule = negate({ $v: 1, rule: { kind: 'and', rules: [a.rule, b.rule] } });
        const right: Rule = { $v: 1, rule: { kind: 'or', rules: [negate(a).rule, negate(b).rule] } };
        expect(outcomeOf(left, customer)).toBe(outcomeOf(right, customer));
      }),
    );
  });

  it('on a customer with no fields, every condition is unknown except exists (false) and is null (true)', () => {
    fc.assert(
      fc.property(condition, fc.constantFrom({}, Object.create(null) as object), (rule, customer) => {
        const expected = rule.kind === 'exists' ? 'false' : rule.kind === 'isNull' ? 'true' : 'unknown';
        expect(outcomeOf({ $v: 1, rule }, customer)).toBe(expected);
      }),
    );
  });

  it('compileRule never throws, whatever the customer object', () => {
    fc.assert(
      fc.property(ruleArbitrary, fc.array(anyObject, { minLength: 1, maxLength: 5 }), (rule, customers) => {
        const matches = compileRule(rule, { asOf: AS_OF });
        for (const customer of customers) {
          expect(typeof matches(customer)).toBe('boolean');
          expect(['true', 'false', 'unknown']).toContain(explainRule(rule, customer).outcome);
        }
      }),
      { numRuns: 300 },
    );
  });
});
