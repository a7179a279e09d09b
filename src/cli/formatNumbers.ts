import { createDayNumber, DAY_MS } from '../internal/dayNumber';

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** 12,345 */
export const formatCount = (value: number): string => integerFormat.format(value);
/** 12,345.60 */
export const formatMoney = (value: number): string => moneyFormat.format(value);
/** 12.3% */
export const formatShare = (value: number): string => percentFormat.format(value);
/** An epoch-ms instant as its calendar day in a time zone (default UTC), `-` for none. */
export function formatDay(epochMs: number | null, timeZone?: string): string {
  if (epochMs === null) return '-';
  return new Date(createDayNumber(timeZone)(epochMs) * DAY_MS).toISOString().slice(0, 10);
}
