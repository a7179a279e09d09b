import { describe, expect, it } from 'vitest';
import { ModelError, fitRfm, rfmSql } from 'clientele';

describe('rfmSql', () => {
  const model = fitRfm([], { method: 'fixed', bins: 3, breakpoints: { recency: [30, 90], frequency: [1, 3], monetary: [100, 500] } });

  it('refuses a tampered model before any of it reaches the SQL text (bins are written into the query)', () => {
    const stored = JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
    const hostile = { ...stored, bins: '3 END, (SELECT secret FROM users) AS leak, CASE WHEN 1=1 THEN 0' };
    expect(() => rfmSql(hostile as never, { dialect: 'postgres', table: 'features' })).toThrow(ModelError);
    const wrongEdges = { ...stored, dimensions: { ...(stored.dimensions as object), recency: { field: 'daysSinceLastPurchase', higherIsBetter: false, breakpoints: ['1; DROP TABLE x', 2] } } };
    expect(() => rfmSql(wrongEdges as never, { dialect: 'postgres', table: 'features' })).toThrow(ModelError);
    expect(rfmSql(JSON.parse(JSON.stringify(model)) as never, { dialect: 'postgres', table: 'features' }).params).toEqual([30, 90, 1, 3, 100, 500]);
  });
});
