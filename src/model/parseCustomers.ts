import { quoteValue } from '../errors';
import { checkBatchOptions, finishBatch, rejectRow, validateRows, withoutAbsentFields, type BatchParseOptions, type ParseResult } from './parseRows';
import { createCustomerSchema, CUSTOMER_FIELDS, customerSchema, type Customer } from './customerSchema';
import { markValidated } from './validatedBatches';

const KNOWN_FIELDS: ReadonlySet<string> = new Set(CUSTOMER_FIELDS);

/** A normalised customer, frozen through and through: features hand its attributes and consent out as they are. */
function normaliseCustomer(parsed: unknown): Customer {
  const customer = withoutAbsentFields(parsed as Customer);
  if (customer.attributes !== undefined) {
    for (const value of Object.values(customer.attributes)) if (Array.isArray(value)) Object.freeze(value);
    Object.freeze(customer.attributes);
  }
  const consent = customer.consent === undefined ? undefined : Object.freeze(withoutAbsentFields(customer.consent));
  return Object.freeze(consent === undefined ? customer : { ...customer, consent });
}

/**
 * Validates and normalises a batch of customer rows (id, sign-up date, attributes, consent).
 * A customer id that appears twice is a `duplicate_id`: the first row is kept, later ones are
 * rejected, so a customer never silently gets two sets of attributes. Records are frozen, down
 * to their attributes, tags and consent.
 *
 * @param rows - Customer rows.
 * @param options - Error handling and time zone.
 * @returns `{ records, rejected, counts, strippedFields }` with `counts.accepted + counts.rejected = counts.given`.
 * @throws {ValidationError} `onInvalid: 'throw'` and a row is rejected.
 * @throws {ConfigurationError} `invalid_option` for bad options; `too_many_rows` beyond `maxRows`.
 *
 * @example
 * ```ts
 * import { parseCustomers } from 'clientele';
 * const result = parseCustomers([
 *   { id: 7, attributes: { region: 'north', tags: ['vip'] }, consent: { email: true } },
 *   { id: 'c2', attributes: JSON.parse('{"__proto__": "x"}') },
 * ]);
 * result.records[0]; // => { id: '7', attributes: { region: 'north', tags: ['vip'] }, consent: { email: true } }
 * result.rejected[0]?.path; // => ['attributes']
 * ```
 * @category Model
 */
export function parseCustomers(rows: readonly unknown[], options: BatchParseOptions = {}): ParseResult<Customer> {
  checkBatchOptions('parseCustomers', rows, options);
  const schema = options.timeZone === undefined ? customerSchema : createCustomerSchema({ timeZone: options.timeZone });
  const batch = validateRows<Customer>('parseCustomers', rows, schema, KNOWN_FIELDS, options, () => undefined, normaliseCustomer);
  const firstIndex = new Map<string, number>();
  batch.candidates.forEach((customer, index) => {
    if (customer === undefined) return;
    const first = firstIndex.get(customer.id);
    if (first === undefined) firstIndex.set(customer.id, index);
    else rejectRow(batch, { index, path: ['id'], code: 'duplicate_id', message: `customer ${quoteValue(customer.id)} already appeared at row ${first}` });
  });
  const result = finishBatch(batch);
  markValidated(result.records, 'customers');
  return result;
}
