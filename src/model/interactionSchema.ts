import * as z from 'zod/mini';
import { idSchema, labelSchema, optionalField } from './idSchema';
import { createInstantSchema } from './instantSchema';

/**
 * Interaction kinds clientele knows by name. Hosts may use others: a kind is any lower-case
 * identifier (`^[a-z][a-z0-9_]{0,63}$`).
 */
export const KNOWN_INTERACTION_KINDS = [
  'inquiry',
  'follow_up',
  'support_ticket',
  'email_open',
  'email_click',
  'sms_click',
  'push_open',
  'site_visit',
  'app_session',
  'review',
  'referral',
  'survey',
  'campaign_response',
] as const;

/** A known interaction kind, or any other lower-case identifier the host uses. */
export type InteractionKind = (typeof KNOWN_INTERACTION_KINDS)[number] | (string & {});

/** The fields an interaction row may have. */
export const INTERACTION_FIELDS = ['customerId', 'at', 'kind', 'campaignId', 'channel', 'score'] as const;

/** Builds the interaction schema; date strings without an offset are read in `timeZone` (UTC by default). */
export function createInteractionSchema(options: { readonly timeZone?: string } = {}) {
  return z.object({
    customerId: idSchema,
    at: createInstantSchema(options.timeZone),
    kind: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/, 'expected a lower-case identifier such as "email_open"')),
    campaignId: optionalField(idSchema),
    channel: optionalField(labelSchema),
    score: optionalField(z.number()),
  });
}

/** The zod schema of one interaction row (an email opened, a ticket, a survey answer with its score). */
export const interactionSchema = createInteractionSchema();

/** An interaction row as hosts hand it over. */
export type InteractionInput = z.input<typeof interactionSchema>;

/** A validated, normalised interaction. */
export interface Interaction {
  readonly customerId: string;
  /** When it happened, epoch ms UTC. */
  readonly at: number;
  readonly kind: InteractionKind;
  readonly campaignId?: string;
  readonly channel?: string;
  /** A rating that came with it (NPS 0-10, CSAT 1-5...). */
  readonly score?: number;
}
