import { quoteValue } from '../errors';
import { DAY_MS } from '../internal/dayNumber';
import { createZoneOffsetMinutes } from '../internal/zoneOffsetMinutes';

/** A point in time as hosts hand it over: a `Date`, an ISO-8601 string or epoch milliseconds. */
export type InstantInput = Date | string | number;

/** Why a value is not a usable instant. */
export interface InstantProblem {
  readonly code: 'invalid_type' | 'invalid_date';
  readonly message: string;
}

/** The earliest instant accepted as epoch milliseconds: 1973-03-03T09:46:40Z (1e11 ms). */
export const MIN_EPOCH_MS = 1e11;
/** The latest instant accepted: 9999-12-31T23:59:59.999Z. */
export const MAX_EPOCH_MS = 253_402_300_799_999;

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:\s*(Z|z|[+-]\d{2}(?::?\d{2})?))?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function problem(code: InstantProblem['code'], message: string): InstantProblem {
  return { code, message };
}

/** Returns a parser for ISO strings, with or without offset; offset-less ones are read in `timeZone` (UTC by default). */
export function createInstantParser(timeZone?: string): (value: unknown) => number | InstantProblem {
  const zoneOffset = timeZone === undefined || timeZone === 'UTC' ? undefined : createZoneOffsetMinutes(timeZone);

  /**
   * The instant a wall-clock time names in the zone. Around a daylight-saving change the offset
   * a day before and a day after differ: a time both offsets explain was repeated (the clocks
   * went back) and the earlier instant is taken; a time neither explains was skipped (the
   * clocks went forward) and does not exist.
   */
  function fromWallClock(wallMs: number, text: string): number | InstantProblem {
    if (zoneOffset === undefined) return wallMs;
    const before = wallMs - zoneOffset(wallMs - DAY_MS) * 60_000;
    const after = wallMs - zoneOffset(wallMs + DAY_MS) * 60_000;
    const beforeHolds = wallMs - zoneOffset(before) * 60_000 === before;
    const afterHolds = wallMs - zoneOffset(after) * 60_000 === after;
    if (beforeHolds && afterHolds) return Math.min(before, after);
    if (beforeHolds) return before;
    if (afterHolds) return after;
    return problem('invalid_date', `no such local time in ${String(timeZone)}: ${quoteValue(text)} falls in a daylight-saving gap`);
  }

  function parseIsoString(text: string): number | InstantProblem {
    const match = ISO_PATTERN.exec(text.trim());
    if (match === null) {
      return problem(
        'invalid_date',
        `expected an ISO-8601 date such as "2026-06-30" or "2026-06-30T14:05:00Z", received ${quoteValue(text)}`,
      );
    }
    const [, y, mo, d, h, mi, s, fraction, offset] = match;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = h === undefined ? 0 : Number(h);
    const minute = mi === undefined ? 0 : Number(mi);
    const second = s === undefined ? 0 : Number(s);
    const millisecond = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return problem('invalid_date', `no such calendar day: ${quoteValue(text)}`);
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return problem('invalid_date', `no such time of day: ${quoteValue(text)}`);
    }
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, second, millisecond);
    const wallMs = date.getTime();
    let epochMs: number;
    if (offset === undefined) {
      const local = fromWallClock(wallMs, text);
      if (isInstantProblem(local)) return local;
      epochMs = local;
    }
    else if (offset === 'Z' || offset === 'z') epochMs = wallMs;
    else {
      const sign = offset.startsWith('-') ? -1 : 1;
      const digits = offset.slice(1).replace(':', '');
      const offsetHours = Number(digits.slice(0, 2));
      const offsetMinutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
      if (offsetHours > 23 || offsetMinutes > 59) return problem('invalid_date', `no such UTC offset: ${quoteValue(text)}`);
      epochMs = wallMs - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
    }
    return checkRange(epochMs, text);
  }

  function checkRange(epochMs: number, original: unknown): number | InstantProblem {
    if (epochMs < MIN_EPOCH_MS || epochMs > MAX_EPOCH_MS) {
      const hint =
        typeof original === 'number' && Math.abs(original) < MIN_EPOCH_MS
          ? ' (this looks like epoch seconds; clientele expects epoch milliseconds)'
          : '';
      return problem('invalid_date', `expected an instant between 1973-03-03 and 9999-12-31, received ${quoteValue(original)}${hint}`);
    }
    return epochMs;
  }

  return (value) => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return problem('invalid_date', `expected finite epoch milliseconds, received ${quoteValue(value)}`);
      return checkRange(Math.trunc(value), value);
    }
    if (typeof value === 'string') return parseIsoString(value);
    if (value instanceof Date) {
      const epochMs = value.getTime();
      if (Number.isNaN(epochMs)) return problem('invalid_date', 'expected a valid Date, received Invalid Date');
      return checkRange(epochMs, value);
    }
    return problem(
      'invalid_type',
      `expected a Date, an ISO-8601 string or epoch milliseconds, received ${quoteValue(value)}`,
    );
  };
}

/** Whether a value is an {@link InstantProblem} rather than epoch milliseconds. */
export function isInstantProblem(value: number | InstantProblem): value is InstantProblem {
  return typeof value !== 'number';
}
