/** One benchmark scenario: what it measures, how to run it once, and its budget if the issue sets one. */
export interface Scenario {
  readonly name: string;
  /** Runs the measured work once; returns something so the work cannot be optimised away (a promise is awaited, inside the timing). */
  readonly run: () => unknown;
  /** Median budget in milliseconds, if there is one. */
  readonly budgetMs?: number;
  /** The scenario whose median this one is compared to (a ratio, robust to a noisy machine). */
  readonly baseline?: string;
  /** How many operations one run performs, to report the time per operation. */
  readonly operations?: number;
  /** Budget per operation in microseconds, if there is one. */
  readonly budgetMicrosecondsPerOperation?: number;
}

/** The timings of one scenario. */
export interface Timing {
  readonly name: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

/** Runs a scenario `warmup` times unmeasured, then `runs` times measured, and reports the median. */
export async function measure(scenario: Scenario, runs = 7, warmup = 2): Promise<Timing> {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = await scenario.run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Drop the previous result first: a host holds one result at a time, not two.
    sink = undefined;
    const start = performance.now();
    sink = await scenario.run();
    times.push(performance.now() - start);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  times.sort((a, b) => a - b);
  const middle = times.length >> 1;
  const medianMs = times.length % 2 === 1 ? (times[middle] as number) : ((times[middle - 1] as number) + (times[middle] as number)) / 2;
  return { name: scenario.name, medianMs, minMs: times[0] as number, maxMs: times[times.length - 1] as number, runs };
}
