import { ConfigurationError, quoteValue } from '../errors';
import { ensureRecords } from '../model/ensureRecords';
import type { Interaction, InteractionInput } from '../model/interactionSchema';
import { groupKeyOf } from './groupKeyOf';
import { readGroupSnapshot } from './readGroupSnapshot';

/** The interaction kinds that count as a response by default: clicks and explicit responses. */
export const DEFAULT_RESPONSE_KINDS = ['email_click', 'sms_click', 'push_open', 'campaign_response'] as const;

/** Options of {@link campaignResponse}. */
export interface CampaignResponseOptions<T> {
  /** The segment of a snapshot row: a field name or a function. */
  readonly by: ((row: T) => string | null | undefined) | string;
  /** Interaction kinds that count as a response; default clicks, push opens and `campaign_response` (email opens are left out: mail privacy features open mail by themselves). */
  readonly responseKinds?: readonly string[];
  /** Who each campaign was sent to, by campaign id; a campaign not listed counts every snapshot customer as reached. */
  readonly targeted?: Readonly<Record<string, readonly string[]>>;
}

/** One campaign in one segment. */
export interface CampaignSegmentResponse {
  readonly segment: string;
  /** Snapshot customers of the segment the campaign reached. */
  readonly targeted: number;
  /** Of them, customers with a response interaction for the campaign. */
  readonly responders: number;
  readonly responseRate: number;
}

/** One campaign. */
export interface CampaignResponseLine {
  readonly campaignId: string;
  readonly targeted: number;
  readonly responders: number;
  readonly responseRate: number;
  /** Per segment, in order of first appearance in the snapshot. */
  readonly segments: readonly CampaignSegmentResponse[];
}

/** What {@link campaignResponse} returns. */
export interface CampaignResponse {
  /** Campaigns in order of their first interaction. */
  readonly campaigns: readonly CampaignResponseLine[];
  /** Responses from customers missing from the snapshot or from the campaign's target list, left out of the rates. */
  readonly responsesOutside: number;
}

/**
 * Campaign response rate per segment: for each campaign (interactions with a `campaignId`), the
 * share of each segment's reached customers who responded. Reached means in the campaign's
 * `targeted` list when you give one, else every customer in the snapshot. A response is an
 * interaction of one of `responseKinds` for that campaign; several count once per customer.
 *
 * @param interactions - Parsed records or raw rows (a raw row that fails validation throws).
 * @param snapshot - One row per customer with a `customerId` and the segment (`by`).
 * @param options - `by`, `responseKinds`, `targeted`.
 * @returns One line per campaign with its segments, and the responses left outside.
 * @throws {ConfigurationError} for a bad option or snapshot.
 *
 * @example
 * ```ts
 * import { campaignResponse } from 'clientele';
 * const segments = [{ customerId: 'a', tier: 'high' }, { customerId: 'b', tier: 'high' }, { customerId: 'c', tier: 'low' }];
 * const interactions = [
 *   { customerId: 'a', at: '2026-05-02', kind: 'email_click', campaignId: 'may-sale' },
 *   { customerId: 'a', at: '2026-05-03', kind: 'email_click', campaignId: 'may-sale' },
 *   { customerId: 'c', at: '2026-05-02', kind: 'email_open', campaignId: 'may-sale' },
 * ];
 * const [may] = campaignResponse(interactions, segments, { by: 'tier' }).campaigns;
 * may?.segments.map((line) => `${line.segment}: ${line.responders}/${line.targeted}`); // => ['high: 1/2', 'low: 0/1']
 * ```
 * @category Reports
 */
export function campaignResponse<T extends object>(interactions: readonly (InteractionInput | Interaction)[], snapshot: readonly T[], options: CampaignResponseOptions<T>): CampaignResponse {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('missing_option', `campaignResponse needs options with \`by\`, received ${quoteValue(options)}`);
  const segmentOf = readGroupSnapshot('campaignResponse', 'snapshot', snapshot, groupKeyOf<T>('campaignResponse', options.by));
  const kinds = options.responseKinds ?? DEFAULT_RESPONSE_KINDS;
  if (!Array.isArray(kinds) || kinds.length === 0 || kinds.some((kind) => typeof kind !== 'string')) {
    throw new ConfigurationError('invalid_option', `campaignResponse expects \`responseKinds\` to be a non-empty list of interaction kinds, received ${quoteValue(kinds)}`, ['responseKinds']);
  }
  const targeted = options.targeted ?? {};
  if (typeof targeted !== 'object' || targeted === null) throw new ConfigurationError('invalid_option', `campaignResponse expects \`targeted\` to map campaign ids to customer ids, received ${quoteValue(targeted)}`, ['targeted']);
  const targetsOf = new Map<string, ReadonlySet<string>>();
  for (const [campaignId, ids] of Object.entries(targeted)) {
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw new ConfigurationError('invalid_option', `campaignResponse expects \`targeted.${campaignId}\` to be a list of customer ids`, ['targeted', campaignId]);
    targetsOf.set(campaignId, new Set(ids));
  }
  if (!Array.isArray(interactions)) throw new ConfigurationError('invalid_option', `campaignResponse expects an array of interactions, received ${quoteValue(interactions)}`);
  const records = ensureRecords('interactions', interactions, 'UTC');
  const responseKinds = new Set(kinds);

  const responders = new Map<string, Set<string>>();
  let responsesOutside = 0;
  for (const row of records) {
    if (row.campaignId === undefined) continue;
    let campaign = responders.get(row.campaignId);
    if (campaign === undefined) responders.set(row.campaignId, (campaign = new Set()));
    if (!responseKinds.has(row.kind)) continue;
    const targets = targetsOf.get(row.campaignId);
    if (!segmentOf.has(row.customerId) || (targets !== undefined && !targets.has(row.customerId))) responsesOutside++;
    else campaign.add(row.customerId);
  }
  for (const campaignId of targetsOf.keys()) if (!responders.has(campaignId)) responders.set(campaignId, new Set());

  const campaigns = [...responders].map(([campaignId, responded]): CampaignResponseLine => {
    const targets = targetsOf.get(campaignId);
    const lines = new Map<string, { targeted: number; responders: number }>();
    for (const [customerId, segment] of segmentOf) {
      let line = lines.get(segment);
      if (line === undefined) lines.set(segment, (line = { targeted: 0, responders: 0 }));
      if (targets !== undefined && !targets.has(customerId)) continue;
      line.targeted++;
      if (responded.has(customerId)) line.responders++;
    }
    const segments = [...lines].map(([segment, line]) => ({ segment, ...line, responseRate: line.targeted === 0 ? 0 : line.responders / line.targeted }));
    const reached = segments.reduce((sum, line) => sum + line.targeted, 0);
    const total = segments.reduce((sum, line) => sum + line.responders, 0);
    return { campaignId, targeted: reached, responders: total, responseRate: reached === 0 ? 0 : total / reached, segments };
  });
  return { campaigns, responsesOutside };
}
