import { ConfigurationError, quoteValue } from '../errors';
import type { CustomerFeatures } from '../features/CustomerFeatures';
import { categoryAffinity, type CategoryAffinity, type CategoryAffinityLine, type SegmentAffinity } from './categoryAffinity';
import { groupKeyOf } from './groupKeyOf';

/** Why a category was suggested. */
export type CategorySuggestionReason =
  | {
      /** Customers like them (their segment) buy it more than everyone does, and they have not bought it yet. */
      readonly code: 'segment_affinity';
      readonly segment: string;
      readonly penetration: number;
      readonly lift: number;
      readonly text: string;
    }
  | {
      /** Their segment buys it most, though no more than everyone does; they have not bought it yet. */
      readonly code: 'segment_favourite';
      readonly segment: string;
      readonly penetration: number;
      readonly text: string;
    }
  | {
      /** They have bought every category their segment buys: their own favourite, to buy again. */
      readonly code: 'own_favourite';
      readonly share: number;
      readonly text: string;
    };

/** One customer's suggestion. */
export interface CategorySuggestion {
  readonly customerId: string;
  /** `null` when nothing can be suggested (no history and a segment without enough buyers of anything). */
  readonly category: string | null;
  readonly reason: CategorySuggestionReason | null;
}

/** Options of {@link suggestNextCategory}. */
export interface SuggestNextCategoryOptions<T> {
  /** The segment of a customer: a field name or a function. */
  readonly by: ((customer: T) => string | null | undefined) | string;
  /** Affinities computed before (say, on the whole base, to suggest for one customer per request); default: from `customers`. */
  readonly affinity?: CategoryAffinity;
  /** A segment's category counts only with at least this many buyers in it (default 5), so that 2 buyers of 3 do not make a trend. */
  readonly minBuyers?: number;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * A next category to offer each customer, with the reason: among the categories their segment
 * buys (with at least `minBuyers` buyers there) and they have not bought yet, the one with lift
 * above 1 that most of the segment buys; failing that, the one most of the segment buys; and for
 * a customer who has bought everything their segment buys, their own favourite to buy again.
 * Plain rules on `categoryAffinity`, so every suggestion can be explained to the customer and to
 * the team.
 *
 * @param customers - Customer features (`customerId`, `categoryShares`, `grossSpend`) with the segment.
 * @param options - `by`, `affinity`, `minBuyers`.
 * @returns One suggestion per customer, in input order.
 * @throws {ConfigurationError} for a bad option or a customer without a string `customerId`.
 *
 * @example
 * ```ts
 * import { suggestNextCategory } from 'clientele';
 * const runner = (customerId: string, categoryShares: Record<string, number>) => ({ customerId, segment: 'runners', categoryShares, grossSpend: 100 });
 * const customers = [runner('a', { shoes: 0.7, socks: 0.3 }), runner('b', { shoes: 0.6, socks: 0.4 }), runner('c', { shoes: 1 }), { customerId: 'd', segment: 'office', categoryShares: { shirts: 1 }, grossSpend: 80 }];
 * const [, , forC] = suggestNextCategory(customers, { by: 'segment', minBuyers: 2 });
 * forC?.category; // => 'socks'
 * forC?.reason?.text; // => 'Bought by 67% of runners customers (1.33 times the rate of all customers); not bought yet.'
 * ```
 * @category Reports
 */
export function suggestNextCategory<T extends Pick<Partial<CustomerFeatures>, 'categoryShares' | 'grossSpend'>>(customers: readonly T[], options: SuggestNextCategoryOptions<T>): CategorySuggestion[] {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('missing_option', `suggestNextCategory needs options with \`by\`, received ${quoteValue(options)}`);
  const minBuyers = options.minBuyers ?? 5;
  if (!Number.isInteger(minBuyers) || minBuyers < 1) throw new ConfigurationError('invalid_option', `suggestNextCategory expects \`minBuyers\` to be a whole number of at least 1, received ${quoteValue(minBuyers)}`, ['minBuyers']);
  const segmentOf = groupKeyOf<T>('suggestNextCategory', options.by);
  const affinity: CategoryAffinity = options.affinity ?? categoryAffinity(customers, { by: options.by });
  const segments: unknown = (affinity as Partial<CategoryAffinity> | null)?.segments;
  if (!Array.isArray(segments)) throw new ConfigurationError('invalid_option', `suggestNextCategory expects \`affinity\` from categoryAffinity, received ${quoteValue(affinity)}`, ['affinity']);
  const bySegment = new Map<string, readonly CategoryAffinityLine[]>((segments as readonly SegmentAffinity[]).map((entry) => [entry.segment, entry.categories.filter((line) => line.buyers >= minBuyers)]));
  return customers.map((customer, index): CategorySuggestion => {
    const customerId = typeof customer === 'object' && customer !== null ? (customer as { customerId?: unknown }).customerId : undefined;
    if (typeof customerId !== 'string') throw new ConfigurationError('invalid_option', `suggestNextCategory expects customers with a string customerId, received ${quoteValue(customer)} at index ${index}`, [index]);
    const segment = segmentOf(customer);
    const bought = customer.categoryShares ?? {};
    const has = (category: string): boolean => Object.hasOwn(bought, category) && (bought[category] as number) > 0;
    const open = (bySegment.get(segment) ?? []).filter((line) => !has(line.category));
    const byPenetration = (a: { penetration: number; lift: number }, b: { penetration: number; lift: number }): number => b.penetration - a.penetration || b.lift - a.lift;
    const lifted = open.filter((line) => line.lift > 1).sort(byPenetration)[0];
    if (lifted !== undefined) {
      const text = `Bought by ${percent(lifted.penetration)} of ${segment} customers (${lifted.lift.toFixed(2)} times the rate of all customers); not bought yet.`;
      return { customerId, category: lifted.category, reason: { code: 'segment_affinity', segment, penetration: lifted.penetration, lift: lifted.lift, text } };
    }
    const popular = [...open].sort(byPenetration)[0];
    if (popular !== undefined) {
      return { customerId, category: popular.category, reason: { code: 'segment_favourite', segment, penetration: popular.penetration, text: `The category most ${segment} customers buy (${percent(popular.penetration)} of them); not bought yet.` } };
    }
    const favourite = Object.entries(bought)
      .filter(([, share]) => typeof share === 'number' && share > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (favourite !== undefined) {
      return { customerId, category: favourite[0], reason: { code: 'own_favourite', share: favourite[1], text: `Their own favourite (${percent(favourite[1])} of their spend), to buy again.` } };
    }
    return { customerId, category: null, reason: null };
  });
}
