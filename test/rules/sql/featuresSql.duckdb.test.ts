/**
 * featuresSql on DuckDB gives the numbers summarize gives, on the same generated transactions:
 * exact for counts and days, within 1e-9 for money and the BTYD times.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featuresSql, parseTransactions, summarize } from 'clientele';
import { generateSample } from 'clientele/sample';

const sample = generateSample({ customers: 800, seed: 'features-sql' });
const records = parseTransactions(sample.transactions).records;
let connection: DuckDBConnection;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run('CREATE TABLE sales (customer VARCHAR, "orderId" VARCHAR, "at" TIMESTAMP, "amount" DOUBLE, "status" VARCHAR)');
  const statement = await connection.prepare('INSERT INTO sales VALUES ($1, $2, epoch_ms($3::BIGINT), $4, $5)');
  for (const row of records) {
    statement.bind([row.customerId, row.orderId, row.at, row.amount, row.status] as never);
    await statement.run();
  }
}, 120_000);

afterAll(() => connection?.closeSync());

describe('featuresSql on DuckDB', () => {
  it.each([
    ['days', sample.asOf],
    ['weeks', sample.asOf - 200 * 86_400_000],
  ] as const)('matches summarize (unit %s)', async (unit, asOf) => {
    const expected = summarize(records, { asOf, unit });
    const { sql, params } = featuresSql({ dialect: 'duckdb', transactions: { table: 'sales', columns: { customerId: 'customer' } }, asOf, unit });
    const result = await connection.runAndReadAll(sql, params as never);
    const rows = new Map(result.getRowObjectsJS().map((row) => [row.customer_id as string, row]));
    const buyers = expected.filter((customer) => !customer.isProspect);
    expect(buyers.length).toBeGreaterThan(300);
    let checked = 0;
    for (const customer of expected) {
      const row = rows.get(customer.customerId);
      if (row === undefined) {
        // summarize also lists customers known only from customer records: none here.
        expect.fail(`featuresSql has no row for ${customer.customerId}`);
      }
      expect(Number(row.orders), customer.customerId).toBe(customer.orders);
      expect(Number(row.purchase_days)).toBe(customer.purchaseDays);
      expect(Number(row.repeat_purchases)).toBe(customer.repeatPurchases);
      expect(Math.abs(Number(row.monetary_total) - customer.monetaryTotal)).toBeLessThan(1e-9 * Math.max(1, Math.abs(customer.monetaryTotal)));
      if (!customer.isProspect) {
        expect(Number(row.days_since_last_purchase)).toBe(customer.daysSinceLastPurchase);
        expect(Number(row.days_since_first_purchase)).toBe(customer.daysSinceFirstPurchase);
        expect(Math.abs(Number(row.first_to_last_purchase) - (customer.firstToLastPurchase as number))).toBeLessThan(1e-9);
        expect(Math.abs(Number(row.first_purchase_to_as_of) - (customer.firstPurchaseToAsOf as number))).toBeLessThan(1e-9);
        expect(Math.abs(Number(row.average_order_value) - (customer.averageOrderValue as number))).toBeLessThan(1e-9 * Math.max(1, Math.abs(customer.averageOrderValue as number)));
        expect((row.last_purchase_at as Date).getTime()).toBe(customer.lastPurchaseAt);
      }
      checked += 1;
    }
    expect(checked).toBe(rows.size);
  }, 60_000);

  it('refuses table and column names that are not identifiers', () => {
    expect(() => featuresSql({ dialect: 'duckdb', transactions: { table: 'sales; DROP TABLE sales' }, asOf: '2026-01-01' })).toThrow(/table name/);
    expect(() => featuresSql({ dialect: 'duckdb', transactions: { table: 'sales', columns: { amount: 'amount) --' } }, asOf: '2026-01-01' })).toThrow(/column name/);
  });
});
