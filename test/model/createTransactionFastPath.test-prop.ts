import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTransactionFastPath } from '../../src/model/createTransactionFastPath';
import { createTransactionSchema } from '../../src/model/transactionSchema';
import { withoutAbsentFields } from '../../src/model/parseRows';

// The fast path must agree with the zod schema, which defines what is valid: on every row
// without unknown fields, both accept or both reject, and accepted rows normalise the same.
const value = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.string({ minLength: 250, maxLength: 260 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom('2026-01-01', '2026-02-30', '2026-01-01T10:00:00+02:00', 'EUR', 'eur', 'completed', 'refunded', 'cancelled', ''),
  fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
  fc.constantFrom(1.5e12 + 0.5, Number.MAX_SAFE_INTEGER + 2, -0),
);
const row = fc.record(
  {
    // The required fields lean towards valid values, so that many rows reach the optional ones.
    orderId: fc.oneof(fc.constantFrom('o1', 7), value),
    customerId: fc.oneof(fc.constantFrom('c1', 42), value),
    at: fc.oneof(fc.constantFrom(Date.UTC(2026, 0, 1), '2026-03-01T08:00'), value),
    amount: fc.oneof(fc.integer({ min: -100, max: 100 }), value),
    currency: value,
    category: value,
    sku: value,
    quantity: value,
    discount: value,
    channel: value,
    status: value,
    lineId: value,
  },
  { requiredKeys: ['orderId', 'customerId', 'at', 'amount'] },
);

describe('createTransactionFastPath', () => {
  for (const timeZone of [undefined, 'America/New_York']) {
    it(`gives the same answer as the zod schema (${timeZone ?? 'UTC'})`, () => {
      const fast = createTransactionFastPath(timeZone);
      const schema = createTransactionSchema(timeZone === undefined ? {} : { timeZone });
      fc.assert(
        fc.property(fc.oneof(row, value), (candidate) => {
          const byFastPath = fast(candidate);
          const bySchema = schema.safeParse(candidate);
          expect(byFastPath !== undefined).toBe(bySchema.success);
          if (byFastPath !== undefined && bySchema.success) expect(byFastPath).toEqual(withoutAbsentFields(bySchema.data));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('returns a row already in normalised form as it is', () => {
    const normalised = { orderId: 'o1', customerId: 'c1', at: Date.UTC(2026, 0, 1), amount: 3, status: 'completed', lineId: '1' };
    expect(createTransactionFastPath()(normalised)).toBe(normalised);
  });
});
