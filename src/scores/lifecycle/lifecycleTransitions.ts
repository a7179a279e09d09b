import { ConfigurationError, quoteValue } from '../../errors';
import { countMigrations, recordOf, rowShares } from '../../internal/countMigrations';
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
  const { counts, moved, entered, left } = countMigrations(readSnapshot('before', before), readSnapshot('after', after), STAGE_IDS);
  type Matrix = Record<LifecycleStage, Record<LifecycleStage, number>>;
  const matrix = (rows: Map<string, Map<string, number>>): Matrix => Object.fromEntries([...rows].map(([from, row]) => [from, recordOf(row)])) as Matrix;
  return {
    stages: STAGE_IDS,
    counts: matrix(counts),
    shares: matrix(rowShares(counts)),
    // Stage ids have no arrow in them, so `from→to` keys cannot collide.
    moved: Object.fromEntries([...moved].flatMap(([from, targets]) => [...targets].map(([to, ids]) => [`${from}→${to}`, ids]))),
    entered: recordOf(entered) as Record<LifecycleStage, number>,
    left: recordOf(left) as Record<LifecycleStage, number>,
  };
}
