/** A column of numbers with a fixed element type. */
export type NumberColumn = Float64Array | Int32Array | Uint8Array | Int8Array;

/**
 * Returns a copy of a column with room for at least `minimum` entries (1.5 times the old
 * capacity, or `minimum` if larger); the first `column.length` entries are kept.
 *
 * @param column - The full column.
 * @param minimum - The capacity needed.
 * @returns A new column of the same type.
 */
export function growColumn<T extends NumberColumn>(column: T, minimum: number): T {
  const capacity = Math.max(minimum, Math.ceil(column.length * 1.5) + 16);
  const grown = new (column.constructor as new (length: number) => T)(capacity);
  grown.set(column);
  return grown;
}
