const share = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** 12.3% */
export const formatShare = (value: number): string => share.format(value);
