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

/** The parts of an ISO-8601 date-time; `offsetMinutes` is absent when the text names no offset. */
interface IsoFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** The UTC offset as written: sign (+1 or -1), hours and minutes; absent when the text names none. */
  readonly offset: { readonly sign: number; readonly hours: number; readonly minutes: number } | undefined;
  /** A calendar day without a time of day: it names the day's first instant. */
  readonly dateOnly: boolean;
}

const ZERO = 48;

/** The value of `count` decimal digits at `at`, or -1 if any is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Reads `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM`, `HH:MM:SS` or
 * `HH:MM:SS.fraction` (1 to 9 digits, `.` or `,`), optionally followed (after optional
 * whitespace) by `Z` or an offset `±HH`, `±HHMM` or `±HH:MM`. Returns `undefined` for anything
 * else. Ranges (month 13, hour 25) are checked by the caller, which says what is wrong.
 * A scanner rather than a regular expression: this runs once per row.
 */
function scanIsoDate(text: string): IsoFields | undefined {
  const length = text.length;
  if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  let at = 10;
  const separator = text.charCodeAt(at);
  const dateOnly = !((separator === 84 || separator === 32) && text.charCodeAt(at + 3) === 58);
  if (!dateOnly) {
    hour = digitsAt(text, at + 1, 2);
    minute = digitsAt(text, at + 4, 2);
    if (hour < 0 || minute < 0) return undefined;
    at += 6;
    if (text.charCodeAt(at) === 58) {
      second = digitsAt(text, at + 1, 2);
      if (second < 0) return undefined;
      at += 3;
      const mark = text.charCodeAt(at);
      if (mark === 46 || mark === 44) {
        let digits = 0;
        at++;
        while (digits < 9 && at < length) {
          const digit = text.charCodeAt(at) - ZERO;
          if (!(digit >= 0 && digit <= 9)) break;
          if (digits < 3) millisecond += digit * (digits === 0 ? 100 : digits === 1 ? 10 : 1);
          digits++;
          at++;
        }
        if (digits === 0) return undefined;
      }
    }
  }
  if (at === length) return { year, month, day, hour, minute, second, millisecond, offset: undefined, dateOnly };
  while (at < length && /\s/.test(text.charAt(at))) at++;
  const sign = text.charCodeAt(at);
  if ((sign === 90 || sign === 122) && at + 1 === length) return { year, month, day, hour, minute, second, millisecond, offset: { sign: 1, hours: 0, minutes: 0 }, dateOnly };
  if (sign !== 43 && sign !== 45) return undefined;
  const offsetHours = digitsAt(text, at + 1, 2);
  if (offsetHours < 0) return undefined;
  at += 3;
  let offsetMinutes = 0;
  if (at < length) {
    if (text.charCodeAt(at) === 58) at++;
    offsetMinutes = digitsAt(text, at, 2);
    if (offsetMinutes < 0 || at + 2 !== length) return undefined;
  }
  return { year, month, day, hour, minute, second, millisecond, offset: { sign: sign === 45 ? -1 : 1, hours: offsetHours, minutes: offsetMinutes }, dateOnly };
}

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
   * clocks went forward) and does not exist, unless it is the midnight of a day given without a
   * time: that day exists, and it starts when the clocks jump (01:00 in Santiago on the day
   * summer time begins).
   */
  function fromWallClock(wallMs: number, text: string, dateOnly: boolean): number | InstantProblem {
    if (zoneOffset === undefined) return wallMs;
    const before = wallMs - zoneOffset(wallMs - DAY_MS) * 60_000;
    const after = wallMs - zoneOffset(wallMs + DAY_MS) * 60_000;
    const beforeHolds = wallMs - zoneOffset(before) * 60_000 === before;
    const afterHolds = wallMs - zoneOffset(after) * 60_000 === after;
    if (beforeHolds && afterHolds) return Math.min(before, after);
    if (beforeHolds) return before;
    if (afterHolds) return after;
    if (dateOnly) return firstInstantOfDay(Math.floor(wallMs / DAY_MS), Math.min(before, after), Math.max(before, after));
    return problem('invalid_date', `no such local time in ${String(timeZone)}: ${quoteValue(text)} falls in a daylight-saving gap`);
  }

  /** The first instant in [low, high] whose local calendar day is `day` (the gap lies between them). */
  function firstInstantOfDay(day: number, low: number, high: number): number {
    const localDay = (instant: number): number => Math.floor((instant + (zoneOffset as (epochMs: number) => number)(instant) * 60_000) / DAY_MS);
    let from = low;
    let to = high;
    while (to - from > 1) {
      const middle = Math.floor((from + to) / 2);
      if (localDay(middle) >= day) to = middle;
      else from = middle;
    }
    return localDay(from) >= day ? from : to;
  }

  function parseIsoString(text: string): number | InstantProblem {
    const fields = scanIsoDate(text.trim());
    if (fields === undefined) {
      return problem(
        'invalid_date',
        `expected an ISO-8601 date such as "2026-06-30" or "2026-06-30T14:05:00Z", received ${quoteValue(text)}`,
      );
    }
    const { year, month, day, hour, minute, second, millisecond, offset } = fields;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return problem('invalid_date', `no such calendar day: ${quoteValue(text)}`);
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return problem('invalid_date', `no such time of day: ${quoteValue(text)}`);
    }
    if (offset !== undefined && (offset.hours > 23 || offset.minutes > 59)) {
      return problem('invalid_date', `no such UTC offset: ${quoteValue(text)}`);
    }
    // Years before 1970 are out of range anyway (and Date.UTC reads 0-99 as 1900-1999).
    if (year < 1970) return checkRange(Number.NEGATIVE_INFINITY, text);
    const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
    if (offset !== undefined) return checkRange(wallMs - offset.sign * (offset.hours * 60 + offset.minutes) * 60_000, text);
    const local = fromWallClock(wallMs, text, fields.dateOnly);
    return isInstantProblem(local) ? local : checkRange(local, text);
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
