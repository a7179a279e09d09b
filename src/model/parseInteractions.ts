import { checkBatchOptions, finishBatch, validateRows, withoutAbsentFields, type BatchParseOptions, type ParseResult } from './parseRows';
import { createInteractionSchema, INTERACTION_FIELDS, interactionSchema, type Interaction } from './interactionSchema';
import { markValidated } from './validatedBatches';

const KNOWN_FIELDS: ReadonlySet<string> = new Set(INTERACTION_FIELDS);

/**
 * Validates and normalises a batch of interaction rows (email opens, visits, tickets, survey
 * answers with a score).
 *
 * @param rows - Interaction rows.
 * @param options - Error handling and time zone.
 * @returns `{ records, rejected, counts, strippedFields }` with `counts.accepted + counts.rejected = counts.given`.
 * @throws {ValidationError} `onInvalid: 'throw'` and a row is rejected.
 * @throws {ConfigurationError} `invalid_option` for bad options; `too_many_rows` beyond `maxRows`.
 *
 * @example
 * ```ts
 * import { parseInteractions } from 'clientele';
 * const result = parseInteractions([
 *   { customerId: 'c1', at: '2026-03-01T09:30:00+01:00', kind: 'survey', score: 9 },
 *   { customerId: 'c1', at: '2026-03-01', kind: 'Email Open' },
 * ]);
 * result.records[0]?.at; // => Date.UTC(2026, 2, 1, 8, 30)
 * result.rejected[0]?.path; // => ['kind']
 * ```
 * @category Model
 */
export function parseInteractions(rows: readonly unknown[], options: BatchParseOptions = {}): ParseResult<Interaction> {
  checkBatchOptions('parseInteractions', rows, options);
  const schema = options.timeZone === undefined ? interactionSchema : createInteractionSchema({ timeZone: options.timeZone });
  const batch = validateRows<Interaction>('parseInteractions', rows, schema, KNOWN_FIELDS, options, () => undefined, (parsed) =>
    withoutAbsentFields(parsed as Interaction),
  );
  const result = finishBatch(batch);
  markValidated(result.records, 'interactions');
  return result;
}
