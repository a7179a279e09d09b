import type * as z from 'zod/mini';
import { ConfigurationError, ValidationError, quoteValue, type RowIssue } from '../errors';
import { isKnownTimeZone } from '../internal/zoneOffsetMinutes';
import { issueFromZod } from './issueFromZod';

/** Options every batch parser takes. */
export interface BatchParseOptions {
  /** `collect` (default) returns rejected rows in the result; `throw` throws a `ValidationError` if any row is rejected. */
  readonly onInvalid?: 'collect' | 'throw';
  /** `strip` (default) drops fields the model does not know and counts them in `strippedFields`; `reject` rejects the row. */
  readonly unknownFields?: 'strip' | 'reject';
  /** IANA time zone in which date strings without an offset are read and calendar days are counted. Default `UTC`. */
  readonly timeZone?: string;
  /** The largest batch accepted, a guard against runaway input. Default 10,000,000 rows. */
  readonly maxRows?: number;
  /**
   * `reject` (default): a field whose value is `""` is a bad value. `missing`: it is a field the
   * row does not have, as an empty cell in a CSV file means (`{ category: "" }` reads as no
   * category; an empty required field is then reported as missing). Top-level fields only.
   */
  readonly emptyStrings?: 'reject' | 'missing';
}

/** What a batch parser returns: every given row is either in `records` or in `rejected`. */
export interface ParseResult<T> {
  /**
   * The accepted rows, normalised, in input order. The array is frozen. A row that was already
   * in normalised form is your own object, not a copy: do not change it after parsing.
   */
  readonly records: readonly T[];
  /** One entry per rejected row (its first problem), in input order. */
  readonly rejected: readonly RowIssue[];
  /** `accepted + rejected = given`, always. */
  readonly counts: { readonly given: number; readonly accepted: number; readonly rejected: number };
  /** Unknown field names that were stripped from accepted rows, with the number of rows each was stripped from. */
  readonly strippedFields: Readonly<Record<string, number>>;
}

/** The rows of a batch after per-row validation: a record or an issue at each index. */
export interface ValidatedRows<T> {
  readonly functionName: string;
  readonly given: number;
  readonly candidates: (T | undefined)[];
  /** The rejected rows by index; most batches have few, so this stays small. */
  readonly issues: Map<number, RowIssue>;
  /** Unknown field names per row index, for the rows that had any. */
  readonly strippedKeys: Map<number, string[]>;
  readonly options: BatchParseOptions;
}

const DEFAULT_MAX_ROWS = 10_000_000;

/** The row without its fields whose value is `""` (a copy, only when it has one). */
function withoutEmptyStrings(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return row;
  const entries = Object.entries(row);
  if (!entries.some(([, value]) => value === '')) return row;
  // Object.fromEntries defines own properties, so a `__proto__` key stays a key for validation to judge.
  return Object.fromEntries(entries.filter(([, value]) => value !== ''));
}

/** Checks the options every batch parser shares; throws a `ConfigurationError` naming the function. */
export function checkBatchOptions(functionName: string, rows: unknown, options: BatchParseOptions): asserts rows is readonly unknown[] {
  if (!Array.isArray(rows)) {
    throw new ConfigurationError('invalid_option', `${functionName} expects an array of rows, received ${quoteValue(rows)}`);
  }
  if (options.onInvalid !== undefined && options.onInvalid !== 'collect' && options.onInvalid !== 'throw') {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`onInvalid\` to be "collect" or "throw", received ${quoteValue(options.onInvalid)}`, ['onInvalid']);
  }
  if (options.unknownFields !== undefined && options.unknownFields !== 'strip' && options.unknownFields !== 'reject') {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`unknownFields\` to be "strip" or "reject", received ${quoteValue(options.unknownFields)}`, ['unknownFields']);
  }
  if (options.timeZone !== undefined && (typeof options.timeZone !== 'string' || !isKnownTimeZone(options.timeZone))) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`timeZone\` to be an IANA time zone such as "Europe/Paris", received ${quoteValue(options.timeZone)}`, ['timeZone']);
  }
  if (options.emptyStrings !== undefined && options.emptyStrings !== 'reject' && options.emptyStrings !== 'missing') {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`emptyStrings\` to be "reject" or "missing", received ${quoteValue(options.emptyStrings)}`, ['emptyStrings']);
  }
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (!(maxRows >= 0)) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`maxRows\` to be a non-negative number, received ${quoteValue(options.maxRows)}`, ['maxRows']);
  }
  if (rows.length > maxRows) {
    throw new ConfigurationError('too_many_rows', `${functionName} accepts at most ${maxRows} rows, received ${rows.length}; raise \`maxRows\` or feed batches to createSummarizer`);
  }
}

/**
 * Validates each row on its own: the fast path first (rows already in normalised form pass
 * through untouched), then the zod schema, which also explains what is wrong.
 */
export function validateRows<T>(
  functionName: string,
  rows: readonly unknown[],
  schema: z.ZodMiniType,
  knownFields: ReadonlySet<string>,
  options: BatchParseOptions,
  fastPath: (row: unknown) => T | undefined,
  normalise: (parsed: unknown) => T,
): ValidatedRows<T> {
  const given = rows.length;
  const candidates = new Array<T | undefined>(given);
  const issues = new Map<number, RowIssue>();
  const strippedKeys = new Map<number, string[]>();
  const rejectUnknown = options.unknownFields === 'reject';
  const emptyIsMissing = options.emptyStrings === 'missing';
  for (let index = 0; index < given; index++) {
    const row = emptyIsMissing ? withoutEmptyStrings(rows[index]) : rows[index];
    const fast = fastPath(row);
    if (fast !== undefined) {
      candidates[index] = fast;
      continue;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      issues.set(index, { index, path: [], code: 'invalid_type', message: `expected an object, received ${quoteValue(row)}` });
      continue;
    }
    let unknownKey: string | undefined;
    let stripped: string[] | undefined;
    for (const key of Object.keys(row)) {
      if (knownFields.has(key)) continue;
      if (rejectUnknown) {
        unknownKey = key;
        break;
      }
      (stripped ??= []).push(key);
    }
    if (stripped !== undefined) strippedKeys.set(index, stripped);
    if (unknownKey !== undefined) {
      issues.set(index, { index, path: [unknownKey], code: 'unknown_field', message: `unknown field ${quoteValue(unknownKey)}; expected only ${[...knownFields].join(', ')}` });
      continue;
    }
    const result = schema.safeParse(row, { reportInput: true });
    if (result.success) {
      candidates[index] = normalise(result.data);
    } else {
      const first = result.error.issues[0];
      const issue = first === undefined ? { path: [], code: 'invalid_value' as const, message: 'invalid row' } : issueFromZod(first);
      issues.set(index, { index, ...issue });
    }
  }
  return { functionName, given, candidates, issues, strippedKeys, options };
}

/** Rejects one more row (after a check that spans rows); a row keeps its first problem. */
export function rejectRow<T>(batch: ValidatedRows<T>, issue: RowIssue): void {
  if (batch.issues.has(issue.index)) return;
  batch.candidates[issue.index] = undefined;
  batch.issues.set(issue.index, issue);
}

/** Assembles the result: accepted rows in order, rejected rows in order, counts that add up. */
export function finishBatch<T>(batch: ValidatedRows<T>): ParseResult<T> {
  const rejected = [...batch.issues.values()].sort((a, b) => a.index - b.index);
  // With nothing rejected, the candidates are the records: no second array of a million entries.
  const records = rejected.length === 0 ? (batch.candidates as T[]) : batch.candidates.filter((record) => record !== undefined);
  // Stripped fields are counted over the accepted rows only: a rejected row lost nothing silently.
  const strippedFields = new Map<string, number>();
  for (const [index, keys] of batch.strippedKeys) {
    if (batch.issues.has(index)) continue;
    for (const key of keys) strippedFields.set(key, (strippedFields.get(key) ?? 0) + 1);
  }
  if (batch.options.onInvalid === 'throw' && rejected.length > 0) {
    throw new ValidationError(batch.functionName, rejected.slice(0, 20), rejected.length, batch.given);
  }
  return {
    records: Object.freeze(records),
    rejected: Object.freeze(rejected),
    counts: Object.freeze({ given: batch.given, accepted: records.length, rejected: rejected.length }),
    strippedFields: Object.freeze(Object.fromEntries(strippedFields)),
  };
}

/** Drops `null` and `undefined` optional fields so a normalised record only has the fields that carry a value. */
export function withoutAbsentFields<T extends object>(parsed: T): T {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== null && value !== undefined) record[key] = value;
  }
  return record as T;
}
