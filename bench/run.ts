/**
 * `npm run bench`: runs each scenario file in a fresh Node process (so one file's garbage does
 * not slow the next) on the seeded benchmark data, and prints medians, the spread, ratios to
 * each scenario's baseline and the budgets the issues set. Figures from one run on one machine;
 * compare ratios rather than absolute times across machines.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const FILES = ['parseTransactions.bench.ts', 'summarize.bench.ts', 'rfm.bench.ts', 'clv.bench.ts', 'lifecycle.bench.ts', 'rules.bench.ts', 'cluster.bench.ts', 'warehouse.bench.ts', 'coldStart.bench.ts', 'pandasComparison.bench.ts'];

console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.versions.node}`);
let failed = false;
for (const file of FILES) {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./runFile.ts', import.meta.url)), file], { stdio: 'inherit' });
  } catch {
    failed = true;
  }
}
if (failed) process.exitCode = 1;
