/**
 * Every error clientele throws is a {@link ClienteleError}: it carries a machine-readable
 * `code`, the `path` to the bad value (row index, then field) and a message that names the
 * function, says what was expected and quotes what was received.
 *
 * @module
 */

/** Codes for problems in the data a host hands over (rows, fields, values). */
export type ValidationErrorCode =
  | 'invalid_type'
  | 'missing_field'
  | 'unknown_field'
  | 'invalid_date'
  | 'future_date'
  | 'non_finite'
  | 'out_of_range'
  | 'too_long'
  | 'invalid_value'
  | 'duplicate_line'
  | 'duplicate_id'
  | 'order_customer_conflict'
  | 'mixed_currency';

/** Codes for problems in the options or arguments a host passes to a function. */
export type ConfigurationErrorCode = 'invalid_option' | 'missing_option' | 'too_many_rows' | 'invalid_file';

/** Codes for models that cannot be fitted or read back. */
export type ModelErrorCode = 'insufficient_data' | 'not_converged' | 'numerical_failure' | 'invalid_model' | 'model_kind_mismatch' | 'model_version_unsupported';

/** Codes for rules (JSON or built) that are not valid: bad structure, unknown fields, wrong value types, limits. */
export type RuleErrorCode = 'invalid_rule';

/** Codes for rule text that cannot be parsed. */
export type RuleSyntaxErrorCode = 'unexpected_token' | 'unexpected_end' | 'unknown_field' | 'invalid_literal' | 'limit_exceeded';

/** Every code a {@link ClienteleError} can carry. */
export type ErrorCode = ValidationErrorCode | ConfigurationErrorCode | ModelErrorCode | RuleErrorCode | RuleSyntaxErrorCode;

/** One step of a path into the input: a row index or a field name. */
export type PathSegment = string | number;

/** Quotes a received value for an error message, shortened so a huge input cannot flood a log. */
export function quoteValue(value: unknown, maxLength = 40): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
  else if (value === null) text = 'null';
  else if (value === undefined) text = 'undefined';
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date(${value.toISOString()})`;
  else if (Array.isArray(value)) text = `an array of ${value.length}`;
  else text = typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/**
 * The base class of every error clientele throws. Catch it to handle all of them; switch on
 * `code` for the specific problem.
 *
 * @example
 * ```ts
 * import { ClienteleError, summarize } from 'clientele';
 * let code = '';
 * try {
 *   summarize([], { asOf: 'not a date' });
 * } catch (error) {
 *   if (error instanceof ClienteleError) code = error.code;
 * }
 * code; // => 'invalid_option'
 * ```
 * @category Errors
 */
export class ClienteleError extends Error {
  /** What went wrong, as a stable string a program can switch on. */
  readonly code: ErrorCode;
  /** Where it went wrong: row index and field names, outermost first. Empty when not about one value. */
  readonly path: readonly PathSegment[];

  constructor(code: ErrorCode, message: string, path: readonly PathSegment[] = []) {
    super(message);
    this.name = 'ClienteleError';
    this.code = code;
    this.path = path;
  }
}

/** One problem found in one input row. */
export interface RowIssue {
  /** Index of the row in the input array. */
  readonly index: number;
  /** Field path inside the row; empty when the row as a whole is wrong. */
  readonly path: readonly PathSegment[];
  readonly code: ValidationErrorCode;
  readonly message: string;
}

/**
 * Thrown when input data fails validation and the caller asked to throw rather than collect
 * (`onInvalid: 'throw'`, or functions such as `summarize` that take raw rows). `issues` lists
 * the problems found (the first `maxIssues` of them); `rejectedCount` says how many rows in all.
 *
 * @example
 * ```ts
 * import { ValidationError, parseTransactions } from 'clientele';
 * let issue;
 * try {
 *   parseTransactions([{ orderId: 'o1', customerId: 'c1', at: '2026-02-30', amount: 10 }], { onInvalid: 'throw' });
 * } catch (error) {
 *   if (error instanceof ValidationError) issue = error.issues[0];
 * }
 * issue?.code; // => 'invalid_date'
 * issue?.path; // => ['at']
 * ```
 * @category Errors
 */
export class ValidationError extends ClienteleError {
  /** The problems found, at most a few (see `rejectedCount` for the total). */
  readonly issues: readonly RowIssue[];
  /** The number of rows rejected in all. */
  readonly rejectedCount: number;

  constructor(functionName: string, issues: readonly RowIssue[], rejectedCount: number, given: number) {
    const first = issues[0];
    const shown = issues
      .slice(0, 3)
      .map((issue) => `  row ${issue.index}${issue.path.length > 0 ? ` ${issue.path.join('.')}` : ''}: ${issue.message}`)
      .join('\n');
    const more = rejectedCount > 3 ? `\n  … and ${rejectedCount - 3} more` : '';
    super(
      first?.code ?? 'invalid_value',
      `${functionName} rejected ${rejectedCount} of ${given} rows:\n${shown}${more}`,
      first ? [first.index, ...first.path] : [],
    );
    this.name = 'ValidationError';
    this.issues = issues;
    this.rejectedCount = rejectedCount;
  }
}

/**
 * Thrown when a function's options or arguments are wrong (a missing `asOf`, an unknown unit,
 * an empty population where one is required).
 *
 * @example
 * ```ts
 * import { ConfigurationError, summarize } from 'clientele';
 * let message = '';
 * try {
 *   summarize([], { asOf: '2026-01-01', unit: 'fortnights' as 'days' });
 * } catch (error) {
 *   if (error instanceof ConfigurationError) message = error.message;
 * }
 * message; // => 'summarize expects option `unit` to be "days" or "weeks", received "fortnights"'
 * ```
 * @category Errors
 */
export class ConfigurationError extends ClienteleError {
  constructor(code: ConfigurationErrorCode, message: string, path: readonly PathSegment[] = []) {
    super(code, message, path);
    this.name = 'ConfigurationError';
  }
}

/**
 * Thrown when a model cannot be fitted (too little data, no convergence in strict mode) or a
 * serialised model cannot be read back (wrong `kind`, unsupported `version`, invalid fields).
 * `modelKind` names the model (`rfm`, `bgnbd`, ...).
 *
 * @example
 * ```ts
 * import { ModelError } from 'clientele';
 * const error = new ModelError('model_kind_mismatch', 'scoreRfm expects a model of kind "rfm", received "bgnbd"', 'rfm');
 * error.code; // => 'model_kind_mismatch'
 * error instanceof Error; // => true
 * ```
 * @category Errors
 */
export class ModelError extends ClienteleError {
  /** The kind of model involved. */
  readonly modelKind: string;

  constructor(code: ModelErrorCode, message: string, modelKind: string, path: readonly PathSegment[] = []) {
    super(code, message, path);
    this.name = 'ModelError';
    this.modelKind = modelKind;
  }
}

/** One problem in a rule: where (a path into the rule's JSON) and what. */
export interface RuleIssue {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

/**
 * Thrown when a rule (JSON or built) is not valid: its structure, an unknown field (with the
 * nearest known name), a value of the wrong type for its field, or a documented limit.
 * `issues` lists every problem found; `validateRule` returns them instead of throwing.
 *
 * @example
 * ```ts
 * import { RuleError, compileRule } from 'clientele';
 * let issue;
 * try {
 *   compileRule({ $v: 1, rule: { kind: 'gte', field: 'monetry', value: 500 } });
 * } catch (error) {
 *   if (error instanceof RuleError) issue = error.issues[0];
 * }
 * issue?.message; // => 'unknown field "monetry", did you mean "monetaryTotal"?'
 * issue?.path; // => ['rule', 'field']
 * ```
 * @category Errors
 */
export class RuleError extends ClienteleError {
  readonly issues: readonly RuleIssue[];

  constructor(functionName: string, issues: readonly RuleIssue[]) {
    const shown = issues
      .slice(0, 3)
      .map((issue) => `  at ${issue.path.join('.') || 'the top'}: ${issue.message}`)
      .join('\n');
    super('invalid_rule', `${functionName} found ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} in the rule:\n${shown}${issues.length > 3 ? `\n  … and ${issues.length - 3} more` : ''}`, issues[0]?.path ?? []);
    this.name = 'RuleError';
    this.issues = issues;
  }
}

/**
 * Thrown when rule text cannot be parsed. Besides the code and message it carries where the
 * problem is: `offset` (0-based, in UTF-16 code units), `line` and `column` (1-based), and an
 * `excerpt` of that line with a caret under the offending character, also appended to the message.
 *
 * @example
 * ```ts
 * import { RuleSyntaxError } from 'clientele';
 * const error = new RuleSyntaxError('unexpected_token', 'expected a value after `>`', 'orders > and x', 9);
 * [error.line, error.column]; // => [1, 10]
 * error.excerpt; // => 'orders > and x\n         ^'
 * ```
 * @category Errors
 */
export class RuleSyntaxError extends ClienteleError {
  /** Where the problem starts, 0-based, in UTF-16 code units of the source. */
  readonly offset: number;
  /** 1-based line of `offset`. */
  readonly line: number;
  /** 1-based column of `offset` within its line. */
  readonly column: number;
  /** The offending line (shortened around the offset when long) and a caret under the offset. */
  readonly excerpt: string;

  constructor(code: RuleSyntaxErrorCode, message: string, source: string, offset: number) {
    const at = Math.max(0, Math.min(offset, source.length));
    const lineStart = source.lastIndexOf('\n', at - 1) + 1;
    const lineEndIndex = source.indexOf('\n', at);
    const lineText = source.slice(lineStart, lineEndIndex === -1 ? source.length : lineEndIndex);
    const line = source.slice(0, lineStart).split('\n').length;
    const column = at - lineStart + 1;
    // Long lines are cut to 30 characters either side of the offset, so the caret stays readable.
    const from = Math.max(0, column - 1 - 30);
    const shown = `${from > 0 ? '…' : ''}${lineText.slice(from, column - 1 + 30)}${column - 1 + 30 < lineText.length ? '…' : ''}`;
    const caret = `${' '.repeat(column - 1 - from + (from > 0 ? 1 : 0))}^`;
    const excerpt = `${shown}\n${caret}`;
    super(code, `${message} (line ${line}, column ${column})\n${excerpt}`, []);
    this.name = 'RuleSyntaxError';
    this.offset = at;
    this.line = line;
    this.column = column;
    this.excerpt = excerpt;
  }
}
