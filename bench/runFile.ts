/** Runs the scenarios of one bench file (its name is the first argument) and prints their timings. */
import { measure, type Scenario, type Timing } from './harness';
import { benchmarkSample } from './sampleData';

const file = process.argv[2] ?? '';
const started = performance.now();
const sample = benchmarkSample();
console.log(
  `\n${file}: ${sample.customers.length.toLocaleString('en-US')} customers, ${sample.transactions.length.toLocaleString('en-US')} transaction rows ` +
    `(generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
const module = (await import(`./${file}`)) as { scenarios: () => Scenario[] | Promise<Scenario[]> };
const timings = new Map<string, Timing>();
let failed = false;
for (const scenario of await module.scenarios()) {
  const timing = await measure(scenario);
  timings.set(scenario.name, timing);
  const base = scenario.baseline === undefined ? undefined : timings.get(scenario.baseline);
  const ratio = base === undefined ? '' : `  ${(timing.medianMs / base.medianMs).toFixed(2)}x ${scenario.baseline}`;
  const perOperation = scenario.operations === undefined ? undefined : (timing.medianMs * 1000) / scenario.operations;
  const perOperationText = perOperation === undefined ? '' : `  ${perOperation.toFixed(3)} µs per operation`;
  const over =
    (scenario.budgetMs !== undefined && timing.medianMs > scenario.budgetMs) ||
    (scenario.budgetMicrosecondsPerOperation !== undefined && perOperation !== undefined && perOperation > scenario.budgetMicrosecondsPerOperation);
  const budgetText =
    scenario.budgetMs !== undefined ? `${Math.round(scenario.budgetMs)} ms` : scenario.budgetMicrosecondsPerOperation !== undefined ? `${scenario.budgetMicrosecondsPerOperation} µs per operation` : undefined;
  const budget = budgetText === undefined ? '' : `  budget ${budgetText} ${over ? 'OVER' : 'ok'}`;
  if (over) failed = true;
  console.log(
    `  ${scenario.name.padEnd(56)} median ${timing.medianMs.toFixed(1).padStart(7)} ms  (min ${timing.minMs.toFixed(1)}, max ${timing.maxMs.toFixed(1)}, ${timing.runs} runs)${perOperationText}${budget}${ratio}`,
  );
}
if (failed) process.exitCode = 1;
