import { ConfigurationError, quoteValue } from '../../errors';
import type { SegmentMembership } from './assignSegments';

/** A customer entering or leaving a segment between two snapshots. */
export interface MembershipEvent {
  readonly type: 'entered' | 'exited';
  readonly segment: string;
  readonly customerId: string;
}

/**
 * The events between two snapshots of memberships (yesterday's and today's `assignSegments`):
 * who entered and who left each segment. The host turns them into emails, SMS or tasks, "trigger
 * a campaign when behaviour changes". A customer missing from a snapshot is in no segment there.
 *
 * @param before - The earlier memberships.
 * @param after - The later memberships.
 * @returns Events, sorted by segment, then type (entered first), then customer id.
 *
 * @example
 * ```ts
 * import { diffMemberships } from 'clientele';
 * const events = diffMemberships([{ customerId: 'a', segments: ['active'] }], [{ customerId: 'a', segments: ['at risk'] }, { customerId: 'b', segments: ['active'] }]);
 * events.map((e) => `${e.type} ${e.segment} ${e.customerId}`); // => ['entered active b', 'exited active a', 'entered at risk a']
 * ```
 * @category Rules
 */
export function diffMemberships(before: readonly SegmentMembership[], after: readonly SegmentMembership[]): MembershipEvent[] {
  const earlier = index('before', before);
  const later = index('after', after);
  const events: MembershipEvent[] = [];
  for (const [customerId, segments] of later) {
    const previous = earlier.get(customerId);
    for (const segment of segments) if (!previous?.has(segment)) events.push({ type: 'entered', segment, customerId });
  }
  for (const [customerId, segments] of earlier) {
    const next = later.get(customerId);
    for (const segment of segments) if (!next?.has(segment)) events.push({ type: 'exited', segment, customerId });
  }
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return events.sort((a, b) => compare(a.segment, b.segment) || compare(a.type, b.type) || compare(a.customerId, b.customerId));
}

function index(name: string, memberships: readonly SegmentMembership[]): Map<string, Set<string>> {
  if (!Array.isArray(memberships)) throw new ConfigurationError('invalid_option', `diffMemberships expects \`${name}\` to be an array of memberships, received ${quoteValue(memberships)}`, [name]);
  const map = new Map<string, Set<string>>();
  memberships.forEach((membership, position) => {
    if (typeof membership?.customerId !== 'string' || !Array.isArray(membership.segments)) {
      throw new ConfigurationError('invalid_option', `diffMemberships expects \`${name}[${position}]\` to be { customerId, segments }`, [name, position]);
    }
    if (map.has(membership.customerId)) throw new ConfigurationError('invalid_option', `diffMemberships found customer ${quoteValue(membership.customerId)} twice in \`${name}\``, [name, position]);
    map.set(membership.customerId, new Set(membership.segments));
  });
  return map;
}
