import { parseArgs } from 'node:util';
import { ClienteleError, ConfigurationError } from '../errors';
import { runDemo } from './runDemo';
import { runReport } from './runReport';

const HELP = `Usage: clientele <command> [options]

Commands
  report <orders.csv>  Validate a transactions CSV and print the segment report
           --as-of <date>          the date the report describes (required)
           --customers <file>      customers CSV: id, createdAt, consent_email..., other columns as attributes
           --interactions <file>   interactions CSV: customerId, at, kind, campaignId, channel, score
           --columns <f=h,...>     column headings for fields, e.g. orderId=invoice,at=order_date
           --time-zone <zone>      IANA time zone of dates without one (default UTC)
           --seed <n>              seed of the clustering (default 42)
           --json                  print the report as JSON (every customer's segments included)
  demo     The same report on generated sample customers
           --customers <n>   number of customers (default 2000)
           --seed <n>        random seed (default 42)
           --json            print the report as JSON
  help     Show this help`;

const colour = (): boolean => process.stdout.isTTY === true && process.env.NO_COLOR === undefined;

function readColumns(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  return Object.fromEntries(
    text.split(',').map((pair) => {
      const [field, heading, extra] = pair.split('=');
      if (field === undefined || heading === undefined || extra !== undefined || field.trim() === '' || heading.trim() === '') throw new ConfigurationError('invalid_option', `--columns expects field=heading pairs separated by commas, received "${pair}"`);
      return [field.trim(), heading.trim()];
    }),
  );
}

/** A whole-number option, or a ConfigurationError naming it. */
function wholeNumber(name: string, text: string): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) throw new ConfigurationError('invalid_option', `--${name} expects a whole number, received "${text}"`, [name]);
  return value;
}

/** Whether progress was written to stderr, so an error starts on a new line. */
let progressShown = false;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 1 : 0;
  }
  if (command === 'demo') {
    const { values } = parseArgs({
      args: [...rest],
      options: { customers: { type: 'string', default: '2000' }, seed: { type: 'string', default: '42' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    process.stdout.write(`${runDemo({ customers: wholeNumber('customers', values.customers), seed: wholeNumber('seed', values.seed), json: values.json, colour: colour() })}\n`);
    return 0;
  }
  if (command === 'report') {
    const { values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        'as-of': { type: 'string' },
        customers: { type: 'string' },
        interactions: { type: 'string' },
        columns: { type: 'string' },
        'time-zone': { type: 'string' },
        seed: { type: 'string', default: '42' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const [orders, ...extra] = positionals;
    if (orders === undefined || extra.length > 0) throw new ConfigurationError('invalid_option', `report takes one transactions CSV file, received ${positionals.length === 0 ? 'none' : positionals.join(', ')}`);
    if (values['as-of'] === undefined) throw new ConfigurationError('missing_option', 'report needs --as-of <date>: the date the report describes (clientele never reads the clock)');
    const showProgress = process.stderr.isTTY === true;
    const text = await runReport({
      orders,
      asOf: values['as-of'],
      ...(values.customers === undefined ? {} : { customers: values.customers }),
      ...(values.interactions === undefined ? {} : { interactions: values.interactions }),
      ...(values.columns === undefined ? {} : { columns: readColumns(values.columns) as Record<string, string> }),
      ...(values['time-zone'] === undefined ? {} : { timeZone: values['time-zone'] }),
      json: values.json,
      seed: wholeNumber('seed', values.seed),
      colour: colour(),
      ...(showProgress
        ? {
            onProgress: (message: string) => {
              progressShown = true;
              process.stderr.write(`\r${message}`);
            },
          }
        : {}),
    });
    if (showProgress) process.stderr.write('\r\u001b[K');
    process.stdout.write(`${text}\n`);
    return 0;
  }
  process.stderr.write(`clientele: unknown command "${command}"\n\n${HELP}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ClienteleError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${progressShown ? '\r\u001b[K' : ''}clientele: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  },
);
