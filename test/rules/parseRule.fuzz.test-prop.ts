import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRule, printRule, RULE_FIELDS, RULE_LIMITS, RuleSyntaxError, validateRule, type Rule } from 'clientele';

// Whatever the text, parseRule returns a valid rule or throws a RuleSyntaxError that points into
// the text: never a TypeError, a RangeError (stack overflow) or a hang.

const CODES = ['unexpected_token', 'unexpected_end', 'unknown_field', 'invalid_literal', 'limit_exceeded'];

/** Parses `text` and checks the outcome is one of the two allowed ones; returns the rule or the error. */
function parseOrRefuse(text: string): Rule | RuleSyntaxError {
  let rule: Rule;
  try {
    rule = parseRule(text);
  } catch (error) {
    if (!(error instanceof RuleSyntaxError)) throw new Error(`parseRule(${JSON.stringify(text.slice(0, 200))}) threw ${String(error)}`, { cause: error });
    expect(CODES).toContain(error.code);
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThanOrEqual(text.length);
    expect(error.line).toBe(text.slice(0, error.offset).split('\n').length);
    expect(error.column).toBe(error.offset - (text.lastIndexOf('\n', error.offset - 1) + 1) + 1);
    expect(error.excerpt).toMatch(/\n *\^$/);
    expect(error.message.endsWith(`(line ${error.line}, column ${error.column})\n${error.excerpt}`)).toBe(true);
    return error;
  }
  // What parses is valid, canonical, and prints to text that parses back to it.
  expect(validateRule(rule)).toStrictEqual({ ok: true, rule });
  expect(parseRule(printRule(rule))).toStrictEqual(rule);
  return rule;
}

// The words of the language, as docs/rules.md and parseRule's JSDoc write them.
const KEYWORDS = ['and', 'or', 'not', 'between', 'in', 'contains', 'starts', 'ends', 'with', 'ignoring', 'case', 'has', 'any', 'all', 'exists', 'is', 'null', 'within', 'last', 'more', 'than', 'ago', 'day', 'days', 'week', 'weeks', 'month', 'months', 'true', 'false', 'count', 'sum', 'where', 'purchases', 'transactions', 'interactions'];

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYWORDS, ...KEYWORDS.map((word) => word.toUpperCase())) },
  { weight: 3, arbitrary: fc.constantFrom(...Object.keys(RULE_FIELDS), 'attributes.region', 'categoryShares.shoes', 'consent.email', 'category', 'amount', 'kind', 'status', 'monetry', '__proto__', 'attributes.constructor') },
  { weight: 4, arbitrary: fc.constantFrom('(', ')', ',', '=', '!=', '<>', '<', '<=', '>', '>=', '!', '-', '.', '"', '`', '\\', '#', '((', '))') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('"high"', '"shoes"', '"completed"', '"2024-01-31"', '"2024-02-30"', '"a\\"b"', '"\\u00e9"', '"\\ud800"', '"\\x"', '""', '`attributes.company size`', '`attributes.a\\`b`', '`attributes.__proto__`', '``', '`orders`'),
  },
  { weight: 2, arbitrary: fc.oneof(fc.integer().map(String), fc.double().map(String), fc.constantFrom('1e400', '-0', '0.5', '1e-7', '01', '1.', '.5', '-', '1e', '2e+3', '1000001')) },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\t', '\r\n', '  ');

/** Rule tokens and keywords spliced together at random: text that gets past the tokenizer and deep into the parser. */
const splicedTokens = fc.tuple(fc.array(token, { maxLength: 40 }), fc.array(separator, { minLength: 1, maxLength: 8 })).map(([tokens, separators]) => tokens.map((piece, index) => `${piece}${separators[index % separators.length] as string}`).join(''));

/** Condition-shaped phrases: whole conditions (some with an unknown field or a wrong value) and random field-operator-value triples. */
const phrase = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'orders > 1',
      'cluster = "a"',
      'valueTier in ("high", "low")',
      'lastPurchaseAt within last 3 days',
      'lastPurchaseAt more than 2 months ago',
      'categories has any ("a")',
      'consent.email = true',
      '`attributes.a b` exists',
      'clv is not null',
      'orders between 1 and 2',
      'topCategory contains "x" ignoring case',
      'count(purchases where amount > 1 within 3 weeks) >= 2',
      'monetry > 1',
      'valueTier = "gold"',
      'sum(interactions) > 1',
      'lastPurchaseAt = "2024-01-01"',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('orders', 'cluster', 'valueTier', 'lastPurchaseAt', 'categories', 'consent.email', 'attributes.x', '`attributes.a b`', 'monetry', 'count(purchases)', 'sum(interactions)'),
        fc.constantFrom('=', '!=', '<>', '<', '>=', 'between', 'in (', 'not in (', 'contains', 'starts with', 'ends with', 'has', 'has any (', 'has all (', 'exists', 'is null', 'is not null', 'within', 'within last', 'more than'),
        fc.constantFrom('1', '-2.5e1', '"high"', '"a"', 'true', '"2024-01-31"', '1 and 2', '"a" and "b"', '1)', '"a", "b")', '3 days', '2 weeks ago', '1 month', '', 'ignoring case'),
      )
      .map((parts) => parts.join(' ')),
  },
);
const phrases = fc.tuple(fc.array(phrase, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(' and ', ' or ', ' and not ', ' or (', ') and ', ' or not (', ') or ', ' AND ', '\n and ', ' '), { minLength: 1, maxLength: 6 })).map(([parts, connectives]) =>
  parts.reduce((text, part, index) => `${text}${connectives[index % connectives.length] as string}${part}`),
);

const CORPUS = [
  'monetaryTotal >= 500 and lastPurchaseAt within 30 days and rfm.segment in ("champions", "loyal")',
  'not (orders between 1 and 5 or clv is null) and categories has any ("shoes", "bags")',
  'topCategory starts with "sh" ignoring case or lastPurchaseAt more than 2 months ago',
  '`attributes.company size` not in ("1-10", "11-50") and consent.email = true',
  'count(purchases where category = "shoes" within 90 days) >= 2 or sum(transactions) > -1.5e3',
  'interactionKinds has all ("email_open") and lastPurchaseAt between "2024-01-01" and "2024-12-31"',
];

/** A valid rule text damaged: a slice deleted, a token inserted, a slice repeated. */
const mutatedRule = fc
  .tuple(fc.constantFrom(...CORPUS), fc.array(fc.tuple(fc.nat(), fc.nat(12), fc.nat(2), token), { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) =>
    edits.reduce((current, [at, length, kind, piece]) => {
      const start = at % (current.length + 1);
      if (kind === 0) return current.slice(0, start) + current.slice(start + length);
      if (kind === 1) return `${current.slice(0, start)}${piece}${current.slice(start)}`;
      return current.slice(0, start) + current.slice(start, start + length).repeat(3) + current.slice(start);
    }, text),
  );

describe('parseRule on arbitrary text returns a rule or throws a RuleSyntaxError', () => {
  it('ASCII strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        parseOrRefuse(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('strings of any code point, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        parseOrRefuse(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('rule tokens and keywords spliced together', () => {
    fc.assert(
      fc.property(splicedTokens, (text) => {
        parseOrRefuse(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('condition-shaped phrases joined by and, or, not and parentheses', () => {
    fc.assert(
      fc.property(phrases, (text) => {
        parseOrRefuse(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('valid rules with damage', () => {
    fc.assert(
      fc.property(mutatedRule, (text) => {
        parseOrRefuse(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('the corpus itself parses', () => {
    for (const text of CORPUS) expect(parseOrRefuse(text)).not.toBeInstanceOf(RuleSyntaxError);
  });
});

describe('parseRule: hostile nesting is refused with a RuleSyntaxError, not a stack overflow', () => {
  const depthError = (text: string): void => {
    const outcome = parseOrRefuse(text);
    expect(outcome).toBeInstanceOf(RuleSyntaxError);
    expect((outcome as RuleSyntaxError).message).toContain(`nests deeper than ${RULE_LIMITS.depth} levels`);
  };

  it('10,000 nested parentheses', () => {
    depthError(`${'('.repeat(10_000)}orders > 1${')'.repeat(10_000)}`);
  });

  it('10,000 nots', () => {
    depthError(`${'not '.repeat(10_000)}orders > 1`);
  });

  it('10,000 nots and parentheses interleaved', () => {
    depthError(`${'not ('.repeat(5_000)}orders > 1${')'.repeat(5_000)}`);
  });

  it('4,000 behaviour conditions nested in where (88,000 characters)', () => {
    depthError(`${'count(purchases where '.repeat(4_000)}amount > 1`);
  });

  it('100,000 opening parentheses', () => {
    depthError('('.repeat(RULE_LIMITS.textLength));
  });

  it(`${RULE_LIMITS.depth - 1} nots are within the limit`, () => {
    expect(parseRule(`${'not '.repeat(RULE_LIMITS.depth - 1)}orders > 1`)).toStrictEqual({ $v: 1, rule: { kind: 'not', rule: { kind: 'gt', field: 'orders', value: 1 } } });
  });
});

describe(`parseRule: texts up to ${RULE_LIMITS.textLength} characters finish, longer ones are refused`, () => {
  it(`"orders > 1 and " repeated to ${RULE_LIMITS.textLength} characters is refused by the node limit`, () => {
    const repeated = 'orders > 1 and '.repeat(Math.ceil(RULE_LIMITS.textLength / 15)).slice(0, RULE_LIMITS.textLength);
    const text = repeated.slice(0, repeated.lastIndexOf(' and '));
    expect(text.length).toBeLessThanOrEqual(RULE_LIMITS.textLength);
    const outcome = parseOrRefuse(text);
    expect(outcome).toBeInstanceOf(RuleSyntaxError);
    expect((outcome as RuleSyntaxError).message).toContain(`the rule has more than ${RULE_LIMITS.nodes} nodes`);
    // Untrimmed (ending in "and o"), it is a syntax error.
    expect(parseOrRefuse(repeated)).toBeInstanceOf(RuleSyntaxError);
  });

  it(`${RULE_LIMITS.nodes - 1} conditions joined by or are within the node limit`, () => {
    const outcome = parseOrRefuse(Array.from({ length: RULE_LIMITS.nodes - 1 }, (_, index) => `orders > ${index}`).join(' or '));
    expect(outcome).not.toBeInstanceOf(RuleSyntaxError);
    expect(((outcome as Rule).rule as { readonly rules: readonly unknown[] }).rules).toHaveLength(RULE_LIMITS.nodes - 1);
  });

  it(`a valid rule padded to exactly ${RULE_LIMITS.textLength} characters parses`, () => {
    const text = 'orders > 1'.padEnd(RULE_LIMITS.textLength, ' ');
    expect(parseRule(text)).toStrictEqual({ $v: 1, rule: { kind: 'gt', field: 'orders', value: 1 } });
  });

  it(`${RULE_LIMITS.textLength + 1} characters are refused before they are read`, () => {
    for (const text of ['orders > 1'.padEnd(RULE_LIMITS.textLength + 1, ' '), '('.repeat(RULE_LIMITS.textLength * 10), 'x'.repeat(RULE_LIMITS.textLength + 1)]) {
      const outcome = parseOrRefuse(text);
      expect(outcome).toBeInstanceOf(RuleSyntaxError);
      expect((outcome as RuleSyntaxError).message).toContain(`the rule text is longer than ${RULE_LIMITS.textLength} characters`);
    }
  });

  it.each<[string, string]>([
    ['one long string', `cluster = "${'a'.repeat(RULE_LIMITS.textLength - 12)}"`],
    ['an unclosed string', `cluster = "${'a\\"'.repeat((RULE_LIMITS.textLength - 11) / 3)}`],
    ['an unclosed backtick field', `\`${'a\\`'.repeat((RULE_LIMITS.textLength - 1) / 3)}`],
    ['a long number', `orders > ${'9'.repeat(RULE_LIMITS.textLength - 9)}`],
    ['a long dotted name', `${'a.'.repeat(RULE_LIMITS.textLength / 2 - 4)}a > 1`],
    ['a long list', `orders in (${Array.from({ length: RULE_LIMITS.textLength / 3 - 5 }, () => '1').join(',')})`],
    ['many nots in a row', `${'not not '.repeat(RULE_LIMITS.textLength / 8 - 2)}orders > 1`],
    ['many ors', `${'clv exists or '.repeat(RULE_LIMITS.textLength / 14 - 1)}clv exists`],
  ])('%s', (_name, text) => {
    expect(text.length).toBeLessThanOrEqual(RULE_LIMITS.textLength);
    expect(parseOrRefuse(text)).toBeInstanceOf(RuleSyntaxError);
  });
});
