import { createZoneOffsetMinutes } from './zoneOffsetMinutes';

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/**
 * Returns a function that maps an instant (epoch ms) to its calendar day number: whole days
 * since 1970-01-01 in UTC, or in `timeZone` when one is given. Two instants are on the same day
 * exactly when their day numbers are equal, and the difference of two day numbers is the number
 * of calendar days between them.
 */
export function createDayNumber(timeZone?: string): (epochMs: number) => number {
  if (timeZone === undefined || timeZone === 'UTC') return (epochMs) => Math.floor(epochMs / DAY_MS);
  const offsetMinutes = createZoneOffsetMinutes(timeZone);
  return (epochMs) => Math.floor((epochMs + offsetMinutes(epochMs) * 60_000) / DAY_MS);
}
