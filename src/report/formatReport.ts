import { formatTable, type TextColumn } from './formatTable';

/** One section of a text report: a title, lines of text, a table, and notes under the table. */
export interface ReportSection {
  readonly title: string;
  readonly lines?: readonly string[];
  readonly table?: { readonly columns: readonly TextColumn[]; readonly rows: readonly (readonly string[])[] };
  readonly notes?: readonly string[];
}

/** Options of {@link formatReport}. */
export interface FormatReportOptions {
  /** Bold titles with ANSI codes. Default false: pass true only for a terminal that shows them (a TTY, without `NO_COLOR`). */
  readonly colour?: boolean;
}

/**
 * Characters from data that would act rather than show: control characters (line breaks and
 * escapes included: a name must not add a line or colour the terminal), the Unicode line and
 * paragraph separators, and the bidirectional overrides that reorder what follows.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Lays out a report for a terminal: each section's title, its lines indented by two spaces, its
 * table aligned (see `formatTable`), then its notes, sections separated by a blank line. Text from data is shown,
 * never obeyed: control characters (an ANSI escape or a line break in a customer name) and
 * bidirectional overrides are replaced by `?`, tabs by a space.
 * Colour only when asked; the function never looks at the terminal itself.
 *
 * @param sections - Titles, lines and tables.
 * @param options - `colour`.
 * @returns The report text.
 *
 * @example
 * ```ts
 * import { formatReport } from 'clientele';
 * const text = formatReport([
 *   { title: 'Customer base', lines: ['buyers 1,204, prospects 310'] },
 *   { title: 'Tiers', table: { columns: [{ heading: 'tier' }, { heading: 'customers', align: 'right' }], rows: [['high', '120'], ['low', '1,084']] } },
 * ]);
 * text.split('\n'); // => ['Customer base', '  buyers 1,204, prospects 310', '', 'Tiers', '  tier  customers', '  ────  ─────────', '  high        120', '  low       1,084']
 * formatReport([{ title: 'Top', lines: [] }], { colour: true }); // => '\u001b[1mTop\u001b[22m'
 * ```
 * @category Reports
 */
export function formatReport(sections: readonly ReportSection[], options: FormatReportOptions = {}): string {
  const clean = (text: string): string => text.replace(/\t/g, ' ').replace(CONTROL, '?');
  const title = (text: string): string => (options.colour === true ? `\u001b[1m${clean(text)}\u001b[22m` : clean(text));
  return sections
    .map((section) => {
      const parts = [title(section.title), ...(section.lines ?? []).map((line) => `  ${clean(line)}`)];
      if (section.table !== undefined) {
        parts.push(
          formatTable(
            section.table.columns.map((column) => ({ ...column, heading: clean(column.heading) })),
            section.table.rows.map((row) => row.map(clean)),
          ),
        );
      }
      parts.push(...(section.notes ?? []).map((line) => `  ${clean(line)}`));
      return parts.join('\n');
    })
    .join('\n\n');
}
