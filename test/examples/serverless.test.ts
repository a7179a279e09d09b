import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { classifyLifecycleStage, customerLifetimeValue, parseTransactions, readClvModel, readLifecycleModel, readRfmModel, scoreRfm, summarize } from 'clientele';
import { generateSample } from 'clientele/sample';
import { sampleModels } from '../../examples/serverless/fitModels';
import { createHandler, MAX_BODY_BYTES } from '../../examples/serverless/handler';
import worker from '../../examples/serverless/worker';

const folder = join(import.meta.dirname, '../../examples/serverless');
const post = (body: unknown, path = '/score'): Request => new Request(`https://scoring.example${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('examples/serverless', () => {
  it('ships models.json as fitModels writes it (the committed file is reproducible)', () => {
    expect(JSON.parse(readFileSync(join(folder, 'models.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(sampleModels())));
  });

  it('scores one customer per request exactly as the library scores the whole base with the same models', async () => {
    const sample = generateSample({ customers: 3000, seed: 11 });
    const records = parseTransactions(sample.transactions).records;
    const models = JSON.parse(readFileSync(join(folder, 'models.json'), 'utf8')) as Record<string, unknown>;
    const features = summarize(records, { asOf: models.asOf as string, unit: 'weeks' }).filter((customer) => customer.orders > 0);
    const rfmModel = readRfmModel(models.rfm);
    const lifecycleModel = readLifecycleModel(models.lifecycle);
    const transactionModel = readClvModel(models.transactions) as Parameters<typeof customerLifetimeValue>[0]['transactionModel'];
    const valueModel = readClvModel(models.spend) as Parameters<typeof customerLifetimeValue>[0]['valueModel'];
    let inSegments = 0;
    for (const customer of features.filter((_, index) => index % 120 === 0)) {
      const own = records.filter((row) => row.customerId === customer.customerId).map(({ customerId: _, ...row }) => row);
      const response = await worker.fetch(post({ customerId: customer.customerId, asOf: models.asOf, transactions: own }));
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      const [value] = customerLifetimeValue({ transactionModel, valueModel, customers: [customer], horizon: { months: 12 }, discountRate: 0.01 }).customers;
      expect(body).toMatchObject({
        customerId: customer.customerId,
        orders: customer.orders,
        monetaryTotal: customer.monetaryTotal,
        rfm: { code: scoreRfm(rfmModel, customer)?.code, segment: scoreRfm(rfmModel, customer)?.segment },
        lifecycle: { stage: classifyLifecycleStage(lifecycleModel, customer).stage },
        probabilityAlive: value?.probabilityAlive,
        lifetimeValue12Months: value?.lifetimeValue,
      });
      if ((body.segments as string[]).length > 0) inSegments++;
    }
    expect(inSegments).toBeGreaterThan(0);
  });

  it('answers bad requests with a status and a reason, never a crash', async () => {
    const cases: [Request, number, string][] = [
      [new Request('https://scoring.example/score'), 405, 'method_not_allowed'],
      [post({}, '/other'), 404, 'not_found'],
      [post('{not json'), 400, 'invalid_json'],
      [post({ customerId: 'a', transactions: [] }), 400, 'invalid_request'],
      [post({ customerId: 'a', asOf: 'someday', transactions: [] }), 400, 'invalid_option'],
      [post({ customerId: 'a', asOf: '2025-12-31', transactions: [{ orderId: 'o1', at: 'nope', amount: 5 }] }), 422, 'invalid_date'],
      [post({ customerId: 'a', asOf: '2025-12-31', transactions: [{ orderId: 'o1', customerId: 'b', at: '2025-01-01', amount: 5 }] }), 422, 'other_customer'],
      [post({ customerId: 'a', asOf: '2025-12-31', transactions: [{ orderId: 'o1', at: '2025-01-01', amount: Number.MAX_VALUE }] }), 422, 'out_of_range'],
      [post('x'.repeat(MAX_BODY_BYTES + 1)), 413, 'too_large'],
      [post(JSON.stringify({ customerId: 'a', asOf: '2025-12-31', transactions: [], note: 'é'.repeat(MAX_BODY_BYTES / 2 + 10) })), 413, 'too_large'],
      [post({ customerId: 'a', asOf: '2025-12-31', transactions: [null] }), 422, 'invalid_type'],
      [post({ customerId: 'a', asOf: '2025-12-31', transactions: ['x'] }), 422, 'invalid_type'],
      [post({ customerId: '1', asOf: '2025-12-31', transactions: [{ orderId: 'o1', customerId: 1, at: '2025-01-01', amount: 5 }] }), 200, ''],
      [post({ customerId: '__proto__', asOf: '2025-12-31', transactions: [{ orderId: "o1'; DROP TABLE x;--", at: '2025-01-01', amount: 5 }] }), 200, ''],
    ];
    for (const [request, status, error] of cases) {
      const response = await worker.fetch(request);
      const body = (await response.json()) as { error?: string; path?: unknown[] };
      expect([response.status, body.error ?? '']).toEqual([status, error]);
      if (status === 422 && error === 'invalid_date') expect(body.path).toEqual(['transactions', 0, 'at']);
    }
    // A customer with no purchase yet is a prospect: scored, with nothing to predict.
    const prospect = (await (await worker.fetch(post({ customerId: 'new', asOf: '2025-12-31', transactions: [] }))).json()) as Record<string, unknown>;
    expect(prospect).toMatchObject({ orders: 0, rfm: null, lifecycle: { stage: 'prospect' }, lifetimeValue12Months: null });
  });

  it('refuses to start with models that are not valid', () => {
    const models = JSON.parse(readFileSync(join(folder, 'models.json'), 'utf8')) as Record<string, unknown>;
    expect(() => createHandler({ ...models, rfm: { kind: 'rfm', version: 2 } })).toThrow(/version/);
    expect(() => createHandler({ ...models, spend: models.transactions })).toThrow(/Gamma-Gamma/);
    expect(() => createHandler({ ...models, segments: [{ name: 'x', rule: 'monetaryTotal >' }] })).toThrow();
  });

  it('bundles for the edge with its models in under 60 kB gzip', async () => {
    const result = await build({ entryPoints: [join(folder, 'worker.ts')], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, alias: { clientele: join(import.meta.dirname, '../../src/index.ts') }, logLevel: 'silent' });
    const size = gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
    console.info(`examples/serverless/worker.ts bundles to ${(size / 1000).toFixed(1)} kB gzip with its models`);
    expect(size).toBeLessThan(60_000);
  });
});
