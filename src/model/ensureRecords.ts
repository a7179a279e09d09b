import type { Interaction, InteractionInput } from './interactionSchema';
import { parseInteractions } from './parseInteractions';
import { parseTransactions } from './parseTransactions';
import type { Transaction, TransactionInput } from './transactionSchema';
import { isValidated } from './validatedBatches';

/**
 * Parsed records as they are, raw rows parsed strictly: what functions that take either accept.
 * A raw batch with a rejected row throws the parser's `ValidationError` (never a silent drop);
 * parse first with `parseTransactions` / `parseInteractions` to keep the good rows and see the rest.
 */
export function ensureRecords(kind: 'transactions', rows: readonly (TransactionInput | Transaction)[], timeZone: string): readonly Transaction[];
export function ensureRecords(kind: 'interactions', rows: readonly (InteractionInput | Interaction)[], timeZone: string): readonly Interaction[];
export function ensureRecords(kind: 'transactions' | 'interactions', rows: readonly unknown[], timeZone: string): readonly (Transaction | Interaction)[] {
  if (isValidated(rows, kind)) return rows as readonly (Transaction | Interaction)[];
  return kind === 'transactions' ? parseTransactions(rows, { onInvalid: 'throw', timeZone }).records : parseInteractions(rows, { onInvalid: 'throw', timeZone }).records;
}
