/** How members moved between the groups of two snapshots, in plain maps. */
export interface MigrationCounts {
  /** `counts.get(from).get(to)`: members in `from` before and `to` after (members of both snapshots); every pair of `groups` is present. */
  readonly counts: Map<string, Map<string, number>>;
  /** The members who changed group, `moved.get(from).get(to)`, ids sorted; only pairs with someone. */
  readonly moved: Map<string, Map<string, string[]>>;
  /** Members only in the later snapshot, per group; every group present. */
  readonly entered: Map<string, number>;
  /** Members only in the earlier snapshot, per their group then; every group present. */
  readonly left: Map<string, number>;
}

/**
 * Counts the moves between two snapshots (member id → group) over the given groups, which must
 * include every group either snapshot uses. Shared by the lifecycle transitions and the generic
 * migration report, so that both count the same way.
 */
export function countMigrations(earlier: ReadonlyMap<string, string>, later: ReadonlyMap<string, string>, groups: readonly string[]): MigrationCounts {
  const counts = new Map(groups.map((from) => [from, new Map(groups.map((to) => [to, 0]))]));
  const entered = new Map(groups.map((group) => [group, 0]));
  const left = new Map(groups.map((group) => [group, 0]));
  const moved = new Map<string, Map<string, string[]>>();
  for (const [id, from] of earlier) {
    const to = later.get(id);
    if (to === undefined) {
      left.set(from, (left.get(from) ?? 0) + 1);
      continue;
    }
    const row = counts.get(from) as Map<string, number>;
    row.set(to, (row.get(to) ?? 0) + 1);
    if (from !== to) {
      let targets = moved.get(from);
      if (targets === undefined) moved.set(from, (targets = new Map()));
      const ids = targets.get(to);
      if (ids === undefined) targets.set(to, [id]);
      else ids.push(id);
    }
  }
  for (const [id, to] of later) if (!earlier.has(id)) entered.set(to, (entered.get(to) ?? 0) + 1);
  for (const targets of moved.values()) for (const ids of targets.values()) ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { counts, moved, entered, left };
}

/** A map as a plain record (own properties even for keys like `__proto__`). */
export function recordOf<V>(map: ReadonlyMap<string, V>): Record<string, V> {
  return Object.fromEntries(map) as Record<string, V>;
}

/** Row shares of a count matrix: each count over its row's total; 0 for an empty row. */
export function rowShares(counts: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, Map<string, number>> {
  return new Map(
    [...counts].map(([from, row]) => {
      let total = 0;
      for (const count of row.values()) total += count;
      return [from, new Map([...row].map(([to, count]) => [to, total === 0 ? 0 : count / total]))];
    }),
  );
}
