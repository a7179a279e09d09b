/** What the dashboard shows, computed with clientele from validated transactions. */
import { LIFECYCLE_STAGES, classifyLifecycle, migrationMatrix, profileSegments, rfm, summarize, type MigrationMatrix, type ParseResult, type SegmentProfile, type Transaction } from 'clientele';

export interface Dashboard {
  readonly asOf: string;
  readonly counts: ParseResult<Transaction>['counts'];
  readonly firstRejections: readonly string[];
  readonly customers: number;
  readonly buyers: number;
  /** `grid[r - 1][f - 1]`: customers with recency score r and frequency score f, and their mean net spend. */
  readonly grid: readonly (readonly { readonly customers: number; readonly meanSpend: number }[])[];
  readonly segments: readonly (SegmentProfile & { readonly label: string })[];
  readonly stages: readonly { readonly id: string; readonly label: string; readonly customers: number }[];
  /** Lifecycle stages 90 days before `asOf` against at `asOf`. */
  readonly migration: MigrationMatrix;
  readonly migrationFrom: string;
}

const DAY_MS = 86_400_000;
const day = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

export function buildDashboard(transactions: ParseResult<Transaction>, asOf: number): Dashboard {
  const features = summarize(transactions.records, { asOf });
  const buyers = features.filter((customer) => customer.orders > 0);
  const { model, scores } = rfm(features);
  const grid = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => ({ customers: 0, spend: 0 })));
  const spendOf = new Map(features.map((customer) => [customer.customerId, customer.monetaryTotal]));
  for (const score of scores) {
    const cell = grid[Math.min(score.r, 5) - 1]?.[Math.min(score.f, 5) - 1];
    if (cell === undefined) continue;
    cell.customers++;
    cell.spend += spendOf.get(score.customerId) ?? 0;
  }
  const segmentOf = new Map(scores.map((score) => [score.customerId, score.segment]));
  const labelOf = new Map(model.segments.map((segment) => [segment.id, segment.label.en]));
  const segments = profileSegments(buyers, (customer) => segmentOf.get(customer.customerId)).map((profile) => ({ ...profile, label: labelOf.get(profile.key) ?? profile.key }));

  const now = classifyLifecycle(features, { sentences: false });
  const from = asOf - 90 * DAY_MS;
  const before = classifyLifecycle(summarize(transactions.records, { asOf: from }), { sentences: false });
  const order = LIFECYCLE_STAGES.map((stage) => stage.id);
  return {
    asOf: day(asOf),
    counts: transactions.counts,
    firstRejections: transactions.rejected.slice(0, 3).map((issue) => `row ${issue.index + 1} ${issue.path.join('.')}: ${issue.message}`),
    customers: features.length,
    buyers: buyers.length,
    grid: grid.map((row) => row.map((cell) => ({ customers: cell.customers, meanSpend: cell.customers === 0 ? 0 : cell.spend / cell.customers }))),
    segments,
    stages: LIFECYCLE_STAGES.map((stage) => ({ id: stage.id, label: stage.label.en, customers: now.counts[stage.id] })),
    migration: migrationMatrix(before.stages, now.stages, { by: 'stage', order }),
    migrationFrom: day(from),
  };
}
