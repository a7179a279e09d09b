import { parseArgs } from 'node:util';
import { ClienteleError } from '../errors';
import { runDemo } from './runDemo';

const HELP = `Usage: clientele <command> [options]

Commands
  demo     Summarise generated sample customers and print a report
           --customers <n>   number of customers (default 2000)
           --seed <n>        random seed (default 42)
           --json            print the features as JSON
  help     Show this help`;

function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 1 : 0;
  }
  if (command !== 'demo') {
    process.stderr.write(`clientele: unknown command "${command}"\n\n${HELP}\n`);
    return 1;
  }
  const { values } = parseArgs({
    args: [...rest],
    options: { customers: { type: 'string', default: '2000' }, seed: { type: 'string', default: '42' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  process.stdout.write(`${runDemo({ customers: Number(values.customers), seed: Number(values.seed), json: values.json })}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ClienteleError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`clientele: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
