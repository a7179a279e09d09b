import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRule, parseRule, printRule, RULE_FIELDS, validateRule, type ComparisonKind, type Rule, type RuleDuration, type RuleLiteral, type RuleNode } from 'clientele';

// Arbitrary VALID rules: each field gets only the operators and value types docs/rules.md allows
// for its type, so every generated rule validates, prints, and parses back to its canonical form.

const fieldsOfType = (type: string): string[] => Object.keys(RULE_FIELDS).filter((name) => RULE_FIELDS[name]?.type === type);

const numberFields = fieldsOfType('number');
const stringFields = fieldsOfType('string');
const booleanFields = fieldsOfType('boolean');
const instantFields = fieldsOfType('instant');
const setFields = fieldsOfType('set');
const enumFields = fieldsOfType('enum').map((name) => ({ name, values: RULE_FIELDS[name]?.values ?? [] }));

// Literals --------------------------------------------------------------------------------------

const number: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 0.1, -1.5, 1e21, -1e21, 1e-7, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 53 + 2, 1.2345e-300),
);

/** Pieces that are hard to quote: JSON escapes, raw control characters, lone surrogates, syntax. */
const nasty = fc.constantFrom('"', '\\', '\\"', '\u0000', '\u0008', '\u001f', '\u007f', '\u2028', '\u2029', '😀', '\ud83d', '\ude00', '`', 'and', ' or ', '\n', '\r\t', '"); orders > 1 or ("', 'é', '\ufeff', '日本', '\\u0041');

const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.array(nasty, { maxLength: 4 }).map((parts) => parts.join('')),
);

const literal: fc.Arbitrary<RuleLiteral> = fc.oneof(number, text, fc.boolean());

/** A day "YYYY-MM-DD" that exists. */
const isoDay: fc.Arbitrary<string> = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

// Up to 100 years in each unit (the longest duration a rule may hold).
const duration: fc.Arbitrary<RuleDuration> = fc.oneof(
  fc.record({ amount: fc.oneof(fc.integer({ min: 0, max: 36_525 }), fc.double({ min: 0, max: 36_525, noNaN: true }), fc.constantFrom(-0, 1e-7, 36_525)), unit: fc.constant('days' as const) }),
  fc.record({ amount: fc.oneof(fc.integer({ min: 0, max: 5217 }), fc.double({ min: 0, max: 5217, noNaN: true })), unit: fc.constant('weeks' as const) }),
  fc.record({ amount: fc.oneof(fc.integer({ min: 0, max: 1200 }), fc.double({ min: 0, max: 1200, noNaN: true }), fc.constant(1200)), unit: fc.constant('months' as const) }),
);

/** Two values of one type in order (low <= high), as between requires. */
function ordered<T extends RuleLiteral>(values: fc.Arbitrary<T>): fc.Arbitrary<[T, T]> {
  return fc.tuple(values, values).map(([a, b]) => (a > b ? [b, a] : [a, b]));
}

const list = <T>(values: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(values, { minLength: 1, maxLength: 4 });

// Fields ----------------------------------------------------------------------------------------

/** Host names: plain, keywords, names that need backticks and escapes, any code point (no dots, nothing forbidden). */
const hostName: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('region', 'company size', 'and', 'In', 'last', 'count', 'where', 'NULL', 'a`b', 'back\\slash', 'trailing\\', '\\`', 'é', 'line\nbreak', '1abc', '_x', 'x y`\\`z', '😀'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
    fc.string({ minLength: 1, maxLength: 10 }),
  )
  .filter((name) => !name.includes('.') && name !== '__proto__' && name !== 'constructor' && name !== 'prototype');

const numberField = fc.oneof(
  fc.constantFrom(...numberFields),
  hostName.map((name) => `categoryShares.${name}`),
  hostName.map((name) => `interactionCounts.${name}`),
);
const booleanField = fc.oneof(fc.constantFrom(...booleanFields), hostName.map((name) => `consent.${name}`));
const attributeField = hostName.map((name) => `attributes.${name}`);
const anyField = fc.oneof(numberField, booleanField, attributeField, fc.constantFrom(...stringFields, ...instantFields, ...setFields, ...enumFields.map((field) => field.name)));

// Conditions ------------------------------------------------------------------------------------

const comparison = fc.constantFrom<ComparisonKind>('eq', 'ne', 'lt', 'lte', 'gt', 'gte');
const ordering = fc.constantFrom<ComparisonKind>('lt', 'lte', 'gt', 'gte');
const equality = fc.constantFrom<ComparisonKind>('eq', 'ne');
const membership = fc.constantFrom<'in' | 'notIn'>('in', 'notIn');
const textKind = fc.constantFrom<'contains' | 'startsWith' | 'endsWith'>('contains', 'startsWith', 'endsWith');

/** Comparisons, between and lists over one field and one value type. */
function scalarConditions<T extends RuleLiteral>(field: fc.Arbitrary<string>, values: fc.Arbitrary<T>, kinds: fc.Arbitrary<ComparisonKind>, withBetween: boolean): fc.Arbitrary<RuleNode>[] {
  const conditions: fc.Arbitrary<RuleNode>[] = [
    fc.record({ kind: kinds, field, value: values }),
    fc.record({ kind: membership, field, values: list(values) }),
  ];
  if (withBetween) conditions.push(fc.tuple(field, ordered(values)).map(([name, [low, high]]): RuleNode => ({ kind: 'between', field: name, low, high })));
  return conditions;
}

const textConditions = (field: fc.Arbitrary<string>): fc.Arbitrary<RuleNode> => fc.record({ kind: textKind, field, value: text, ignoreCase: fc.boolean() });

const setConditions = (field: fc.Arbitrary<string>): fc.Arbitrary<RuleNode>[] => [
  fc.record({ kind: fc.constant('has' as const), field, value: text }),
  fc.record({ kind: fc.constantFrom<'hasAny' | 'hasAll'>('hasAny', 'hasAll'), field, values: list(text) }),
];

const enumCondition: fc.Arbitrary<RuleNode> = fc.constantFrom(...enumFields).chain(({ name, values }) =>
  fc.oneof(...scalarConditions(fc.constant(name), fc.constantFrom(...values), equality, false), textConditions(fc.constant(name))),
);

/** Attributes take any literal; between needs both ends of one type, low <= high. */
const attributeBetween: fc.Arbitrary<RuleNode> = fc
  .tuple(attributeField, literal, literal)
  .filter(([, a, b]) => typeof a === typeof b)
  .map(([field, a, b]): RuleNode => {
    const [low, high] = a > b ? [b, a] : [a, b];
    return { kind: 'between', field, low, high };
  });

const condition: fc.Arbitrary<RuleNode> = fc.oneof(
  ...scalarConditions(numberField, number, comparison, true),
  ...scalarConditions(fc.constantFrom(...stringFields), text, comparison, true),
  textConditions(fc.constantFrom(...stringFields)),
  enumCondition,
  ...scalarConditions(booleanField, fc.boolean(), equality, false),
  ...setConditions(fc.constantFrom(...setFields)),
  fc.record({ kind: fc.constantFrom<'withinLast' | 'moreThanAgo'>('withinLast', 'moreThanAgo'), field: fc.constantFrom(...instantFields), duration }),
  fc.tuple(fc.constantFrom(...instantFields), ordered(isoDay)).map(([field, [low, high]]): RuleNode => ({ kind: 'between', field, low, high })),
  fc.record({ kind: ordering, field: fc.constantFrom(...instantFields), value: isoDay }),
  ...scalarConditions(attributeField, literal, comparison, false),
  attributeBetween,
  textConditions(attributeField),
  ...setConditions(attributeField),
  fc.record({ kind: fc.constantFrom<'exists' | 'isNull'>('exists', 'isNull'), field: anyField }),
);

/** Nested and / or / not over `leaf`, at most `depth` groups deep (the canonical form is not required). */
function tree(leaf: fc.Arbitrary<RuleNode>, depth: number): fc.Arbitrary<RuleNode> {
  if (depth === 0) return leaf;
  const child = tree(leaf, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom<'and' | 'or'>('and', 'or'), rules: fc.array(child, { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: child.map((rule): RuleNode => ({ kind: 'not', rule })) },
  );
}

// Behaviour conditions: their `where` names event fields (docs/rules.md, "Behaviour conditions").
const eventCondition = (source: 'purchases' | 'transactions' | 'interactions'): fc.Arbitrary<RuleNode> => {
  const strings = source === 'interactions' ? ['kind', 'campaignId', 'channel'] : ['category', 'sku', 'channel', 'currency', 'orderId'];
  const numbers = source === 'interactions' ? ['score'] : ['amount', 'quantity', 'discount'];
  const conditions = [
    ...scalarConditions(fc.constantFrom(...strings), text, comparison, true),
    textConditions(fc.constantFrom(...strings)),
    ...scalarConditions(fc.constantFrom(...numbers), number, comparison, true),
    fc.record({ kind: fc.constantFrom<'exists' | 'isNull'>('exists', 'isNull'), field: fc.constantFrom(...strings, ...numbers) }),
  ];
  if (source !== 'interactions') conditions.push(...scalarConditions(fc.constant('status'), fc.constantFrom('completed', 'refunded', 'cancelled'), equality, false));
  return fc.oneof(...conditions);
};

const behaviour: fc.Arbitrary<RuleNode> = fc.constantFrom<'purchases' | 'transactions' | 'interactions'>('purchases', 'transactions', 'interactions').chain((source) =>
  fc.record({
    kind: fc.constant('events' as const),
    source: fc.constant(source),
    measure: source === 'interactions' ? fc.constant('count' as const) : fc.constantFrom<'count' | 'sum'>('count', 'sum'),
    where: fc.option(tree(eventCondition(source), 2), { nil: null }),
    window: fc.option(duration, { nil: null }),
    op: comparison,
    value: number,
  }),
);

const validRule: fc.Arbitrary<Rule> = tree(fc.oneof({ weight: 6, arbitrary: condition }, { weight: 1, arbitrary: behaviour }), 4).map((rule): Rule => ({ $v: 1, rule }));

/** An equivalent rule in another shape: single-child groups, `not not`, groups split into nested groups of their kind. */
function reshape(node: RuleNode, choices: readonly number[], at = { index: 0 }): RuleNode {
  const choice = choices[at.index++ % choices.length] ?? 0;
  let shaped: RuleNode = node;
  if (node.kind === 'and' || node.kind === 'or') {
    const rules = node.rules.map((child) => reshape(child, choices, at));
    shaped = choice === 4 && rules.length > 1 ? { kind: node.kind, rules: [rules[0] as RuleNode, { kind: node.kind, rules: rules.slice(1) }] } : { kind: node.kind, rules };
  } else if (node.kind === 'not') {
    shaped = { kind: 'not', rule: reshape(node.rule, choices, at) };
  } else if (node.kind === 'events' && node.where !== null) {
    shaped = { ...node, where: reshape(node.where, choices, at) };
  }
  if (choice === 1) return { kind: 'and', rules: [shaped] };
  if (choice === 2) return { kind: 'or', rules: [shaped] };
  if (choice === 3) return { kind: 'not', rule: { kind: 'not', rule: shaped } };
  return shaped;
}

const runs = { numRuns: 1000 };

describe('printRule and parseRule round trip', () => {
  it('generates only valid rules', () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        const result = validateRule(rule);
        expect(result.ok ? [] : result.issues).toEqual([]);
      }),
      runs,
    );
  });

  it('parseRule(printRule(rule)) is the canonical form of the rule', () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        const text = printRule(rule);
        expect(parseRule(text), text).toStrictEqual(canonicalRule(rule));
      }),
      runs,
    );
  });

  it('the printed text is a fixed point: printing the parsed rule gives the same text', () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        const text = printRule(rule);
        expect(printRule(parseRule(text))).toBe(text);
      }),
      runs,
    );
  });

  it('a rule stored as JSON validates to the same canonical rule', () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        const stored = JSON.parse(JSON.stringify(rule)) as unknown;
        expect(validateRule(stored)).toStrictEqual({ ok: true, rule: canonicalRule(rule) });
      }),
      runs,
    );
  });

  it('canonicalRule is idempotent, down to the key order', () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        const once = canonicalRule(rule);
        const twice = canonicalRule(once);
        expect(twice).toStrictEqual(once);
        expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
      }),
      runs,
    );
  });

  it('printRule prints a rule and its canonical form alike', () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        expect(printRule(canonicalRule(rule))).toBe(printRule(rule));
      }),
      runs,
    );
  });

  it('rules that differ only by single-child groups, `not not` or nested groups of one kind share a canonical form and a text', () => {
    fc.assert(
      fc.property(validRule, fc.array(fc.nat(6), { minLength: 1, maxLength: 40 }), (rule, choices) => {
        const reshaped: Rule = { $v: 1, rule: reshape(rule.rule, choices) };
        expect(canonicalRule(reshaped)).toStrictEqual(canonicalRule(rule));
        expect(printRule(reshaped)).toBe(printRule(rule));
      }),
      runs,
    );
  });

  it('canonicalRule and printRule never mutate the rule', () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        const before = JSON.stringify(rule);
        const frozen = JSON.parse(before, (_key, value: unknown) => (typeof value === 'object' && value !== null ? Object.freeze(value) : value)) as Rule;
        canonicalRule(frozen);
        printRule(frozen);
        expect(JSON.stringify(frozen)).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});

describe('printRule on hand-picked edge cases', () => {
  it.each<[RuleNode, string]>([
    [{ kind: 'eq', field: 'orders', value: -0 }, 'orders = 0'],
    [{ kind: 'gt', field: 'orders', value: 1e21 }, 'orders > 1e+21'],
    [{ kind: 'gt', field: 'orders', value: -5e-324 }, 'orders > -5e-324'],
    [{ kind: 'eq', field: 'attributes.company size', value: 'a"b\\c\n\u0000😀' }, '`attributes.company size` = "a\\"b\\\\c\\n\\u0000😀"'],
    [{ kind: 'exists', field: 'attributes.a`b\\c' }, '`attributes.a\\`b\\\\c` exists'],
    [{ kind: 'exists', field: 'attributes.and' }, '`attributes.and` exists'],
    [{ kind: 'withinLast', field: 'lastPurchaseAt', duration: { amount: -0, unit: 'weeks' } }, 'lastPurchaseAt within 0 weeks'],
    [
      { kind: 'not', rule: { kind: 'or', rules: [{ kind: 'exists', field: 'orders' }, { kind: 'and', rules: [{ kind: 'isNull', field: 'clv' }, { kind: 'or', rules: [{ kind: 'exists', field: 'pAlive' }, { kind: 'exists', field: 'cluster' }] }] }] } },
      'not (orders exists or clv is null and (pAlive exists or cluster exists))',
    ],
  ])('%j', (node, expected) => {
    expect(printRule({ $v: 1, rule: node })).toBe(expected);
    expect(parseRule(expected)).toStrictEqual(canonicalRule({ $v: 1, rule: node }));
  });
});
