import { formatReport, parseCustomers, parseInteractions, parseTransactions } from '../index';
import { generateSample } from '../sample/index';
import { formatCount, formatDay } from './formatNumbers';
import { segmentReport } from './segmentReport';

/** Options of the demo: how much sample data, which seed, whether to print JSON, and whether the terminal shows colour. */
export interface DemoOptions {
  readonly customers: number;
  readonly seed: number;
  readonly json: boolean;
  readonly colour?: boolean;
}

/** Runs the main job on generated sample data and returns the report text (or JSON). */
export function runDemo(options: DemoOptions): string {
  const sample = generateSample({ customers: options.customers, seed: options.seed });
  const report = segmentReport({
    title: `clientele demo: ${formatCount(options.customers)} generated customers (seed ${options.seed}), as of ${formatDay(sample.asOf)}`,
    asOf: sample.asOf,
    transactions: parseTransactions(sample.transactions),
    customers: parseCustomers(sample.customers),
    interactions: parseInteractions(sample.interactions),
    seed: options.seed,
  });
  if (options.json) return JSON.stringify(report.data, null, 2);
  return formatReport(report.sections, { colour: options.colour ?? false });
}
