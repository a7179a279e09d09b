import { quoteValue } from '../errors';
import { checkBatchOptions, finishBatch, rejectRow, validateRows, withoutAbsentFields, type BatchParseOptions, type ParseResult } from './parseRows';
import { createCustomerSchema, CUSTOMER_FIELDS, customerSchema, type Customer } from './customerSchema';
import { markValidated } from './validatedBatches';

const KNOWN_FIELDS: ReadonlySet<string> = new Set(CUSTOMER_FIELDS);

function normaliseCustomer(parsed: unknown): Customer {
  const customer = withoutAbsentFields(parsed as Customer);
  if (customer.consent === undefined) return customer;
  return { ...customer, consent: withoutAbsentFields(customer.consent) };
}

/**
 * Validates and normalises a batch of customer rows (id, sign-up date, attributes, consent).
 * A customer id that appears twice is a `duplicate_id`: the first row is kept, later ones are
 * rejected, so a customer never silently gets two sets of attributes.
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
  markValidated(result.records);
  return result;
}
