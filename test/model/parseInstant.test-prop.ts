import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInstantParser } from '../../src/model/parseInstant';

// An independent oracle for ISO strings in UTC: a regular expression for the grammar the docs
// give, and Date.UTC for the arithmetic. The parser scans characters instead; both must agree.
const GRAMMAR = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:\s*(Z|z|[+-]\d{2}(?::?\d{2})?))?$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function oracle(text: string): number | undefined {
  const match = GRAMMAR.exec(text.trim());
  if (match === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > monthDays || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const millisecond = Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (offset !== undefined && offset !== 'Z' && offset !== 'z') {
    const digits = offset.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  if (year < 1970) return undefined;
  const epochMs = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), millisecond) - offsetMinutes * 60_000;
  return epochMs < 1e11 || epochMs > 253_402_300_799_999 ? undefined : epochMs;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const isoLike = fc
  .record({
    year: fc.integer({ min: 1960, max: 2200 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    time: fc.option(fc.record({ sep: fc.constantFrom('T', ' ', 't'), h: fc.integer({ min: 0, max: 25 }), m: fc.integer({ min: 0, max: 61 }), s: fc.option(fc.integer({ min: 0, max: 61 })), fraction: fc.option(fc.stringMatching(/^[.,]\d{0,10}$/)) })),
    zone: fc.option(fc.oneof(fc.constantFrom('Z', 'z', ' Z', 'UTC', '+', '+1'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.constantFrom('', ':', '::'), fc.option(fc.integer({ min: 0, max: 61 }))).map(([sign, h, colon, m]) => `${sign}${pad(h, 2)}${m === null ? '' : `${colon}${pad(m, 2)}`}`))),
    junk: fc.option(fc.constantFrom(' ', 'x', '  ', '\u00a0')),
  })
  .map(({ year, month, day, time, zone, junk }) => {
    let text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    if (time !== null) text += `${time.sep}${pad(time.h, 2)}:${pad(time.m, 2)}${time.s === null ? '' : `:${pad(time.s, 2)}${time.fraction ?? ''}`}`;
    if (zone !== null) text += zone;
    if (junk !== null) text = junk === 'x' ? `${text}x` : `${junk}${text}${junk}`;
    return text;
  });

describe('createInstantParser on ISO strings', () => {
  it('agrees with an independent reading of the documented grammar', () => {
    const parse = createInstantParser();
    fc.assert(
      fc.property(fc.oneof(isoLike, fc.string({ maxLength: 30 })), (text) => {
        const result = parse(text);
        expect(typeof result === 'number' ? result : undefined).toBe(oracle(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads fractions by their digits: .29 is 290 ms', () => {
    expect(createInstantParser()('2026-01-01T00:00:00.29')).toBe(Date.UTC(2026, 0, 1, 0, 0, 0, 290));
    expect(createInstantParser()('2026-01-01T00:00:00,123456789Z')).toBe(Date.UTC(2026, 0, 1, 0, 0, 0, 123));
  });
});
