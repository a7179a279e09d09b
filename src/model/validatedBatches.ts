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
/** Which parser produced a record array. */
export type RecordKind = 'transactions' | 'customers' | 'interactions';

const validated = new WeakMap<readonly unknown[], { readonly kind: RecordKind; readonly columns: TransactionColumns | undefined }>();

/** Marks a frozen record array as produced by the parser of `kind`, with the columns `parseTransactions` computed. */
export function markValidated<T>(records: readonly T[], kind: RecordKind, columns?: TransactionColumns): readonly T[] {
  validated.set(records, { kind, columns });
  return records;
}

/** Whether `rows` is a record array the parser of `kind` returned (customer records are not transactions). */
export function isValidated(rows: readonly unknown[], kind: RecordKind): boolean {
  return validated.get(rows)?.kind === kind;
}

/** The columns `parseTransactions` computed for these records, if it produced them. */
export function transactionColumnsOf(rows: readonly unknown[]): TransactionColumns | undefined {
  return validated.get(rows)?.columns;
}
