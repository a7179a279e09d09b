import { describe, expect, it } from 'vitest';
import { ConfigurationError, lifecycleHistory, lifecycleTransitions, type StageSnapshot } from 'clientele';

describe('lifecycleTransitions', () => {
  const before: StageSnapshot[] = [
    { customerId: 'a', stage: 'active' },
    { customerId: 'b', stage: 'active' },
    { customerId: 'c', stage: 'active' },
    { customerId: 'd', stage: 'at_risk' },
    { customerId: 'e', stage: 'new' },
  ];
  const after: StageSnapshot[] = [
    { customerId: 'a', stage: 'active' },
    { customerId: 'c', stage: 'at_risk' },
    { customerId: 'b', stage: 'at_risk' },
    { customerId: 'd', stage: 'churned' },
    { customerId: 'f', stage: 'new' },
  ];
  const moves = lifecycleTransitions(before, after);

  it('counts customers in both snapshots by from and to stage, with row shares', () => {
    expect(moves.counts.active).toMatchObject({ active: 1, at_risk: 2, churned: 0 });
    expect(moves.shares.active.at_risk).toBeCloseTo(2 / 3, 12);
    expect(moves.shares.at_risk.churned).toBe(1);
    // An empty row has shares of 0, not NaN.
    expect(Object.values(moves.shares.growing)).toEqual(new Array(9).fill(0));
  });

  it('lists the movers per pair, sorted, and counts entries and exits', () => {
    expect(moves.moved).toEqual({ 'active→at_risk': ['b', 'c'], 'at_risk→churned': ['d'] });
    expect(moves.entered.new).toBe(1);
    expect(moves.left.new).toBe(1);
    const inBoth = Object.values(moves.counts).reduce((sum, row) => sum + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(inBoth + Object.values(moves.left).reduce((a, b) => a + b, 0)).toBe(before.length);
  });

  it('rejects unknown stages and customers listed twice', () => {
    expect(() => lifecycleTransitions([{ customerId: 'a', stage: 'dormant' as 'active' }], [])).toThrow(ConfigurationError);
    expect(() => lifecycleTransitions([], [{ customerId: 'a', stage: 'new' }, { customerId: 'a', stage: 'active' }])).toThrow(/twice/);
    expect(() => lifecycleTransitions({} as never, [])).toThrow(ConfigurationError);
  });
});

describe('lifecycleHistory', () => {
  const rows = ['2026-01-05', '2026-02-04', '2026-03-06', '2026-09-01'].map((at, i) => ({ orderId: `o${i}`, customerId: 'ann', at, amount: 40 }));

  it('follows one customer with one model: new, active, at risk, churned, reactivated', () => {
    const history = lifecycleHistory(rows, { customerId: 'ann', from: '2026-01-01', to: '2026-10-31', every: { days: 60 } });
    expect(history.map((point) => point.asOf)).toEqual(['2026-01-01', '2026-03-02', '2026-05-01', '2026-06-30', '2026-08-29', '2026-10-28']);
    expect(history.map((point) => point.classification?.stage ?? null)).toEqual([null, 'new', 'active', 'at_risk', 'churned', 'reactivated']);
  });

  it('rejects steps that are too short for the range, and a range that runs backwards', () => {
    expect(() => lifecycleHistory(rows, { customerId: 'ann', from: '2020-01-01', to: '2026-01-01', every: { days: 1 } })).toThrow(/at most 1,000 points/);
    expect(() => lifecycleHistory(rows, { customerId: 'ann', from: '2026-05-01', to: '2026-01-01' })).toThrow(ConfigurationError);
    expect(() => lifecycleHistory(rows, { from: '2026-01-01', to: '2026-02-01' } as never)).toThrow(/customerId/);
  });
});
