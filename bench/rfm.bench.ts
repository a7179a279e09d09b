import { fitRfm, parseTransactions, rfm, scoreRfm, summarize } from '../src/index';
import type { Scenario } from './harness';
import { benchmarkSample } from './sampleData';

/** RFM on the summaries of the benchmark sample: fit + score the batch, and score one customer with a fitted model. */
export function scenarios(): Scenario[] {
  const sample = benchmarkSample();
  const features = summarize(parseTransactions(sample.transactions).records, { asOf: sample.asOf, customers: sample.customers });
  const model = fitRfm(features);
  const buyers = features.filter((customer) => !customer.isProspect);
  const calls = 1_000_000;
  return [
    { name: `rfm (fit + score) on ${features.length.toLocaleString('en-US')} customers`, run: () => rfm(features), budgetMs: 50 },
    {
      name: `scoreRfm, one customer with a fitted model (${calls.toLocaleString('en-US')} calls)`,
      run: () => {
        let sum = 0;
        for (let i = 0; i < calls; i++) sum += scoreRfm(model, buyers[i % buyers.length] as (typeof buyers)[number])?.r ?? 0;
        return sum;
      },
      operations: calls,
      budgetMicrosecondsPerOperation: 1,
    },
  ];
}
