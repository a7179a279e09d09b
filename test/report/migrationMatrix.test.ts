import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, lifecycleTransitions, migrationMatrix } from 'clientele';

describe('migrationMatrix', () => {
  it('counts moves, entries and exits so that every customer is counted once on each side', () => {
    const snapshot = fc.array(fc.record({ customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), group: fc.constantFrom('x', 'y', 'z', '__proto__', 'constructor', null) }), { maxLength: 12 }).map((rows) => {
      const seen = new Set<string>();
      return rows.filter((row) => !seen.has(row.customerId) && seen.add(row.customerId));
    });
    fc.assert(
      fc.property(snapshot, snapshot, (before, after) => {
        const moves = migrationMatrix(before, after, { by: 'group' });
        const inRows = (from: string): number => Object.values(moves.counts[from] ?? {}).reduce((sum, count) => sum + count, 0);
        const inColumn = (to: string): number => moves.groups.reduce((sum, from) => sum + (moves.counts[from]?.[to] ?? 0), 0);
        for (const group of moves.groups) {
          expect(inRows(group) + (moves.left[group] ?? 0)).toBe(before.filter((row) => (row.group ?? '(none)') === group).length);
          expect(inColumn(group) + (moves.entered[group] ?? 0)).toBe(after.filter((row) => (row.group ?? '(none)') === group).length);
          const shares = Object.values(moves.shares[group] ?? {});
          expect(shares.every((share) => share >= 0 && share <= 1)).toBe(true);
          if (inRows(group) > 0) expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
        }
        const movers = moves.moved.reduce((sum, move) => sum + move.customerIds.length, 0);
        expect(moves.common - movers).toBe(Math.round(moves.stayedShare * moves.common));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps two moves apart whatever the group names hold (x→y to z, x to y→z)', () => {
    const moves = migrationMatrix([{ customerId: 'a', g: 'x→y' }, { customerId: 'b', g: 'x' }], [{ customerId: 'a', g: 'z' }, { customerId: 'b', g: 'y→z' }], { by: 'g' });
    expect(moves.moved).toEqual([
      { from: 'x→y', to: 'z', customerIds: ['a'] },
      { from: 'x', to: 'y→z', customerIds: ['b'] },
    ]);
  });

  it('keeps hostile group names as plain keys, never touching the prototype', () => {
    const moves = migrationMatrix([{ customerId: 'a', group: '__proto__' }], [{ customerId: 'a', group: 'constructor' }], { by: 'group' });
    expect(moves.counts.__proto__?.constructor).toBe(1);
    expect(Object.getPrototypeOf(moves.counts)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('orders the axis as asked, groups by a function, and agrees with lifecycleTransitions', () => {
    type Row = { readonly customerId: string; readonly stage: 'new' | 'active' | 'at_risk' | 'churned' };
    const before: Row[] = [{ customerId: 'a', stage: 'active' }, { customerId: 'b', stage: 'at_risk' }];
    const after: Row[] = [{ customerId: 'a', stage: 'at_risk' }, { customerId: 'b', stage: 'churned' }, { customerId: 'c', stage: 'new' }];
    const moves = migrationMatrix(before, after, { by: (row) => row.stage, order: ['new', 'active', 'at_risk', 'churned'] });
    expect(moves.groups).toEqual(['new', 'active', 'at_risk', 'churned']);
    const lifecycle = lifecycleTransitions(before, after);
    expect(Object.fromEntries(moves.moved.map((move) => [`${move.from}→${move.to}`, move.customerIds]))).toEqual(lifecycle.moved);
    expect(moves.counts.active).toEqual(Object.fromEntries(Object.entries(lifecycle.counts.active).filter(([stage]) => moves.groups.includes(stage))));
  });

  it('refuses a bad `by`, rows without a customer id and customers listed twice', () => {
    expect(() => migrationMatrix([], [], { by: 3 as unknown as string })).toThrow(ConfigurationError);
    expect(() => migrationMatrix([{ id: 'a' }], [], { by: 'id' })).toThrow(/before\[0\]/);
    expect(() => migrationMatrix([], [{ customerId: 'a', g: 1 }, { customerId: 'a', g: 2 }], { by: 'g' })).toThrow(/twice in `after`/);
    expect(() => migrationMatrix([], [], { by: 'g', order: 'x' as unknown as string[] })).toThrow(ConfigurationError);
    expect(() => migrationMatrix('x' as unknown as object[], [], { by: 'g' })).toThrow(ConfigurationError);
  });

  it('returns empty results for empty snapshots', () => {
    expect(migrationMatrix([], [], { by: 'g' })).toEqual({ groups: [], counts: {}, shares: {}, moved: [], entered: {}, left: {}, common: 0, stayedShare: 0 });
  });
});
