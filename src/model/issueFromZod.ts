import type * as z from 'zod/mini';
import { quoteValue, type PathSegment, type ValidationErrorCode } from '../errors';
import { MAX_TEXT_LENGTH } from './idSchema';

/** A problem in one value of a row, before the row index is known. */
export interface FieldIssue {
  readonly path: readonly PathSegment[];
  readonly code: ValidationErrorCode;
  readonly message: string;
}

function pathOf(issue: z.core.$ZodIssue): PathSegment[] {
  return issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}

function describeExpected(expected: string): string {
  if (expected === 'int') return 'an integer';
  if (expected === 'number') return 'a finite number';
  if (expected === 'string') return 'a string';
  if (expected === 'boolean') return 'true or false';
  if (expected === 'object') return 'an object';
  if (expected === 'array') return 'an array';
  return expected;
}

/** Turns one zod issue into clientele's vocabulary: our code and a message that quotes the value. */
export function issueFromZod(issue: z.core.$ZodIssue): FieldIssue {
  const path = pathOf(issue);
  const input: unknown = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return { path, code: 'missing_field', message: `expected ${describeExpected(issue.expected)}, received nothing` };
      if (typeof input === 'number' && !Number.isFinite(input)) {
        return { path, code: 'non_finite', message: `expected a finite number, received ${quoteValue(input)}` };
      }
      return { path, code: 'invalid_type', message: `expected ${describeExpected(issue.expected)}, received ${quoteValue(input)}` };
    }
    case 'invalid_union': {
      // Our unions carry their own "expected ..." message; zod's default one says nothing useful.
      const expected = issue.message.startsWith('expected ') ? issue.message : 'expected a valid value';
      if (input === undefined) return { path, code: 'missing_field', message: `${expected}, received nothing` };
      if (typeof input === 'number' && !Number.isFinite(input)) return { path, code: 'non_finite', message: `${expected}, received ${quoteValue(input)}` };
      if (typeof input === 'string' && input.length > MAX_TEXT_LENGTH && path[0] !== 'attributes') {
        return { path, code: 'too_long', message: `expected at most ${MAX_TEXT_LENGTH} characters, received ${input.length}` };
      }
      return { path, code: 'invalid_type', message: `${expected}, received ${quoteValue(input)}` };
    }
    case 'too_big':
      if (issue.origin === 'string') return { path, code: 'too_long', message: `expected at most ${String(issue.maximum)} characters, received ${String((input as string).length)}` };
      if (issue.origin === 'array') return { path, code: 'too_long', message: `expected at most ${String(issue.maximum)} items` };
      return { path, code: 'out_of_range', message: `expected at most ${String(issue.maximum)}, received ${quoteValue(input)}` };
    case 'too_small':
      if (issue.origin === 'string') return { path, code: 'invalid_value', message: `expected a non-empty string, received ${quoteValue(input)}` };
      return { path, code: 'out_of_range', message: `expected at least ${String(issue.minimum)}, received ${quoteValue(input)}` };
    case 'invalid_value':
      return {
        path,
        code: 'invalid_value',
        message: `expected one of ${issue.values.map((value) => quoteValue(value)).join(', ')}, received ${quoteValue(input)}`,
      };
    case 'invalid_format':
      return { path, code: 'invalid_value', message: `${issue.message}, received ${quoteValue(input)}` };
    case 'unrecognized_keys':
      return {
        path: [...path, issue.keys[0] ?? ''],
        code: 'unknown_field',
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => quoteValue(key)).join(', ')}`,
      };
    case 'custom': {
      const code = (issue.params as { clienteleCode?: ValidationErrorCode } | undefined)?.clienteleCode ?? 'invalid_value';
      return { path, code, message: issue.message };
    }
    default:
      return { path, code: 'invalid_value', message: `${issue.message}, received ${quoteValue(input)}` };
  }
}
