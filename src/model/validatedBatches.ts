/**
 * Integer columns a transaction parse computes on the way (it groups rows by order to check
 * them anyway), kept so that `summarize` can work on integers instead of strings.
 */
export interface TransactionColumns {
  /** Customer index of each record, into `customerIds`. */
  readonly customerOfRecord: Int32Array;
  /** Order index of each record, into `orderIds`. */
  readonly orderOfRecord: Int32Array;
  /** Distinct customer ids of the records, in order of first appearance. */
  readonly customerIds: readonly string[];
  /** Distinct order ids seen while checking; orders whose rows were all rejected have no record. */
  readonly orderIds: readonly string[];
}

/**
 * Remembers which record arrays a parser produced, so functions downstream (`summarize`) can
 * take them without validating them twice, with the columns the parser computed. The arrays are
 * frozen, so what was validated is what is read. A WeakMap keeps nothing alive.
 */
const validated = new WeakMap<readonly unknown[], TransactionColumns | null>();

/** Marks a frozen record array as produced by a clientele parser, with its columns when it has them. */
export function markValidated<T>(records: readonly T[], columns: TransactionColumns | null = null): readonly T[] {
  validated.set(records, columns);
  return records;
}

/** Whether `rows` is a record array a clientele parser returned. */
export function isValidated(rows: readonly unknown[]): boolean {
  return validated.has(rows);
}

/** The columns `parseTransactions` computed for these records, if it produced them. */
export function transactionColumnsOf(rows: readonly unknown[]): TransactionColumns | undefined {
  return validated.get(rows) ?? undefined;
}
