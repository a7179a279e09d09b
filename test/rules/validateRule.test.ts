import { describe, expect, it } from 'vitest';
import { printRule, RULE_LIMITS, RuleError, validateRule, type Rule, type RuleIssue, type RuleNode } from 'clientele';

// Expected issues are written from the rules of docs/rules.md ("validateRule(json) reports every
// problem with its path; unknown keys are refused"; the limits of RULE_LIMITS) and the message
// forms of validateRule's JSDoc.

const wrap = (node: unknown): unknown => ({ $v: 1, rule: node });

/** The issues validateRule reports (fails the test when the rule is accepted). */
function issuesOf(json: unknown): readonly RuleIssue[] {
  const result = validateRule(json);
  if (result.ok) throw new Error(`validateRule accepted ${JSON.stringify(json)?.slice(0, 200)}`);
  return result.issues;
}

const accepted = (json: unknown): boolean => validateRule(json).ok;

/** A rule nested `levels` deep counting the root (`not not ... exists`), built without recursion. */
function nestedNots(levels: number): unknown {
  let node: unknown = { kind: 'exists', field: 'orders' };
  for (let i = 1; i < levels; i++) node = { kind: 'not', rule: node };
  return wrap(node);
}

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'object' && current !== null && !Object.isFrozen(current)) {
      Object.freeze(current);
      stack.push(...Object.values(current));
    }
  }
  return value;
}

const dateMessage = (field: string, received: string): string => `${field} is a date field: compare it with a day "YYYY-MM-DD" (or use within / more than ... ago), received ${received}`;

describe('validateRule: valid rules', () => {
  it('returns a valid rule in canonical form', () => {
    const json = {
      rule: {
        rules: [
          { value: -0, field: 'orders', kind: 'gte' },
          { kind: 'and', rules: [{ kind: 'not', rule: { kind: 'not', rule: { kind: 'exists', field: 'clv' } } }] },
          { kind: 'or', rules: [{ kind: 'or', rules: [{ kind: 'has', field: 'categories', value: 'shoes' }] }, { kind: 'isNull', field: 'pAlive' }] },
        ],
        kind: 'and',
      },
      $v: 1,
    };
    const expected: Rule = {
      $v: 1,
      rule: {
        kind: 'and',
        rules: [
          { kind: 'gte', field: 'orders', value: 0 },
          { kind: 'exists', field: 'clv' },
          {
            kind: 'or',
            rules: [
              { kind: 'has', field: 'categories', value: 'shoes' },
              { kind: 'isNull', field: 'pAlive' },
            ],
          },
        ],
      },
    };
    const result = validateRule(json);
    expect(result).toStrictEqual({ ok: true, rule: expected });
    // Keys in canonical order.
    expect(JSON.stringify(result.ok ? result.rule : null)).toBe(JSON.stringify(expected));
  });

  it('never mutates its input and returns a new object', () => {
    const json = deepFreeze({ $v: 1, rule: { kind: 'and', rules: [{ kind: 'and', rules: [{ kind: 'eq', field: 'orders', value: -0 }] }] } });
    const before = JSON.stringify(json);
    const result = validateRule(json);
    expect(result).toStrictEqual({ ok: true, rule: { $v: 1, rule: { kind: 'eq', field: 'orders', value: 0 } } });
    expect(result.ok && result.rule).not.toBe(json);
    expect(JSON.stringify(json)).toBe(before);
  });

  it('accepts every field type with the operators it takes', () => {
    const nodes: RuleNode[] = [
      { kind: 'between', field: 'lastPurchaseAt', low: '2026-01-01', high: '2026-01-01' },
      { kind: 'lt', field: 'firstPurchaseAt', value: '2024-02-29' },
      { kind: 'withinLast', field: 'lastPurchaseAt', duration: { amount: 36_525, unit: 'days' } },
      { kind: 'moreThanAgo', field: 'lastInteractionAt', duration: { amount: 0, unit: 'months' } },
      { kind: 'in', field: 'lifecycle.stage', values: ['at_risk', 'churned'] },
      { kind: 'contains', field: 'rfm.segment', value: 'loyal', ignoreCase: true },
      { kind: 'lte', field: 'rfm.code', value: '555' },
      { kind: 'eq', field: 'consent.sms', value: true },
      { kind: 'hasAll', field: 'interactionKinds', values: ['email_open'] },
      { kind: 'between', field: 'attributes.size', low: 'a', high: 'b' },
      { kind: 'between', field: 'attributes.size', low: false, high: true },
      { kind: 'has', field: 'attributes.tags', value: 'vip' },
      { kind: 'isNull', field: 'categories' },
    ];
    for (const node of nodes) expect(validateRule(wrap(node)), JSON.stringify(node)).toStrictEqual({ ok: true, rule: { $v: 1, rule: node } });
  });
});

describe('validateRule: every problem is reported', () => {
  it('reports several problems at once, each with its path', () => {
    const json = wrap({
      kind: 'and',
      rules: [
        { kind: 'gte', field: 'monetaryTotal', value: '500' },
        { kind: 'eq', field: 'valueTier', value: 'gold' },
        { kind: 'or', rules: [{ kind: 'gt', field: 'monetry', value: 5 }, { kind: 'not', rule: { kind: 'has', field: 'orders', value: 'x' } }] },
        { kind: 'withinLast', field: 'clv', duration: { amount: 3, unit: 'days' } },
        { kind: 'exists', field: 'orders' },
        { kind: 'contains', field: 'orders', value: '1', ignoreCase: false },
      ],
    });
    expect(issuesOf(json)).toStrictEqual([
      { path: ['rule', 'rules', 0, 'value'], message: 'monetaryTotal is a number field: expected a number, received "500"' },
      { path: ['rule', 'rules', 1, 'value'], message: 'valueTier is one of high, middle, low: received "gold"' },
      { path: ['rule', 'rules', 2, 'rules', 0, 'field'], message: 'unknown field "monetry", did you mean "monetaryTotal"?' },
      { path: ['rule', 'rules', 2, 'rules', 1, 'rule', 'field'], message: 'orders is a number field: has needs a set field such as categories' },
      { path: ['rule', 'rules', 3, 'field'], message: 'clv is a number field: within needs a date field such as lastPurchaseAt' },
      { path: ['rule', 'rules', 5, 'field'], message: 'orders is a number field: contains needs a string field' },
    ]);
  });

  it('reports both ends of a between and each bad value of a list', () => {
    expect(issuesOf(wrap({ kind: 'between', field: 'orders', low: 'a', high: true })).map((issue) => issue.message)).toEqual([
      'orders is a number field: expected a number, received "a"',
      'orders is a number field: expected a number, received true',
    ]);
    expect(issuesOf(wrap({ kind: 'in', field: 'valueTier', values: ['a', 'high', 'b'] })).map((issue) => issue.message)).toEqual([
      'valueTier is one of high, middle, low: received "a"',
      'valueTier is one of high, middle, low: received "b"',
    ]);
  });

  // Fixed (was a bug): a list value's path is one string segment "values.0" instead of the segments "values", 0
  // that every other path uses (['rule', 'rules', 0, 'field']), so a host cannot follow it into
  // the JSON to highlight the bad value.
  it('gives the path of a bad list value as segments', () => {
    expect(issuesOf(wrap({ kind: 'in', field: 'valueTier', values: ['high', 'gold'] }))).toStrictEqual([
      { path: ['rule', 'values', 1], message: 'valueTier is one of high, middle, low: received "gold"' },
    ]);
  });

  // Fixed (was a bug): a structural problem (here an unknown kind) stops validation: the catalogue problem in
  // the sibling condition (monetaryTotal compared with a string) is not reported, although the
  // JSDoc and docs/rules.md say validateRule "reports every problem".
  it('reports structural and catalogue problems together', () => {
    const issues = issuesOf(wrap({ kind: 'and', rules: [{ kind: 'gte', field: 'monetaryTotal', value: '500' }, { kind: 'regex', field: 'cluster', value: 'a.*' }] }));
    expect(issues.map((issue) => issue.message)).toContain('monetaryTotal is a number field: expected a number, received "500"');
  });
});

describe('validateRule: structure', () => {
  it('refuses what is not a rule object', () => {
    for (const json of [null, undefined, 'orders > 1', 42, [], [{ $v: 1 }]]) {
      expect(validateRule(json), String(json)).toStrictEqual({ ok: false, issues: [{ path: [], message: 'expected a rule object { "$v": 1, "rule": { ... } }' }] });
    }
  });

  it('refuses a wrong or missing $v', () => {
    for (const $v of [2, 0, '1', null, true]) {
      expect(issuesOf({ $v, rule: { kind: 'exists', field: 'orders' } }).map((issue) => issue.path)).toEqual([['$v']]);
    }
    expect(issuesOf({ rule: { kind: 'exists', field: 'orders' } }).map((issue) => issue.path)).toEqual([['$v']]);
  });

  it('refuses a missing rule', () => {
    expect(issuesOf({ $v: 1 })[0]?.path).toEqual(['rule']);
  });

  it('refuses unknown node kinds, at the root and nested', () => {
    expect(accepted(wrap({ kind: 'regex', field: 'cluster', value: 'a.*' }))).toBe(false);
    expect(accepted(wrap({ kind: 'and', rules: [{ kind: 'exists', field: 'orders' }, { kind: 'xor', rules: [{ kind: 'exists', field: 'orders' }] }] }))).toBe(false);
    expect(accepted(wrap({ kind: 'not', rule: { kind: 'EXISTS', field: 'orders' } }))).toBe(false);
    expect(accepted(wrap({ field: 'orders' }))).toBe(false);
    expect(accepted(wrap('exists'))).toBe(false);
  });

  // Fixed (was a bug): a nested structural problem is reported at the root (path ['rule'], message "Invalid
  // input"): the recursive zod union gives up at the top, so the host cannot tell which node of
  // a large rule is wrong.
  it('points a nested unknown kind at its own node', () => {
    const issues = issuesOf(wrap({ kind: 'and', rules: [{ kind: 'exists', field: 'orders' }, { kind: 'regex', field: 'cluster', value: 'a.*' }] }));
    expect(issues[0]?.path.slice(0, 3)).toEqual(['rule', 'rules', 1]);
  });

  it('refuses extra keys, wherever they are', () => {
    expect(accepted({ $v: 1, rule: { kind: 'exists', field: 'orders' }, note: 'x' })).toBe(false);
    expect(accepted(wrap({ kind: 'exists', field: 'orders', extra: 1 }))).toBe(false);
    expect(accepted(wrap({ kind: 'and', rules: [{ kind: 'eq', field: 'orders', value: 1, ignoreCase: true }] }))).toBe(false);
    expect(accepted(wrap({ kind: 'withinLast', field: 'lastPurchaseAt', duration: { amount: 1, unit: 'days', from: 'asOf' } }))).toBe(false);
  });

  // Fixed (was a bug): zod/mini is used without a locale, so every structural problem reads "Invalid input":
  // the message neither names the unknown key nor says what was expected (house style: a message
  // says what was expected and quotes the bad value).
  it('names the unknown key it refuses', () => {
    const issues = issuesOf(wrap({ kind: 'exists', field: 'orders', extra: 1 }));
    expect(issues.map((issue) => issue.message).join('\n')).toContain('extra');
  });

  it('refuses missing keys, empty groups and empty lists', () => {
    expect(accepted(wrap({ kind: 'eq', field: 'orders' }))).toBe(false);
    expect(accepted(wrap({ kind: 'contains', field: 'cluster', value: 'a' }))).toBe(false);
    expect(accepted(wrap({ kind: 'and', rules: [] }))).toBe(false);
    expect(accepted(wrap({ kind: 'in', field: 'orders', values: [] }))).toBe(false);
    expect(accepted(wrap({ kind: 'hasAny', field: 'categories', values: [] }))).toBe(false);
  });

  it('refuses values that are not finite numbers, strings or booleans', () => {
    for (const value of [Number.NaN, Infinity, -Infinity, null, { a: 1 }, ['a']]) {
      expect(accepted(wrap({ kind: 'eq', field: 'attributes.x', value })), String(value)).toBe(false);
    }
    expect(accepted(wrap({ kind: 'hasAny', field: 'categories', values: ['a', 1] }))).toBe(false);
  });

  it('refuses durations below 0, above 100 years (what every warehouse can take), or in unknown units', () => {
    const within = (amount: number, unit: string): unknown => wrap({ kind: 'withinLast', field: 'lastPurchaseAt', duration: { amount, unit } });
    expect(accepted(within(1200, 'months'))).toBe(true);
    expect(accepted(within(36_525, 'days'))).toBe(true);
    expect(accepted(within(1201, 'months'))).toBe(false);
    expect(accepted(within(5218, 'weeks'))).toBe(false);
    expect(accepted(within(-1, 'days'))).toBe(false);
    expect(accepted(within(1e6 + 1, 'days'))).toBe(false);
    expect(accepted(within(Number.NaN, 'days'))).toBe(false);
    expect(accepted(within(3, 'years'))).toBe(false);
    expect(accepted(within(3, 'day'))).toBe(false);
  });
});

describe('validateRule: field paths never reach into a prototype', () => {
  it.each(['attributes.__proto__', '__proto__', 'rfm.constructor', 'attributes.prototype', 'constructor', 'categoryShares.constructor', 'consent.__proto__', '__proto__.polluted'])('%s', (field) => {
    expect(issuesOf(wrap({ kind: 'exists', field }))).toStrictEqual([
      { path: ['rule', 'field'], message: `field ${JSON.stringify(field)} is not allowed: paths may not be empty or name __proto__, constructor or prototype` },
    ]);
  });

  it('refuses empty path segments', () => {
    for (const field of ['attributes.', '.orders', 'attributes..x']) expect(issuesOf(wrap({ kind: 'exists', field }))[0]?.message, field).toContain('is not allowed');
    expect(accepted(wrap({ kind: 'exists', field: '' }))).toBe(false);
  });

  it('refuses a "__proto__" own key in JSON, in a node or at the top, and pollutes nothing', () => {
    const inNode = JSON.parse('{"$v":1,"rule":{"kind":"exists","field":"orders","__proto__":{}}}') as unknown;
    expect(Object.hasOwn((inNode as { rule: object }).rule, '__proto__')).toBe(true);
    expect(accepted(inNode)).toBe(false);
    expect(accepted(JSON.parse('{"$v":1,"rule":{"kind":"exists","field":"orders"},"__proto__":{"polluted":true}}'))).toBe(false);
    expect(accepted(JSON.parse('{"$v":1,"rule":{"kind":"and","rules":[{"kind":"exists","field":"orders","__proto__":{"polluted":true}}]}}'))).toBe(false);
    expect(accepted(JSON.parse('{"$v":1,"rule":{"kind":"withinLast","field":"lastPurchaseAt","duration":{"amount":1,"unit":"days","__proto__":{"polluted":true}}}}'))).toBe(false);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('validateRule: limits', () => {
  it(`accepts lists of ${RULE_LIMITS.listLength} values and refuses longer ones`, () => {
    const values = (length: number): string[] => Array.from({ length }, (_, index) => `c${index}`);
    expect(accepted(wrap({ kind: 'in', field: 'cluster', values: values(RULE_LIMITS.listLength) }))).toBe(true);
    expect(accepted(wrap({ kind: 'hasAny', field: 'categories', values: values(RULE_LIMITS.listLength) }))).toBe(true);
    expect(accepted(wrap({ kind: 'in', field: 'cluster', values: values(RULE_LIMITS.listLength + 1) }))).toBe(false);
    expect(accepted(wrap({ kind: 'notIn', field: 'cluster', values: values(RULE_LIMITS.listLength + 1) }))).toBe(false);
    expect(accepted(wrap({ kind: 'hasAll', field: 'categories', values: values(RULE_LIMITS.listLength + 1) }))).toBe(false);
  });

  // Fixed (was a bug): a list beyond the documented limit is refused with "Invalid input" at ['rule'] (the
  // union gives up at the node); neither the path nor the message says the list is too long.
  it('says which list is too long', () => {
    const issues = issuesOf(wrap({ kind: 'in', field: 'cluster', values: Array.from({ length: RULE_LIMITS.listLength + 1 }, () => 'a') }));
    expect(issues[0]?.path).toEqual(['rule', 'values']);
    expect(issues[0]?.message).toContain(String(RULE_LIMITS.listLength));
  });

  it(`accepts strings and field names of ${RULE_LIMITS.stringLength} characters and refuses longer ones`, () => {
    const text = (length: number): string => 'é'.repeat(length);
    expect(accepted(wrap({ kind: 'eq', field: 'cluster', value: text(RULE_LIMITS.stringLength) }))).toBe(true);
    expect(accepted(wrap({ kind: 'eq', field: 'cluster', value: text(RULE_LIMITS.stringLength + 1) }))).toBe(false);
    expect(accepted(wrap({ kind: 'contains', field: 'cluster', value: text(RULE_LIMITS.stringLength + 1), ignoreCase: false }))).toBe(false);
    expect(accepted(wrap({ kind: 'in', field: 'cluster', values: ['a', text(RULE_LIMITS.stringLength + 1)] }))).toBe(false);
    expect(accepted(wrap({ kind: 'has', field: 'categories', value: text(RULE_LIMITS.stringLength + 1) }))).toBe(false);
    const name = (length: number): string => `attributes.${'x'.repeat(length - 'attributes.'.length)}`;
    expect(accepted(wrap({ kind: 'exists', field: name(RULE_LIMITS.stringLength) }))).toBe(true);
    expect(accepted(wrap({ kind: 'exists', field: name(RULE_LIMITS.stringLength + 1) }))).toBe(false);
  });

  it(`accepts ${RULE_LIMITS.nodes} nodes and refuses more, in one list or spread over groups`, () => {
    const leaf = { kind: 'exists', field: 'orders' };
    const group = (kind: string, children: number): unknown => ({ kind, rules: Array.from({ length: children }, () => leaf) });
    // 1 and + 999 conditions = 1000 nodes.
    expect(accepted(wrap(group('and', RULE_LIMITS.nodes - 1)))).toBe(true);
    expect(issuesOf(wrap(group('and', RULE_LIMITS.nodes)))).toStrictEqual([{ path: [], message: `the rule has more than ${RULE_LIMITS.nodes} nodes` }]);
    // 1 and + 9 ors + 9 × 110 conditions = 1000 nodes; one more condition is 1001.
    const spread = (extra: number): unknown => wrap({ kind: 'and', rules: [...Array.from({ length: 9 }, () => group('or', 110)), ...Array.from({ length: extra }, () => leaf)] });
    expect(accepted(spread(0))).toBe(true);
    expect(issuesOf(spread(1))).toStrictEqual([{ path: [], message: `the rule has more than ${RULE_LIMITS.nodes} nodes` }]);
    // A list far beyond the limit is refused before it is walked.
    expect(accepted(wrap({ kind: 'or', rules: new Array(1e7).fill(leaf) }))).toBe(false);
  });

  it(`accepts nesting ${RULE_LIMITS.depth} levels deep and refuses deeper`, () => {
    expect(accepted(nestedNots(RULE_LIMITS.depth))).toBe(true);
    expect(issuesOf(nestedNots(RULE_LIMITS.depth + 1))).toStrictEqual([{ path: ['rule', ...Array.from({ length: RULE_LIMITS.depth }, () => 'rule')], message: `the rule nests deeper than ${RULE_LIMITS.depth} levels` }]);
    // Alternating and / or groups, one condition beside each.
    let node: unknown = { kind: 'exists', field: 'orders' };
    for (let level = 1; level < RULE_LIMITS.depth + 1; level++) node = { kind: level % 2 === 0 ? 'and' : 'or', rules: [node, { kind: 'exists', field: 'clv' }] };
    const issues = issuesOf(wrap(node));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe(`the rule nests deeper than ${RULE_LIMITS.depth} levels`);
    expect(issues[0]?.path.slice(0, 3)).toEqual(['rule', 'rules', 0]);
  });

  it('refuses hostile nesting without overflowing the stack', () => {
    expect(() => validateRule(nestedNots(100_000))).not.toThrow();
    expect(issuesOf(nestedNots(100_000))[0]?.message).toBe(`the rule nests deeper than ${RULE_LIMITS.depth} levels`);
    let node: unknown = { kind: 'exists', field: 'orders' };
    for (let level = 0; level < 100_000; level++) node = { kind: 'and', rules: [node] };
    expect(issuesOf(wrap(node))[0]?.message).toBe(`the rule nests deeper than ${RULE_LIMITS.depth} levels`);
  });

  // Fixed (was a bug): checkLimits pushes the `where` of a behaviour condition even when it is null, and counts
  // that null as a node one level deeper. So `count(purchases) >= 1` counts as two nodes and two
  // levels: 600 of them in an or (601 nodes) are refused as "more than 1000 nodes", and one under
  // 31 nots (32 levels, like the accepted nestedNots(32)) as "nests deeper than 32 levels".
  it('counts a behaviour condition without where as one node at its own level', () => {
    const events = { kind: 'events', source: 'purchases', measure: 'count', where: null, window: null, op: 'gte', value: 1 };
    expect(validateRule(wrap({ kind: 'or', rules: Array.from({ length: 600 }, () => events) })).ok).toBe(true);
    let node: unknown = events;
    for (let i = 1; i < RULE_LIMITS.depth; i++) node = { kind: 'not', rule: node };
    expect(validateRule(wrap(node)).ok).toBe(true);
  });
});

describe('validateRule: values and operators against the field catalogue', () => {
  it('refuses between with low above high', () => {
    expect(issuesOf(wrap({ kind: 'between', field: 'orders', low: 5, high: 1 }))).toStrictEqual([{ path: ['rule', 'high'], message: 'between needs low <= high, received 5 and 1' }]);
    expect(issuesOf(wrap({ kind: 'between', field: 'lastPurchaseAt', low: '2026-02-01', high: '2026-01-31' }))).toStrictEqual([
      { path: ['rule', 'high'], message: 'between needs low <= high, received "2026-02-01" and "2026-01-31"' },
    ]);
    expect(issuesOf(wrap({ kind: 'between', field: 'attributes.code', low: 'b', high: 'a' }))[0]?.message).toBe('between needs low <= high, received "b" and "a"');
    expect(issuesOf(wrap({ kind: 'between', field: 'attributes.flag', low: true, high: false }))[0]?.message).toBe('between needs low <= high, received true and false');
    expect(accepted(wrap({ kind: 'between', field: 'orders', low: -0, high: 0 }))).toBe(true);
  });

  it.each([
    ['"yesterday"', 'yesterday'],
    ['"2026-1-5"', '2026-1-5'],
    ['"2026-01-05T00:00:00Z"', '2026-01-05T00:00:00Z'],
    ['"2026-13-01"', '2026-13-01'],
    ['"2026-01-32"', '2026-01-32'],
    ['"26-01-05"', '26-01-05'],
    ['""', ''],
    ['1767225600000', 1767225600000],
    ['true', true],
  ] as [string, string | number | boolean][])('refuses an instant field compared with %s', (received, value) => {
    expect(issuesOf(wrap({ kind: 'gte', field: 'lastPurchaseAt', value }))).toStrictEqual([{ path: ['rule', 'value'], message: dateMessage('lastPurchaseAt', received) }]);
    expect(issuesOf(wrap({ kind: 'between', field: 'firstPurchaseAt', low: '2020-01-01', high: value }))[0]).toStrictEqual({ path: ['rule', 'high'], message: dateMessage('firstPurchaseAt', received) });
  });

  // Fixed (was a bug): the day check is Date.parse(`${day}T00:00:00Z`), and V8 rolls days 29-31 over into the
  // next month instead of refusing them, so days that do not exist pass as ISO days (while
  // parseTransactions refuses '2026-02-30' as invalid_date).
  it.each(['2023-02-29', '2026-02-30', '2026-04-31'])('refuses the day %s, which does not exist', (day) => {
    expect(accepted(wrap({ kind: 'gte', field: 'lastPurchaseAt', value: day }))).toBe(false);
  });

  it('refuses = , != and in on an instant field', () => {
    expect(issuesOf(wrap({ kind: 'eq', field: 'lastPurchaseAt', value: '2026-01-01' }))).toStrictEqual([{ path: ['rule', 'value'], message: 'lastPurchaseAt is a date field: use between, within or more than ... ago' }]);
    expect(issuesOf(wrap({ kind: 'ne', field: 'createdAt', value: '2026-01-01' }))).toStrictEqual([{ path: ['rule', 'value'], message: 'createdAt is a date field: use between, within or more than ... ago' }]);
    expect(issuesOf(wrap({ kind: 'in', field: 'lastPurchaseAt', values: ['2026-01-01'] })).map((issue) => issue.message)).toEqual(['lastPurchaseAt is a date field: use between']);
  });

  it('refuses set operators on fields that are not sets', () => {
    expect(issuesOf(wrap({ kind: 'has', field: 'orders', value: 'x' }))).toStrictEqual([{ path: ['rule', 'field'], message: 'orders is a number field: has needs a set field such as categories' }]);
    expect(issuesOf(wrap({ kind: 'hasAny', field: 'cluster', values: ['x'] }))).toStrictEqual([{ path: ['rule', 'field'], message: 'cluster is a string field: hasAny needs a set field such as categories' }]);
    expect(issuesOf(wrap({ kind: 'hasAll', field: 'valueTier', values: ['high'] }))).toStrictEqual([{ path: ['rule', 'field'], message: 'valueTier is one of high, middle, low: hasAll needs a set field such as categories' }]);
  });

  it('refuses other operators on fields of the wrong type', () => {
    const message = (node: unknown): string | undefined => issuesOf(wrap(node))[0]?.message;
    expect(message({ kind: 'eq', field: 'categories', value: 'shoes' })).toBe('categories is a set of strings: use has, has any or has all');
    expect(message({ kind: 'contains', field: 'categories', value: 'shoes', ignoreCase: false })).toBe('categories is a set field: contains needs a string field');
    expect(message({ kind: 'startsWith', field: 'lastPurchaseAt', value: '2026', ignoreCase: false })).toBe('lastPurchaseAt is a instant field: startsWith needs a string field');
    expect(message({ kind: 'moreThanAgo', field: 'cluster', duration: { amount: 1, unit: 'days' } })).toBe('cluster is a string field: more than ... ago needs a date field such as lastPurchaseAt');
    expect(message({ kind: 'gt', field: 'consent.email', value: true })).toBe('consent.email is a boolean field: it has no order');
    expect(message({ kind: 'eq', field: 'consent.email', value: 'yes' })).toBe('consent.email is a boolean field: expected true or false, received "yes"');
    expect(message({ kind: 'lt', field: 'valueTier', value: 'high' })).toBe('valueTier is one of high, middle, low: it has no order');
    expect(message({ kind: 'eq', field: 'cluster', value: 3 })).toBe('cluster is a string field: expected a string, received 3');
    expect(message({ kind: 'gt', field: 'categoryShares.shoes', value: '0.5' })).toBe('categoryShares.shoes is a number field: expected a number, received "0.5"');
  });

  it('checks behaviour conditions and their event fields', () => {
    const events = (extra: object): unknown => wrap({ kind: 'events', source: 'purchases', measure: 'count', where: null, window: null, op: 'gte', value: 1, ...extra });
    expect(accepted(events({}))).toBe(true);
    expect(issuesOf(events({ source: 'interactions', measure: 'sum' }))).toStrictEqual([{ path: ['rule', 'measure'], message: 'sum adds amounts: it counts purchases or transactions, not interactions' }]);
    expect(issuesOf(events({ where: { kind: 'eq', field: 'orders', value: 1 } }))[0]?.path).toEqual(['rule', 'where', 'field']);
    expect(issuesOf(events({ where: { kind: 'eq', field: 'status', value: 'lost' } }))[0]?.path).toEqual(['rule', 'where', 'value']);
    expect(accepted(events({ where: events({}) }))).toBe(false);
    expect(accepted(events({ value: Number.NaN }))).toBe(false);
    expect(accepted(events({ op: 'between' }))).toBe(false);
  });

  it('printRule refuses what validateRule refuses, with every issue', () => {
    const bad = { $v: 1, rule: { kind: 'and', rules: [{ kind: 'eq', field: 'valueTier', value: 'gold' }, { kind: 'gt', field: 'monetry', value: 1 }] } } as unknown as Rule;
    let error: unknown;
    try {
      printRule(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).code).toBe('invalid_rule');
    expect((error as RuleError).issues).toStrictEqual(issuesOf(bad));
    expect((error as RuleError).message).toMatchInlineSnapshot(`
      "printRule found 2 problems in the rule:
        at rule.rules.0.value: valueTier is one of high, middle, low: received "gold"
        at rule.rules.1.field: unknown field "monetry", did you mean "monetaryTotal"?"
    `);
  });
});
