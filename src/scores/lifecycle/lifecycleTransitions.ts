import { ConfigurationError, quoteValue } from '../../errors';
import { LIFECYCLE_STAGES, type LifecycleStage } from './lifecycleStages';

/** A customer's stage in one snapshot: what `classifyLifecycle` returns per customer. */
export interface StageSnapshot {
  readonly customerId: string;
  readonly stage: LifecycleStage;
}

/** How customers moved between two lifecycle snapshots. */
export interface LifecycleTransitions {
  /** The stages, in order: rows and columns of the matrices. */
  readonly stages: readonly LifecycleStage[];
  /** `counts[from][to]`: customers in `from` before and `to` after (customers in both snapshots). */
  readonly counts: Readonly<Record<LifecycleStage, Readonly<Record<LifecycleStage, number>>>>;
  /** `shares[from][to]`: the row share, `counts[from][to]` over the customers in `from` before; 0 for an empty row. */
  readonly shares: Readonly<Record<LifecycleStage, Readonly<Record<LifecycleStage, number>>>>;
  /** The customers who changed stage, per `from→to` pair (e.g. `active→at_risk`), ids sorted. */
  readonly moved: Readonly<Record<string, readonly string[]>>;
  /** Customers only in the later snapshot, per stage (new sign-ups, first purchases). */
  readonly entered: Readonly<Record<LifecycleStage, number>>;
  /** Customers only in the earlier snapshot, per their stage then. */
  readonly left: Readonly<Record<LifecycleStage, number>>;
}

const STAGE_IDS = LIFECYCLE_STAGES.map((stage) => stage.id);

function zeros(): Record<LifecycleStage, number> {
  return Object.fromEntries(STAGE_IDS.map((id) => [id, 0])) as Record<LifecycleStage, number>;
}

function readSnapshot(name: string, snapshot: readonly StageSnapshot[]): Map<string, LifecycleStage> {
  if (!Array.isArray(snapshot)) throw new ConfigurationError('invalid_option', `lifecycleTransitions expects \`${name}\` to be an array of { customerId, stage }, received ${quoteValue(snapshot)}`, [name]);
  const stages = new Map<string, LifecycleStage>();
  snapshot.forEach((entry, index) => {
    const stage = (entry as { stage?: unknown } | null)?.stage;
    const customerId = (entry as { customerId?: unknown } | null)?.customerId;
    if (typeof customerId !== 'string' || !STAGE_IDS.includes(stage as LifecycleStage)) {
      throw new ConfigurationError('invalid_option', `lifecycleTransitions expects \`${name}[${index}]\` to have a customerId and one of the stages ${STAGE_IDS.join(', ')}, received ${quoteValue(stage)}`, [name, index]);
    }
    if (stages.has(customerId)) throw new ConfigurationError('invalid_option', `lifecycleTransitions found customer ${quoteValue(customerId)} twice in \`${name}\``, [name, index]);
    stages.set(customerId, stage as LifecycleStage);
  });
  return stages;
}

/**
 * The migration matrix between two lifecycle snapshots (say, last month's and this month's
 * `classifyLifecycle` results): how many customers went from each stage to each other, the row
 * shares, who moved, and who entered or left the base between them.
 *
 * @param before - The earlier snapshot.
 * @param after - The later snapshot.
 * @returns Counts, row shares, the movers per pair, and entries and exits.
 * @throws {ConfigurationError} `invalid_option` for an unknown stage or a customer listed twice.
 *
 * @example
 * ```ts
 * import { lifecycleTransitions } from 'clientele';
 * const june = [{ customerId: 'a', stage: 'active' }, { customerId: 'b', stage: 'active' }, { customerId: 'c', stage: 'at_risk' }] as const;
 * const july = [{ customerId: 'a', stage: 'active' }, { customerId: 'b', stage: 'at_risk' }, { customerId: 'c', stage: 'churned' }, { customerId: 'd', stage: 'new' }] as const;
 * const moves = lifecycleTransitions(june, july);
 * moves.counts.active.at_risk; // => 1
 * moves.shares.active.active; // => 0.5
 * moves.moved['at_risk→churned']; // => ['c']
 * moves.entered.new; // => 1
 * ```
 * @category Lifecycle
 */
export function lifecycleTransitions(before: readonly StageSnapshot[], after: readonly StageSnapshot[]): LifecycleTransitions {
  const earlier = readSnapshot('before', before);
  const later = readSnapshot('after', after);
  const counts = Object.fromEntries(STAGE_IDS.map((id) => [id, zeros()])) as Record<LifecycleStage, Record<LifecycleStage, number>>;
  const moved: Record<string, string[]> = {};
  const entered = zeros();
  const left = zeros();
  for (const [customerId, from] of earlier) {
    const to = later.get(customerId);
    if (to === undefined) {
      left[from] += 1;
      continue;
    }
    counts[from][to] += 1;
    if (from !== to) (moved[`${from}→${to}`] ??= []).push(customerId);
  }
  for (const [customerId, to] of later) if (!earlier.has(customerId)) entered[to] += 1;
  for (const ids of Object.values(moved)) ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const shares = Object.fromEntries(
    STAGE_IDS.map((from) => {
      const row = counts[from];
      const total = STAGE_IDS.reduce((sum, to) => sum + row[to], 0);
      return [from, Object.fromEntries(STAGE_IDS.map((to) => [to, total === 0 ? 0 : row[to] / total]))];
    }),
  ) as Record<LifecycleStage, Record<LifecycleStage, number>>;
  return { stages: STAGE_IDS, counts, shares, moved, entered, left };
}
