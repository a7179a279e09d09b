/**
 * What a generated doc example calls (see docExamples.test.ts). The generated module is the
 * example's code with each `<expression>; // => <expected>` line rewritten to
 * `await check(<n>, async () => [(<expression>)], () => (<expected>));` and an import of `check`
 * from this module. `check` never throws: it records each result in the current run, so one
 * wrong line does not hide the next ones, and the test reads the run after the import settles.
 */
import { inspect } from 'node:util';

/** The relative tolerance for numbers: `|a - b| <= 1e-9 * max(|a|, |b|)`. */
const RELATIVE_TOLERANCE = 1e-9;

export interface ExampleRun {
  /** Indices (into the example's lines) of the `// =>` lines that ran. */
  readonly checked: Set<number>;
  /** One message per `// =>` line whose value differs from the expected one, or that threw. */
  readonly failures: Map<number, string>;
}

let current: ExampleRun | undefined;

/** Starts recording; examples run one at a time (tests in a file run in sequence). */
export function startExampleRun(): ExampleRun {
  current = { checked: new Set(), failures: new Map() };
  return current;
}

/** Shows a value on one line, as a failure message quotes it. */
export function show(value: unknown): string {
  return inspect(value, { depth: 8, breakLength: Infinity, maxArrayLength: 20, maxStringLength: 200 });
}

/**
 * `actual` wraps the value in an array so a Promise-valued expression is compared as a Promise
 * (async functions would otherwise adopt it), while `await` in the expression still works.
 */
export async function check(index: number, actual: () => Promise<[unknown]>, expected: () => unknown): Promise<void> {
  if (current === undefined) throw new Error('check() runs only inside docExamples.test.ts');
  const run = current;
  run.checked.add(index);
  let value: unknown;
  let want: unknown;
  try {
    [value] = await actual();
  } catch (error) {
    run.failures.set(index, `the expression threw ${describeError(error)}`);
    return;
  }
  try {
    want = expected();
  } catch (error) {
    run.failures.set(index, `the expected value threw ${describeError(error)}`);
    return;
  }
  const difference = findDifference(value, want, '');
  if (difference !== undefined) {
    const where = difference.startsWith('at ') ? ` (${difference})` : '';
    run.failures.set(index, `expected ${show(want)}, received ${show(value)}${where}`);
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : show(error);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Structural equality: numbers within the relative tolerance (NaN equals NaN), arrays item by
 * item, plain objects key by key (a key set to `undefined` differs from a missing one), Dates
 * by time, Maps and Sets by entries in order; anything else by identity. Returns undefined when
 * equal, else the first difference: `at <path>: ...`, or `differs` for the values themselves.
 */
export function findDifference(actual: unknown, expected: unknown, path: string): string | undefined {
  const differs = path === '' ? 'differs' : `at ${path}: expected ${show(expected)}, received ${show(actual)}`;
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (Object.is(actual, expected) || actual === expected) return undefined;
    const scale = Math.max(Math.abs(actual), Math.abs(expected));
    return Math.abs(actual - expected) <= RELATIVE_TOLERANCE * scale ? undefined : differs;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return `at ${path}.length: expected ${expected.length}, received ${actual.length}`;
    for (let i = 0; i < actual.length; i++) {
      const difference = findDifference(actual[i], expected[i], `${path}[${i}]`);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  if (actual instanceof Date && expected instanceof Date) {
    return findDifference(actual.getTime(), expected.getTime(), `${path}.getTime()`);
  }
  if ((actual instanceof Map && expected instanceof Map) || (actual instanceof Set && expected instanceof Set)) {
    return findDifference([...actual.entries()], [...expected.entries()], `${path}.entries()`);
  }
  if (isPlainObject(actual) && isPlainObject(expected)) {
    for (const key of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
      if (!(key in expected)) return `at ${path || 'top level'}: unexpected key ${show(key)}`;
      if (!(key in actual)) return `at ${path || 'top level'}: missing key ${show(key)}`;
      const difference = findDifference(actual[key], expected[key], `${path}.${key}`);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : differs;
}
