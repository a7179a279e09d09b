import { median, quantileSorted } from 'simple-statistics';
import {
  buyerTypes,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  parseCustomers,
  parseInteractions,
  parseTransactions,
  profileSegments,
  rfm,
  summarize,
  valueTiers,
  type CustomerFeatures,
} from '../index';
import { clusterCustomers, explainClusters } from '../cluster/index';
import { generateSample } from '../sample/index';
import { formatCount, formatMoney, formatShare, formatTable } from './formatTable';

/** Options of the demo: how much sample data, which seed, and whether to print JSON. */
export interface DemoOptions {
  readonly customers: number;
  readonly seed: number;
  readonly json: boolean;
}

const day = (epochMs: number | null): string => (epochMs === null ? '-' : new Date(epochMs).toISOString().slice(0, 10));

function medianOf(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : median([...values]);
}

/** Repeat buyers whose gap since the last purchase is more than twice their own usual interval, and at least 30 days. */
function isOverdue(customer: CustomerFeatures): boolean {
  const gap = customer.daysSinceLastPurchase ?? 0;
  return customer.medianInterpurchaseDays !== null && gap > 2 * customer.medianInterpurchaseDays && gap >= 30;
}

/** Runs the main job on generated sample data and returns the report text (or JSON). */
export function runDemo(options: DemoOptions): string {
  const sample = generateSample({ customers: options.customers, seed: options.seed });
  const transactions = parseTransactions(sample.transactions);
  const customers = parseCustomers(sample.customers);
  const interactions = parseInteractions(sample.interactions);
  const features = summarize(transactions.records, {
    asOf: sample.asOf,
    customers: customers.records,
    interactions: interactions.records,
  });
  if (options.json) return JSON.stringify({ asOf: day(sample.asOf), counts: transactions.counts, features }, null, 2);

  const buyers = features.filter((customer) => !customer.isProspect);
  const revenue = buyers.reduce((sum, customer) => sum + customer.monetaryTotal, 0);
  const gross = buyers.reduce((sum, customer) => sum + customer.grossSpend, 0);
  const refunded = buyers.reduce((sum, customer) => sum + customer.refundedAmount, 0);
  const oneTime = buyers.filter((customer) => customer.orders === 1).length;
  const bySpend = [...buyers].sort((a, b) => b.monetaryTotal - a.monetaryTotal);
  const topFifth = bySpend.slice(0, Math.ceil(bySpend.length / 5));
  const topFifthRevenue = topFifth.reduce((sum, customer) => sum + customer.monetaryTotal, 0);
  const overdue = bySpend.filter(isOverdue);
  const overdueRevenue = overdue.reduce((sum, customer) => sum + customer.monetaryTotal, 0);

  const categorySpend = new Map<string, number>();
  const topCategoryCustomers = new Map<string, number>();
  for (const customer of buyers) {
    for (const [category, share] of Object.entries(customer.categoryShares)) {
      categorySpend.set(category, (categorySpend.get(category) ?? 0) + share * customer.grossSpend);
    }
    if (customer.topCategory !== null) topCategoryCustomers.set(customer.topCategory, (topCategoryCustomers.get(customer.topCategory) ?? 0) + 1);
  }
  const categorised = [...categorySpend.values()].reduce((sum, spend) => sum + spend, 0);

  // RFM segments and value tiers, profiled.
  const { model, scores: rfmScores } = rfm(features);
  const segmentOf = new Map(rfmScores.map((score) => [score.customerId, score.segment]));
  const segmentProfiles = new Map(profileSegments(buyers, (customer) => segmentOf.get(customer.customerId)).map((profile) => [profile.key, profile]));
  const tiers = valueTiers(buyers);
  const clusters = clusterCustomers(buyers, { fields: ['daysSinceLastPurchase', 'orders', 'monetaryTotal', 'averageOrderValue'], kRange: [3, 6], seed: options.seed });
  const explanation = explainClusters(clusters.model, buyers, { maxDepth: 3 });
  const types = buyerTypes(features);
  const typeCounts = new Map<string, number>();
  for (const entry of types.types) typeCounts.set(entry.type, (typeCounts.get(entry.type) ?? 0) + 1);

  // Predicted value: BG/NBD for purchases, Gamma-Gamma for spend, 12 months ahead.
  const transactionModel = fitBgNbd(buyers);
  const valueModel = fitGammaGamma(buyers);
  const lifetime = customerLifetimeValue({ transactionModel, valueModel, customers: buyers, horizon: { months: 12 }, discountRate: 0.01 });
  const featuresById = new Map(buyers.map((customer) => [customer.customerId, customer]));
  const byValue = [...lifetime.customers].sort((a, b) => (b.lifetimeValue ?? 0) - (a.lifetimeValue ?? 0));
  const expectedPurchaseTotal = lifetime.customers.reduce((sum, entry) => sum + (entry.expectedPurchases ?? 0), 0);
  const probablyGone = lifetime.customers.filter((entry) => (entry.probabilityAlive ?? 1) < 0.3);
  const probablyGoneRevenue = probablyGone.reduce((sum, entry) => sum + (featuresById.get(entry.customerId)?.monetaryTotal ?? 0), 0);

  const recencies = buyers.map((customer) => customer.daysSinceLastPurchase as number).sort((a, b) => a - b);
  const scores = features.flatMap((customer) => (customer.meanInteractionScore === null ? [] : [customer.meanInteractionScore]));

  const customerRow = (customer: CustomerFeatures): string[] => [
    customer.customerId,
    formatCount(customer.orders),
    formatMoney(customer.monetaryTotal),
    day(customer.lastPurchaseAt),
    customer.medianInterpurchaseDays === null ? '-' : formatCount(customer.medianInterpurchaseDays),
    customer.topCategory ?? '-',
  ];
  const customerColumns = [
    { heading: 'customer' },
    { heading: 'orders', align: 'right' },
    { heading: 'net spend', align: 'right' },
    { heading: 'last purchase' },
    { heading: 'usual gap (d)', align: 'right' },
    { heading: 'top category' },
  ] as const;

  return [
    `clientele demo: ${formatCount(features.length)} generated customers (seed ${options.seed}), as of ${day(sample.asOf)}`,
    '',
    'Data',
    `  transactions  ${formatCount(transactions.counts.accepted)} rows accepted, ${formatCount(transactions.counts.rejected)} rejected`,
    `  customers     ${formatCount(customers.counts.accepted)} accepted, ${formatCount(customers.counts.rejected)} rejected`,
    `  interactions  ${formatCount(interactions.counts.accepted)} accepted, ${formatCount(interactions.counts.rejected)} rejected`,
    '',
    'Customer base',
    `  buyers ${formatCount(buyers.length)}, prospects ${formatCount(features.length - buyers.length)}, one-time buyers ${formatShare(oneTime / buyers.length)} of buyers`,
    `  net revenue ${formatMoney(revenue)}, refunds ${formatShare(refunded / gross)} of gross spend`,
    `  median orders ${formatCount(medianOf(buyers.map((customer) => customer.orders)))}, median order value ${formatMoney(medianOf(buyers.map((customer) => customer.averageOrderValue as number)))}`,
    `  days since last purchase: median ${formatCount(quantileSorted(recencies, 0.5))}, 90th percentile ${formatCount(quantileSorted(recencies, 0.9))}`,
    '',
    `Who are my best customers? The top 20% of buyers bring ${formatShare(topFifthRevenue / revenue)} of net revenue.`,
    formatTable(customerColumns, bySpend.slice(0, 5).map(customerRow)),
    '',
    `Who is slipping away? ${formatCount(overdue.length)} repeat buyers have been away for more than twice their usual gap (and 30+ days); they brought ${formatShare(overdueRevenue / revenue)} of revenue.`,
    formatTable(customerColumns, overdue.slice(0, 5).map(customerRow)),
    '',
    'RFM segments (quintiles of recency, orders and net spend)',
    formatTable(
      [
        { heading: 'segment' },
        { heading: 'customers', align: 'right' },
        { heading: 'revenue', align: 'right' },
        { heading: 'median orders', align: 'right' },
        { heading: 'median days away', align: 'right' },
        { heading: 'what to do' },
      ],
      model.segments.flatMap((segment) => {
        const profile = segmentProfiles.get(segment.id);
        if (profile === undefined) return [];
        return [
          [
            segment.label.en,
            formatCount(profile.customers),
            formatShare(profile.revenueShare),
            formatCount(profile.features.orders?.median ?? 0),
            formatCount(profile.features.daysSinceLastPurchase?.median ?? 0),
            segment.action.en,
          ],
        ];
      }),
    ),
    '',
    `Value tiers (Pareto: the customers who bring 80% of revenue are high, up to 95% middle)`,
    formatTable(
      [{ heading: 'tier' }, { heading: 'customers', align: 'right' }, { heading: 'of buyers', align: 'right' }, { heading: 'revenue', align: 'right' }],
      tiers.summary.map((tier) => [tier.tier, formatCount(tier.customers), formatShare(tier.customerShare), formatShare(tier.valueShare)]),
    ),
    `  buyer types: ${['continuous', 'repeat', 'one_time', 'one_time_bulk', 'never_purchased'].map((type) => `${type.replaceAll('_', ' ')} ${formatCount(typeCounts.get(type) ?? 0)}`).join(', ')}`,
    '',
    `What are they worth? BG/NBD and Gamma-Gamma fitted on ${formatCount(transactionModel.fit.customers)} buyers (${transactionModel.fit.converged ? 'converged' : 'NOT converged'}), next 12 months, 1% a month discount`,
    `  expected purchases ${formatCount(expectedPurchaseTotal)}, expected revenue ${formatMoney(lifetime.totalLifetimeValue)} (discounted)`,
    `  probably gone (P(alive) below 30%): ${formatCount(probablyGone.length)} buyers, who brought ${formatShare(probablyGoneRevenue / revenue)} of revenue so far`,
    formatTable(
      [
        { heading: 'customer' },
        { heading: 'orders', align: 'right' },
        { heading: 'P(alive)', align: 'right' },
        { heading: 'purchases next 12 mo', align: 'right' },
        { heading: 'value per purchase', align: 'right' },
        { heading: 'CLV 12 mo', align: 'right' },
      ],
      byValue.slice(0, 5).map((entry) => [
        entry.customerId,
        formatCount(featuresById.get(entry.customerId)?.orders ?? 0),
        formatShare(entry.probabilityAlive ?? 0),
        (entry.expectedPurchases ?? 0).toFixed(1),
        formatMoney(entry.expectedAverageValue),
        formatMoney(entry.lifetimeValue ?? 0),
      ]),
    ),
    '',
    `Natural groups: k-means on days away, orders, net spend and order value (k = ${clusters.profiles.length}, chosen by silhouette from 3 to 6), and a rule for each from a depth-3 decision tree`,
    formatTable(
      [
        { heading: 'group' },
        { heading: 'customers', align: 'right' },
        { heading: 'revenue', align: 'right' },
        { heading: 'median orders', align: 'right' },
        { heading: 'median spend', align: 'right' },
        { heading: 'median days away', align: 'right' },
      ],
      clusters.profiles.map((profile) => [
        profile.name,
        formatCount(profile.customers),
        formatShare(profile.revenueShare ?? 0),
        formatCount(profile.medians.orders ?? 0),
        formatMoney(profile.medians.monetaryTotal ?? 0),
        formatCount(profile.medians.daysSinceLastPurchase ?? 0),
      ]),
    ),
    ...explanation.rules.map((entry) =>
      entry.text === null
        ? `  ${entry.name}: no rule (no leaf of a depth-3 tree is this group)`
        : `  ${entry.name}: ${entry.text} (catches ${formatShare(entry.recall)} of the group; ${formatShare(entry.precision ?? 0)} of those it matches are in it)`,
    ),
    '',
    'What do they buy?',
    formatTable(
      [{ heading: 'category' }, { heading: 'share of spend', align: 'right' }, { heading: 'favourite of', align: 'right' }],
      [...categorySpend.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([category, spend]) => [category, formatShare(spend / categorised), `${formatCount(topCategoryCustomers.get(category) ?? 0)} customers`]),
    ),
    '',
    'Engagement',
    `  promotion seekers (over half their orders discounted): ${formatCount(buyers.filter((customer) => (customer.discountedOrderShare ?? 0) > 0.5).length)}`,
    `  customers with a survey score: ${formatCount(scores.length)}, mean score ${scores.length === 0 ? '-' : (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1)}`,
    `  spend trend: ${formatCount(buyers.filter((customer) => (customer.spendSlope ?? 0) > 0).length)} buyers growing, ${formatCount(buyers.filter((customer) => (customer.spendSlope ?? 0) < 0).length)} shrinking over the last year`,
  ].join('\n');
}
