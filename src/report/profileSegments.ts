import { ConfigurationError, quoteValue } from '../errors';
import type { CustomerFeatures } from '../features/CustomerFeatures';
import { FEATURE_CATALOGUE } from '../features/featureCatalogue';
import { quantilesOf } from '../internal/quantilesOf';
import { groupKeyOf } from './groupKeyOf';

/** Mean and median of one numeric feature within a group (over the customers who have a value). */
export interface FeatureStatistics {
  readonly mean: number;
  readonly median: number;
  /** How many customers of the group have a value. */
  readonly count: number;
}

/** The profile of one group of customers. */
export interface SegmentProfile {
  readonly key: string;
  readonly customers: number;
  readonly customerShare: number;
  /** Net revenue (`monetaryTotal`) of the group. */
  readonly revenue: number;
  /** Share of the positive net revenue of all groups. */
  readonly revenueShare: number;
  /** Mean and median of every numeric feature, by feature name. */
  readonly features: Readonly<Record<string, FeatureStatistics>>;
  /** The categories this group spends most on, with their share of the group's categorised spend; at most 5. */
  readonly topCategories: readonly { readonly category: string; readonly share: number }[];
}

const NUMERIC_FEATURES = (Object.keys(FEATURE_CATALOGUE) as (keyof CustomerFeatures)[]).filter((name) => FEATURE_CATALOGUE[name].type === 'number');

/**
 * Profiles groups of customers (RFM segments, value tiers, lifecycle stages or any key): per
 * group the count and share of customers, net revenue and its share, the mean and median of
 * every numeric feature, and the top categories. Plain, chart-ready data, groups in order of
 * revenue.
 *
 * @param customers - Customer features, possibly joined with scores.
 * @param by - The group of a customer: a function, or the name of a string field. `null` or `undefined` groups as `"(none)"`.
 * @returns One profile per group.
 * @throws {ConfigurationError} `invalid_option` when `by` is neither a function nor a string, or a customer is not an object.
 *
 * @example
 * ```ts
 * import { profileSegments } from 'clientele';
 * const customers = [
 *   { customerId: 'a', monetaryTotal: 300, orders: 3, categoryShares: { shoes: 1 }, grossSpend: 300, tier: 'high' },
 *   { customerId: 'b', monetaryTotal: 100, orders: 1, categoryShares: { bags: 1 }, grossSpend: 100, tier: 'low' },
 *   { customerId: 'c', monetaryTotal: 100, orders: 2, categoryShares: { shoes: 1 }, grossSpend: 100, tier: 'low' },
 * ];
 * const [high, low] = profileSegments(customers, 'tier');
 * [high?.key, high?.revenueShare]; // => ['high', 0.6]
 * low?.features.orders; // => { mean: 1.5, median: 1.5, count: 2 }
 * low?.topCategories; // => [{ category: 'bags', share: 0.5 }, { category: 'shoes', share: 0.5 }]
 * ```
 * @category Reports
 */
export function profileSegments<T extends Partial<CustomerFeatures>>(customers: readonly T[], by: ((customer: T) => string | null | undefined) | string): SegmentProfile[] {
  const keyOf = groupKeyOf<T>('profileSegments', by);
  const groups = new Map<string, T[]>();
  if (!Array.isArray(customers)) throw new ConfigurationError('invalid_option', `profileSegments expects an array of customers, received ${quoteValue(customers)}`);
  for (const [index, customer] of customers.entries()) {
    if (typeof customer !== 'object' || customer === null) {
      throw new ConfigurationError('invalid_option', `profileSegments expects customer features at index ${index}, received ${quoteValue(customer)}`, [index]);
    }
    const key = keyOf(customer);
    let members = groups.get(key);
    if (members === undefined) {
      members = [];
      groups.set(key, members);
    }
    members.push(customer);
  }
  // Revenue counts finite net totals only; a NaN from a host's own data does not poison every share.
  const revenueOf = (customer: T): number => (typeof customer.monetaryTotal === 'number' && Number.isFinite(customer.monetaryTotal) ? customer.monetaryTotal : 0);
  const positive = (customer: T): number => Math.max(0, revenueOf(customer));
  const positiveTotal = customers.reduce((sum, customer) => sum + positive(customer), 0);
  const profiles = [...groups].map(([key, members]): SegmentProfile => {
    const features: Record<string, FeatureStatistics> = {};
    for (const name of NUMERIC_FEATURES) {
      const values = members.flatMap((customer) => {
        const value = customer[name];
        return typeof value === 'number' && Number.isFinite(value) ? [value] : [];
      });
      if (values.length === 0) continue;
      features[name] = { mean: values.reduce((sum, value) => sum + value, 0) / values.length, median: quantilesOf(Float64Array.from(values), [0.5])[0] as number, count: values.length };
    }
    const spend = new Map<string, number>();
    for (const customer of members) {
      for (const [category, share] of Object.entries(customer.categoryShares ?? {})) spend.set(category, (spend.get(category) ?? 0) + share * (customer.grossSpend ?? 0));
    }
    const categorised = [...spend.values()].reduce((sum, value) => sum + value, 0);
    const topCategories = [...spend]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([category, value]) => ({ category, share: categorised > 0 ? value / categorised : 0 }));
    return {
      key,
      customers: members.length,
      customerShare: members.length / customers.length,
      revenue: members.reduce((sum, customer) => sum + revenueOf(customer), 0),
      revenueShare: positiveTotal > 0 ? members.reduce((sum, customer) => sum + positive(customer), 0) / positiveTotal : 0,
      features,
      topCategories,
    };
  });
  return profiles.sort((a, b) => b.revenue - a.revenue || (a.key < b.key ? -1 : 1));
}
