import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, summarize } from 'clientele';
import { generateSample } from 'clientele/sample';
import { runReport } from '../../src/cli/runReport';

const directory = mkdtempSync(join(tmpdir(), 'clientele-report-'));
function file(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}
const csvCell = (value: unknown): string => (value === undefined ? '' : /[",\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));

interface ReportJson {
  counts: Record<string, { given: number; accepted: number; rejected: number }>;
  rejected: { index: number; path: string[]; message: string }[];
  customers: { customerId: string; segment: string | null; stage: string }[];
}

describe('clientele report', () => {
  const orders = file(
    'orders.csv',
    '\ufeffInvoice,Customer_ID,order_date,Total,category,note\r\nA1,c1,2026-01-05,40.5,shoes,first\r\nA2,c2,2026-01-20,"1,200",socks,"quoted, with comma"\r\nA3,c1,2026-02-11,30,socks,\r\nA4,c3,not-a-date,60,shoes,\r\nA5,c2,2026-04-02,35,shoes,\r\nA6,__proto__,2026-04-03,12,shoes,\r\n',
  );

  it('reads headings by name or alias, validates every row, and says what it rejected and why', async () => {
    const text = await runReport({ orders, asOf: '2026-04-30', json: false, seed: 1 });
    expect(text).toContain('transactions  4 rows accepted, 2 rejected');
    expect(text).toContain('columns: orderId ← Invoice, customerId ← Customer_ID, at ← order_date, amount ← Total, category; not used: note');
    expect(text).toContain('rejected transactions row 2 (amount): expected a finite number, received "1,200"');
    expect(text).toContain('rejected transactions row 4 (at)');
    // Parts the data is too small for say so instead of failing.
    expect(text).toMatch(/What are they worth\?\n {2}not shown: fitGammaGamma needs at least 2 customers with repeat purchases/);
    const json = JSON.parse(await runReport({ orders, asOf: '2026-04-30', json: true, seed: 1 })) as ReportJson;
    expect(json.counts.transactions).toEqual({ given: 6, accepted: 4, rejected: 2 });
    expect(json.customers.map((customer) => customer.customerId).sort()).toEqual(['__proto__', 'c1', 'c2']);
  });

  it('gives the numbers summarize gives on the generated sample written out as CSV, with customers and interactions', async () => {
    const sample = generateSample({ customers: 400, seed: 3 });
    const transactionFields = ['orderId', 'customerId', 'at', 'amount', 'category', 'quantity', 'discount', 'channel', 'status', 'lineId'] as const;
    const rows = sample.transactions.map((row) => transactionFields.map((field) => csvCell(field === 'at' ? new Date((row as { at: number }).at).toISOString() : (row as unknown as Record<string, unknown>)[field])).join(','));
    const ordersFile = file('sample-orders.csv', [transactionFields.join(','), ...rows].join('\n'));
    const customersFile = file(
      'sample-customers.csv',
      ['customer_id,createdAt,region,consent_email', ...sample.customers.map((customer) => [customer.id, customer.createdAt === undefined ? '' : new Date(customer.createdAt).toISOString(), 'north', 'yes'].join(','))].join('\n'),
    );
    const interactionsFile = file(
      'sample-interactions.csv',
      ['customerId,at,kind,campaignId,channel,score', ...sample.interactions.map((row) => [row.customerId, new Date(row.at).toISOString(), row.kind, row.campaignId ?? '', row.channel ?? '', row.score ?? ''].map(csvCell).join(','))].join('\n'),
    );
    const json = JSON.parse(await runReport({ orders: ordersFile, customers: customersFile, interactions: interactionsFile, asOf: new Date(sample.asOf).toISOString(), json: true, seed: 1 })) as ReportJson;
    expect(json.counts.transactions?.rejected).toBe(0);
    expect(json.counts.customers).toEqual({ given: 400, accepted: 400, rejected: 0 });
    expect(json.counts.interactions?.rejected).toBe(0);
    const features = summarize(sample.transactions, { asOf: sample.asOf, customers: sample.customers });
    expect(json.customers).toHaveLength(features.length);
    expect(json.customers.filter((customer) => customer.stage === 'prospect')).toHaveLength(features.filter((customer) => customer.isProspect).length);
  });

  it('reports progress on large files', async () => {
    const header = 'orderId,customerId,at,amount';
    const lines = Array.from({ length: 200_001 }, (_, i) => `o${i},c${i % 5000},2026-01-${String((i % 28) + 1).padStart(2, '0')},${(i % 90) + 1}`);
    const big = file('big.csv', [header, ...lines].join('\n'));
    const messages: string[] = [];
    const json = JSON.parse(await runReport({ orders: big, asOf: '2026-02-01', json: true, seed: 1, onProgress: (message) => messages.push(message) })) as ReportJson;
    expect(messages).toEqual(['big.csv: 100,000 rows read', 'big.csv: 200,000 rows read']);
    expect(json.counts.transactions).toEqual({ given: 200_001, accepted: 200_001, rejected: 0 });
  });

  it('stops with a message a person can act on: missing file, malformed CSV, missing columns, a wrong mapping', async () => {
    await expect(runReport({ orders: join(directory, 'absent.csv'), asOf: '2026-01-01', json: false, seed: 1 })).rejects.toThrow(/absent.csv: no such file/);
    const broken = file('broken.csv', 'orderId,customerId,at,amount\no1,c1,2026-01-01,"5\n');
    await expect(runReport({ orders: broken, asOf: '2026-01-01', json: false, seed: 1 })).rejects.toThrow(/broken.csv line 2: Quote Not Closed/);
    const wide = file('wide.csv', 'orderId,customerId,at,amount\no1,c1,2026-01-01,5,extra\n');
    await expect(runReport({ orders: wide, asOf: '2026-01-01', json: false, seed: 1 })).rejects.toThrow(/wide.csv line 2/);
    const partial = file('partial.csv', 'order,who,when,amount\no1,c1,2026-01-01,5\n');
    await expect(runReport({ orders: partial, asOf: '2026-01-01', json: false, seed: 1 })).rejects.toThrow(/no column for customerId, at; name one with --columns \(e.g. --columns customerId=<heading>,at=<heading>\); unused columns: who, when/);
    const mapped = await runReport({ orders: partial, asOf: '2026-01-02', json: true, seed: 1, columns: { customerId: 'who', at: 'when' } });
    expect((JSON.parse(mapped) as ReportJson).counts.transactions?.accepted).toBe(1);
    await expect(runReport({ orders: partial, asOf: '2026-01-02', json: true, seed: 1, columns: { customerId: 'nobody' } })).rejects.toThrow(ConfigurationError);
    await expect(runReport({ orders, asOf: 'someday', json: false, seed: 1 })).rejects.toThrow(/--as-of/);
  });

  it('stops on a heading given twice, or one column given for two fields, rather than reading one for the other', async () => {
    const twice = file('twice.csv', 'orderId,customerId,at,amount,amount\no1,c1,2026-01-10,40,99\n');
    await expect(runReport({ orders: twice, asOf: '2026-02-01', json: false, seed: 1 })).rejects.toThrow(/heading "amount" twice \(columns 4 and 5\)/);
    const shared = file('shared.csv', 'order,client,at,amount\no1,c1,2026-01-10,40\n');
    await expect(runReport({ orders: shared, asOf: '2026-02-01', json: false, seed: 1, columns: { orderId: 'client', customerId: 'client' } })).rejects.toThrow(/given for both orderId and customerId/);
    await expect(runReport({ orders: shared, asOf: '2026-02-01', json: false, seed: 1, columns: { categroy: 'x' } })).rejects.toThrow(/--columns names fields of the orders file/);
  });

  it('checks the customers and interactions files too: required columns, rejected rows with reasons, attributes kept as written', async () => {
    const noId = file('no-id.csv', 'name,email\nAnn,ann@example.com\n');
    await expect(runReport({ orders, customers: noId, asOf: '2026-04-30', json: false, seed: 1 })).rejects.toThrow(/no-id.csv has no column for id; rename the heading/);
    const customers = file('customers.csv', 'customer_id,zip,age,consent_sms\nc1,01234,42,maybe\nc2,75001,35,yes\n');
    const text = await runReport({ orders, customers, asOf: '2026-04-30', json: false, seed: 1 });
    expect(text).toContain('customers     1 rows accepted, 1 rejected');
    expect(text).toMatch(/rejected customers row 1 \(consent\.sms\)/);
    const json = JSON.parse(await runReport({ orders, customers, asOf: '2026-04-30', json: true, seed: 1 })) as ReportJson & { rejected: Record<string, unknown[]> };
    expect(Object.keys(json.rejected)).toEqual(['transactions', 'customers']);
    // The postcode keeps its leading zero; the age is a number.
    const { readCsvRows } = await import('../../src/cli/readCsvRows');
    const read = await readCsvRows(customers, { fields: ['id'], numeric: new Set(), aliases: { id: ['customer_id'] }, rest: 'attributes' });
    expect(read.rows[0]).toEqual({ id: 'c1', attributes: { zip: '01234', age: 42, consent_sms: 'maybe' } });
    const interactions = file('interactions.csv', 'customerId,at\nc1,2026-01-01\n');
    await expect(runReport({ orders, interactions, asOf: '2026-04-30', json: false, seed: 1 })).rejects.toThrow(/no column for kind/);
  });

  it('shows days in the time zone asked, and refuses an unknown zone by name', async () => {
    const late = file('late.csv', 'orderId,customerId,at,amount\no1,c1,2026-03-10T23:30:00Z,40\no2,c1,2026-04-10T23:30:00Z,40\no3,c2,2026-04-01,10\n');
    const json = JSON.parse(await runReport({ orders: late, asOf: '2026-06-30', timeZone: 'Europe/Paris', json: true, seed: 1 })) as { asOf: string };
    expect(json.asOf).toBe('2026-06-30');
    const text = await runReport({ orders: late, asOf: '2026-06-30', timeZone: 'Europe/Paris', json: false, seed: 1 });
    // 23:30 UTC on 10 April is 01:30 on 11 April in Paris.
    expect(text).toContain('2026-04-11');
    await expect(runReport({ orders: late, asOf: '2026-06-30', timeZone: 'Mars/Olympus', json: false, seed: 1 })).rejects.toThrow(/IANA time zone/);
  });

  it('shows natural groups for a handful of buyers (k capped at the number of buyers)', async () => {
    const few = file('few.csv', 'orderId,customerId,at,amount\no1,a,2026-01-10,40\no2,b,2026-02-10,400\no3,b,2026-03-10,300\no4,c,2026-03-20,15\no5,d,2026-01-02,90\n');
    const text = await runReport({ orders: few, asOf: '2026-04-30', json: false, seed: 1 });
    expect(text).toMatch(/Natural groups: .*chosen by silhouette from 3 to 4/);
  });

  it('runs as a command: exit code 0 with the report, 1 with the reason on stderr', async () => {
    const run = promisify(execFile);
    const main = join(import.meta.dirname, '../../src/cli/main.ts');
    const ok = await run(process.execPath, ['--import', 'tsx', main, 'report', orders, '--as-of', '2026-04-30']);
    expect(ok.stdout).toContain('clientele report orders.csv: 6 rows, as of 2026-04-30');
    const failed = await run(process.execPath, ['--import', 'tsx', main, 'report', orders]).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('report needs --as-of') as unknown });
    const badSeed = await run(process.execPath, ['--import', 'tsx', main, 'report', orders, '--as-of', '2026-04-30', '--seed', 'abc']).catch((error: { code: number; stderr: string }) => error);
    expect(badSeed).toMatchObject({ code: 1, stderr: expect.stringContaining('--seed expects a whole number') as unknown });
  });
});
