import { tzOffset } from '@date-fns/tz/tzOffset';

// Quarter hours: a few zones change offset at :30 or :45 past a UTC hour.
const BUCKET_MS = 900_000;

/**
 * The UTC offset in minutes of an IANA time zone at an instant (+60 for Europe/Paris in winter).
 * Offsets change at most a few times a year, so results are cached per zone and quarter hour: a
 * batch of a million rows asks `Intl` a few thousand times, not a million.
 */
export function createZoneOffsetMinutes(timeZone: string): (epochMs: number) => number {
  const byBucket = new Map<number, number>();
  return (epochMs) => {
    const bucket = Math.floor(epochMs / BUCKET_MS);
    let offset = byBucket.get(bucket);
    if (offset === undefined) {
      offset = tzOffset(timeZone, new Date(bucket * BUCKET_MS));
      byBucket.set(bucket, offset);
    }
    return offset;
  };
}

/** Whether the runtime knows an IANA time zone name (or a `±HH:MM` offset). */
export function isKnownTimeZone(timeZone: string): boolean {
  return Number.isFinite(tzOffset(timeZone, new Date(0)));
}
