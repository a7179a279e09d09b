import { describe, expect, it } from 'vitest';
import { lifecycleHistory, parseTransactions, summarize } from 'clientele';
import { createInstantParser } from '../../src/model/parseInstant';

describe('createInstantParser', () => {
  const parseUtc = createInstantParser();
  it.each([
    ['2026-06-30', Date.UTC(2026, 5, 30)],
    ['2026-06-30T14:05', Date.UTC(2026, 5, 30, 14, 5)],
    ['2026-06-30 14:05:09.123', Date.UTC(2026, 5, 30, 14, 5, 9, 123)],
    ['2026-06-30T14:05:09Z', Date.UTC(2026, 5, 30, 14, 5, 9)],
    ['2026-06-30T14:05:09-0330', Date.UTC(2026, 5, 30, 17, 35, 9)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1)],
  ])('reads %s', (input, expected) => {
    expect(parseUtc(input)).toBe(expected);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-04-31', '2026-06-30T25:00', 'June 30', '2026-6-3', '', '2026-06-30T14:05+25:00'])('rejects %j', (input) => {
    expect(parseUtc(input)).toMatchObject({ code: 'invalid_date' });
  });

  it('reads wall-clock strings in a time zone, across a daylight-saving change', () => {
    const parseNewYork = createInstantParser('America/New_York');
    expect(parseNewYork('2026-03-07T12:00')).toBe(Date.UTC(2026, 2, 7, 17)); // EST, UTC-5
    expect(parseNewYork('2026-03-09T12:00')).toBe(Date.UTC(2026, 2, 9, 16)); // EDT, UTC-4
  });

  it('rejects numbers that look like epoch seconds and non-date types', () => {
    expect(parseUtc(1_750_000_000)).toMatchObject({ code: 'invalid_date' });
    expect(parseUtc(true)).toMatchObject({ code: 'invalid_type' });
    expect(parseUtc(Number.NaN)).toMatchObject({ code: 'invalid_date' });
  });
});

describe('wall-clock times around daylight-saving changes', () => {
  it('rejects a time the clocks skipped, in either hemisphere of the change', () => {
    expect(createInstantParser('Europe/Paris')('2026-03-29T02:30')).toMatchObject({ code: 'invalid_date' });
    expect(createInstantParser('America/New_York')('2026-03-08T02:30')).toMatchObject({ code: 'invalid_date' });
  });

  it('takes the earlier instant of a time the clocks repeated', () => {
    expect(createInstantParser('Europe/Paris')('2026-10-25T02:30')).toBe(Date.UTC(2026, 9, 25, 0, 30)); // still CEST, UTC+2
    expect(createInstantParser('America/New_York')('2026-11-01T01:30')).toBe(Date.UTC(2026, 10, 1, 5, 30)); // still EDT, UTC-4
  });
});

describe('a calendar day whose midnight a clock change skips (found by review)', () => {
  it('is that day, from the instant the clocks jump; a time inside the gap is still refused', () => {
    // Santiago: on 2026-09-06 the clocks go from 00:00 (-04) to 01:00 (-03).
    const santiago = createInstantParser('America/Santiago');
    expect(santiago('2026-09-06')).toBe(Date.parse('2026-09-06T04:00:00Z'));
    expect(santiago('2026-09-06T00:30')).toMatchObject({ code: 'invalid_date' });
    expect(createInstantParser('Asia/Beirut')('2026-03-29')).toBe(Date.parse('2026-03-28T22:00:00Z'));
    expect(typeof createInstantParser('America/Havana')('2026-03-08')).toBe('number');
  });

  it('lets summarize, parseTransactions and lifecycleHistory take such a day as asOf or a row date', () => {
    const rows = [{ orderId: 'o1', customerId: 'a', at: '2026-09-06', amount: 10 }];
    expect(parseTransactions(rows, { timeZone: 'America/Santiago' }).counts.accepted).toBe(1);
    expect(summarize(rows, { asOf: '2026-09-06', timeZone: 'America/Santiago' })[0]?.orders).toBe(1);
    expect(lifecycleHistory(rows, { customerId: 'a', from: '2026-09-01', to: '2026-09-10', every: { days: 1 }, timeZone: 'America/Santiago' })).toHaveLength(10);
  });
});
