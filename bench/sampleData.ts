import { generateSample, type Sample } from '../src/sample/index';

let cached: Sample | undefined;

/** The benchmark data set: 100,000 generated customers over two years, about a million transaction rows. Seeded. */
export function benchmarkSample(): Sample {
  cached ??= generateSample({ customers: 100_000, seed: 'bench' });
  return cached;
}
