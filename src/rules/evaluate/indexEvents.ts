import { ConfigurationError, quoteValue } from '../../errors';
import type { Interaction, InteractionInput } from '../../model/interactionSchema';
import { parseInteractions } from '../../model/parseInteractions';
import { parseTransactions } from '../../model/parseTransactions';
import type { Transaction, TransactionInput } from '../../model/transactionSchema';
import { isValidated } from '../../model/validatedBatches';

/** Each customer's transactions and interactions, for behaviour conditions (`count(purchases ...)`). */
export interface EventIndex {
  readonly kind: 'events';
  readonly byCustomer: ReadonlyMap<string, { readonly transactions: readonly Transaction[]; readonly interactions: readonly Interaction[] }>;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Groups transactions and interactions by customer, so that `compileRule(rule, { events })` can
 * evaluate behaviour conditions ("bought shoes at least twice in the last 90 days"). Raw rows are
 * validated (an invalid row throws, as in `summarize`); parsed records are used as they are.
 *
 * @param events - `transactions` and / or `interactions`.
 * @returns The index.
 * @throws {ValidationError} when a row is invalid.
 *
 * @example
 * ```ts
 * import { compileRule, indexEvents, parseRule } from 'clientele';
 * const events = indexEvents({
 *   transactions: [
 *     { orderId: 'o1', customerId: 'a', at: '2026-05-02', amount: 80, category: 'shoes' },
 *     { orderId: 'o2', customerId: 'a', at: '2026-06-20', amount: 95, category: 'shoes' },
 *   ],
 * });
 * const rule = parseRule('count(purchases where category = "shoes" within 90 days) >= 2');
 * compileRule(rule, { events, asOf: '2026-06-30' })({ customerId: 'a' }); // => true
 * ```
 * @category Rules
 */
export function indexEvents(events: { readonly transactions?: readonly (TransactionInput | Transaction)[]; readonly interactions?: readonly (InteractionInput | Interaction)[] }): EventIndex {
  if (typeof events !== 'object' || events === null) throw new ConfigurationError('invalid_option', `indexEvents expects { transactions, interactions }, received ${quoteValue(events)}`);
  const transactions = events.transactions === undefined ? [] : isValidated(events.transactions, 'transactions') ? (events.transactions as readonly Transaction[]) : parseTransactions(events.transactions, { onInvalid: 'throw' }).records;
  const interactions = events.interactions === undefined ? [] : isValidated(events.interactions, 'interactions') ? (events.interactions as readonly Interaction[]) : parseInteractions(events.interactions, { onInvalid: 'throw' }).records;
  const byCustomer = new Map<string, { transactions: Transaction[]; interactions: Interaction[] }>();
  const entry = (customerId: string): { transactions: Transaction[]; interactions: Interaction[] } => {
    let found = byCustomer.get(customerId);
    if (found === undefined) {
      found = { transactions: [], interactions: [] };
      byCustomer.set(customerId, found);
    }
    return found;
  };
  for (const row of transactions) entry(row.customerId).transactions.push(row);
  for (const row of interactions) entry(row.customerId).interactions.push(row);
  return { kind: 'events', byCustomer };
}

/** A customer's events of one kind; none when the customer has none. */
export function eventsOf(index: EventIndex, customerId: unknown, source: 'transactions' | 'interactions'): readonly (Transaction | Interaction)[] {
  if (typeof customerId !== 'string') return NONE;
  return index.byCustomer.get(customerId)?.[source] ?? NONE;
}
