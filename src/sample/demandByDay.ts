import { DAY_MS } from '../internal/dayNumber';

/** Relative demand on each day of the sample period, and what follows from it. */
export interface DailyDemand {
  /** Demand on day `d` of the period (day 0 starts at the period's start), around 1. */
  readonly factor: Float64Array;
  /** The largest value in `factor`: the envelope for thinning a Poisson process. */
  readonly maxFactor: number;
  /**
   * Running sum of `factor` weighted by a linear growth in sign-ups (the shop acquires more
   * customers later in the period): `cumulativeSignups[d]` is the weight of days 0..d.
   */
  readonly cumulativeSignups: Float64Array;
}

/** How much faster the shop acquires customers at the end of the period than at its start. */
const SIGNUP_GROWTH = 0.6;

/** Seasonal demand of a calendar day: the run-up to Christmas is busy, January and February quiet. */
function seasonalFactor(month: number, dayOfMonth: number): number {
  if ((month === 10 && dayOfMonth >= 20) || (month === 11 && dayOfMonth <= 23)) return 1.6;
  if (month === 11 && dayOfMonth <= 26) return 0.6;
  if (month === 0) return 0.85;
  if (month === 1) return 0.9;
  if (month >= 5 && month <= 7) return 0.95;
  return 1;
}

/**
 * Computes the relative demand on each day of a period: seasonality (busy late November and
 * December, quiet January, February and summer) times a weekly pattern (busier weekends).
 *
 * @param startMs - The first day of the period, 00:00 UTC, epoch ms.
 * @param dayCount - How many whole days the period has; at least 1.
 * @returns Daily factors, their maximum and the cumulative sign-up weights.
 */
export function demandByDay(startMs: number, dayCount: number): DailyDemand {
  const factor = new Float64Array(dayCount);
  const cumulativeSignups = new Float64Array(dayCount);
  let maxFactor = 0;
  let total = 0;
  for (let day = 0; day < dayCount; day++) {
    const dayMs = startMs + day * DAY_MS;
    const date = new Date(dayMs);
    // 1970-01-01 was a Thursday (4); Saturday is 6 and Sunday 0.
    const weekday = (Math.floor(dayMs / DAY_MS) + 4) % 7;
    const weekly = weekday === 0 || weekday === 6 ? 1.12 : 0.95;
    const value = seasonalFactor(date.getUTCMonth(), date.getUTCDate()) * weekly;
    factor[day] = value;
    if (value > maxFactor) maxFactor = value;
    total += value * (1 + (SIGNUP_GROWTH * day) / dayCount);
    cumulativeSignups[day] = total;
  }
  return { factor, maxFactor, cumulativeSignups };
}
