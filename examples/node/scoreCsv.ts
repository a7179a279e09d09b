/**
 * Score a CSV file of orders and write every customer's segments to JSON.
 *
 *   npx tsx examples/node/scoreCsv.ts orders.csv segments.json --as-of 2026-06-30
 *
 * The CSV needs the columns orderId, customerId, at and amount (one row per order or order
 * line; refunds as negative amounts); category, status and the other transaction fields are
 * used when present.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { classifyLifecycle, parseTransactions, rfm, summarize, valueTiers } from 'clientele';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'as-of': { type: 'string' } } });
const [input, output] = positionals;
const asOf = values['as-of'];
if (input === undefined || output === undefined || asOf === undefined) {
  console.error('usage: scoreCsv.ts <orders.csv> <segments.json> --as-of <date>');
  process.exit(1);
}

// 1. Read the CSV, keeping each row's line in the file for the messages. An amount, quantity or
//    discount is a number when written as one, otherwise left as text for validation to name
//    ("1,200").
const NUMERIC = new Set(['amount', 'quantity', 'discount']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const read = parse(readFileSync(input), { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true }) as { info: { lines: number }; record: Record<string, string> }[];
const rows = read.map(({ record }) => Object.fromEntries(Object.entries(record).map(([field, text]) => [field, NUMERIC.has(field) && NUMBER.test(text) ? Number(text) : text])));

// 2. Validate (an empty cell is a field the row does not have): rejected rows are reported with
//    their reason, never dropped silently.
const transactions = parseTransactions(rows, { emptyStrings: 'missing' });
console.log(`${transactions.counts.accepted} rows accepted, ${transactions.counts.rejected} rejected`);
for (const issue of transactions.rejected.slice(0, 5)) console.log(`  line ${read[issue.index]?.info.lines ?? '?'} of the file: ${issue.path.join('.')} ${issue.message}`);
if (transactions.records.length === 0) {
  console.error('no valid rows to score');
  process.exit(1);
}

// 3. Features, then the scores.
const features = summarize(transactions.records, { asOf });
const { model, scores } = rfm(features);
const { tiers } = valueTiers(features);
const { stages } = classifyLifecycle(features);
const rfmOf = new Map(scores.map((score) => [score.customerId, score]));
const tierOf = new Map(tiers.map((entry) => [entry.customerId, entry.tier]));
const labelOf = new Map(model.segments.map((segment) => [segment.id, segment.label.en]));

// 4. One record per customer, ready for a CRM import.
const segments = stages.map((entry) => {
  const score = rfmOf.get(entry.customerId);
  return {
    customerId: entry.customerId,
    rfm: score?.code ?? null,
    segment: score === undefined ? null : labelOf.get(score.segment),
    tier: tierOf.get(entry.customerId) ?? null,
    stage: entry.stage,
    why: entry.reason.text,
  };
});
writeFileSync(output, `${JSON.stringify({ asOf, customers: segments }, null, 2)}\n`);
console.log(`${segments.length} customers written to ${output}`);
