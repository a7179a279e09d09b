import * as z from 'zod/mini';
import { createInstantParser, isInstantProblem } from './parseInstant';

/**
 * A zod schema that accepts a `Date`, an ISO-8601 string (with or without offset) or epoch
 * milliseconds and outputs epoch milliseconds (UTC). Strings without an offset are read as
 * wall-clock time in `timeZone` (UTC when not given). Impossible dates ("2026-02-30") and
 * numbers that look like epoch seconds are rejected with a message that says so.
 */
export function createInstantSchema(timeZone?: string) {
  const parse = createInstantParser(timeZone);
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, context): number => {
      if (value === undefined || value === null) {
        context.issues.push({
          code: 'custom',
          message: 'expected a Date, an ISO-8601 string or epoch milliseconds, received nothing',
          input: value,
          params: { clienteleCode: 'missing_field' },
        });
        return z.NEVER;
      }
      const result = parse(value);
      if (isInstantProblem(result)) {
        context.issues.push({
          code: 'custom',
          message: result.message,
          input: value,
          params: { clienteleCode: result.code },
        });
        return z.NEVER;
      }
      return result;
    }),
  );
}
