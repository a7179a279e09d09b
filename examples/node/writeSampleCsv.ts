/**
 * Write generated sample orders as a CSV file, to try scoreCsv.ts without data of your own.
 *
 *   npx tsx examples/node/writeSampleCsv.ts orders.csv [customers] [seed]
 *
 * Prints the sample's as-of date, to pass to scoreCsv.ts.
 */
import { writeFileSync } from 'node:fs';
import { generateSample } from 'clientele/sample';

const [output, customers = '1000', seed = '1'] = process.argv.slice(2);
if (output === undefined) {
  console.error('usage: writeSampleCsv.ts <orders.csv> [customers] [seed]');
  process.exit(1);
}
const sample = generateSample({ customers: Number(customers), seed: Number(seed) });
const fields = ['orderId', 'customerId', 'at', 'amount', 'category', 'quantity', 'discount', 'channel', 'status', 'lineId'] as const;
const cell = (value: unknown): string => (value === undefined ? '' : /[",\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));
const lines = sample.transactions.map((row) => fields.map((field) => cell(field === 'at' ? new Date(row.at).toISOString() : row[field])).join(','));
writeFileSync(output, `${[fields.join(','), ...lines].join('\n')}\n`);
console.log(new Date(sample.asOf).toISOString().slice(0, 10));
