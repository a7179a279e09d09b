import { describe, expect, it } from 'vitest';
import { parseCustomers } from 'clientele';

describe('parseCustomers', () => {
  it('normalises ids, dates, attributes and consent', () => {
    const { records, counts } = parseCustomers([
      {
        id: 7,
        createdAt: '2025-12-01',
        attributes: { region: 'north', age: 41, vip: true, birthDate: new Date(Date.UTC(1985, 4, 2)), tags: ['b2b', 'newsletter'] },
        consent: { email: true, sms: false, push: null },
      },
      { id: 'c2' },
    ]);
    expect(counts).toEqual({ given: 2, accepted: 2, rejected: 0 });
    expect(records[0]).toEqual({
      id: '7',
      createdAt: Date.UTC(2025, 11, 1),
      attributes: { region: 'north', age: 41, vip: true, birthDate: '1985-05-02T00:00:00.000Z', tags: ['b2b', 'newsletter'] },
      consent: { email: true, sms: false },
    });
    expect(records[1]).toEqual({ id: 'c2' });
  });

  it('rejects duplicate ids, nested or reserved attributes, unknown consent channels and non-finite numbers', () => {
    const rows = [
      { id: 'a' },
      { id: 'a', attributes: { region: 'south' } },
      { id: 'b', attributes: { address: { city: 'Lyon' } } },
      { id: 'c', attributes: JSON.parse('{"__proto__": {"admin": true}}') as unknown },
      { id: 'd', attributes: { constructor: 'x' } },
      { id: 'e', consent: { emial: true } },
      { id: 'f', attributes: { score: Number.NaN } },
      { id: 'g', attributes: Object.fromEntries(Array.from({ length: 201 }, (_, index) => [`k${index}`, index])) },
    ];
    const result = parseCustomers(rows);
    expect(result.counts).toEqual({ given: 8, accepted: 1, rejected: 7 });
    expect(result.rejected.map(({ index, path, code }) => [index, path.join('.'), code])).toEqual([
      [1, 'id', 'duplicate_id'],
      [2, 'attributes.address', 'invalid_type'],
      [3, 'attributes', 'invalid_value'],
      [4, 'attributes', 'invalid_value'],
      [5, 'consent.emial', 'unknown_field'],
      [6, 'attributes.score', 'non_finite'],
      [7, 'attributes', 'invalid_value'],
    ]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('rejects deeply nested input without recursing into it', () => {
    let nested: unknown = 'leaf';
    for (let depth = 0; depth < 100_000; depth++) nested = { inner: nested };
    const result = parseCustomers([{ id: 'deep', attributes: nested }]);
    expect(result.rejected[0]).toMatchObject({ code: 'invalid_type', path: ['attributes', 'inner'] });
  });
});
