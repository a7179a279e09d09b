import { ConfigurationError, quoteValue, type PathSegment } from '../errors';
import type { TimeUnit } from '../features/CustomerFeatures';

/** Days in the average Gregorian month (365.25 / 12): the month length unless a duration states its own. */
export const DAYS_PER_AVERAGE_MONTH = 30.4375;

/**
 * A length of time that says its unit: `{ days: 365 }`, `{ weeks: 39 }`, or
 * `{ months: 12, daysPerMonth: 30 }` (months are `daysPerMonth` days long, 30.4375 by default,
 * the average Gregorian month). Horizons and discount periods are durations, so a "12-month"
 * value can never silently mean 12 units of whatever unit the data has.
 */
export type Duration =
  | { readonly days: number }
  | { readonly weeks: number }
  | { readonly months: number; readonly daysPerMonth?: number };

/**
 * The length of `duration` in `unit` (days, or weeks of 7 days), checked: a plain number, a
 * negative or non-finite length, or an object with no or several units is a configuration error.
 */
export function durationIn(functionName: string, duration: unknown, unit: TimeUnit, path: readonly PathSegment[]): number {
  const days = durationInDays(functionName, duration, path);
  return unit === 'weeks' ? days / 7 : days;
}

/** The length of a {@link Duration} in days, checked as {@link durationIn} says. */
export function durationInDays(functionName: string, duration: unknown, path: readonly PathSegment[]): number {
  if (typeof duration !== 'object' || duration === null || Array.isArray(duration)) {
    throw new ConfigurationError(
      'invalid_option',
      `${functionName} expects \`${path.join('.')}\` to be a duration with its unit, such as { weeks: 39 } or { months: 12 }, received ${quoteValue(duration)}`,
      path,
    );
  }
  const record = duration as Record<string, unknown>;
  const units = (['days', 'weeks', 'months'] as const).filter((name) => Object.hasOwn(record, name));
  const unknown = Object.keys(record).filter((key) => key !== 'days' && key !== 'weeks' && key !== 'months' && key !== 'daysPerMonth');
  if (units.length !== 1 || unknown.length > 0 || (units[0] !== 'months' && Object.hasOwn(record, 'daysPerMonth'))) {
    throw new ConfigurationError(
      'invalid_option',
      `${functionName} expects \`${path.join('.')}\` to have exactly one of days, weeks or months (and daysPerMonth only with months), received keys ${quoteValue(Object.keys(record).join(', '), 60)}`,
      path,
    );
  }
  const unit = units[0] as 'days' | 'weeks' | 'months';
  const length = record[unit];
  if (typeof length !== 'number' || !Number.isFinite(length) || length < 0 || length > 1e6) {
    throw new ConfigurationError('invalid_option', `${functionName} expects \`${[...path, unit].join('.')}\` to be a finite number from 0 to 1e6, received ${quoteValue(length)}`, [...path, unit]);
  }
  if (unit === 'days') return length;
  if (unit === 'weeks') return length * 7;
  const daysPerMonth = record.daysPerMonth ?? DAYS_PER_AVERAGE_MONTH;
  if (typeof daysPerMonth !== 'number' || !(daysPerMonth >= 28 && daysPerMonth <= 31)) {
    throw new ConfigurationError('invalid_option', `${functionName} expects \`${[...path, 'daysPerMonth'].join('.')}\` to be a number from 28 to 31, received ${quoteValue(daysPerMonth)}`, [
      ...path,
      'daysPerMonth',
    ]);
  }
  return length * daysPerMonth;
}
