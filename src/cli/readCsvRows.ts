import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { ConfigurationError } from '../errors';

/** How a file's columns become the fields of a row, and which fields are numbers. */
export interface CsvShape {
  /** The fields rows may have, in the library's names (`orderId`, `customerId`, ...). */
  readonly fields: readonly string[];
  /** Fields whose cells are numbers when they look like one (a cell that does not is passed on, for validation to name). */
  readonly numeric: ReadonlySet<string>;
  /** Host mapping from field to column heading (`--columns at=order_date`); otherwise a heading matches a field by name, any case, with or without underscores. */
  readonly columns?: Readonly<Record<string, string>>;
  /** Other headings a field answers to (`id` to `customer_id`). */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  /** Put the cells of unmatched columns in this object field (`attributes`), as numbers where the text is a number as JavaScript writes it ("42", not "01234"); otherwise they are listed in `unused`. */
  readonly rest?: string;
}

/** What was read: the rows, the headings used for each field, and the headings left unused. */
export interface CsvRows {
  readonly rows: Record<string, unknown>[];
  readonly mapping: Readonly<Record<string, string>>;
  readonly unused: readonly string[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `order_id`, `Order ID`, `orderid` all match `orderId`. */
const normalise = (heading: string): string => heading.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * Streams a CSV file (RFC 4180 quoting, a byte-order mark, CRLF or LF) into rows keyed by field
 * names, reporting progress every 100,000 rows. Empty cells are left out (a missing optional
 * field, or a required one validation will name). A malformed file (an unclosed quote, a row
 * with more cells than headings) stops with its line number.
 */
export async function readCsvRows(path: string, shape: CsvShape, onProgress?: (rows: number) => void): Promise<CsvRows> {
  const rows: Record<string, unknown>[] = [];
  let mapping: Record<string, string> | undefined;
  let unused: string[] = [];
  let headingOf: (string | undefined)[] = [];
  let headings: string[] = [];
  const parser = parse({ bom: true, skip_empty_lines: true, trim: true, relax_column_count_less: true });
  const source = createReadStream(path);
  // pipe() does not pass a read error (a missing file) on: hand it to the parser, whose loop below throws it.
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (mapping === undefined) {
        headings = record;
        const seen = new Map<string, number>();
        headings.forEach((heading, index) => {
          const before = seen.get(heading);
          if (before !== undefined) throw new ConfigurationError('invalid_file', `${path} has the heading "${heading}" twice (columns ${before + 1} and ${index + 1}): rename one, so that no column is read in place of the other`);
          seen.set(heading, index);
        });
        mapping = {};
        for (const field of shape.fields) {
          const wanted = shape.columns?.[field];
          const names = [field, ...(shape.aliases?.[field] ?? [])].map(normalise);
          const index = wanted !== undefined ? headings.indexOf(wanted) : headings.findIndex((heading) => names.includes(normalise(heading)));
          if (wanted !== undefined && index < 0) throw new ConfigurationError('invalid_option', `${path} has no column "${wanted}" (given for ${field}); its columns are ${headings.join(', ')}`, ['columns', field]);
          if (index >= 0) mapping[field] = headings[index] as string;
        }
        const fieldOf = new Map<string, string>();
        for (const [field, heading] of Object.entries(mapping)) {
          const other = fieldOf.get(heading);
          if (other !== undefined) throw new ConfigurationError('invalid_option', `${path}: the column "${heading}" is given for both ${other} and ${field}; each field needs a column of its own`, ['columns', field]);
          fieldOf.set(heading, field);
        }
        const used = new Set(Object.values(mapping));
        headingOf = headings.map((heading) => Object.keys(mapping as Record<string, string>).find((field) => (mapping as Record<string, string>)[field] === heading));
        unused = shape.rest === undefined ? headings.filter((heading) => !used.has(heading)) : [];
        continue;
      }
      const row: Record<string, unknown> = {};
      let rest: Record<string, unknown> | undefined;
      record.forEach((cell, index) => {
        const field = headingOf[index];
        if (cell === '') return;
        if (field !== undefined) row[field] = shape.numeric.has(field) && NUMBER.test(cell) ? Number(cell) : cell;
        else if (shape.rest !== undefined) {
          rest ??= {};
          // Own data properties, whatever the heading (a column named __proto__ included).
          // A number only when the text is how that number is written ("42", "3.5"): "01234" (a
          // postcode) and "1e5" stay text.
          Object.defineProperty(rest, headings[index] as string, { value: NUMBER.test(cell) && String(Number(cell)) === cell ? Number(cell) : cell, enumerable: true, writable: true, configurable: true });
        }
      });
      if (rest !== undefined && shape.rest !== undefined) row[shape.rest] = rest;
      rows.push(row);
      if (onProgress !== undefined && rows.length % 100_000 === 0) onProgress(rows.length);
    }
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    if ((error as { code?: unknown }).code === 'ENOENT') throw new ConfigurationError('invalid_file', `${path}: no such file`);
    const line = (error as { lines?: number }).lines;
    throw new ConfigurationError('invalid_file', `${path}${line === undefined ? '' : ` line ${line}`}: ${error instanceof Error ? error.message.replace(/^Invalid Record Length: /, '') : String(error)}`);
  }
  return { rows, mapping: mapping ?? {}, unused };
}
