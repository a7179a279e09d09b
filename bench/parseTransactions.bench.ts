import { parseTransactions } from '../src/index';
import type { Scenario } from './harness';
import { benchmarkSample } from './sampleData';

/** Parse + validate: rows already normalised (the fast path), and the same rows as a CSV reader gives them (ISO strings, no status). */
export function scenarios(): Scenario[] {
  const { transactions } = benchmarkSample();
  const raw = transactions.map((row) => {
    const { status, ...rest } = row;
    return { ...rest, at: new Date(row.at).toISOString(), ...(status === 'completed' ? {} : { status }) };
  });
  return [
    { name: `parseTransactions, ${transactions.length.toLocaleString('en-US')} normalised rows`, run: () => parseTransactions(transactions), budgetMs: 1000 },
    { name: `parseTransactions, same rows with ISO-string dates`, run: () => parseTransactions(raw), baseline: `parseTransactions, ${transactions.length.toLocaleString('en-US')} normalised rows` },
  ];
}
