import { parseTransactions, summarize } from '../src/index';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { assignCluster, clusterCustomers, explainClusters } from '../src/cluster/index';
import { kMeans } from '../src/cluster/kMeans';
import { transformValue } from '../src/cluster/transformFields';
import { createRandom } from '../src/internal/createRandom';
import type { Scenario } from './harness';
import { generateSample } from '../src/sample/index';

/** k-means on 100,000 generated customers who have bought: four features, k = 5; choosing k in 2..8; explaining; one customer at a time. */
export function scenarios(): Scenario[] {
  // About 11 % of generated customers are prospects (no recency to cluster on): 115,000 leave 100,000 buyers.
  const sample = generateSample({ customers: 115_000, seed: 'bench cluster' });
  const features = summarize(parseTransactions(sample.transactions).records, { asOf: sample.asOf, customers: sample.customers });
  const buyers = features.filter((customer) => customer.orders > 0).slice(0, 100_000);
  const fields = ['daysSinceLastPurchase', 'orders', 'monetaryTotal', 'averageOrderValue'];
  const { model } = clusterCustomers(buyers, { fields, k: 5 });
  const count = buyers.length.toLocaleString('en-US');
  // The points clusterCustomers clusters (log1p, z-score), for one k-means run with each library from the same k-means++ starts.
  const points = new Float64Array(buyers.length * fields.length);
  buyers.forEach((customer, i) => model.transforms.forEach((transform, j) => (points[i * fields.length + j] = transformValue(transform, (customer as unknown as Record<string, number>)[transform.field] as number))));
  const starts = Array.from({ length: 5 }, (_, c) => Array.from(points.subarray(c * 997 * fields.length, (c * 997 + 1) * fields.length)));
  const rows = Array.from({ length: buyers.length }, (_, i) => Array.from(points.subarray(i * fields.length, (i + 1) * fields.length)));
  const calls = 1_000_000;
  return [
    { name: `clusterCustomers, ${count} customers x 4 features, k = 5 (3 restarts)`, run: () => clusterCustomers(buyers, { fields, k: 5 }), budgetMs: 1000 },
    { name: `clusterCustomers, ${count} customers x 4 features, k = 5, 1 restart`, run: () => clusterCustomers(buyers, { fields, k: 5, restarts: 1 }) },
    { name: `clusterCustomers choosing k in 2..8, ${count} customers x 4 features`, run: () => clusterCustomers(buyers, { fields, kRange: [2, 8] }), budgetMs: 5000 },
    { name: `ml-kmeans 7.0.1, ${count} points x 4, k = 5, its k-means++ (seed 1)`, run: () => mlKmeans(rows, 5, { initialization: 'kmeans++', seed: 1, maxIterations: 300 }).iterations },
    { name: `kMeans (ours), ${count} points x 4, k = 5, its k-means++ (seed 1)`, run: () => kMeans(points, fields.length, 5, createRandom('1')).iterations, baseline: `ml-kmeans 7.0.1, ${count} points x 4, k = 5, its k-means++ (seed 1)` },
    { name: `ml-kmeans 7.0.1, ${count} points x 4, k = 5, 20 passes from given starts`, run: () => mlKmeans(rows, 5, { initialization: starts, maxIterations: 20, tolerance: 0 }).iterations },
    {
      name: `kMeans (ours), ${count} points x 4, k = 5, 20 passes from the same starts`,
      run: () => kMeans(points, fields.length, 5, createRandom('unused'), 20, Float64Array.from(starts.flat())).iterations,
      baseline: `ml-kmeans 7.0.1, ${count} points x 4, k = 5, 20 passes from given starts`,
    },
    { name: `explainClusters, depth 3, ${count} customers`, run: () => explainClusters(model, buyers, { maxDepth: 3 }) },
    {
      name: `assignCluster, one customer (${calls.toLocaleString('en-US')} calls)`,
      run: () => {
        let n = 0;
        for (let i = 0; i < calls; i++) n += assignCluster(model, buyers[i % buyers.length] as object).cluster;
        return n;
      },
      operations: calls,
    },
  ];
}
