/**
 * The SQL backend on PostgreSQL (Debian's package): the same differential test as on DuckDB.
 * It needs a server: `.ci/run` starts a throwaway one on loopback and sets CLIENTELE_PG_URL.
 * Without it the tests skip with what to install, except under CI=true, where that is a failure.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignSegments, compileRule, defineSegments, fitRfm, indexEvents, parseInteractions, parseRule, parseTransactions, rfmSql, scoreRfm, segmentsSql, toSql, validateRule, type Rule } from 'clientele';
import { asOfDay, columns, customers, inProcess, rowOf, rule, sample } from '../../support/sqlDifferential';

const url = process.env.CLIENTELE_PG_URL;
const reason = 'skipped: no PostgreSQL (install Debian\'s postgresql and set CLIENTELE_PG_URL, or run .ci/run, which starts one)';
if (url === undefined && process.env.CI !== 'true') console.warn(`toSql.postgres.test.ts: ${reason}`);

describe('PostgreSQL is there under CI', () => {
  it.runIf(process.env.CI === 'true')('CLIENTELE_PG_URL is set (.ci/run starts a server)', () => {
    expect(url, 'CI=true but no PostgreSQL: .ci/run should have started one').toBeDefined();
  });
});

let client: pg.Client | undefined;
const schema = `clientele_test_${process.pid}`;

beforeAll(async () => {
  if (url === undefined) return;
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`SET search_path TO ${schema}`);
  await client.query(`CREATE TABLE customers (
    "customerId" TEXT, "monetaryTotal" DOUBLE PRECISION, "orders" DOUBLE PRECISION, "daysSinceLastPurchase" DOUBLE PRECISION, "averageOrderValue" DOUBLE PRECISION,
    "spendChange" DOUBLE PRECISION, "interpurchaseCv" DOUBLE PRECISION, "rfm_r" DOUBLE PRECISION, "rfm_score" DOUBLE PRECISION, "rfm_segment" TEXT, "lifecycle_stage" TEXT,
    "topCategory" TEXT, "isProspect" BOOLEAN, "lastPurchaseAt" TIMESTAMP, "firstPurchaseAt" TIMESTAMP, "lastInteractionAt" TIMESTAMP,
    "categories" TEXT[], "interactionKinds" TEXT[], "attributes_region" TEXT, "attributes_segment" TEXT)`);
  for (const customer of customers) {
    await client.query(
      `INSERT INTO customers VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
        (to_timestamp($14::double precision / 1000) AT TIME ZONE 'UTC'), (to_timestamp($15::double precision / 1000) AT TIME ZONE 'UTC'), (to_timestamp($16::double precision / 1000) AT TIME ZONE 'UTC'),
        $17, $18, $19, $20)`,
      rowOf(customer),
    );
  }
}, 120_000);

afterAll(async () => {
  if (client === undefined) return;
  await client.query(`DROP SCHEMA ${schema} CASCADE`);
  await client.end();
});

async function selected(rule: Rule): Promise<string[]> {
  const { sql, params } = toSql(rule, { dialect: 'postgres', asOf: asOfDay, columns });
  const result = await (client as pg.Client).query(`SELECT "customerId" FROM customers WHERE ${sql} ORDER BY "customerId" COLLATE "C"`, params as unknown[]);
  return result.rows.map((row: { customerId: string }) => row.customerId);
}

const sorted = (ids: string[]): string[] => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe.skipIf(url === undefined)(`toSql on PostgreSQL selects exactly what compileRule selects${url === undefined ? ` (${reason})` : ''}`, () => {
  it('for the issue’s rule', async () => {
    const issueRule = parseRule('monetaryTotal >= 500 and lastPurchaseAt within 30 days and rfm.segment in ("champions", "loyal")');
    const expected = inProcess(issueRule);
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(await selected(issueRule))).toEqual(expected);
  });

  it('for 300 generated rules, with nulls, unknowns, sets, LIKE wildcards and dates', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(rule, async (node) => {
        const checked = validateRule({ $v: 1, rule: node });
        if (!checked.ok) return;
        expect(sorted(await selected(checked.rule))).toEqual(inProcess(checked.rule));
        compared += 1;
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(compared).toBeGreaterThan(250);
  }, 120_000);

  it('binds hostile values and the table survives', async () => {
    for (const hostile of [`'; DROP TABLE customers; --`, `" OR 1=1 --`, 'back\\slash', '😀 ünïcödé', `%' OR '1'='1`]) {
      const hostileRule = { $v: 1, rule: { kind: 'or', rules: [{ kind: 'eq', field: 'topCategory', value: hostile }, { kind: 'contains', field: 'attributes.region', value: hostile, ignoreCase: true }] } } as Rule;
      expect(sorted(await selected(hostileRule))).toEqual(inProcess(hostileRule));
    }
    const count = await (client as pg.Client).query('SELECT count(*)::int AS n FROM customers');
    expect(count.rows[0].n).toBe(customers.length);
  });
});

describe.skipIf(url === undefined)(`rfmSql, segmentsSql and behaviour conditions on PostgreSQL${url === undefined ? ` (${reason})` : ''}`, () => {
  const transactions = parseTransactions(sample.transactions).records;
  const interactions = parseInteractions(sample.interactions).records;
  const events = indexEvents({ transactions, interactions });

  beforeAll(async () => {
    const db = client as pg.Client;
    await db.query('CREATE TABLE sales ("customerId" TEXT, "orderId" TEXT, "at" TIMESTAMP, "amount" DOUBLE PRECISION, "status" TEXT, "category" TEXT)');
    await db.query(
      `INSERT INTO sales SELECT c, o, (to_timestamp(t / 1000) AT TIME ZONE 'UTC'), a, s, g FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::text[]) AS u(c, o, t, a, s, g)`,
      [transactions.map((row) => row.customerId), transactions.map((row) => row.orderId), transactions.map((row) => row.at), transactions.map((row) => row.amount), transactions.map((row) => row.status), transactions.map((row) => row.category ?? null)],
    );
    await db.query('CREATE TABLE touches ("customerId" TEXT, "at" TIMESTAMP, "kind" TEXT, "campaignId" TEXT)');
    await db.query(
      `INSERT INTO touches SELECT c, (to_timestamp(t / 1000) AT TIME ZONE 'UTC'), k, p FROM unnest($1::text[], $2::float8[], $3::text[], $4::text[]) AS u(c, t, k, p)`,
      [interactions.map((row) => row.customerId), interactions.map((row) => row.at), interactions.map((row) => row.kind), interactions.map((row) => row.campaignId ?? null)],
    );
  }, 60_000);

  it('behaviour conditions count what compileRule counts', async () => {
    for (const text of [
      'count(purchases within 90 days) >= 2',
      'count(purchases where category = "shoes") >= 1 and monetaryTotal >= 100',
      'sum(transactions where status = "completed" within 365 days) > 300',
      'count(interactions where kind = "email_open" within 30 days) = 0',
      'not count(interactions) > 5',
    ]) {
      const checked = parseRule(text);
      const { sql, params } = toSql(checked, { dialect: 'postgres', asOf: asOfDay, columns, events: { customers: 'customers', transactions: { table: 'sales' }, interactions: { table: 'touches' } } });
      const result = await (client as pg.Client).query(`SELECT "customerId" FROM customers WHERE ${sql}`, [...params]);
      const matches = compileRule(checked, { asOf: sample.asOf, events });
      expect(sorted(result.rows.map((row: { customerId: string }) => row.customerId)), text).toEqual(customers.filter(matches).map((customer) => customer.customerId).sort());
    }
  });

  it('rfmSql scores what scoreRfm scores, from the model or from quantiles in the query', async () => {
    for (const breakpoints of ['model', 'quantiles'] as const) {
      const model = fitRfm(customers, { bins: 5 });
      const { sql, params, segments } = rfmSql(model, { dialect: 'postgres', table: 'customers', breakpoints });
      const result = await (client as pg.Client).query(sql, [...params]);
      for (const row of result.rows as { customer_id: string; r: number | null; f: number | null; m: number | null; segment_index: number | null }[]) {
        const expected = scoreRfm(model, customers.find((customer) => customer.customerId === row.customer_id) as (typeof customers)[number]);
        if (expected === null) expect([row.r, row.f, row.m]).toEqual([null, null, null]);
        else expect([Number(row.r), Number(row.f), Number(row.m), segments[Number(row.segment_index)]], `${breakpoints} ${row.customer_id}`).toEqual([expected.r, expected.f, expected.m, expected.segment]);
      }
    }
  });

  it('segmentsSql assigns what assignSegments assigns, in both modes', async () => {
    for (const mode of ['first', 'all'] as const) {
      const set = defineSegments(
        [
          { name: 'vip', rule: 'monetaryTotal >= 800 and lifecycle.stage not in ("churned", "at_risk")', priority: 3 },
          { name: 'quiet', rule: 'lastPurchaseAt more than 6 months ago' },
          { name: 'shoes', rule: 'categories has "shoes"' },
        ],
        { mode },
      );
      const expected = new Map(assignSegments(set, customers, { asOf: sample.asOf }).map((membership) => [membership.customerId, membership.segments]));
      const { sql, params, segments } = segmentsSql(set, { dialect: 'postgres', table: 'customers', columns, asOf: asOfDay });
      const result = await (client as pg.Client).query({ text: sql, values: [...params], rowMode: 'array' });
      for (const [customerId, ...assigned] of result.rows as [string, ...unknown[]][]) {
        const names = mode === 'first' ? (assigned[0] === null ? [] : [segments[Number(assigned[0])] as string]) : segments.filter((_, index) => assigned[index] === true);
        expect(names, customerId).toEqual(expected.get(customerId));
      }
    }
  });
});
