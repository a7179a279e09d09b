import { ConfigurationError, quoteValue } from '../errors';
import { countMigrations, recordOf, rowShares } from '../internal/countMigrations';
import { groupKeyOf } from './groupKeyOf';
import { readGroupSnapshot } from './readGroupSnapshot';

/** How customers moved between the groups of two snapshots. */
export interface MigrationMatrix {
  /** The groups: rows and columns of the matrices, in the order given, or else first seen (earlier snapshot first). */
  readonly groups: readonly string[];
  /** `counts[from][to]`: customers in `from` before and `to` after (customers in both snapshots). */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** `shares[from][to]`: `counts[from][to]` over the row's customers; 0 for an empty row. */
  readonly shares: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The customers who changed group: one entry per from/to pair with someone, in the order of `groups`, ids sorted. */
  readonly moved: readonly { readonly from: string; readonly to: string; readonly customerIds: readonly string[] }[];
  /** Customers only in the later snapshot, per group. */
  readonly entered: Readonly<Record<string, number>>;
  /** Customers only in the earlier snapshot, per their group then. */
  readonly left: Readonly<Record<string, number>>;
  /** Customers in both snapshots, and the share of them who kept their group. */
  readonly common: number;
  readonly stayedShare: number;
}

/** Options of {@link migrationMatrix}. */
export interface MigrationMatrixOptions<T> {
  /** The group of a row: a function, or the name of a field. `null` or `undefined` groups as `"(none)"`. */
  readonly by: ((row: T) => string | null | undefined) | string;
  /** The groups in the order to show (say, the RFM segments best first); groups not listed follow in order of first appearance. */
  readonly order?: readonly string[];
}

/**
 * The migration matrix between two snapshots for any grouping: RFM segments last quarter and
 * this quarter, value tiers, clusters, your own segments. Counts and row shares per from/to pair,
 * who moved, who entered or left the base, and the share who stayed. Chart-ready: `groups` is
 * the axis of a heatmap, `shares[from][to]` its cells.
 *
 * @param before - The earlier snapshot: one row per customer with a `customerId`.
 * @param after - The later snapshot.
 * @param options - `by` (the group: a field name or a function), `order` (the axis order).
 * @returns Counts, row shares, movers, entries, exits and the stayed share.
 * @throws {ConfigurationError} `invalid_option` for a bad `by`, a row without a customerId, or a customer listed twice.
 *
 * @example
 * ```ts
 * import { migrationMatrix } from 'clientele';
 * const spring = [{ customerId: 'a', tier: 'high' }, { customerId: 'b', tier: 'middle' }, { customerId: 'c', tier: 'low' }];
 * const summer = [{ customerId: 'a', tier: 'high' }, { customerId: 'b', tier: 'high' }, { customerId: 'd', tier: 'low' }];
 * const moves = migrationMatrix(spring, summer, { by: 'tier', order: ['high', 'middle', 'low'] });
 * moves.counts.middle?.high; // => 1
 * moves.moved; // => [{ from: 'middle', to: 'high', customerIds: ['b'] }]
 * [moves.left.low, moves.entered.low, moves.stayedShare]; // => [1, 1, 0.5]
 * ```
 * @category Reports
 */
export function migrationMatrix<T extends object>(before: readonly T[], after: readonly T[], options: MigrationMatrixOptions<T>): MigrationMatrix {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('missing_option', `migrationMatrix needs options with \`by\`, received ${quoteValue(options)}`);
  if (options.order !== undefined && (!Array.isArray(options.order) || options.order.some((group) => typeof group !== 'string'))) {
    throw new ConfigurationError('invalid_option', `migrationMatrix expects \`order\` to be a list of group names, received ${quoteValue(options.order)}`, ['order']);
  }
  const groupOf = groupKeyOf<T>('migrationMatrix', options.by);
  const earlier = readGroupSnapshot('migrationMatrix', 'before', before, groupOf);
  const later = readGroupSnapshot('migrationMatrix', 'after', after, groupOf);
  const groups = [...new Set([...(options.order ?? []), ...earlier.values(), ...later.values()])];
  const { counts, moved, entered, left } = countMigrations(earlier, later, groups);
  let common = 0;
  let stayed = 0;
  for (const [from, row] of counts) {
    for (const [to, count] of row) {
      common += count;
      if (from === to) stayed += count;
    }
  }
  const matrix = (rows: Map<string, Map<string, number>>): Record<string, Record<string, number>> => Object.fromEntries([...rows].map(([from, row]) => [from, recordOf(row)]));
  return {
    groups,
    counts: matrix(counts),
    shares: matrix(rowShares(counts)),
    // A list, not a record keyed "from→to": group names are the host's, and may contain any character.
    moved: groups.flatMap((from) => groups.flatMap((to) => {
      const customerIds = moved.get(from)?.get(to);
      return customerIds === undefined ? [] : [{ from, to, customerIds }];
    })),
    entered: recordOf(entered),
    left: recordOf(left),
    common,
    stayedShare: common === 0 ? 0 : stayed / common,
  };
}
