import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError, parseCustomers, parseInteractions, parseTransactions, transactionSchema } from 'clientele';

const row = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  orderId: 'o1',
  customerId: 'c1',
  at: '2026-03-01T10:00:00Z',
  amount: 25,
  ...overrides,
});

describe('parseTransactions', () => {
  it('normalises ids, dates and status', () => {
    const { records, counts } = parseTransactions([
      row({ orderId: 17, customerId: 42, at: '2026-03-01', lineId: 3, category: 'shoes', status: null }),
      row({ at: new Date(Date.UTC(2026, 2, 2, 12)) }),
      row({ at: Date.UTC(2026, 2, 3), currency: 'EUR', quantity: 2, discount: 1.5, sku: 'A-1', channel: 'web', status: 'refunded', orderId: 'o2' }),
    ]);
    expect(counts).toEqual({ given: 3, accepted: 3, rejected: 0 });
    expect(records[0]).toEqual({ orderId: '17', customerId: '42', at: Date.UTC(2026, 2, 1), amount: 25, lineId: '3', category: 'shoes', status: 'completed' });
    expect(records[1]?.at).toBe(Date.UTC(2026, 2, 2, 12));
    expect(records[2]).toMatchObject({ status: 'refunded', discount: 1.5, quantity: 2 });
  });

  it('reads ISO strings with offsets and without them in the given time zone', () => {
    const { records } = parseTransactions(
      [row({ at: '2026-07-01T08:00:00+02:00' }), row({ orderId: 'o2', at: '2026-07-01T08:00' }), row({ orderId: 'o3', at: '2026-01-15 08:00' })],
      { timeZone: 'Europe/Paris' },
    );
    expect(records.map((record) => new Date(record.at).toISOString())).toEqual([
      '2026-07-01T06:00:00.000Z',
      '2026-07-01T06:00:00.000Z', // summer: UTC+2
      '2026-01-15T07:00:00.000Z', // winter: UTC+1
    ]);
  });

  it('rejects each kind of bad row with a code, a path and a message, and the counts add up', () => {
    const rows = [
      row({ amount: Number.NaN }),
      row({ amount: Number.POSITIVE_INFINITY }),
      row({ amount: '12.50' }),
      row({ at: '2026-02-29' }),
      row({ at: '2026-13-01' }),
      row({ at: '2026-01-01T24:00' }),
      row({ at: 1_700_000_000 }),
      row({ at: new Date(Number.NaN) }),
      row({ at: undefined }),
      row({ orderId: '' }),
      row({ orderId: 'x'.repeat(257) }),
      row({ orderId: 1.5 }),
      row({ status: 'shipped' }),
      row({ currency: 'euro' }),
      row({ discount: -1 }),
      null,
      ['o1', 'c1'],
      'o1,c1,2026-01-01,5',
    ];
    const result = parseTransactions(rows);
    expect(result.counts).toEqual({ given: rows.length, accepted: 0, rejected: rows.length });
    expect(result.rejected.map(({ index, path, code }) => [index, path.join('.'), code])).toMatchInlineSnapshot(`
      [
        [
          0,
          "amount",
          "non_finite",
        ],
        [
          1,
          "amount",
          "non_finite",
        ],
        [
          2,
          "amount",
          "invalid_type",
        ],
        [
          3,
          "at",
          "invalid_date",
        ],
        [
          4,
          "at",
          "invalid_date",
        ],
        [
          5,
          "at",
          "invalid_date",
        ],
        [
          6,
          "at",
          "invalid_date",
        ],
        [
          7,
          "at",
          "invalid_date",
        ],
        [
          8,
          "at",
          "missing_field",
        ],
        [
          9,
          "orderId",
          "invalid_value",
        ],
        [
          10,
          "orderId",
          "too_long",
        ],
        [
          11,
          "orderId",
          "invalid_type",
        ],
        [
          12,
          "status",
          "invalid_value",
        ],
        [
          13,
          "currency",
          "invalid_value",
        ],
        [
          14,
          "discount",
          "out_of_range",
        ],
        [
          15,
          "",
          "invalid_type",
        ],
        [
          16,
          "",
          "invalid_type",
        ],
        [
          17,
          "",
          "invalid_type",
        ],
      ]
    `);
    expect(result.rejected[3]?.message).toBe('no such calendar day: "2026-02-29"');
    expect(result.rejected[6]?.message).toContain('looks like epoch seconds');
    expect(result.rejected[12]?.message).toBe('expected one of "completed", "refunded", "cancelled", received "shipped"');
  });

  it('rejects every row of an order claimed by two customers, whatever the row order', () => {
    const rows = [row({ lineId: 1 }), row({ orderId: 'o2' }), row({ customerId: 'c2', lineId: 2 })];
    for (const ordered of [rows, [...rows].reverse()]) {
      const result = parseTransactions(ordered);
      expect(result.records.map((record) => record.orderId)).toEqual(['o2']);
      expect(result.rejected.map((issue) => issue.code)).toEqual(['order_customer_conflict', 'order_customer_conflict']);
    }
  });

  it('rejects a repeated line of an order but keeps the first', () => {
    const result = parseTransactions([row({ lineId: '1' }), row({ lineId: 1, amount: 30 }), row({ lineId: '2' }), row({ orderId: 'o2', lineId: '1' })]);
    expect(result.records.map((record) => [record.orderId, record.lineId, record.amount])).toEqual([
      ['o1', '1', 25],
      ['o1', '2', 25],
      ['o2', '1', 25],
    ]);
    expect(result.rejected).toEqual([
      { index: 1, path: ['lineId'], code: 'duplicate_line', message: 'line "1" of order "o1" already appeared at row 0' },
    ]);
  });

  it('finds repeated lines in orders with many lines and in orders that come back later', () => {
    const many = Array.from({ length: 40 }, (_, line) => row({ orderId: 'big', lineId: line }));
    const rows = [...many, row({ orderId: 'other', lineId: 1 }), row({ orderId: 'big', lineId: 'r1', amount: -5 }), row({ orderId: 'big', lineId: 37 }), row({ orderId: 'big', lineId: 0 })];
    const result = parseTransactions(rows);
    expect(result.rejected.map((issue) => [issue.index, issue.code, issue.message])).toEqual([
      [42, 'duplicate_line', 'line "37" of order "big" already appeared at row 37'],
      [43, 'duplicate_line', 'line "0" of order "big" already appeared at row 0'],
    ]);
    expect(result.counts.accepted).toBe(42);
  });

  it('accepts refunds as negative rows on the original order or on their own order', () => {
    const result = parseTransactions([row({ lineId: 'a' }), row({ lineId: 'r1', amount: -10, at: '2026-03-09' }), row({ orderId: 'refund-7', amount: -5 })]);
    expect(result.counts.rejected).toBe(0);
  });

  it('keeps one currency per batch: the most common, or the base currency the host names', () => {
    const rows = [row({ currency: 'EUR' }), row({ orderId: 'o2', currency: 'USD' }), row({ orderId: 'o3', currency: 'EUR' }), row({ orderId: 'o4' })];
    const majority = parseTransactions(rows);
    expect(majority.rejected).toEqual([
      {
        index: 1,
        path: ['currency'],
        code: 'mixed_currency',
        message: 'expected amounts in EUR, received "USD"; pass `baseCurrency` and `convertCurrency` to convert',
      },
    ]);
    const converted = parseTransactions(rows, { baseCurrency: 'EUR', convertCurrency: (amount, currency) => (currency === 'USD' ? amount * 0.5 : Number.NaN) });
    expect(converted.counts.accepted).toBe(4);
    expect(converted.records[1]).toMatchObject({ amount: 12.5, currency: 'EUR' });
    const badRate = parseTransactions([row({ currency: 'GBP' })], { baseCurrency: 'EUR', convertCurrency: () => Number.NaN });
    expect(badRate.rejected[0]?.code).toBe('out_of_range');
    const negativeDiscount = parseTransactions([row({ currency: 'GBP', discount: 2 })], { baseCurrency: 'EUR', convertCurrency: (amount) => -amount });
    expect(negativeDiscount.rejected[0]?.code).toBe('out_of_range'); // a converted record must still be a valid record
  });

  it('rejects future dates when the host sets notAfter', () => {
    const result = parseTransactions([row({ at: '2026-03-01' }), row({ orderId: 'o2', at: '2026-03-02T00:00:01Z' })], { notAfter: '2026-03-02' });
    expect(result.rejected.map((issue) => [issue.index, issue.code])).toEqual([[1, 'future_date']]);
  });

  it('keeps the valid copy of a line whose first copy is in the future', () => {
    const result = parseTransactions([row({ lineId: 1, at: '2027-01-01' }), row({ lineId: 1, at: '2026-03-01' })], { notAfter: '2026-12-31' });
    expect(result.records.map((record) => record.at)).toEqual([Date.UTC(2026, 2, 1)]);
    expect(result.rejected.map((issue) => issue.code)).toEqual(['future_date']);
  });

  it('rejects amounts beyond ±1e15, whose sums would lose cents or overflow', () => {
    const result = parseTransactions([row({ amount: 1.7e308 }), row({ orderId: 'o2', amount: -2e15 }), row({ orderId: 'o3', amount: 1e15 })]);
    expect(result.rejected.map((issue) => [issue.index, issue.code])).toEqual([
      [0, 'out_of_range'],
      [1, 'out_of_range'],
    ]);
  });

  it('strips unknown fields and reports them, or rejects them when asked', () => {
    const rows = [JSON.parse('{"orderId":"o1","customerId":"c1","at":"2026-01-01","amount":1,"__proto__":{"polluted":true},"note":"x"}') as unknown];
    const stripped = parseTransactions(rows);
    expect(stripped.records[0]).toEqual({ orderId: 'o1', customerId: 'c1', at: Date.UTC(2026, 0, 1), amount: 1, status: 'completed' });
    expect(stripped.strippedFields).toEqual(Object.fromEntries([['__proto__', 1], ['note', 1]]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const rejected = parseTransactions(rows, { unknownFields: 'reject' });
    expect(rejected.rejected[0]).toMatchObject({ code: 'unknown_field', path: ['__proto__'] });
    // Only accepted rows count: a rejected row has lost nothing silently.
    expect(parseTransactions([row({ at: 'bad', extra: 1 })]).strippedFields).toEqual({});
  });

  it('treats hostile strings as plain data', () => {
    const hostile = ["'; DROP TABLE orders; --", 'constructor', '__proto__', '%_\\', '\u0000\u202e'];
    const result = parseTransactions(hostile.map((text, index) => row({ orderId: `${text}${index}`, customerId: text, category: text })));
    expect(result.counts.accepted).toBe(hostile.length);
    expect(result.records.map((record) => record.customerId)).toEqual(hostile);
  });

  it('throws a ValidationError listing the first problems when asked to', () => {
    expect(() => parseTransactions([row(), row({ orderId: 'o2', amount: null }), row({ orderId: 'o3', at: 'yesterday' })], { onInvalid: 'throw' })).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: parseTransactions rejected 2 of 3 rows:
        row 1 amount: expected a finite number, received null
        row 2 at: expected an ISO-8601 date such as "2026-06-30" or "2026-06-30T14:05:00Z", received "yesterday"]
    `);
  });

  it('checks its options', () => {
    expect(() => parseTransactions('rows' as never)).toThrow(ConfigurationError);
    expect(() => parseTransactions([], { timeZone: 'Mars/Olympus' })).toThrow(/IANA time zone/);
    expect(() => parseTransactions([], { onInvalid: 'ignore' as never })).toThrow(/onInvalid/);
    expect(() => parseTransactions([], { baseCurrency: 'eur' })).toThrow(/baseCurrency/);
    expect(() => parseTransactions([], { convertCurrency: (amount) => amount })).toThrow(/baseCurrency/);
    expect(() => parseTransactions([row(), row()], { maxRows: 1 })).toThrow(expect.objectContaining({ code: 'too_many_rows' }));
  });

  it('handles empty input and never mutates its input', () => {
    expect(parseTransactions([]).counts).toEqual({ given: 0, accepted: 0, rejected: 0 });
    const rows = Object.freeze([Object.freeze(row({ orderId: 5, status: null })), Object.freeze(row({ amount: 'x' }))]);
    const result = parseTransactions(rows);
    expect(result.counts).toEqual({ given: 2, accepted: 1, rejected: 1 });
    expect(Object.isFrozen(result.records)).toBe(true);
  });

  it('gives the fast path and the schema the same answer on normalised rows', () => {
    const normalised = { orderId: 'o1', customerId: 'c1', at: Date.UTC(2026, 0, 1), amount: 3, status: 'completed', category: 'a', discount: 0 } as const;
    const { records } = parseTransactions([normalised]);
    expect(records[0]).toBe(normalised); // passed through without a copy
    expect(transactionSchema.parse(normalised)).toEqual(records[0]);
  });

  it('validates a large batch in one call and accounts for every row', () => {
    const rows = Array.from({ length: 50_000 }, (_, index) =>
      index % 1000 === 0 ? row({ orderId: `o${index}`, amount: Number.NaN }) : row({ orderId: `o${index}`, at: Date.UTC(2026, 0, 1) + index, status: 'completed' }),
    );
    const { counts } = parseTransactions(rows);
    expect(counts).toEqual({ given: 50_000, accepted: 49_950, rejected: 50 });
  });
});

describe('ValidationError', () => {
  it('is a ClienteleError with the path of the first problem', () => {
    try {
      parseTransactions([row({ customerId: {} })], { onInvalid: 'throw' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'invalid_type', path: [0, 'customerId'], rejectedCount: 1 });
    }
  });
});

describe('emptyStrings: "missing" (rows from a CSV file)', () => {
  const csvRows = [
    { orderId: 'o1', customerId: 'a', at: '2026-01-05', amount: 40, category: '', status: '', channel: '' },
    { orderId: '', customerId: 'b', at: '2026-01-06', amount: 10, category: 'shoes' },
  ];

  it('reads an empty string as a field the row does not have, and still names a missing required one', () => {
    const strict = parseTransactions(csvRows);
    expect(strict.counts).toEqual({ given: 2, accepted: 0, rejected: 2 });
    const lenient = parseTransactions(csvRows, { emptyStrings: 'missing' });
    expect(lenient.counts).toEqual({ given: 2, accepted: 1, rejected: 1 });
    expect(lenient.records[0]).toEqual({ orderId: 'o1', customerId: 'a', at: Date.parse('2026-01-05T00:00:00Z'), amount: 40, status: 'completed' });
    expect(lenient.rejected[0]).toMatchObject({ index: 1, path: ['orderId'] });
    // The host's row is not changed.
    expect(csvRows[0]?.category).toBe('');
  });

  it('applies to customers and interactions, and refuses an unknown setting', () => {
    expect(parseCustomers([{ id: 'a', createdAt: '' }], { emptyStrings: 'missing' }).counts.accepted).toBe(1);
    expect(parseInteractions([{ customerId: 'a', at: '2026-01-01', kind: 'email_open', campaignId: '', channel: '' }], { emptyStrings: 'missing' }).counts.accepted).toBe(1);
    expect(() => parseTransactions([], { emptyStrings: 'drop' as 'missing' })).toThrow(ConfigurationError);
  });
});
