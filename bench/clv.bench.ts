import { existsSync } from 'node:fs';
import {
  conditionalExpectedPurchases,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  parseTransactions,
  predictCustomers,
  probabilityAlive,
  summarize,
  type LifetimeValueCustomer,
} from '../src/index';
import { readCdnowSample, SHARED_DATA } from '../test/support/sharedData';
import type { Scenario } from './harness';
import { benchmarkSample } from './sampleData';

/** The customer-base models: fits on CDNOW and on the 100,000 customers of the benchmark sample, and predictions for all of them. */
export function scenarios(): Scenario[] {
  const sample = benchmarkSample();
  const features = summarize(parseTransactions(sample.transactions).records, { asOf: sample.asOf, customers: sample.customers, unit: 'weeks' });
  const buyers = features.filter((customer) => !customer.isProspect) as LifetimeValueCustomer[];
  const bgNbd = fitBgNbd(buyers);
  const paretoNbd = fitParetoNbd(buyers);
  const gammaGamma = fitGammaGamma(buyers);
  const count = buyers.length.toLocaleString('en-US');
  const list: Scenario[] = [];
  const cdnowPath = `${SHARED_DATA}cdnow/CDNOW_sample.txt`;
  if (existsSync(cdnowPath)) {
    const cdnow = summarize(parseTransactions(readCdnowSample(cdnowPath)).records, { asOf: '1997-09-30', unit: 'weeks' });
    list.push({ name: 'fitBgNbd on CDNOW (2,357 customers)', run: () => fitBgNbd(cdnow), budgetMs: 100 });
    list.push({ name: 'fitParetoNbd on CDNOW (2,357 customers)', run: () => fitParetoNbd(cdnow) });
  } else {
    console.log(`  (CDNOW scenarios skipped: ${cdnowPath} not found)`);
  }
  list.push(
    { name: `fitBgNbd on ${count} customers`, run: () => fitBgNbd(buyers), budgetMs: 2000 },
    { name: `fitParetoNbd on ${count} customers`, run: () => fitParetoNbd(buyers), budgetMs: 5000 },
    { name: `fitGammaGamma on ${gammaGamma.fit.customers.toLocaleString('en-US')} repeat customers`, run: () => fitGammaGamma(buyers) },
    { name: `predictCustomers (BG/NBD, 39 weeks), ${count} customers`, run: () => predictCustomers(bgNbd, buyers, { horizon: { weeks: 39 } }), budgetMs: 50 },
    { name: `predictCustomers (Pareto/NBD, 39 weeks), ${count} customers`, run: () => predictCustomers(paretoNbd, buyers, { horizon: { weeks: 39 } }) },
    {
      name: `probabilityAlive + conditionalExpectedPurchases, one call each per customer (BG/NBD), ${count}`,
      run: () => {
        let sum = 0;
        for (const customer of buyers) sum += probabilityAlive(bgNbd, customer) + conditionalExpectedPurchases(bgNbd, { weeks: 39 }, customer);
        return sum;
      },
    },
    {
      name: `customerLifetimeValue (BG/NBD, 12 monthly periods), ${count}`,
      run: () => customerLifetimeValue({ transactionModel: bgNbd, valueModel: gammaGamma, customers: buyers, horizon: { months: 12 }, discountRate: 0.01 }),
    },
  );
  return list;
}
