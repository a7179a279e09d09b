import { RuleSyntaxError, type PathSegment, type RuleSyntaxErrorCode } from '../../errors';
import { RULE_LIMITS, type ComparisonKind, type Rule, type RuleLiteral, type RuleNode } from '../ast';
import { RULE_KEYWORDS } from '../ruleKeywords';
import { validateRule } from '../validateRule';
import { tokenizeRule, type RuleToken } from './tokenizeRule';

const COMPARISONS: Readonly<Record<string, ComparisonKind>> = Object.freeze(Object.assign(Object.create(null) as Record<string, ComparisonKind>, { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' }));
const UNITS: Readonly<Record<string, 'days' | 'weeks' | 'months'>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, 'days' | 'weeks' | 'months'>, { day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', month: 'months', months: 'months' }),
);

/** A recursive-descent parser over the tokens; depth is counted so nesting beyond the limit is an error, not a stack overflow. */
class Parser {
  private position = 0;
  private depth = 0;
  /** Where each condition's field token starts, to place validation errors. */
  readonly fieldOffsets = new WeakMap<object, number>();

  constructor(
    private readonly source: string,
    private readonly tokens: readonly RuleToken[],
  ) {}

  private get current(): RuleToken {
    return this.tokens[this.position] as RuleToken;
  }

  private fail(message: string, token: RuleToken = this.current): never {
    throw new RuleSyntaxError(token.type === 'end' ? 'unexpected_end' : 'unexpected_token', message, this.source, token.offset);
  }

  private isWord(word: string, token: RuleToken = this.current): boolean {
    return token.type === 'word' && token.text.toLowerCase() === word;
  }

  private expectWord(word: string, context: string): void {
    if (!this.isWord(word)) this.fail(`expected "${word}" ${context}`);
    this.position += 1;
  }

  private expectSymbol(symbol: string, context: string): void {
    const token = this.current;
    if (token.type !== 'symbol' || token.text !== symbol) this.fail(`expected "${symbol}" ${context}`);
    this.position += 1;
  }

  parse(): RuleNode {
    const node = this.or();
    if (this.current.type !== 'end') this.fail('expected "and", "or" or the end of the rule');
    return node;
  }

  private nested<T>(parse: () => T): T {
    this.depth += 1;
    if (this.depth > RULE_LIMITS.depth) throw new RuleSyntaxError('limit_exceeded', `the rule nests deeper than ${RULE_LIMITS.depth} levels`, this.source, this.current.offset);
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private or(): RuleNode {
    const rules = [this.and()];
    while (this.isWord('or')) {
      this.position += 1;
      rules.push(this.and());
    }
    return rules.length === 1 ? (rules[0] as RuleNode) : { kind: 'or', rules };
  }

  private and(): RuleNode {
    const rules = [this.unary()];
    while (this.isWord('and')) {
      this.position += 1;
      rules.push(this.unary());
    }
    return rules.length === 1 ? (rules[0] as RuleNode) : { kind: 'and', rules };
  }

  private unary(): RuleNode {
    if (this.isWord('not')) {
      this.position += 1;
      return this.nested(() => ({ kind: 'not', rule: this.unary() }));
    }
    const token = this.current;
    if (token.type === 'symbol' && token.text === '(') {
      this.position += 1;
      const inner = this.nested(() => this.or());
      this.expectSymbol(')', 'to close the parenthesis');
      return inner;
    }
    return this.condition();
  }

  private field(): { name: string; offset: number } {
    const token = this.current;
    if (token.type === 'field') {
      this.position += 1;
      return { name: token.text, offset: token.offset };
    }
    if (token.type === 'word' && !RULE_KEYWORDS.has(token.text.toLowerCase())) {
      this.position += 1;
      return { name: token.text, offset: token.offset };
    }
    return this.fail('expected a field name, such as monetaryTotal or attributes.region');
  }

  private literal(context: string): RuleLiteral {
    const token = this.current;
    this.position += 1;
    if (token.type === 'string') return token.value;
    if (token.type === 'number') return token.value;
    if (this.isWord('true', token)) return true;
    if (this.isWord('false', token)) return false;
    this.position -= 1;
    return this.fail(`expected a value (a "string", a number, true or false) ${context}`);
  }

  private string(context: string): string {
    const token = this.current;
    if (token.type !== 'string') this.fail(`expected a "string" ${context}`);
    this.position += 1;
    return (token as { value: string }).value;
  }

  private list<T>(item: (context: string) => T): T[] {
    this.expectSymbol('(', 'to open the list');
    const values = [item('in the list')];
    while (this.current.type === 'symbol' && (this.current as { text: string }).text === ',') {
      this.position += 1;
      if (values.length >= RULE_LIMITS.listLength) throw new RuleSyntaxError('limit_exceeded', `the list is longer than ${RULE_LIMITS.listLength} values`, this.source, this.current.offset);
      values.push(item('in the list'));
    }
    this.expectSymbol(')', 'to close the list');
    return values;
  }

  private duration(): { amount: number; unit: 'days' | 'weeks' | 'months' } {
    const token = this.current;
    if (token.type !== 'number' || token.value < 0) this.fail('expected a number of days, weeks or months');
    this.position += 1;
    const unitToken = this.current;
    const unit = unitToken.type === 'word' ? UNITS[unitToken.text.toLowerCase()] : undefined;
    if (unit === undefined) this.fail('expected days, weeks or months');
    this.position += 1;
    return { amount: (token as { value: number }).value, unit: unit as 'days' | 'weeks' | 'months' };
  }

  private condition(): RuleNode {
    const next = this.tokens[this.position + 1];
    if ((this.isWord('count') || this.isWord('sum')) && next?.type === 'symbol' && next.text === '(') return this.behaviour();
    const { name: field, offset } = this.field();
    const node = this.operator(field);
    this.fieldOffsets.set(node, offset);
    return node;
  }

  /** `count(purchases where ... within N days) >= 2`, `sum(transactions ...) > 500`. */
  private behaviour(): RuleNode {
    const start = this.current.offset;
    const node = this.behaviourAt();
    this.fieldOffsets.set(node, start);
    return node;
  }

  private behaviourAt(): RuleNode {
    const measure = (this.current as { text: string }).text.toLowerCase() as 'count' | 'sum';
    this.position += 2;
    const sourceToken = this.current;
    const source = sourceToken.type === 'word' ? sourceToken.text.toLowerCase() : '';
    if (source !== 'purchases' && source !== 'transactions' && source !== 'interactions') this.fail(`expected purchases, transactions or interactions after ${measure}(`);
    this.position += 1;
    let where: RuleNode | null = null;
    if (this.isWord('where')) {
      this.position += 1;
      where = this.nested(() => this.or());
    }
    let window: { amount: number; unit: 'days' | 'weeks' | 'months' } | null = null;
    if (this.isWord('within')) {
      this.position += 1;
      if (this.isWord('last')) this.position += 1;
      window = this.duration();
    }
    this.expectSymbol(')', `to close ${measure}(...)`);
    const token = this.current;
    const op = token.type === 'symbol' ? COMPARISONS[token.text] : undefined;
    if (op === undefined) this.fail(`expected a comparison (=, !=, <, <=, >, >=) after ${measure}(...)`);
    this.position += 1;
    const valueToken = this.current;
    if (valueToken.type !== 'number') this.fail(`expected a number after ${measure}(...) ${(token as { text: string }).text}`);
    this.position += 1;
    return { kind: 'events', source, measure, where, window, op: op as ComparisonKind, value: (valueToken as { value: number }).value };
  }

  private operator(field: string): RuleNode {
    const token = this.current;
    if (token.type === 'symbol') {
      const kind = COMPARISONS[token.text];
      if (kind === undefined) this.fail(`expected an operator after ${field}`);
      this.position += 1;
      return { kind, field, value: this.literal(`after ${token.text}`) };
    }
    if (token.type !== 'word') this.fail(`expected an operator after ${field} (=, !=, <, between, in, contains, has, exists, within, ...)`);
    this.position += 1;
    switch (token.text.toLowerCase()) {
      case 'between': {
        const low = this.literal('after between');
        this.expectWord('and', 'between the two values of between');
        return { kind: 'between', field, low, high: this.literal('after and') };
      }
      case 'in':
        return { kind: 'in', field, values: this.list((context) => this.literal(context)) };
      case 'not':
        this.expectWord('in', 'after not (field not in (...))');
        return { kind: 'notIn', field, values: this.list((context) => this.literal(context)) };
      case 'contains':
        return { kind: 'contains', field, value: this.string('after contains'), ignoreCase: this.ignoringCase() };
      case 'starts':
        this.expectWord('with', 'after starts');
        return { kind: 'startsWith', field, value: this.string('after starts with'), ignoreCase: this.ignoringCase() };
      case 'ends':
        this.expectWord('with', 'after ends');
        return { kind: 'endsWith', field, value: this.string('after ends with'), ignoreCase: this.ignoringCase() };
      case 'has':
        if (this.isWord('any')) {
          this.position += 1;
          return { kind: 'hasAny', field, values: this.list((context) => this.string(context)) };
        }
        if (this.isWord('all')) {
          this.position += 1;
          return { kind: 'hasAll', field, values: this.list((context) => this.string(context)) };
        }
        return { kind: 'has', field, value: this.string('after has') };
      case 'exists':
        return { kind: 'exists', field };
      case 'is':
        if (this.isWord('not')) {
          this.position += 1;
          this.expectWord('null', 'after is not');
          return { kind: 'exists', field };
        }
        this.expectWord('null', 'after is');
        return { kind: 'isNull', field };
      case 'within':
        if (this.isWord('last')) this.position += 1;
        return { kind: 'withinLast', field, duration: this.duration() };
      case 'more': {
        this.expectWord('than', 'after more');
        const duration = this.duration();
        this.expectWord('ago', `after more than ${duration.amount} ${duration.unit}`);
        return { kind: 'moreThanAgo', field, duration };
      }
      default:
        this.position -= 1;
        return this.fail(`expected an operator after ${field} (=, !=, <, between, in, contains, has, exists, within, ...)`);
    }
  }

  private ignoringCase(): boolean {
    if (!this.isWord('ignoring')) return false;
    this.position += 1;
    this.expectWord('case', 'after ignoring');
    return true;
  }
}

/**
 * Reads a rule written in the text syntax CRM users know from segment editors:
 * `monetaryTotal >= 500 and lastPurchaseAt within 30 days and rfm.segment in ("champions", "loyal")`.
 * Conditions: `=`, `!=` (or `<>`), `<`, `<=`, `>`, `>=`, `between A and B`, `in (...)`,
 * `not in (...)`, `contains` / `starts with` / `ends with "text"` (optionally `ignoring case`),
 * `has "x"`, `has any (...)`, `has all (...)`, `exists`, `is null`, `is not null`,
 * `within [last] N days|weeks|months`, `more than N days|weeks|months ago`; combined with
 * `and`, `or`, `not` and parentheses. Keywords are case-insensitive; strings are JSON strings;
 * a field that is not a plain dotted name goes in backticks. Parsing is linear in the text.
 *
 * @param text - The rule text (at most 100,000 characters).
 * @returns The rule, in canonical form, checked against the field catalogue.
 * @throws {RuleSyntaxError} with `line`, `column` and a caret `excerpt`: `unexpected_token`, `unexpected_end`, `unknown_field` (with the nearest name), `invalid_literal` (a value of the wrong type).
 *
 * @example
 * ```ts
 * import { parseRule, RuleSyntaxError } from 'clientele';
 * parseRule('orders >= 2 AND lastPurchaseAt WITHIN 30 DAYS').rule.kind; // => 'and'
 * let excerpt = '';
 * try {
 *   parseRule('monetry >= 500');
 * } catch (error) {
 *   if (error instanceof RuleSyntaxError) excerpt = error.message;
 * }
 * excerpt; // => 'unknown field "monetry", did you mean "monetaryTotal"? (line 1, column 1)\nmonetry >= 500\n^'
 * ```
 * @category Rules
 */
export function parseRule(text: string): Rule {
  if (typeof text !== 'string') throw new RuleSyntaxError('unexpected_token', `parseRule expects rule text, received ${typeof text}`, '', 0);
  if (text.length > RULE_LIMITS.textLength) throw new RuleSyntaxError('limit_exceeded', `the rule text is longer than ${RULE_LIMITS.textLength} characters`, text.slice(0, 200), 0);
  const parser = new Parser(text, tokenizeRule(text));
  const root = parser.parse();
  const validation = validateRule({ $v: 1, rule: root });
  if (validation.ok) return validation.rule;
  // Place the first problem at the field of the condition it is about.
  const issue = validation.issues[0] as { path: readonly PathSegment[]; message: string };
  const node = nodeAt(root, issue.path);
  const offset = node === undefined ? 0 : (parser.fieldOffsets.get(node) ?? 0);
  throw new RuleSyntaxError(codeOf(issue.message), issue.message, text, offset);
}

/** The syntax-error code of a validation message: an unknown or forbidden field, a limit, or a value that does not fit. */
function codeOf(message: string): RuleSyntaxErrorCode {
  if (/^(unknown field|field |(purchases|transactions|interactions) have no field)/.test(message)) return 'unknown_field';
  if (/nests deeper|more than \d+ nodes|longer than/.test(message)) return 'limit_exceeded';
  return 'invalid_literal';
}

/** The deepest node (an object with a kind) a validation path points into. */
function nodeAt(root: RuleNode, path: readonly PathSegment[]): object | undefined {
  let value: unknown = root;
  let node: object = root;
  for (let i = 1; i < path.length; i++) {
    value = (value as Record<string, unknown>)[path[i] as string];
    if (typeof value !== 'object' || value === null) break;
    if (Object.hasOwn(value, 'kind')) node = value;
  }
  return node;
}
