/**
 * The SQL backend on PostgreSQL (Debian's package): the same differential test as on DuckDB.
 * It needs a server: `.ci/run` starts a throwaway one on loopback and sets CLIENTELE_PG_URL.
 * Without it the tests skip with what to install, except under CI=true, where that is a failure.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRule, toSql, validateRule, type Rule } from 'clientele';
import { asOfDay, columns, customers, inProcess, rowOf, rule } from '../../support/sqlDifferential';

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
