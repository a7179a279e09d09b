import { TRANSACTION_STATUSES } from '../model/transactionSchema';
import type { EventSource } from './ast';
import type { ResolvedField, RuleFieldInfo } from './ruleFields';

const TRANSACTION_EVENT_FIELDS: Readonly<Record<string, RuleFieldInfo>> = {
  category: { type: 'string', description: 'The row’s category.' },
  sku: { type: 'string', description: 'The row’s SKU.' },
  channel: { type: 'string', description: 'The sales channel.' },
  currency: { type: 'string', description: 'The currency code.' },
  orderId: { type: 'string', description: 'The order.' },
  status: { type: 'enum', values: [...TRANSACTION_STATUSES], description: 'completed, refunded or cancelled.' },
  amount: { type: 'number', unit: 'money', description: 'Net amount of the row (negative for a refund).' },
  quantity: { type: 'number', unit: 'count', description: 'Units.' },
  discount: { type: 'number', unit: 'money', description: 'Discount given.' },
};

const INTERACTION_EVENT_FIELDS: Readonly<Record<string, RuleFieldInfo>> = {
  kind: { type: 'string', description: 'The kind of interaction (email_open, ...).' },
  campaignId: { type: 'string', description: 'The campaign.' },
  channel: { type: 'string', description: 'The channel.' },
  score: { type: 'number', unit: 'score', description: 'A survey score (NPS, CSAT).' },
};

/** The fields a behaviour condition's `where` can name, by source. */
export function eventFieldsOf(source: EventSource): Readonly<Record<string, RuleFieldInfo>> {
  return source === 'interactions' ? INTERACTION_EVENT_FIELDS : TRANSACTION_EVENT_FIELDS;
}

/** Looks an event field up. */
export function resolveEventField(source: EventSource, name: string): ResolvedField | { readonly problem: string } {
  const fields = eventFieldsOf(source);
  const info = Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (info === undefined) return { problem: `${source} have no field ${JSON.stringify(name)}; they have ${Object.keys(fields).join(', ')}` };
  return { name, info, path: [name] };
}
