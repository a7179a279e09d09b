const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** 12,345 */
export const formatCount = (value: number): string => integerFormat.format(value);
/** 12,345.60 */
export const formatMoney = (value: number): string => moneyFormat.format(value);
/** 12.3% */
export const formatShare = (value: number): string => percentFormat.format(value);
/** An epoch-ms instant as its UTC calendar day, `-` for none. */
export const formatDay = (epochMs: number | null): string => (epochMs === null ? '-' : new Date(epochMs).toISOString().slice(0, 10));
