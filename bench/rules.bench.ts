import { compileRule, parseRule, parseTransactions, rfm, summarize } from '../src/index';
import type { Scenario } from './harness';
import { benchmarkSample } from './sampleData';

const DAY = 86_400_000;

/** A segment rule over the 100,000 scored customers of the benchmark sample, against a hand-written closure doing the same. */
export function scenarios(): Scenario[] {
  const sample = benchmarkSample();
  const features = summarize(parseTransactions(sample.transactions).records, { asOf: sample.asOf, customers: sample.customers });
  const { scores } = rfm(features);
  const segmentOf = new Map(scores.map((score) => [score.customerId, score]));
  // Scores first, then the features: `{ ...customer, rfm }` gives objects of mixed hidden classes
  // that V8 reads about 20x slower on 100,000 customers (see docs/rules.md).
  const customers = features.map((customer) => ({ rfm: segmentOf.get(customer.customerId), ...customer }));
  const text = 'monetaryTotal >= 500 and lastPurchaseAt within 30 days and rfm.segment in ("champions", "loyal")';
  const matches = compileRule(parseRule(text));
  const count = customers.length.toLocaleString('en-US');
  // The same rule by hand: the three conditions, the calendar-day window, missing values never matching.
  const byHand = (customer: (typeof customers)[number]): boolean => {
    const last = customer.lastPurchaseAt;
    if (!(customer.monetaryTotal >= 500) || last === null) return false;
    const elapsed = Math.floor(customer.asOf / DAY) - Math.floor(last / DAY);
    const segment = customer.rfm?.segment;
    return elapsed >= 0 && elapsed <= 30 && (segment === 'champions' || segment === 'loyal');
  };
  let agree = 0;
  for (const customer of customers) if (matches(customer) === byHand(customer)) agree += 1;
  if (agree !== customers.length) throw new Error(`compileRule and the hand-written closure disagree on ${customers.length - agree} customers`);
  return [
    {
      name: `hand-written closure, ${count} customers`,
      run: () => {
        let n = 0;
        for (const customer of customers) if (byHand(customer)) n += 1;
        return n;
      },
    },
    {
      name: `compileRule predicate, ${count} customers`,
      run: () => {
        let n = 0;
        for (const customer of customers) if (matches(customer)) n += 1;
        return n;
      },
      budgetMs: 5,
      baseline: `hand-written closure, ${count} customers`,
    },
    { name: 'parseRule + compileRule of the rule', run: () => compileRule(parseRule(text)) },
  ];
}
