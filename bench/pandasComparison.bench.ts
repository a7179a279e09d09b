import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTransactions, rfm, summarize } from '../src/index';
import type { Scenario } from './harness';
import { benchmarkSample } from './sampleData';

const PYTHON = '/usr/bin/python3';

/**
 * summarize + rfm against the idiomatic pandas job on the same rows, in the same run: the
 * issue asks clientele to be at least 1.5x faster, so the budget is pandas' median / 1.5.
 * Needs Debian's python3-pandas (`apt-get install python3-pandas`); without it the scenario says so.
 */
export function scenarios(): Scenario[] {
  const sample = benchmarkSample();
  const kept = sample.transactions.filter((row) => row.status !== 'cancelled');
  const directory = mkdtempSync(join(tmpdir(), 'clientele-bench-'));
  const csv = join(directory, 'transactions.csv');
  writeFileSync(csv, `customer_id,order_id,at,amount\n${kept.map((row) => `${row.customerId},${row.orderId},${new Date(row.at).toISOString().slice(0, 10)},${row.amount}`).join('\n')}\n`);
  let pandas: { medianMs: number; minMs: number; customers: number; rows: number; pandas: string };
  try {
    const script = fileURLToPath(new URL('./pandas/rfmJob.py', import.meta.url));
    pandas = JSON.parse(execFileSync(PYTHON, [script, csv, new Date(sample.asOf).toISOString().slice(0, 10), '7'], { encoding: 'utf8' })) as typeof pandas;
  } catch {
    console.log(`  pandas comparison skipped: ${PYTHON} cannot import pandas (install Debian's python3-pandas)`);
    return [];
  }
  console.log(`  pandas ${pandas.pandas}: groupby/agg + qcut(rank) on ${pandas.rows.toLocaleString('en-US')} rows, ${pandas.customers.toLocaleString('en-US')} customers: median ${pandas.medianMs.toFixed(1)} ms (min ${pandas.minMs.toFixed(1)})`);
  const { records } = parseTransactions(sample.transactions);
  const lean = `summarize (the RFM fields) + rfm on the same rows (pandas median ${pandas.medianMs.toFixed(0)} ms)`;
  return [
    {
      // What the pandas job computes: recency, frequency and monetary value per customer, then quintiles of their ranks.
      name: lean,
      run: () => rfm(summarize(records, { asOf: sample.asOf, fields: ['daysSinceLastPurchase', 'orders', 'monetaryTotal'] }), { ties: 'rank' }),
      budgetMs: pandas.medianMs / 1.5,
    },
    {
      name: 'summarize (all 40 features) + rfm on the same rows',
      run: () => rfm(summarize(records, { asOf: sample.asOf }), { ties: 'rank' }),
      baseline: lean,
    },
  ];
}
