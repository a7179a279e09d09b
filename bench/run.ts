/**
 * `npm run bench`: runs every scenario on the seeded benchmark data and prints medians, the
 * spread, ratios to each scenario's baseline and the budgets the issues set. Figures from one
 * run on one machine; compare ratios rather than absolute times across machines.
 */
import { availableParallelism, cpus } from 'node:os';
import { measure, type Scenario, type Timing } from './harness';
import { parseTransactionsScenarios } from './parseTransactions.bench';
import { summarizeScenarios } from './summarize.bench';
import { benchmarkSample } from './sampleData';

const started = performance.now();
const sample = benchmarkSample();
console.log(
  `data: ${sample.customers.length.toLocaleString('en-US')} customers, ${sample.transactions.length.toLocaleString('en-US')} transaction rows, ` +
    `${sample.interactions.length.toLocaleString('en-US')} interactions (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.versions.node}\n`);

const scenarios: Scenario[] = [...parseTransactionsScenarios(), ...summarizeScenarios()];
const timings = new Map<string, Timing>();
let failed = false;
for (const scenario of scenarios) {
  const timing = measure(scenario);
  timings.set(scenario.name, timing);
  const base = scenario.baseline === undefined ? undefined : timings.get(scenario.baseline);
  const ratio = base === undefined ? '' : `  ${(timing.medianMs / base.medianMs).toFixed(2)}x ${scenario.baseline}`;
  const budget = scenario.budgetMs === undefined ? '' : `  budget ${scenario.budgetMs} ms ${timing.medianMs <= scenario.budgetMs ? 'ok' : 'OVER'}`;
  if (scenario.budgetMs !== undefined && timing.medianMs > scenario.budgetMs) failed = true;
  console.log(
    `${scenario.name.padEnd(58)} median ${timing.medianMs.toFixed(1).padStart(7)} ms  (min ${timing.minMs.toFixed(1)}, max ${timing.maxMs.toFixed(1)}, ${timing.runs} runs)${budget}${ratio}`,
  );
}
if (failed) process.exitCode = 1;
