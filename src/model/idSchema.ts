import * as z from 'zod/mini';

/** The longest id, label or category name accepted, in UTF-16 code units. */
export const MAX_TEXT_LENGTH = 256;

/**
 * An identifier (customer, order, line, campaign): a non-empty string of at most 256
 * characters, or a safe integer, which is normalised to its decimal string so `42` and `"42"`
 * name the same customer.
 */
export const idSchema = z.pipe(
  z.union([z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_LENGTH)), z.int()], {
    error: 'expected a non-empty string of at most 256 characters, or an integer id',
  }),
  z.transform((id: string | number): string => (typeof id === 'number' ? String(id) : id)),
);

/** A short free-text label (category, SKU, channel): a non-empty string of at most 256 characters. */
export const labelSchema = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_LENGTH));

/** A `null` from a database export means "absent": optional fields accept it and drop it. */
export function optionalField<T extends z.ZodMiniType>(schema: T) {
  return z.optional(z.nullable(schema));
}
