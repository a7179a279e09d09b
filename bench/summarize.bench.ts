import { createSummarizer, parseTransactions, summarize, type Transaction } from '../src/index';
import type { Scenario } from './harness';
import { benchmarkSample } from './sampleData';

/** The floor: one Map pass summing amounts per customer, the least any per-customer summary must do. */
function sumPerCustomer(rows: readonly Transaction[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.customerId, (totals.get(row.customerId) ?? 0) + row.amount);
  return totals;
}

/** summarize on parsed records (no second validation), with and without interactions, and in ten batches. */
export function scenarios(): Scenario[] {
  const sample = benchmarkSample();
  const { records } = parseTransactions(sample.transactions);
  const asOf = sample.asOf;
  const floor = 'floor: Map sum of amount per customer';
  const tenth = Math.ceil(records.length / 10);
  return [
    { name: floor, run: () => sumPerCustomer(records) },
    { name: `summarize, ${records.length.toLocaleString('en-US')} rows`, run: () => summarize(records, { asOf }), budgetMs: 400, baseline: floor },
    {
      name: 'summarize, RFM fields only (daysSinceLastPurchase, orders, monetaryTotal)',
      run: () => summarize(records, { asOf, fields: ['daysSinceLastPurchase', 'orders', 'monetaryTotal'] }),
      baseline: `summarize, ${records.length.toLocaleString('en-US')} rows`,
    },
    {
      name: 'createSummarizer, same rows in 10 batches',
      run: () => {
        const summarizer = createSummarizer({ asOf });
        for (let start = 0; start < records.length; start += tenth) summarizer.add(records.slice(start, start + tenth));
        return summarizer.result();
      },
      baseline: `summarize, ${records.length.toLocaleString('en-US')} rows`,
    },
  ];
}
