import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTransactions, summarize } from 'clientele';
import { clusterCustomers, explainClusters } from 'clientele/cluster';
import { sharedDataFile } from '../support/sharedData';

// The figures docs/clustering.md shows: CDNOW's 23,570 customers as of 1998-06-30, four fields.
const master = sharedDataFile('cdnow/CDNOW_master.txt');
if (!master.present) console.warn(`cluster/cdnow.test.ts: ${master.skipReason}`);

const FIELDS = ['daysSinceLastPurchase', 'orders', 'monetaryTotal', 'averageOrderValue'];

function cdnowFeatures(): ReturnType<typeof summarize> {
  const rows = readFileSync(master.path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line, index) => {
      const [id, date, , dollars] = line.trim().split(/\s+/) as [string, string, string, string];
      return { orderId: `r${index}`, customerId: String(Number(id)), at: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, amount: Number(dollars) };
    });
  return summarize(parseTransactions(rows).records, { asOf: '1998-06-30' });
}

describe('clusters on CDNOW (the guide\'s figures)', () => {
  const features = master.present ? cdnowFeatures() : [];

  it.skipIf(!master.present)(`chooses k = 2 by silhouette over 2..8, with the per-k table the guide shows${master.present ? '' : ` (${master.skipReason})`}`, () => {
    const result = clusterCustomers(features, { fields: FIELDS, kRange: [2, 8], seed: 1 });
    expect(result.excluded).toBe(0);
    expect(result.kSelection?.map((entry) => entry.silhouette.toFixed(3))).toEqual(['0.469', '0.399', '0.404', '0.382', '0.380', '0.386', '0.397']);
    expect(result.kSelection?.map((entry) => Math.round(entry.inertia))).toEqual([50499, 34991, 28654, 24196, 21176, 18702, 17236]);
    expect(result.profiles.map((profile) => profile.customers)).toEqual([16554, 7016]);
  });

  it.skipIf(!master.present)('profiles, names and rules for k = 4', () => {
    const result = clusterCustomers(features, { fields: FIELDS, k: 4, seed: 1 });
    expect(result.converged).toBe(true);
    expect(result.profiles.map((profile) => [profile.name, profile.customers, (profile.revenueShare as number).toFixed(3), profile.medians.orders, (profile.medians.monetaryTotal as number).toFixed(2)])).toEqual([
      ['low spend, small baskets, infrequent', 10392, '0.085', 1, '16.36'],
      ['big baskets', 5584, '0.197', 1, '61.97'],
      ['very recent, very frequent, very high spend', 2677, '0.486', 8, '317.15'],
      ['frequent, high spend, recent', 4917, '0.232', 4, '96.25'],
    ]);
    const explanation = explainClusters(result.model, features, { maxDepth: 3 });
    expect(explanation.accuracy.toFixed(3)).toBe('0.899');
    expect(explanation.rules.map((entry) => [entry.text, entry.recall.toFixed(3), (entry.precision as number).toFixed(3)])).toEqual([
      ['monetaryTotal <= 31.26 or monetaryTotal > 31.26 and orders <= 2 and averageOrderValue <= 25.02', '0.982', '0.971'],
      ['monetaryTotal > 31.26 and orders <= 2 and averageOrderValue > 25.02', '0.924', '0.935'],
      ['monetaryTotal > 31.26 and orders > 2 and daysSinceLastPurchase <= 70', '0.773', '0.797'],
      ['monetaryTotal > 31.26 and orders > 2 and daysSinceLastPurchase > 70', '0.764', '0.758'],
    ]);
  });
});
