import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { classifyLifecycle, parseTransactions, rfm, summarize, valueTiers } from 'clientele';
import { generateSample } from 'clientele/sample';

const run = promisify(execFile);
const example = (name: string): string => join(import.meta.dirname, '../../examples/node', name);

describe('examples/node', () => {
  it('writes the sample as CSV, scores it as a process, and every record equals the library in-process', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'clientele-node-example-'));
    const csv = join(directory, 'orders.csv');
    const out = join(directory, 'segments.json');
    const written = await run(process.execPath, ['--import', 'tsx', example('writeSampleCsv.ts'), csv, '300', '1']);
    const asOf = written.stdout.trim();
    expect(asOf).toBe('2025-12-31');
    const scored = await run(process.execPath, ['--import', 'tsx', example('scoreCsv.ts'), csv, out, '--as-of', asOf]);
    const sample = generateSample({ customers: 300, seed: 1 });
    expect(scored.stdout).toContain(`${sample.transactions.length} rows accepted, 0 rejected`);

    const features = summarize(parseTransactions(sample.transactions).records, { asOf });
    const { model, scores } = rfm(features);
    const tiers = new Map(valueTiers(features).tiers.map((entry) => [entry.customerId, entry.tier]));
    const labels = new Map(model.segments.map((segment) => [segment.id, segment.label.en]));
    const expected = classifyLifecycle(features).stages.map((entry) => {
      const score = scores.find((candidate) => candidate.customerId === entry.customerId);
      return { customerId: entry.customerId, rfm: score?.code ?? null, segment: score === undefined ? null : labels.get(score.segment), tier: tiers.get(entry.customerId) ?? null, stage: entry.stage, why: entry.reason.text };
    });
    const output = JSON.parse(readFileSync(out, 'utf8')) as { asOf: string; customers: unknown[] };
    expect(output.customers).toEqual(expected);
    expect(output.customers.length).toBeGreaterThan(200);
  });

  it('reports rejected rows with their line in the file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'clientele-node-example-'));
    const csv = join(directory, 'orders.csv');
    // A blank line, a bad month, a thousands separator and a space-only amount.
    writeFileSync(csv, 'orderId,customerId,at,amount\no1,a,2026-01-05,10\n\no2,b,2026-13-01,5\no3,c,2026-01-07,"1,200"\no4,d,2026-01-08, \n');
    const result = await run(process.execPath, ['--import', 'tsx', example('scoreCsv.ts'), csv, join(directory, 'out.json'), '--as-of', '2026-02-01']);
    expect(result.stdout).toContain('1 rows accepted, 3 rejected');
    expect(result.stdout).toMatch(/line 4 of the file: at /);
    expect(result.stdout).toMatch(/line 5 of the file: amount expected a finite number, received "1,200"/);
    expect(result.stdout).toMatch(/line 6 of the file: amount/);
    // Only a header: a message and exit code 1, not a stack trace.
    writeFileSync(csv, 'orderId,customerId,at,amount\n');
    const empty = await run(process.execPath, ['--import', 'tsx', example('scoreCsv.ts'), csv, join(directory, 'out.json'), '--as-of', '2026-02-01']).catch((error: { code: number; stderr: string }) => error);
    expect(empty).toMatchObject({ code: 1, stderr: expect.stringContaining('no valid rows to score') as unknown });
  });
});
