/**
 * Remembers which record arrays a parser produced, so functions downstream (`summarize`) can
 * take them without validating them twice. The arrays are frozen, so what was validated is
 * what is read. A WeakSet holds no data and keeps nothing alive.
 */
const validated = new WeakSet<readonly unknown[]>();

/** Marks a frozen record array as produced by a clientele parser. */
export function markValidated<T>(records: readonly T[]): readonly T[] {
  validated.add(records);
  return records;
}

/** Whether `rows` is a record array a clientele parser returned. */
export function isValidated(rows: readonly unknown[]): boolean {
  return validated.has(rows);
}
