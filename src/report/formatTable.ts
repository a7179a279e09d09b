/** A column of a text table: its heading and whether its cells align right (numbers) or left. */
export interface TextColumn {
  readonly heading: string;
  readonly align?: 'left' | 'right';
}

/** Options of {@link formatTable}. */
export interface FormatTableOptions {
  /** Put before every line; default two spaces. */
  readonly indent?: string;
}

/** East Asian wide and fullwidth ranges: a terminal gives these two columns. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;
/** Emoji: terminals give them two columns too. */
const EMOJI = /\p{Extended_Pictographic}/u;
/** Combining marks and format characters (zero-width space, variation selectors) take no column of their own. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/**
 * How many terminal columns a text takes: wide characters (Chinese, Japanese, Korean) and emoji
 * count two, combining marks none. What `formatTable` aligns by; use it to pad your own columns.
 *
 * @example
 * ```ts
 * import { displayWidth } from 'clientele';
 * [displayWidth('Champions'), displayWidth('冠军客户'), displayWidth('Campeo\u0301n'), displayWidth('🏆')]; // => [9, 8, 7, 2]
 * ```
 * @category Reports
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += ZERO_WIDTH.test(character) ? 0 : WIDE.test(character) || EMOJI.test(character) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Lays out rows as a plain-text table for a terminal: a heading line, a rule, and the rows,
 * columns aligned (numbers to the right when the column says so) and measured in terminal
 * columns, so Chinese segment names line up with Latin ones. No colours, no trailing spaces.
 *
 * @param columns - Headings and alignment.
 * @param rows - Cells as text, one array per row (a missing cell is empty).
 * @param options - `indent`.
 * @returns The table, lines joined with `\n`.
 *
 * @example
 * ```ts
 * import { formatTable } from 'clientele';
 * const table = formatTable([{ heading: 'segment' }, { heading: 'customers', align: 'right' }], [['冠军客户', '1,204'], ['Lost', '87']]);
 * table.split('\n'); // => ['  segment   customers', '  ────────  ─────────', '  冠军客户      1,204', '  Lost             87']
 * ```
 * @category Reports
 */
export function formatTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[], options: FormatTableOptions = {}): string {
  const indent = options.indent ?? '  ';
  // A loop, not Math.max(...rows): a spread of 200,000 arguments overflows the stack.
  const widths = columns.map((column, index) => {
    let width = displayWidth(column.heading);
    for (const row of rows) width = Math.max(width, displayWidth(row[index] ?? ''));
    return width;
  });
  const line = (cells: readonly string[]): string =>
    indent +
    columns
      .map((column, index) => pad(cells[index] ?? '', widths[index] ?? 0, column.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.heading)), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}
