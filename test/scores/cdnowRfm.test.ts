import { describe, expect, it } from 'vitest';
import { rfm, summarize, valueTiers } from 'clientele';
import { readCdnowSample, sharedDataFile } from '../support/sharedData';

// RFM and value tiers on the 2,357-customer CDNOW sample as of 1998-06-30, checked against a
// spreadsheet-style computation written out here from the raw records, without clientele:
// recency = days from the last record to 1998-06-30, frequency = records, monetary = dollars;
// edges = the 20/40/60/80 % quantiles by linear interpolation; a value's bin is 1 + the number
// of edges below it (recency turned round). Pareto high = the top spenders reaching 80 % of revenue.
const sample = sharedDataFile('cdnow/CDNOW_sample.txt');
if (!sample.present) console.warn(`cdnowRfm.test.ts: ${sample.skipReason}`);

function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  return position === below ? low : low + ((sorted[below + 1] as number) - low) * (position - below);
}

describe('RFM on CDNOW', () => {
  it.skipIf(!sample.present)(`matches an independent computation for all 2,357 customers${sample.present ? '' : ` (${sample.skipReason})`}`, () => {
    const rows = readCdnowSample(sample.path);
    const asOfMs = Date.UTC(1998, 5, 30);
    const byCustomer = new Map<string, { last: number; records: number; dollars: number }>();
    for (const row of rows) {
      const at = Date.parse(`${row.at}T00:00:00Z`);
      const entry = byCustomer.get(row.customerId) ?? { last: 0, records: 0, dollars: 0 };
      entry.last = Math.max(entry.last, at);
      entry.records += 1;
      entry.dollars += row.amount;
      byCustomer.set(row.customerId, entry);
    }
    const ids = [...byCustomer.keys()];
    const recency = ids.map((id) => (asOfMs - (byCustomer.get(id)?.last as number)) / 86_400_000);
    const frequency = ids.map((id) => byCustomer.get(id)?.records as number);
    const monetary = ids.map((id) => byCustomer.get(id)?.dollars as number);
    const edgesOf = (values: readonly number[]): number[] => {
      const sorted = [...values].sort((a, b) => a - b);
      return [0.2, 0.4, 0.6, 0.8].map((p) => quantile(sorted, p));
    };
    const bin = (edges: readonly number[], value: number): number => 1 + edges.filter((edge) => edge < value).length;
    const [rEdges, fEdges, mEdges] = [edgesOf(recency), edgesOf(frequency), edgesOf(monetary)];
    const expected = new Map(
      ids.map((id, i) => [id, `${6 - bin(rEdges, recency[i] as number)}${bin(fEdges, frequency[i] as number)}${bin(mEdges, monetary[i] as number)}`]),
    );

    const features = summarize(rows, { asOf: '1998-06-30' });
    const { scores, unscored, model } = rfm(features);
    expect(scores).toHaveLength(2357);
    expect(unscored).toEqual([]);
    expect(model.dimensions.frequency.breakpoints).toEqual(fEdges);
    const mismatches = scores.filter((score) => expected.get(score.customerId) !== score.code).map((score) => score.customerId);
    expect(mismatches).toEqual([]);
    // Skewed data, as the docs say: most CDNOW customers bought once, so frequency edges collapse.
    expect(new Set(scores.map((score) => score.f)).size).toBeLessThan(5);

    // Pareto: the top spenders who together reach 80 % of revenue.
    const descending = [...monetary].sort((a, b) => b - a);
    const total = descending.reduce((sum, value) => sum + Math.max(0, value), 0);
    let running = 0;
    let cutoff = 0;
    for (const value of descending) {
      running += value;
      if (running >= 0.8 * total) {
        cutoff = value;
        break;
      }
    }
    const tiers = valueTiers(features);
    expect(tiers.model.cutoffs.high).toBeCloseTo(cutoff, 9);
    expect(tiers.summary[0]?.customers).toBe(monetary.filter((value) => value >= cutoff).length);
    expect(tiers.summary[0]?.valueShare).toBeGreaterThanOrEqual(0.8);
  });
});
