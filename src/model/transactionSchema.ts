import * as z from 'zod/mini';
import { idSchema, labelSchema, optionalField } from './idSchema';
import { createInstantSchema } from './instantSchema';

/** What happened to a transaction row. `cancelled` rows never happened and are left out of every feature. */
export const TRANSACTION_STATUSES = ['completed', 'refunded', 'cancelled'] as const;
/** One of {@link TRANSACTION_STATUSES}. */
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/**
 * The largest amount (and discount) accepted, in either direction: 1e15, far beyond any real
 * order, and small enough that sums of millions of rows stay exact to the cent and finite.
 */
export const MAX_AMOUNT = 1e15;

/** The fields a transaction row may have; any other field is unknown (stripped and reported, or rejected). */
export const TRANSACTION_FIELDS = [
  'orderId',
  'customerId',
  'at',
  'amount',
  'currency',
  'category',
  'sku',
  'quantity',
  'discount',
  'channel',
  'status',
  'lineId',
] as const;

/**
 * Builds the zod schema of one transaction row. Use {@link transactionSchema} unless date
 * strings without an offset should be read in a time zone other than UTC.
 */
export function createTransactionSchema(options: { readonly timeZone?: string } = {}) {
  return z.object({
    orderId: idSchema,
    customerId: idSchema,
    at: createInstantSchema(options.timeZone),
    amount: z.number().check(z.gte(-MAX_AMOUNT), z.lte(MAX_AMOUNT)),
    currency: optionalField(z.string().check(z.regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 code such as "EUR"'))),
    category: optionalField(labelSchema),
    sku: optionalField(labelSchema),
    quantity: optionalField(z.number()),
    discount: optionalField(z.number().check(z.nonnegative(), z.lte(MAX_AMOUNT))),
    channel: optionalField(labelSchema),
    status: z.pipe(
      optionalField(z.enum(TRANSACTION_STATUSES)),
      z.transform((status: TransactionStatus | null | undefined): TransactionStatus => status ?? 'completed'),
    ),
    lineId: optionalField(idSchema),
  });
}

/**
 * The zod schema of one transaction row (one order, or one line of an order). Hosts can reuse
 * it in their own forms and APIs; `parseTransactions` applies it to a batch and adds the checks
 * that span rows (duplicate lines, orders claimed by two customers, mixed currencies).
 *
 * - `amount` is net, in the transaction's currency; negative for a refund.
 * - `at` accepts a `Date`, an ISO-8601 string or epoch milliseconds; the output is epoch ms.
 * - `status` defaults to `completed`; `refunded` marks a sale that was given back in full.
 * - Optional fields accept `null` as "absent".
 */
export const transactionSchema = createTransactionSchema();

/** A transaction row as hosts hand it over (the schema's input). */
export type TransactionInput = z.input<typeof transactionSchema>;

/** A validated, normalised transaction: ids are strings, `at` is epoch ms UTC, `status` is set. */
export interface Transaction {
  readonly orderId: string;
  readonly customerId: string;
  /** When the order (or this line of it) happened, epoch milliseconds UTC. */
  readonly at: number;
  /** Net amount; negative for a refund. */
  readonly amount: number;
  readonly currency?: string;
  readonly category?: string;
  readonly sku?: string;
  readonly quantity?: number;
  /** The discount granted on this row, as a non-negative amount. */
  readonly discount?: number;
  readonly channel?: string;
  readonly status: TransactionStatus;
  readonly lineId?: string;
}
