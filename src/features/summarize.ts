import type { Customer, CustomerInput } from '../model/customerSchema';
import type { Interaction, InteractionInput } from '../model/interactionSchema';
import type { Transaction, TransactionInput } from '../model/transactionSchema';
import { summarizerFor, type FieldsOption, type SummarizeOptions } from './createSummarizer';
import type { CustomerFeatures } from './CustomerFeatures';
import type { FeatureName, SelectedFeatures } from './featureSelection';

/** Options of {@link summarize}: the summary options plus the customers and interactions to join. */
export interface SummarizeInputOptions extends SummarizeOptions {
  /** Customer rows or parsed records: customers without purchases appear as prospects; attributes and consent are attached. */
  readonly customers?: readonly (CustomerInput | Customer)[];
  /** Interaction rows or parsed records: engagement features are computed only when given. */
  readonly interactions?: readonly (InteractionInput | Interaction)[];
}

/**
 * Summarises each customer with only the features named in `fields` (and `customerId`), sorted
 * by customer id: the same values as the full summary, computed faster and held in less memory.
 * Order totals alone (`orders`, `monetaryTotal`, `daysSinceLastPurchase`, `firstPurchaseAt`...,
 * all RFM needs) take one pass over the orders without grouping them by customer.
 *
 * @param transactions - Transaction rows or parsed records.
 * @param options - As for the full summary, plus `fields`: names of `CustomerFeatures` fields (see `FEATURE_CATALOGUE`).
 * @returns One object per customer with `customerId` and the fields asked for.
 * @throws {ConfigurationError} `invalid_option` when `fields` is not an array of feature names, and as for the full summary.
 * @throws {ValidationError} when a row is invalid (code of the first problem).
 *
 * @example
 * ```ts
 * import { rfm, summarize } from 'clientele';
 * const rows = [
 *   { orderId: 'o1', customerId: 'alice', at: '2026-01-10', amount: 40 },
 *   { orderId: 'o2', customerId: 'bob', at: '2026-02-20', amount: 15 },
 * ];
 * const lean = summarize(rows, { asOf: '2026-03-01', fields: ['daysSinceLastPurchase', 'orders', 'monetaryTotal'] });
 * lean[0]; // => { customerId: 'alice', daysSinceLastPurchase: 50, orders: 1, monetaryTotal: 40 }
 * rfm(lean).scores.length; // => 2
 * ```
 * @category Features
 */
export function summarize<const F extends FeatureName>(
  transactions: readonly (TransactionInput | Transaction)[],
  options: SummarizeInputOptions & FieldsOption<F>,
): SelectedFeatures<F>[];
/**
 * Summarises each customer as of a date: one {@link CustomerFeatures} per customer with
 * recency, frequency and monetary inputs, the BTYD summary (x, t_x, T) for CLV models, cadence,
 * category mix, value trend and engagement. Same-day orders merge into one purchase for the
 * BTYD summary and cadence; rows on days after `asOf` are outside the window and left out;
 * cancelled rows are ignored; refunds lower the net total.
 *
 * It takes raw rows (validated here; a rejected row throws a `ValidationError` listing the first
 * few) or the `records` of `parseTransactions`, which it does not validate twice. Use
 * `createSummarizer` to fold data in batches or shards. Give `fields` to compute only some
 * features (the other signature).
 *
 * @param transactions - Transaction rows or parsed records.
 * @param options - `asOf` (required), `unit` (`days` or `weeks`), `timeZone`, trend settings, `customers`, `interactions`.
 * @returns One `CustomerFeatures` per customer, sorted by customer id.
 * @throws {ConfigurationError} `missing_option` without `asOf`; `invalid_option` for a bad unit, time zone, trend setting or field name.
 * @throws {ValidationError} when a row is invalid (code of the first problem).
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", for x, t_x and T.
 *
 * @example
 * ```ts
 * import { summarize } from 'clientele';
 * const [alice] = summarize(
 *   [
 *     { orderId: 'o1', customerId: 'alice', at: '2026-01-10', amount: 40 },
 *     { orderId: 'o2', customerId: 'alice', at: '2026-01-10T18:00:00Z', amount: 10 },
 *     { orderId: 'o3', customerId: 'alice', at: '2026-02-09', amount: 60 },
 *     { orderId: 'o3', customerId: 'alice', at: '2026-02-20', amount: -20 },
 *   ],
 *   { asOf: '2026-03-01', unit: 'weeks' },
 * );
 * alice?.orders; // => 3
 * alice?.monetaryTotal; // => 90
 * alice?.repeatPurchases; // => 1
 * alice?.firstToLastPurchase; // => 30 / 7
 * alice?.daysSinceLastPurchase; // => 20
 * alice?.refundRate; // => 20 / 110
 * ```
 * @category Features
 */
export function summarize(transactions: readonly (TransactionInput | Transaction)[], options: SummarizeInputOptions): CustomerFeatures[];
export function summarize(transactions: readonly (TransactionInput | Transaction)[], options: SummarizeInputOptions & { readonly fields?: unknown }): readonly object[] {
  const summarizer = summarizerFor('summarize', options);
  summarizer.add(transactions);
  if (options.customers !== undefined) summarizer.addCustomers(options.customers);
  if (options.interactions !== undefined) summarizer.addInteractions(options.interactions);
  return summarizer.result();
}
