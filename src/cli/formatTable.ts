/** A column of a text table: its heading and whether numbers align right. */
export interface Column {
  readonly heading: string;
  readonly align?: 'left' | 'right';
}

/** Lays out rows as an aligned plain-text table with a rule under the headings. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = columns.map((column, index) => Math.max(column.heading.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    indent +
    cells
      .map((cell, index) => (columns[index]?.align === 'right' ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.heading)), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** 12,345 */
export const formatCount = (value: number): string => integerFormat.format(value);
/** 12,345.60 */
export const formatMoney = (value: number): string => moneyFormat.format(value);
/** 12.3% */
export const formatShare = (value: number): string => percentFormat.format(value);
