import { basename } from 'node:path';
import { ConfigurationError } from '../errors';
import { formatReport, parseCustomers, parseInteractions, parseTransactions } from '../index';
import { isKnownTimeZone } from '../internal/zoneOffsetMinutes';
import { createInstantParser, isInstantProblem } from '../model/parseInstant';
import { formatCount } from './formatNumbers';
import { readCsvRows, type CsvRows, type CsvShape } from './readCsvRows';
import { segmentReport } from './segmentReport';

/** Options of `clientele report`. */
export interface ReportOptions {
  /** The transactions CSV: one row per order or order line. */
  readonly orders: string;
  readonly asOf: string;
  readonly customers?: string;
  readonly interactions?: string;
  /** Field → column heading, for headings that do not match the field names. */
  readonly columns?: Readonly<Record<string, string>>;
  readonly timeZone?: string;
  readonly json: boolean;
  readonly seed: number;
  readonly colour?: boolean;
  /** Told how far reading has come on large files (the CLI writes it to a terminal's stderr). */
  readonly onProgress?: (message: string) => void;
}

const TRANSACTION_FIELDS = ['orderId', 'customerId', 'at', 'amount', 'currency', 'category', 'sku', 'quantity', 'discount', 'channel', 'status', 'lineId'];
const TRANSACTION_ALIASES = { orderId: ['order', 'order_number', 'invoice', 'invoice_no'], customerId: ['customer'], at: ['date', 'order_date', 'created_at', 'timestamp'], amount: ['total', 'revenue', 'value'] };
const CONSENT = /^consent[\s._-]?(email|sms|push|phone)$/i;

/** Consent columns (`consent_email`: yes / no) move from the attributes into `consent`. */
function withConsent(row: Record<string, unknown>): Record<string, unknown> {
  const attributes = row.attributes as Record<string, unknown> | undefined;
  if (attributes === undefined) return row;
  const consent: Record<string, unknown> = {};
  const kept = Object.entries(attributes).filter(([key, value]) => {
    const channel = CONSENT.exec(key)?.[1]?.toLowerCase();
    if (channel === undefined) return true;
    const text = String(value).toLowerCase();
    consent[channel] = ['true', 'yes', 'y', '1'].includes(text) ? true : ['false', 'no', 'n', '0'].includes(text) ? false : value;
    return false;
  });
  if (Object.keys(consent).length === 0) return row;
  // Object.fromEntries defines own properties, so a column named __proto__ stays an attribute (which validation refuses by name).
  return { ...row, attributes: Object.fromEntries(kept), consent };
}

/**
 * `clientele report orders.csv --as-of 2026-06-30`: reads the CSV files, validates them with
 * the model (rejected rows are counted and the first reasons shown, never dropped silently) and
 * returns the segment report, as text or JSON.
 */
export async function runReport(options: ReportOptions): Promise<string> {
  const timeZone = options.timeZone ?? 'UTC';
  if (!isKnownTimeZone(timeZone)) throw new ConfigurationError('invalid_option', `--time-zone expects an IANA time zone such as "Europe/Paris", received "${timeZone}"`, ['timeZone']);
  const unknown = Object.keys(options.columns ?? {}).filter((field) => !TRANSACTION_FIELDS.includes(field));
  if (unknown.length > 0) throw new ConfigurationError('invalid_option', `--columns names fields of the orders file: ${TRANSACTION_FIELDS.join(', ')}; received ${unknown.join(', ')}`, ['columns']);
  const asOf = createInstantParser(timeZone)(options.asOf);
  if (isInstantProblem(asOf)) throw new ConfigurationError('invalid_option', `--as-of: ${asOf.message}`, ['asOf']);

  const progress = (file: string) => (rows: number) => options.onProgress?.(`${basename(file)}: ${formatCount(rows)} rows read`);
  /** Reads a file and stops, naming the fix, when a required column is missing. */
  const readFile = async (file: string, shape: CsvShape, required: readonly string[]): Promise<CsvRows> => {
    const read = await readCsvRows(file, shape, progress(file));
    const missing = required.filter((field) => read.mapping[field] === undefined);
    if (missing.length > 0) {
      const hint = file === options.orders ? `; name one with --columns (e.g. --columns ${missing.map((field) => `${field}=<heading>`).join(',')})` : `; rename the heading`;
      throw new ConfigurationError('invalid_file', `${file} has no column for ${missing.join(', ')}${hint}${read.unused.length > 0 ? `; unused columns: ${read.unused.join(', ')}` : ''}`);
    }
    return read;
  };
  const orders = await readFile(
    options.orders,
    { fields: TRANSACTION_FIELDS, numeric: new Set(['amount', 'quantity', 'discount']), aliases: TRANSACTION_ALIASES, ...(options.columns === undefined ? {} : { columns: options.columns }) },
    ['orderId', 'customerId', 'at', 'amount'],
  );
  const transactions = parseTransactions(orders.rows, { timeZone });
  const customers = options.customers === undefined ? undefined : parseCustomers((await readFile(options.customers, { fields: ['id', 'createdAt'], numeric: new Set(), aliases: { id: ['customerId', 'customer'] }, rest: 'attributes' }, ['id'])).rows.map(withConsent), { timeZone });
  const interactions =
    options.interactions === undefined
      ? undefined
      : parseInteractions((await readFile(options.interactions, { fields: ['customerId', 'at', 'kind', 'campaignId', 'channel', 'score'], numeric: new Set(['score']), aliases: { customerId: ['customer'], at: ['date', 'timestamp'] } }, ['customerId', 'at', 'kind'])).rows, { timeZone });

  const report = segmentReport({
    title: `clientele report ${basename(options.orders)}: ${formatCount(transactions.counts.given)} rows, as of ${options.asOf}${timeZone === 'UTC' ? '' : ` (${timeZone})`}`,
    dataNotes: [
      `columns: ${Object.entries(orders.mapping)
        .map(([field, heading]) => (field === heading ? field : `${field} ← ${heading}`))
        .join(', ')}${orders.unused.length > 0 ? `; not used: ${orders.unused.join(', ')}` : ''}`,
    ],
    asOf,
    timeZone,
    transactions,
    ...(customers === undefined ? {} : { customers }),
    ...(interactions === undefined ? {} : { interactions }),
    seed: options.seed,
  });
  if (options.json) return JSON.stringify(report.data, null, 2);
  return formatReport(report.sections, { colour: options.colour ?? false });
}
