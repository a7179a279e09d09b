import { ConfigurationError, quoteValue } from '../errors';
import type { CustomerFeatures } from '../features/CustomerFeatures';
import { groupKeyOf } from './groupKeyOf';

/** How much one segment buys one category, against everyone. */
export interface CategoryAffinityLine {
  readonly category: string;
  /** Customers of the segment who bought the category. */
  readonly buyers: number;
  /** `buyers` over the segment's customers. */
  readonly penetration: number;
  /** `penetration` over the penetration among all customers: 2 means twice as likely to buy it as anyone. */
  readonly lift: number;
  /** The category's share of the segment's categorised spend. */
  readonly spendShare: number;
  /** `spendShare` over the category's share of everyone's categorised spend. */
  readonly spendLift: number;
}

/** One segment's categories, highest lift first. */
export interface SegmentAffinity {
  readonly segment: string;
  readonly customers: number;
  readonly categories: readonly CategoryAffinityLine[];
}

/** What {@link categoryAffinity} returns. */
export interface CategoryAffinity {
  readonly segments: readonly SegmentAffinity[];
  /** Every category among all customers: buyers, penetration and spend share, largest spend first. */
  readonly overall: readonly { readonly category: string; readonly buyers: number; readonly penetration: number; readonly spendShare: number }[];
  readonly customers: number;
}

/** The fields of a customer that category affinity reads. */
export type AffinityCustomer = Pick<Partial<CustomerFeatures>, 'categoryShares' | 'grossSpend'>;

interface Tally {
  customers: number;
  buyers: Map<string, number>;
  spend: Map<string, number>;
  categorised: number;
}

function tally(): Tally {
  return { customers: 0, buyers: new Map(), spend: new Map(), categorised: 0 };
}

function add(into: Tally, customer: AffinityCustomer): void {
  into.customers++;
  const shares = customer.categoryShares;
  if (typeof shares !== 'object' || shares === null) return;
  const gross = typeof customer.grossSpend === 'number' && Number.isFinite(customer.grossSpend) && customer.grossSpend > 0 ? customer.grossSpend : 0;
  for (const [category, share] of Object.entries(shares)) {
    if (typeof share !== 'number' || !(share > 0)) continue;
    into.buyers.set(category, (into.buyers.get(category) ?? 0) + 1);
    into.spend.set(category, (into.spend.get(category) ?? 0) + share * gross);
    into.categorised += share * gross;
  }
}

/**
 * Category affinity per segment: what each segment buys more than everyone else. For each
 * segment and category, the share of the segment's customers who bought it (penetration) and its
 * lift over all customers, and the same for the share of spend. Read lift with the buyer count:
 * 3 buyers in a segment of 4 is a lift of 10 that means little.
 *
 * @param customers - Customer features (`categoryShares`, `grossSpend`) with the segment.
 * @param options - `by`: the segment, a field name or a function.
 * @returns Per segment its categories by lift, and the overall figures.
 * @throws {ConfigurationError} for a bad `by` or a customer that is not an object.
 *
 * @example
 * ```ts
 * import { categoryAffinity } from 'clientele';
 * const customers = [
 *   { customerId: 'a', segment: 'runners', categoryShares: { shoes: 0.8, socks: 0.2 }, grossSpend: 200 },
 *   { customerId: 'b', segment: 'runners', categoryShares: { shoes: 1 }, grossSpend: 120 },
 *   { customerId: 'c', segment: 'office', categoryShares: { shirts: 1 }, grossSpend: 90 },
 *   { customerId: 'd', segment: 'office', categoryShares: { shirts: 0.5, shoes: 0.5 }, grossSpend: 100 },
 * ];
 * const { segments } = categoryAffinity(customers, { by: 'segment' });
 * segments[0]?.categories.map((line) => `${line.category} ${line.penetration} x${line.lift.toFixed(2)}`); // => ['socks 0.5 x2.00', 'shoes 1 x1.33']
 * ```
 * @category Reports
 */
export function categoryAffinity<T extends AffinityCustomer>(customers: readonly T[], options: { readonly by: ((customer: T) => string | null | undefined) | string }): CategoryAffinity {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('missing_option', `categoryAffinity needs options with \`by\`, received ${quoteValue(options)}`);
  const segmentOf = groupKeyOf<T>('categoryAffinity', options.by);
  if (!Array.isArray(customers)) throw new ConfigurationError('invalid_option', `categoryAffinity expects an array of customers, received ${quoteValue(customers)}`);
  const everyone = tally();
  const bySegment = new Map<string, Tally>();
  customers.forEach((customer, index) => {
    if (typeof customer !== 'object' || customer === null) throw new ConfigurationError('invalid_option', `categoryAffinity expects customer features at index ${index}, received ${quoteValue(customer)}`, [index]);
    const segment = segmentOf(customer);
    let own = bySegment.get(segment);
    if (own === undefined) bySegment.set(segment, (own = tally()));
    add(own, customer);
    add(everyone, customer);
  });
  const overallPenetration = (category: string): number => (everyone.buyers.get(category) ?? 0) / everyone.customers;
  const overallSpendShare = (category: string): number => (everyone.categorised > 0 ? (everyone.spend.get(category) ?? 0) / everyone.categorised : 0);
  const segments = [...bySegment].map(([segment, own]): SegmentAffinity => {
    const categories = [...own.buyers].map(([category, buyers]): CategoryAffinityLine => {
      const penetration = buyers / own.customers;
      const spendShare = own.categorised > 0 ? (own.spend.get(category) ?? 0) / own.categorised : 0;
      const everyoneSpend = overallSpendShare(category);
      return { category, buyers, penetration, lift: penetration / overallPenetration(category), spendShare, spendLift: everyoneSpend > 0 ? spendShare / everyoneSpend : 0 };
    });
    categories.sort((a, b) => b.lift - a.lift || b.buyers - a.buyers || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
    return { segment, customers: own.customers, categories };
  });
  const overall = [...everyone.buyers]
    .map(([category, buyers]) => ({ category, buyers, penetration: buyers / everyone.customers, spendShare: overallSpendShare(category) }))
    .sort((a, b) => b.spendShare - a.spendShare || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  return { segments, overall, customers: everyone.customers };
}
