/** featuresSql on PostgreSQL gives the numbers summarize gives (needs CLIENTELE_PG_URL: see toSql.postgres.test.ts). */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featuresSql, parseTransactions, summarize } from 'clientele';
import { generateSample } from 'clientele/sample';

const url = process.env.CLIENTELE_PG_URL;
const reason = 'skipped: no PostgreSQL (install Debian\'s postgresql and set CLIENTELE_PG_URL, or run .ci/run, which starts one)';
if (url === undefined && process.env.CI !== 'true') console.warn(`featuresSql.postgres.test.ts: ${reason}`);
const sample = generateSample({ customers: 500, seed: 'features-sql-pg' });
const records = parseTransactions(sample.transactions).records;
const schema = `clientele_features_${process.pid}`;
let client: pg.Client | undefined;

beforeAll(async () => {
  if (url === undefined) return;
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`CREATE TABLE ${schema}.sales ("customerId" TEXT, "orderId" TEXT, "at" TIMESTAMP, "amount" DOUBLE PRECISION, "status" TEXT)`);
  for (const row of records) {
    await client.query(`INSERT INTO ${schema}.sales VALUES ($1, $2, (to_timestamp($3::double precision / 1000) AT TIME ZONE 'UTC'), $4, $5)`, [row.customerId, row.orderId, row.at, row.amount, row.status]);
  }
}, 120_000);

afterAll(async () => {
  if (client === undefined) return;
  await client.query(`DROP SCHEMA ${schema} CASCADE`);
  await client.end();
});

describe.skipIf(url === undefined)(`featuresSql on PostgreSQL${url === undefined ? ` (${reason})` : ''}`, () => {
  it('matches summarize for every customer (weeks)', async () => {
    const expected = summarize(records, { asOf: sample.asOf, unit: 'weeks' });
    const { sql, params } = featuresSql({ dialect: 'postgres', transactions: { table: `${schema}.sales` }, asOf: sample.asOf, unit: 'weeks' });
    const result = await (client as pg.Client).query<Record<string, unknown>>(sql, [...params]);
    const rows = new Map(result.rows.map((row) => [row.customer_id as string, row]));
    expect(rows.size).toBe(expected.length);
    for (const customer of expected) {
      const row = rows.get(customer.customerId) as Record<string, unknown>;
      expect(Number(row.orders)).toBe(customer.orders);
      expect(Number(row.repeat_purchases)).toBe(customer.repeatPurchases);
      expect(Math.abs(Number(row.monetary_total) - customer.monetaryTotal)).toBeLessThan(1e-9 * Math.max(1, Math.abs(customer.monetaryTotal)));
      if (!customer.isProspect) {
        expect(Number(row.days_since_last_purchase)).toBe(customer.daysSinceLastPurchase);
        expect(Math.abs(Number(row.first_purchase_to_as_of) - (customer.firstPurchaseToAsOf as number))).toBeLessThan(1e-9);
        expect(Math.abs(Number(row.first_to_last_purchase) - (customer.firstToLastPurchase as number))).toBeLessThan(1e-9);
      }
    }
  }, 60_000);
});
