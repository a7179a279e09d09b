import { describe, expect, it } from 'vitest';
import {
  and,
  assignSegments,
  audience,
  ConfigurationError,
  defineSegments,
  diffMemberships,
  eq,
  gte,
  LIFECYCLE_SEGMENT_RULES,
  RFM_SEGMENT_RULES,
  RuleError,
  within,
  type Rule,
  type SegmentInput,
  type SegmentMembership,
  type SegmentSet,
} from 'clientele';

/** The error a function throws (fails the test when it does not throw). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('defineSegments', () => {
  it('takes rules as text, JSON and built, and stores each in canonical form', () => {
    const json: Rule = { $v: 1, rule: { kind: 'and', rules: [{ kind: 'and', rules: [{ kind: 'gte', field: 'orders', value: 2 }] }, { kind: 'not', rule: { kind: 'not', rule: { kind: 'eq', field: 'valueTier', value: 'high' } } }] } };
    const set = defineSegments([
      { name: 'text', rule: 'orders >= 2 AND (valueTier = "high")' },
      { name: 'json', rule: json, description: 'from storage' },
      { name: 'built', rule: and(gte('orders', 2), eq('valueTier', 'high')), priority: 0 },
    ]);
    const canonical: Rule = { $v: 1, rule: { kind: 'and', rules: [{ kind: 'gte', field: 'orders', value: 2 }, { kind: 'eq', field: 'valueTier', value: 'high' }] } };
    expect(set).toEqual({
      kind: 'segments',
      version: 1,
      mode: 'first',
      segments: [
        { name: 'text', rule: canonical, description: '', priority: 0 },
        { name: 'json', rule: canonical, description: 'from storage', priority: 0 },
        { name: 'built', rule: canonical, description: '', priority: 0 },
      ],
    });
  });

  it('returns frozen, serialisable data that assignSegments accepts back from JSON', () => {
    const set = defineSegments([{ name: 'big', rule: 'monetaryTotal >= 100' }], { mode: 'all' });
    expect(Object.isFrozen(set)).toBe(true);
    expect(Object.isFrozen(set.segments[0]?.rule.rule)).toBe(true);
    const stored = JSON.parse(JSON.stringify(set)) as SegmentSet;
    expect(stored).toEqual(set);
    expect(assignSegments(stored, [{ customerId: 'a', monetaryTotal: 150 }])).toEqual([{ customerId: 'a', segments: ['big'] }]);
  });

  it('orders segments by priority, highest first, ties in the given order', () => {
    const set = defineSegments([
      { name: 'a', rule: 'orders > 0', priority: 1 },
      { name: 'b', rule: 'orders > 0', priority: 5 },
      { name: 'c', rule: 'orders > 0', priority: 1 },
      { name: 'd', rule: 'orders > 0', priority: -2 },
      { name: 'e', rule: 'orders > 0', priority: 5 },
      { name: 'f', rule: 'orders > 0' },
      { name: 'g', rule: 'orders > 0', priority: 0.5 },
    ]);
    expect(set.segments.map((segment) => `${segment.name}${segment.priority}`)).toEqual(['b5', 'e5', 'a1', 'c1', 'g0.5', 'f0', 'd-2']);
  });

  it('refuses a repeated, empty or missing name with its index in the path', () => {
    const duplicate = thrown(() => defineSegments([{ name: 'vip', rule: 'orders > 1' }, { name: 'other', rule: 'orders > 2' }, { name: 'vip', rule: 'orders > 3' }]));
    expect(duplicate).toBeInstanceOf(ConfigurationError);
    expect(duplicate).toMatchObject({ code: 'invalid_option', path: [2, 'name'], message: 'defineSegments found the segment name "vip" twice' });
    expect(thrown(() => defineSegments([{ name: '', rule: 'orders > 1' }]))).toMatchObject({ code: 'invalid_option', path: [0, 'name'] });
    expect(thrown(() => defineSegments([{ name: 'x', rule: 'orders > 1' }, { rule: 'orders > 1' } as unknown as SegmentInput]))).toMatchObject({ code: 'invalid_option', path: [1, 'name'] });
    expect(thrown(() => defineSegments([{ name: 'x'.repeat(201), rule: 'orders > 1' }]))).toMatchObject({ code: 'invalid_option', path: [0, 'name'] });
  });

  it('refuses a bad mode, a priority that is not a finite number, and definitions that are not an array', () => {
    const mode = thrown(() => defineSegments([], { mode: 'any' as 'all' }));
    expect(mode).toBeInstanceOf(ConfigurationError);
    expect(mode).toMatchObject({ path: ['mode'], message: 'defineSegments expects option `mode` to be "first" or "all", received "any"' });
    expect(thrown(() => defineSegments([{ name: 'x', rule: 'orders > 1', priority: Number.POSITIVE_INFINITY }]))).toMatchObject({ code: 'invalid_option', path: [0, 'priority'] });
    expect(thrown(() => defineSegments([{ name: 'x', rule: 'orders > 1', priority: '2' as unknown as number }]))).toMatchObject({ code: 'invalid_option', path: [0, 'priority'] });
    expect(thrown(() => defineSegments({ name: 'x', rule: 'orders > 1' } as unknown as SegmentInput[]))).toBeInstanceOf(ConfigurationError);
  });

  // Fixed (was a bug): `options.mode` is read before anything checks options, so null options (a JavaScript
  // caller, a JSON configuration) escape as a TypeError "Cannot read properties of null" instead
  // of a ConfigurationError, as compileRule now answers for the same input.
  it('refuses null options with a ConfigurationError, not a TypeError', () => {
    expect(thrown(() => defineSegments([], null as unknown as { mode: 'first' }))).toBeInstanceOf(ConfigurationError);
  });

  it('reports every invalid rule at once, each path starting at its segment index', () => {
    const error = thrown(() =>
      defineSegments([
        { name: 'broken text', rule: 'monetaryTotal >= ' },
        { name: 'fine', rule: 'orders > 1' },
        { name: 'bad json', rule: { $v: 1, rule: { kind: 'and', rules: [{ kind: 'gte', field: 'monetry', value: 500 }, { kind: 'eq', field: 'valueTier', value: 'gold' }] } } as unknown as Rule },
        { name: 'bad built', rule: gte('monetaryTotal', '500' as unknown as number) },
        { name: 'not a rule', rule: 42 as unknown as Rule },
      ]),
    );
    expect(error).toBeInstanceOf(RuleError);
    const { issues } = error as RuleError;
    expect(issues.map((issue) => issue.path)).toEqual([
      [0, 'rule'],
      [2, 'rule', 'rule', 'rules', 0, 'field'],
      [2, 'rule', 'rule', 'rules', 1, 'value'],
      [3, 'rule', 'rule', 'value'],
      [4, 'rule'],
    ]);
    expect(issues[0]?.message).toBe('expected a value (a "string", a number, true or false) after >= (line 1, column 18)\nmonetaryTotal >= \n                 ^');
    expect(issues.slice(1, 4).map((issue) => issue.message)).toMatchInlineSnapshot(`
      [
        "unknown field "monetry", did you mean "monetaryTotal"?",
        "valueTier is one of high, middle, low: received "gold"",
        "monetaryTotal is a number field: expected a number, received "500"",
      ]
    `);
  });
});

describe('assignSegments', () => {
  const definitions: SegmentInput[] = [
    { name: 'frequent', rule: 'orders >= 5', priority: 1 },
    { name: 'big', rule: 'monetaryTotal >= 100', priority: 2 },
    { name: 'recent', rule: 'lastPurchaseAt within 30 days' },
  ];
  const asOf = Date.UTC(2026, 5, 30);
  const customers = [
    { customerId: 'a', monetaryTotal: 150, orders: 6, lastPurchaseAt: Date.UTC(2026, 5, 20), asOf },
    { customerId: 'b', monetaryTotal: 20, orders: 6, lastPurchaseAt: Date.UTC(2026, 0, 20), asOf },
    { customerId: 'c', monetaryTotal: 20, orders: 1, lastPurchaseAt: Date.UTC(2026, 5, 29), asOf },
    { customerId: 'd', monetaryTotal: 20, orders: 1, lastPurchaseAt: null, asOf },
    { customerId: 'e' },
  ];

  it('first mode: each customer joins the first segment by priority that matches, or none', () => {
    expect(assignSegments(defineSegments(definitions), customers)).toEqual([
      { customerId: 'a', segments: ['big'] },
      { customerId: 'b', segments: ['frequent'] },
      { customerId: 'c', segments: ['recent'] },
      { customerId: 'd', segments: [] },
      { customerId: 'e', segments: [] },
    ]);
  });

  it('all mode: every segment that matches, in priority order', () => {
    expect(assignSegments(defineSegments(definitions, { mode: 'all' }), customers).map((m) => m.segments)).toEqual([['big', 'frequent', 'recent'], ['frequent'], ['recent'], [], []]);
  });

  it('passes the asOf option to within', () => {
    const set = defineSegments([{ name: 'recent', rule: within('lastPurchaseAt', { days: 30 }) }]);
    expect(assignSegments(set, customers, { asOf: '2026-08-01' }).map((m) => m.segments)).toEqual([[], [], [], [], []]);
    expect(assignSegments(set, customers, { asOf: '2026-07-05' }).map((m) => m.segments)).toEqual([['recent'], [], ['recent'], [], []]);
  });

  it('keeps the input order, reads customerId as a string, and gives [] for no customers', () => {
    const set = defineSegments([{ name: 'any', rule: 'orders >= 0' }]);
    expect(assignSegments(set, [{ customerId: 7, orders: 1 }, { customerId: 'x', orders: 0 }])).toEqual([
      { customerId: '7', segments: ['any'] },
      { customerId: 'x', segments: ['any'] },
    ]);
    expect(assignSegments(set, [])).toEqual([]);
  });

  it('refuses something that is not a segment set, or customers that are not an array', () => {
    expect(() => assignSegments({ kind: 'segments', version: 2, mode: 'first', segments: [] } as unknown as SegmentSet, [])).toThrow(ConfigurationError);
    expect(() => assignSegments(null as unknown as SegmentSet, [])).toThrow(ConfigurationError);
    expect(() => assignSegments(defineSegments([]), {} as unknown as object[])).toThrow(ConfigurationError);
  });

  // Fixed (was a bug): assignSegments checks a stored set's kind and version (and compiles its rules) but not
  // its mode: `first = set.mode === 'first'`, so a stored set whose mode was edited to "First"
  // (or lost) silently assigns every matching segment, as in 'all' mode.
  it('refuses a stored set whose mode is neither first nor all', () => {
    const stored = { ...(JSON.parse(JSON.stringify(defineSegments([{ name: 'a', rule: 'orders > 0' }, { name: 'b', rule: 'orders > 1' }]))) as SegmentSet), mode: 'First' };
    expect(() => assignSegments(stored as unknown as SegmentSet, [{ customerId: 'x', orders: 5 }])).toThrow(ConfigurationError);
  });

  it('checks the rules of a set edited after storage', () => {
    const stored = JSON.parse(JSON.stringify(defineSegments([{ name: 'big', rule: 'monetaryTotal >= 100' }]))) as { segments: { rule: { rule: { field: string } } }[] };
    (stored.segments[0] as { rule: { rule: { field: string } } }).rule.rule.field = 'monetry';
    expect(() => assignSegments(stored as unknown as SegmentSet, [])).toThrow(RuleError);
  });
});

describe('diffMemberships', () => {
  it('lists who entered and who exited each segment, sorted by segment, type, customer', () => {
    const before: SegmentMembership[] = [
      { customerId: 'a', segments: ['active'] },
      { customerId: 'b', segments: ['active', 'vip'] },
      { customerId: 'c', segments: [] },
    ];
    const after: SegmentMembership[] = [
      { customerId: 'b', segments: ['vip', 'at risk'] },
      { customerId: 'a', segments: ['at risk'] },
      { customerId: 'c', segments: ['active'] },
    ];
    expect(diffMemberships(before, after)).toEqual([
      { type: 'entered', segment: 'active', customerId: 'c' },
      { type: 'exited', segment: 'active', customerId: 'a' },
      { type: 'exited', segment: 'active', customerId: 'b' },
      { type: 'entered', segment: 'at risk', customerId: 'a' },
      { type: 'entered', segment: 'at risk', customerId: 'b' },
    ]);
  });

  it('a customer missing from a snapshot is in no segment there', () => {
    expect(diffMemberships([{ customerId: 'gone', segments: ['vip'] }], [{ customerId: 'new', segments: ['vip', 'active'] }])).toEqual([
      { type: 'entered', segment: 'active', customerId: 'new' },
      { type: 'entered', segment: 'vip', customerId: 'new' },
      { type: 'exited', segment: 'vip', customerId: 'gone' },
    ]);
    expect(diffMemberships([], [])).toEqual([]);
  });

  it('two identical snapshots give no events', () => {
    const snapshot = assignSegments(defineSegments([{ name: 'big', rule: 'monetaryTotal >= 100' }]), [{ customerId: 'a', monetaryTotal: 150 }, { customerId: 'b' }]);
    expect(diffMemberships(snapshot, snapshot)).toEqual([]);
  });

  it('refuses a customer twice in one snapshot, with the snapshot and position in the path', () => {
    const twice = [
      { customerId: 'a', segments: ['x'] },
      { customerId: 'a', segments: ['y'] },
    ];
    expect(thrown(() => diffMemberships(twice, []))).toMatchObject({ code: 'invalid_option', path: ['before', 1], message: 'diffMemberships found customer "a" twice in `before`' });
    expect(thrown(() => diffMemberships([], twice))).toMatchObject({ code: 'invalid_option', path: ['after', 1] });
  });

  it('refuses snapshots that are not arrays of { customerId, segments }', () => {
    expect(thrown(() => diffMemberships({} as unknown as SegmentMembership[], []))).toMatchObject({ code: 'invalid_option', path: ['before'] });
    expect(thrown(() => diffMemberships([], [{ customerId: 1, segments: [] } as unknown as SegmentMembership]))).toMatchObject({ code: 'invalid_option', path: ['after', 0] });
    expect(thrown(() => diffMemberships([{ customerId: 'a' } as unknown as SegmentMembership], []))).toMatchObject({ code: 'invalid_option', path: ['before', 0] });
  });
});

describe('audience', () => {
  const customers = [
    { customerId: 'yes', monetaryTotal: 900, consent: { email: true } },
    { customerId: 'refused', monetaryTotal: 900, consent: { email: false, sms: true } },
    { customerId: 'no record', monetaryTotal: 900 },
    { customerId: 'empty record', monetaryTotal: 900, consent: {} },
    { customerId: 'null record', monetaryTotal: 900, consent: null },
    { customerId: 'null consent', monetaryTotal: 900, consent: { email: null } },
    { customerId: 'string "true"', monetaryTotal: 900, consent: { email: 'true' } },
    { customerId: 'inherited', monetaryTotal: 900, consent: Object.create({ email: true }) as object },
    { customerId: 'small', monetaryTotal: 10, consent: { email: true } },
    { customerId: 'unknown value', monetaryTotal: null, consent: { email: true } },
    { customerId: 'also yes', monetaryTotal: 500, consent: { email: true, sms: false } },
  ];
  const rule = gte('monetaryTotal', 500);

  it('keeps the customers the rule matches whose consent for the channel is true, in input order; no consent means no contact', () => {
    const chosen = audience(rule, customers, { channel: 'email' });
    expect(chosen.map((c) => c.customerId)).toEqual(['yes', 'also yes']);
    expect(chosen[0]).toBe(customers[0]);
    expect(audience(rule, customers, { channel: 'sms' }).map((c) => c.customerId)).toEqual(['refused']);
    expect(audience(rule, customers, { channel: 'push' })).toEqual([]);
  });

  it('takes a segment from defineSegments as well as a rule', () => {
    const [segment] = defineSegments([{ name: 'big', rule: 'monetaryTotal >= 500' }]).segments;
    expect(audience(segment as NonNullable<typeof segment>, customers, { channel: 'email' }).map((c) => c.customerId)).toEqual(['yes', 'also yes']);
  });

  it('refuses an unknown channel', () => {
    const error = thrown(() => audience(rule, customers, { channel: 'fax' as 'email' }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'invalid_option', path: ['channel'], message: 'audience expects option `channel` to be one of email, sms, push, phone, received "fax"' });
    expect(() => audience(rule, customers, {} as { channel: 'email' })).toThrow(ConfigurationError);
  });

  // Fixed (was a bug): audience checks the channel but not its other arguments: a null segment fails in
  // `'$v' in segment` and customers that are not an array in `customers.filter`, both as
  // TypeErrors rather than the ConfigurationError assignSegments gives for the same mistakes.
  it('refuses a null segment or customers that are not an array with a ConfigurationError', () => {
    expect(thrown(() => audience(null as unknown as Rule, customers, { channel: 'email' }))).toBeInstanceOf(ConfigurationError);
    expect(thrown(() => audience(rule, null as unknown as object[], { channel: 'email' }))).toBeInstanceOf(ConfigurationError);
  });
});

describe('ready-made segments', () => {
  // Names by hand from the RFM segment table (Putler's 11 segments) and the lifecycle stages.
  const RFM_NAMES: Record<string, string> = {
    champions: 'Champions',
    cant_lose_them: "Can't Lose Them",
    at_risk: 'At Risk',
    loyal: 'Loyal',
    new_customers: 'New Customers',
    promising: 'Promising',
    potential_loyalist: 'Potential Loyalist',
    need_attention: 'Need Attention',
    about_to_sleep: 'About to Sleep',
    hibernating: 'Hibernating',
    lost: 'Lost',
  };
  const LIFECYCLE_NAMES: Record<string, string> = {
    prospect: 'Prospect',
    churned: 'Churned',
    at_risk: 'At risk',
    reactivated: 'Reactivated',
    new: 'New',
    declining: 'Declining',
    growing: 'Growing',
    mature: 'Mature',
    active: 'Active',
  };

  it('RFM_SEGMENT_RULES put each customer carrying rfm.segment in the segment of that name, and only that one', () => {
    const set = defineSegments(RFM_SEGMENT_RULES, { mode: 'all' });
    expect(set.segments).toHaveLength(11);
    const customers = [...Object.keys(RFM_NAMES).map((segment) => ({ customerId: segment, rfm: { r: 3, f: 3, m: 3, segment } })), { customerId: 'unscored' }, { customerId: 'odd', rfm: { segment: 'vip' } }];
    expect(assignSegments(set, customers).map((m) => [m.customerId, m.segments])).toEqual([...Object.entries(RFM_NAMES).map(([id, name]) => [id, [name]]), ['unscored', []], ['odd', []]]);
  });

  it('LIFECYCLE_SEGMENT_RULES put each customer carrying lifecycle.stage in the segment of that name, and only that one', () => {
    const set = defineSegments(LIFECYCLE_SEGMENT_RULES, { mode: 'all' });
    expect(set.segments).toHaveLength(9);
    const customers = [...Object.keys(LIFECYCLE_NAMES).map((stage) => ({ customerId: stage, lifecycle: { stage } })), { customerId: 'unclassified', lifecycle: null }];
    expect(assignSegments(set, customers).map((m) => [m.customerId, m.segments])).toEqual([...Object.entries(LIFECYCLE_NAMES).map(([id, name]) => [id, [name]]), ['unclassified', []]]);
  });

  it('can be combined with the host’s own segments and priorities', () => {
    const set = defineSegments([...RFM_SEGMENT_RULES, { name: 'VIP at risk', rule: 'rfm.segment = "at_risk" and monetaryTotal >= 1000', priority: 10 }]);
    expect(assignSegments(set, [{ customerId: 'a', monetaryTotal: 2000, rfm: { segment: 'at_risk' } }, { customerId: 'b', monetaryTotal: 20, rfm: { segment: 'at_risk' } }]).map((m) => m.segments)).toEqual([['VIP at risk'], ['At Risk']]);
  });
});
