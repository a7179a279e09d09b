/**
 * A Web-standard scoring function: `fetch(request) => Response`, the shape Cloudflare Workers,
 * Deno, Bun, Vercel's edge functions and (with a small adapter, see node.ts) Node all accept.
 *
 * POST /score with one customer's transactions and the date to score at:
 *
 *   { "customerId": "c00042", "asOf": "2026-06-30", "transactions": [{ "orderId": "o1", "at": "2026-05-02", "amount": 40 }] }
 *
 * returns their RFM code and segment, lifecycle stage with the reason, P(alive), expected
 * purchases and lifetime value over 12 months, and the team's segments they are in. The models
 * are read and checked once, when the function starts; each request only summarises one
 * customer and applies them.
 */
import {
  ClienteleError,
  ConfigurationError,
  ValidationError,
  assignSegments,
  classifyLifecycleStage,
  customerLifetimeValue,
  defineSegments,
  readClvModel,
  readLifecycleModel,
  readRfmModel,
  scoreRfm,
  summarize,
  type ClvModel,
  type TransactionInput,
} from 'clientele';

/** Bodies above this are refused (413): one customer's history fits well within it. */
export const MAX_BODY_BYTES = 1_000_000;

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** Reads the stored models (throwing at start-up if they are not valid) and returns the handler. */
export function createHandler(stored: unknown): { fetch(request: Request): Promise<Response> } {
  const models = stored as Record<string, unknown>;
  const rfmModel = readRfmModel(models.rfm);
  const lifecycleModel = readLifecycleModel(models.lifecycle);
  const transactionModel = readClvModel(models.transactions);
  const spendModel = readClvModel(models.spend);
  if (transactionModel.kind === 'gammagamma') throw new ConfigurationError('invalid_option', 'models.transactions must be a BG/NBD, MBG/NBD or Pareto/NBD model');
  if (spendModel.kind !== 'gammagamma') throw new ConfigurationError('invalid_option', 'models.spend must be a Gamma-Gamma model');
  // Narrowed once here, for the request handler below.
  const purchases: Exclude<ClvModel, { kind: 'gammagamma' }> = transactionModel;
  const spend: Extract<ClvModel, { kind: 'gammagamma' }> = spendModel;
  const segments = defineSegments(models.segments as Parameters<typeof defineSegments>[0], { mode: 'all' });

  async function score(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/score') return json(404, { error: 'not_found', message: 'POST /score' });
    if (request.method !== 'POST') return json(405, { error: 'method_not_allowed', message: 'POST a JSON body to /score' });
    // Bytes, not characters: a body of 900,000 "é" is 1.8 MB. A declared length is checked before reading.
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES) return json(413, { error: 'too_large', message: `bodies up to ${MAX_BODY_BYTES} bytes` });
    const bytes = await request.arrayBuffer();
    if (bytes.byteLength > MAX_BODY_BYTES) return json(413, { error: 'too_large', message: `bodies up to ${MAX_BODY_BYTES} bytes` });
    const text = new TextDecoder().decode(bytes);
    let body: { customerId?: unknown; asOf?: unknown; transactions?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return json(400, { error: 'invalid_json', message: 'the body is not JSON' });
    }
    const { customerId, asOf, transactions } = body ?? {};
    if (typeof customerId !== 'string' || typeof asOf !== 'string' || !Array.isArray(transactions)) {
      return json(400, { error: 'invalid_request', message: 'expected { customerId: string, asOf: date string, transactions: [...] }' });
    }
    // Every row is this customer's: the body names the customer once, rows may omit it. Ids compare
    // as the library reads them (a number id 1 is "1").
    const notObject = transactions.findIndex((row: unknown) => typeof row !== 'object' || row === null || Array.isArray(row));
    if (notObject >= 0) return json(422, { error: 'invalid_type', message: `transaction ${notObject} is not an object`, path: ['transactions', notObject] });
    const rows = (transactions as Record<string, unknown>[]).map((row) => (row.customerId === undefined ? { ...row, customerId } : row)) as TransactionInput[];
    const other = rows.findIndex((row) => String((row as { customerId?: unknown }).customerId) !== customerId);
    if (other >= 0) return json(422, { error: 'other_customer', message: `transaction ${other} belongs to another customer`, path: ['transactions', other, 'customerId'] });

    const features = summarize(rows, { asOf, unit: purchases.timeUnit, customers: [{ id: customerId }] })[0];
    if (features === undefined) throw new Error('summarize returned no customer');
    const rfmScore = scoreRfm(rfmModel, features);
    const lifecycle = classifyLifecycleStage(lifecycleModel, features);
    const [value] = customerLifetimeValue({ transactionModel: purchases, valueModel: spend, customers: [features], horizon: { months: 12 }, discountRate: 0.01 }).customers;
    const scored = {
      ...features,
      rfm: rfmScore,
      lifecycle: { stage: lifecycle.stage },
      pAlive: value?.probabilityAlive ?? null,
      clv: value?.lifetimeValue ?? null,
    };
    const [membership] = assignSegments(segments, [scored]);
    return json(200, {
      customerId,
      asOf,
      orders: features.orders,
      monetaryTotal: features.monetaryTotal,
      daysSinceLastPurchase: features.daysSinceLastPurchase,
      rfm: rfmScore === null ? null : { code: rfmScore.code, segment: rfmScore.segment, label: rfmModel.segments.find((segment) => segment.id === rfmScore.segment)?.label.en ?? null },
      lifecycle: { stage: lifecycle.stage, reason: lifecycle.reason.text },
      probabilityAlive: value?.probabilityAlive ?? null,
      expectedPurchases12Months: value?.expectedPurchases ?? null,
      lifetimeValue12Months: value?.lifetimeValue ?? null,
      segments: membership?.segments ?? [],
    });
  }

  return {
    async fetch(request) {
      try {
        return await score(request);
      } catch (error) {
        // Bad input is the caller's to fix (4xx, with the path and the reason); anything else is ours (500, no details).
        if (error instanceof ValidationError) return json(422, { error: error.code, message: error.message, path: ['transactions', ...error.path], issues: error.issues.slice(0, 5) });
        if (error instanceof ClienteleError) return json(400, { error: error.code, message: error.message, path: error.path });
        return json(500, { error: 'internal', message: 'scoring failed' });
      }
    },
  };
}
