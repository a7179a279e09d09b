import { classifyLifecycle, classifyLifecycleStage, fitBgNbd, fitLifecycle, parseTransactions, summarize } from '../src/index';
import type { Scenario } from './harness';
import { benchmarkSample } from './sampleData';

/** Lifecycle stages for the 100,000 customers of the benchmark sample, with and without P(alive), and one customer at a time. */
export function scenarios(): Scenario[] {
  const sample = benchmarkSample();
  const features = summarize(parseTransactions(sample.transactions).records, { asOf: sample.asOf, customers: sample.customers, unit: 'weeks' });
  const probabilityModel = fitBgNbd(features);
  const model = fitLifecycle(features);
  const calls = 1_000_000;
  const count = features.length.toLocaleString('en-US');
  return [
    { name: `classifyLifecycle, ${count} customers`, run: () => classifyLifecycle(features), budgetMs: 50 },
    { name: `classifyLifecycle without sentences, ${count} customers`, run: () => classifyLifecycle(features, { sentences: false }), budgetMs: 50 },
    { name: `classifyLifecycle with BG/NBD P(alive), ${count} customers`, run: () => classifyLifecycle(features, { probabilityModel }) },
    {
      name: `classifyLifecycleStage, one customer (${calls.toLocaleString('en-US')} calls)`,
      run: () => {
        let n = 0;
        for (let i = 0; i < calls; i++) n += classifyLifecycleStage(model, features[i % features.length] as (typeof features)[number]).reason.text.length;
        return n;
      },
      operations: calls,
    },
  ];
}
