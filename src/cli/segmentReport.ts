import { median, quantileSorted } from 'simple-statistics';
import {
  LIFECYCLE_STAGES,
  buyerTypes,
  classifyLifecycle,
  cohortRetention,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  profileSegments,
  rfm,
  summarize,
  valueTiers,
  type Customer,
  type CustomerFeatures,
  type Interaction,
  type ParseResult,
  type ReportSection,
  type RowIssue,
  type Transaction,
} from '../index';
import { clusterCustomers, explainClusters } from '../cluster/index';
import { formatCount, formatDay, formatMoney, formatShare } from './formatNumbers';

/** What the report is computed from: parse results, so the report can say what was rejected. */
export interface SegmentReportInput {
  /** First line of the report (`clientele demo: ...`, `clientele report orders.csv: ...`). */
  readonly title: string;
  /** Epoch ms. */
  readonly asOf: number;
  readonly timeZone?: string;
  readonly transactions: ParseResult<Transaction>;
  readonly customers?: ParseResult<Customer>;
  readonly interactions?: ParseResult<Interaction>;
  /** Seed of the clustering. */
  readonly seed: number;
  /** Lines for the Data section (which columns were read). */
  readonly dataNotes?: readonly string[];
}

/** One customer in the JSON report. */
export interface ReportedCustomer {
  readonly customerId: string;
  readonly orders: number;
  readonly monetaryTotal: number;
  readonly daysSinceLastPurchase: number | null;
  readonly rfm: string | null;
  readonly segment: string | null;
  readonly tier: string | null;
  readonly stage: string;
  readonly cluster: string | null;
}

/** The report as data (`--json`) and as sections for a terminal. */
export interface SegmentReport {
  readonly data: {
    readonly asOf: string;
    readonly counts: Readonly<Record<string, ParseResult<unknown>['counts']>>;
    /** The first rejected rows of each file, with their reasons. */
    readonly rejected: Readonly<Record<string, readonly RowIssue[]>>;
    readonly customers: readonly ReportedCustomer[];
    readonly sections: readonly ReportSection[];
  };
  readonly sections: readonly ReportSection[];
}

function medianOf(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : median([...values]);
}

/** Repeat buyers whose gap since the last purchase is more than twice their own usual interval, and at least 30 days. */
function isOverdue(customer: CustomerFeatures): boolean {
  const gap = customer.daysSinceLastPurchase ?? 0;
  return customer.medianInterpurchaseDays !== null && gap > 2 * customer.medianInterpurchaseDays && gap >= 30;
}

/** Runs a part of the report that may not apply to the data (too few buyers to fit a model), and says why when it does not. */
function attempt(title: string, build: () => ReportSection): ReportSection {
  try {
    return build();
  } catch (error) {
    return { title, lines: [`not shown: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] };
  }
}

/**
 * The segment report of the demo and of `clientele report`: the data checks, the customer base,
 * best and slipping customers, RFM segments, value tiers, lifecycle stages, predicted value,
 * natural groups, cohorts, categories and engagement, computed with the library from parse
 * results. Parts that need more data than there is say so instead of failing the report.
 */
export function segmentReport(input: SegmentReportInput): SegmentReport {
  const { transactions } = input;
  const features = summarize(transactions.records, {
    asOf: input.asOf,
    ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
    ...(input.customers === undefined ? {} : { customers: input.customers.records }),
    ...(input.interactions === undefined ? {} : { interactions: input.interactions.records }),
  });
  const buyers = features.filter((customer) => !customer.isProspect);
  const revenue = buyers.reduce((sum, customer) => sum + customer.monetaryTotal, 0);
  const gross = buyers.reduce((sum, customer) => sum + customer.grossSpend, 0);
  const refunded = buyers.reduce((sum, customer) => sum + customer.refundedAmount, 0);
  const oneTime = buyers.filter((customer) => customer.orders === 1).length;
  const bySpend = [...buyers].sort((a, b) => b.monetaryTotal - a.monetaryTotal);
  const topFifthRevenue = bySpend.slice(0, Math.ceil(bySpend.length / 5)).reduce((sum, customer) => sum + customer.monetaryTotal, 0);
  const overdue = bySpend.filter(isOverdue);
  const overdueRevenue = overdue.reduce((sum, customer) => sum + customer.monetaryTotal, 0);
  const recencies = buyers.map((customer) => customer.daysSinceLastPurchase as number).sort((a, b) => a - b);
  const share = (part: number, whole: number): string => (whole === 0 ? '-' : formatShare(part / whole));

  const customerColumns = [
    { heading: 'customer' },
    { heading: 'orders', align: 'right' },
    { heading: 'net spend', align: 'right' },
    { heading: 'last purchase' },
    { heading: 'usual gap (d)', align: 'right' },
    { heading: 'top category' },
  ] as const;
  const customerRow = (customer: CustomerFeatures): string[] => [
    customer.customerId,
    formatCount(customer.orders),
    formatMoney(customer.monetaryTotal),
    formatDay(customer.lastPurchaseAt, input.timeZone),
    customer.medianInterpurchaseDays === null ? '-' : formatCount(customer.medianInterpurchaseDays),
    customer.topCategory ?? '-',
  ];

  const parsed: Record<string, ParseResult<unknown>> = { transactions };
  if (input.customers !== undefined) parsed.customers = input.customers;
  if (input.interactions !== undefined) parsed.interactions = input.interactions;
  const counts = Object.fromEntries(Object.entries(parsed).map(([name, result]) => [name, result.counts]));
  const sections: ReportSection[] = [
    { title: input.title, lines: [] },
    {
      title: 'Data',
      lines: [
        ...Object.entries(parsed).flatMap(([name, result]) => [
          `${name.padEnd(13)} ${formatCount(result.counts.accepted)} rows accepted, ${formatCount(result.counts.rejected)} rejected`,
          ...result.rejected.slice(0, 3).map((issue) => `  rejected ${name} row ${issue.index + 1}${issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''}: ${issue.message}`),
        ]),
        ...(input.dataNotes ?? []),
      ],
    },
    {
      title: 'Customer base',
      lines:
        buyers.length === 0
          ? [`no buyers among ${formatCount(features.length)} customers as of ${formatDay(input.asOf, input.timeZone)}`]
          : [
              `buyers ${formatCount(buyers.length)}, prospects ${formatCount(features.length - buyers.length)}, one-time buyers ${share(oneTime, buyers.length)} of buyers`,
              `net revenue ${formatMoney(revenue)}, refunds ${share(refunded, gross)} of gross spend`,
              `median orders ${formatCount(medianOf(buyers.map((customer) => customer.orders)))}, median order value ${formatMoney(medianOf(buyers.map((customer) => customer.averageOrderValue as number)))}`,
              `days since last purchase: median ${formatCount(quantileSorted(recencies, 0.5))}, 90th percentile ${formatCount(quantileSorted(recencies, 0.9))}`,
            ],
    },
  ];
  const reported = new Map<string, { rfm: string | null; segment: string | null; tier: string | null; stage: string; cluster: string | null }>(
    features.map((customer) => [customer.customerId, { rfm: null, segment: null, tier: null, stage: 'prospect', cluster: null }]),
  );

  if (buyers.length > 0) {
    sections.push(
      { title: `Who are my best customers? The top 20% of buyers bring ${share(topFifthRevenue, revenue)} of net revenue.`, table: { columns: customerColumns, rows: bySpend.slice(0, 5).map(customerRow) } },
      {
        title: `Who is slipping away? ${formatCount(overdue.length)} repeat buyers have been away for more than twice their usual gap (and 30+ days); they brought ${share(overdueRevenue, revenue)} of revenue.`,
        table: { columns: customerColumns, rows: overdue.slice(0, 5).map(customerRow) },
      },
    );
    sections.push(
      attempt('RFM segments', () => {
        const { model, scores } = rfm(features);
        const segmentOf = new Map(scores.map((score) => [score.customerId, score.segment]));
        for (const score of scores) Object.assign(reported.get(score.customerId) ?? {}, { rfm: score.code, segment: score.segment });
        const profiles = new Map(profileSegments(buyers, (customer) => segmentOf.get(customer.customerId)).map((profile) => [profile.key, profile]));
        return {
          title: 'RFM segments (quintiles of recency, orders and net spend)',
          table: {
            columns: [
              { heading: 'segment' },
              { heading: 'customers', align: 'right' },
              { heading: 'revenue', align: 'right' },
              { heading: 'median orders', align: 'right' },
              { heading: 'median days away', align: 'right' },
              { heading: 'what to do' },
            ],
            rows: model.segments.flatMap((segment) => {
              const profile = profiles.get(segment.id);
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
          },
        };
      }),
      attempt('Value tiers', () => {
        const tiers = valueTiers(buyers);
        for (const entry of tiers.tiers) Object.assign(reported.get(entry.customerId) ?? {}, { tier: entry.tier });
        const typeCounts = new Map<string, number>();
        for (const entry of buyerTypes(features).types) typeCounts.set(entry.type, (typeCounts.get(entry.type) ?? 0) + 1);
        return {
          title: 'Value tiers (Pareto: the customers who bring 80% of revenue are high, up to 95% middle)',
          table: {
            columns: [{ heading: 'tier' }, { heading: 'customers', align: 'right' }, { heading: 'of buyers', align: 'right' }, { heading: 'revenue', align: 'right' }],
            rows: tiers.summary.map((tier) => [tier.tier, formatCount(tier.customers), formatShare(tier.customerShare), formatShare(tier.valueShare)]),
          },
          notes: [`buyer types: ${['continuous', 'repeat', 'one_time', 'one_time_bulk', 'never_purchased'].map((type) => `${type.replaceAll('_', ' ')} ${formatCount(typeCounts.get(type) ?? 0)}`).join(', ')}`],
        };
      }),
    );
  }
  sections.push(
    attempt('Lifecycle stages', () => {
      const { stages, counts: stageCounts } = classifyLifecycle(features, { sentences: false });
      const revenueByStage = new Map<string, number>();
      stages.forEach((entry, index) => {
        Object.assign(reported.get(entry.customerId) ?? {}, { stage: entry.stage });
        revenueByStage.set(entry.stage, (revenueByStage.get(entry.stage) ?? 0) + Math.max(0, features[index]?.monetaryTotal ?? 0));
      });
      const positive = [...revenueByStage.values()].reduce((sum, value) => sum + value, 0);
      return {
        title: 'Lifecycle stages (each customer judged against their own buying rhythm)',
        table: {
          columns: [{ heading: 'stage' }, { heading: 'customers', align: 'right' }, { heading: 'share', align: 'right' }, { heading: 'revenue so far', align: 'right' }],
          rows: LIFECYCLE_STAGES.filter((stage) => stageCounts[stage.id] > 0).map((stage) => [
            stage.label.en,
            formatCount(stageCounts[stage.id]),
            share(stageCounts[stage.id], features.length),
            share(revenueByStage.get(stage.id) ?? 0, positive),
          ]),
        },
      };
    }),
  );
  if (buyers.length > 0) {
    sections.push(
      attempt('What are they worth?', () => {
        const transactionModel = fitBgNbd(buyers);
        const valueModel = fitGammaGamma(buyers);
        const lifetime = customerLifetimeValue({ transactionModel, valueModel, customers: buyers, horizon: { months: 12 }, discountRate: 0.01 });
        const featuresById = new Map(buyers.map((customer) => [customer.customerId, customer]));
        const byValue = [...lifetime.customers].sort((a, b) => (b.lifetimeValue ?? 0) - (a.lifetimeValue ?? 0));
        const expected = lifetime.customers.reduce((sum, entry) => sum + (entry.expectedPurchases ?? 0), 0);
        const gone = lifetime.customers.filter((entry) => (entry.probabilityAlive ?? 1) < 0.3);
        const goneRevenue = gone.reduce((sum, entry) => sum + (featuresById.get(entry.customerId)?.monetaryTotal ?? 0), 0);
        return {
          title: `What are they worth? BG/NBD and Gamma-Gamma fitted on ${formatCount(transactionModel.fit.customers)} buyers (${transactionModel.fit.converged ? 'converged' : 'NOT converged'}), next 12 months, 1% a month discount`,
          lines: [
            `expected purchases ${formatCount(expected)}, expected revenue ${formatMoney(lifetime.totalLifetimeValue)} (discounted)`,
            `probably gone (P(alive) below 30%): ${formatCount(gone.length)} buyers, who brought ${share(goneRevenue, revenue)} of revenue so far`,
          ],
          table: {
            columns: [
              { heading: 'customer' },
              { heading: 'orders', align: 'right' },
              { heading: 'P(alive)', align: 'right' },
              { heading: 'purchases next 12 mo', align: 'right' },
              { heading: 'value per purchase', align: 'right' },
              { heading: 'CLV 12 mo', align: 'right' },
            ],
            rows: byValue
              .slice(0, 5)
              .map((entry) => [
                entry.customerId,
                formatCount(featuresById.get(entry.customerId)?.orders ?? 0),
                formatShare(entry.probabilityAlive ?? 0),
                (entry.expectedPurchases ?? 0).toFixed(1),
                formatMoney(entry.expectedAverageValue),
                formatMoney(entry.lifetimeValue ?? 0),
              ]),
          },
        };
      }),
      attempt('Natural groups', () => {
        // Three to six groups, fewer when there are fewer buyers.
        const most = Math.min(6, buyers.length);
        const clusters = clusterCustomers(buyers, { fields: ['daysSinceLastPurchase', 'orders', 'monetaryTotal', 'averageOrderValue'], ...(most < 2 ? { k: 1 } : { kRange: [Math.min(3, most), most] as const }), seed: input.seed });
        for (const entry of clusters.assignments) Object.assign(reported.get(entry.customerId) ?? {}, { cluster: clusters.profiles[entry.cluster]?.name ?? null });
        const explanation = explainClusters(clusters.model, buyers, { maxDepth: 3 });
        return {
          title: `Natural groups: k-means on days away, orders, net spend and order value (k = ${clusters.profiles.length}, chosen by silhouette from ${Math.min(3, most)} to ${most}), and a rule for each from a depth-3 decision tree`,
          table: {
            columns: [
              { heading: 'group' },
              { heading: 'customers', align: 'right' },
              { heading: 'revenue', align: 'right' },
              { heading: 'median orders', align: 'right' },
              { heading: 'median spend', align: 'right' },
              { heading: 'median days away', align: 'right' },
            ],
            rows: clusters.profiles.map((profile) => [
              profile.name,
              formatCount(profile.customers),
              formatShare(profile.revenueShare ?? 0),
              formatCount(profile.medians.orders ?? 0),
              formatMoney(profile.medians.monetaryTotal ?? 0),
              formatCount(profile.medians.daysSinceLastPurchase ?? 0),
            ]),
          },
          notes: explanation.rules.map((entry) =>
            entry.text === null
              ? `${entry.name}: no rule (no leaf of a depth-3 tree is this group)`
              : `${entry.name}: ${entry.text} (catches ${formatShare(entry.recall)} of the group; ${formatShare(entry.precision ?? 0)} of those it matches are in it)`,
          ),
        };
      }),
      attempt('Cohorts', () => {
        const { cohorts } = cohortRetention(transactions.records, { asOf: input.asOf, ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }) });
        const recent = cohorts.slice(-6);
        const periods = Math.min(6, Math.max(0, ...recent.map((row) => row.cells.length)));
        return {
          title: 'Do they come back? Share of each first-purchase month buying again in the months after (the last month is not over)',
          table: {
            columns: [{ heading: 'cohort' }, { heading: 'customers', align: 'right' }, ...Array.from({ length: Math.max(0, periods - 1) }, (_, index) => ({ heading: `+${index + 1}`, align: 'right' as const }))],
            rows: recent.map((row) => [row.cohort, formatCount(row.customers), ...row.cells.slice(1, periods).map((cell) => formatShare(cell.share))]),
          },
        };
      }),
    );
  }

  const categorySpend = new Map<string, number>();
  const topCategoryCustomers = new Map<string, number>();
  for (const customer of buyers) {
    for (const [category, categoryShare] of Object.entries(customer.categoryShares)) categorySpend.set(category, (categorySpend.get(category) ?? 0) + categoryShare * customer.grossSpend);
    if (customer.topCategory !== null) topCategoryCustomers.set(customer.topCategory, (topCategoryCustomers.get(customer.topCategory) ?? 0) + 1);
  }
  const categorised = [...categorySpend.values()].reduce((sum, spend) => sum + spend, 0);
  if (categorySpend.size > 0) {
    sections.push({
      title: 'What do they buy?',
      table: {
        columns: [{ heading: 'category' }, { heading: 'share of spend', align: 'right' }, { heading: 'favourite of', align: 'right' }],
        rows: [...categorySpend.entries()].sort((a, b) => b[1] - a[1]).map(([category, spend]) => [category, share(spend, categorised), `${formatCount(topCategoryCustomers.get(category) ?? 0)} customers`]),
      },
    });
  }
  if (input.interactions !== undefined) {
    const scores = features.flatMap((customer) => (customer.meanInteractionScore === null ? [] : [customer.meanInteractionScore]));
    sections.push({
      title: 'Engagement',
      lines: [
        `promotion seekers (over half their orders discounted): ${formatCount(buyers.filter((customer) => (customer.discountedOrderShare ?? 0) > 0.5).length)}`,
        `customers with a survey score: ${formatCount(scores.length)}, mean score ${scores.length === 0 ? '-' : (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1)}`,
        `spend trend: ${formatCount(buyers.filter((customer) => (customer.spendSlope ?? 0) > 0).length)} buyers growing, ${formatCount(buyers.filter((customer) => (customer.spendSlope ?? 0) < 0).length)} shrinking over the last year`,
      ],
    });
  }

  const customers = features.map((customer): ReportedCustomer => {
    const entry = reported.get(customer.customerId) as { rfm: string | null; segment: string | null; tier: string | null; stage: string; cluster: string | null };
    return { customerId: customer.customerId, orders: customer.orders, monetaryTotal: customer.monetaryTotal, daysSinceLastPurchase: customer.daysSinceLastPurchase, ...entry };
  });
  const rejected = Object.fromEntries(Object.entries(parsed).map(([name, result]) => [name, result.rejected.slice(0, 20)]));
  return { data: { asOf: formatDay(input.asOf, input.timeZone), counts, rejected, customers, sections }, sections };
}
