/**
 * BigQuery and Snowflake cannot run here: the SQL written for them is checked to parse with
 * node-sql-parser in that dialect, for rules using every kind of condition. A broken statement
 * is refused by the same parser (so a pass means something).
 */
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { defineSegments, featuresSql, fitRfm, parseRule, rfmSql, segmentsSql, toSql, type SqlDialectName } from 'clientele';

const parser = new Parser();
const DATABASES: Record<'bigquery' | 'snowflake', string> = { bigquery: 'BigQuery', snowflake: 'Snowflake' };
const RULES = [
  'monetaryTotal >= 500 and lastPurchaseAt within 30 days and rfm.segment in ("champions", "loyal")',
  'not (valueTier = "low" or lifecycle.stage not in ("churned", "at_risk")) and orders between 2 and 9',
  'topCategory contains "50%_off" ignoring case or topCategory starts with "b" or topCategory ends with "s"',
  'categories has "shoes" and categories has any ("bags", "hats") and interactionKinds has all ("email_open")',
  'averageOrderValue is null or spendChange exists',
  'firstPurchaseAt between "2026-01-01" and "2026-03-31" and lastPurchaseAt more than 2 months ago',
  'count(purchases where category = "shoes" and amount >= 20 within 90 days) >= 2 or sum(transactions within 365 days) > 500',
  'count(interactions where kind = "email_open" and campaignId exists within 14 days) = 0',
];
const events = { customers: 'customers', transactions: { table: 'sales' }, interactions: { table: 'touches' } };

function parses(dialect: 'bigquery' | 'snowflake', sql: string): void {
  expect(() => parser.astify(sql, { database: DATABASES[dialect] }), sql).not.toThrow();
}

describe.each(['bigquery', 'snowflake'] as const)('SQL for %s parses', (dialect) => {
  it.each(RULES)('toSql: %s', (text) => {
    const { sql } = toSql(parseRule(text), { dialect: dialect as SqlDialectName, asOf: '2026-06-30', events });
    parses(dialect, `SELECT ${dialect === 'bigquery' ? '`customerId`' : '"customerId"'} FROM customers WHERE ${sql}`);
  });

  it('featuresSql, rfmSql and segmentsSql', () => {
    parses(dialect, featuresSql({ dialect, transactions: { table: 'sales.lines' }, asOf: '2026-06-30', unit: 'weeks' }).sql);
    const model = fitRfm([], { method: 'fixed', bins: 3, breakpoints: { recency: [30, 90], frequency: [1, 3], monetary: [100, 500] } });
    parses(dialect, rfmSql(model, { dialect, table: 'features' }).sql);
    if (dialect === 'snowflake') parses(dialect, rfmSql(model, { dialect, table: 'features', breakpoints: 'quantiles' }).sql);
    else expect(() => rfmSql(model, { dialect, table: 'features', breakpoints: 'quantiles' })).toThrow(/cannot learn quantiles in the query for bigquery/);
    const set = defineSegments([{ name: 'a', rule: RULES[0] as string }, { name: 'b', rule: RULES[4] as string }], { mode: 'all' });
    parses(dialect, segmentsSql(set, { dialect, table: 'customers', asOf: '2026-06-30' }).sql);
  });

  it('the parser refuses a broken statement', () => {
    expect(() => parser.astify('SELECT FROM WHERE ((', { database: DATABASES[dialect] })).toThrow();
  });
});
