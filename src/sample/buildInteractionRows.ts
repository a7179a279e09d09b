import type { Interaction } from '../model/interactionSchema';
import { orderByTime } from './orderByTime';
import type { SampleContext } from './sampleContext';
import { INTERACTION_CHANNELS, INTERACTION_KINDS } from './simulateInteractions';

/**
 * Builds the interaction rows from the interaction columns, in time order. Only the fields
 * that carry a value are set: `campaignId` on email and campaign rows, `score` on surveys.
 *
 * @param context - The sample, after every customer was simulated.
 * @returns The rows, in normalised form.
 */
export function buildInteractionRows(context: SampleContext): Interaction[] {
  const { interactions, customerIds, campaignIds } = context;
  const sequence = orderByTime(interactions.at, interactions.count);
  const kinds: readonly string[] = INTERACTION_KINDS;
  const channels: readonly string[] = INTERACTION_CHANNELS;
  const rows: Interaction[] = [];
  for (let position = 0; position < sequence.length; position++) {
    const event = sequence[position] as number;
    const customerId = customerIds[interactions.customer[event] as number] as string;
    const at = interactions.at[event] as number;
    const kind = kinds[interactions.kind[event] as number] as string;
    const channel = channels[interactions.channel[event] as number] as string;
    const campaign = interactions.campaign[event] as number;
    const score = interactions.score[event] as number;
    if (campaign >= 0) rows.push({ customerId, at, kind, campaignId: campaignIds[campaign] as string, channel });
    else if (score >= 0) rows.push({ customerId, at, kind, channel, score });
    else rows.push({ customerId, at, kind, channel });
  }
  return rows;
}
