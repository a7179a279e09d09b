import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/runDemo';
import { summarize } from 'clientele';
import { generateSample } from 'clientele/sample';

describe('runDemo', () => {
  const report = runDemo({ customers: 300, seed: 7, json: false });

  it('prints the sections a CRM team reads, with counts that match the library', () => {
    const sample = generateSample({ customers: 300, seed: 7 });
    const features = summarize(sample.transactions, { asOf: sample.asOf });
    const buyers = features.filter((customer) => !customer.isProspect).length;
    expect(report).toContain(`transactions  ${sample.transactions.length.toLocaleString('en-US')} rows accepted, 0 rejected`);
    expect(report).toContain(`buyers ${buyers.toLocaleString('en-US')}, prospects ${(300 - buyers).toLocaleString('en-US')}`);
    for (const heading of ['Who are my best customers?', 'Who is slipping away?', 'What are they worth?', 'Lifecycle stages', 'Natural groups', 'Do they come back?', 'What do they buy?', 'Engagement']) expect(report).toContain(heading);
  });

  it('prints the same report for the same seed, and JSON on request', () => {
    expect(runDemo({ customers: 300, seed: 7, json: false })).toBe(report);
    const json = JSON.parse(runDemo({ customers: 50, seed: 7, json: true })) as { customers: { customerId: string; stage: string }[]; counts: { transactions: { rejected: number } } };
    expect(json.counts.transactions.rejected).toBe(0);
    expect(json.customers).toHaveLength(50);
    expect(json.customers.every((customer) => typeof customer.stage === 'string')).toBe(true);
  });
});
