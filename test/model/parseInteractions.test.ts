import { describe, expect, it } from 'vitest';
import { parseInteractions } from 'clientele';

describe('parseInteractions', () => {
  it('accepts known and host-defined kinds with optional campaign, channel and score', () => {
    const { records, counts } = parseInteractions([
      { customerId: 1, at: '2026-03-01T09:30:00Z', kind: 'campaign_response', campaignId: 'spring', channel: 'email' },
      { customerId: 'c2', at: Date.UTC(2026, 2, 2), kind: 'loyalty_app_scan', score: null },
      { customerId: 'c2', at: '2026-03-02', kind: 'survey', score: 9 },
    ]);
    expect(counts.rejected).toBe(0);
    expect(records).toEqual([
      { customerId: '1', at: Date.UTC(2026, 2, 1, 9, 30), kind: 'campaign_response', campaignId: 'spring', channel: 'email' },
      { customerId: 'c2', at: Date.UTC(2026, 2, 2), kind: 'loyalty_app_scan' },
      { customerId: 'c2', at: Date.UTC(2026, 2, 2), kind: 'survey', score: 9 },
    ]);
  });

  it('rejects malformed kinds, missing customers and non-finite scores', () => {
    const result = parseInteractions([
      { customerId: 'c1', at: '2026-03-01', kind: 'Email Open' },
      { customerId: 'c1', at: '2026-03-01', kind: "x'; drop table" },
      { at: '2026-03-01', kind: 'survey' },
      { customerId: 'c1', at: '2026-03-01', kind: 'survey', score: Number.POSITIVE_INFINITY },
    ]);
    expect(result.counts).toEqual({ given: 4, accepted: 0, rejected: 4 });
    expect(result.rejected.map((issue) => issue.code)).toEqual(['invalid_value', 'invalid_value', 'missing_field', 'non_finite']);
  });
});
