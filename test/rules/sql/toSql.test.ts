import { describe, expect, it } from 'vitest';
import { ConfigurationError, parseRule, toSql, type SqlDialectName } from 'clientele';

const rule = parseRule('monetaryTotal >= 500 and lastPurchaseAt within 30 days and categories has any ("shoes", "bags") and topCategory contains "50%_off" ignoring case');
const asOf = '2026-06-30';

describe('toSql for every dialect', () => {
  // Snowflake and SQLite number their placeholders: Snowflake's DATEADD names the days before the
  // date, so by position (plain ?) the days and the date would have been bound the wrong way round.
  it('writes each dialect’s quoting, placeholders, date arithmetic, sets and LIKE escaping', () => {
    const written = Object.fromEntries((['postgres', 'duckdb', 'bigquery', 'snowflake'] as SqlDialectName[]).map((dialect) => [dialect, toSql(rule, { dialect, asOf })]));
    expect(written.postgres?.sql).toMatchInlineSnapshot(`"(("monetaryTotal" >= $1) AND (CAST("lastPurchaseAt" AS DATE) BETWEEN (CAST($2 AS DATE) - CAST($3 AS INTEGER)) AND CAST($4 AS DATE)) AND (("categories" && CAST($5 AS TEXT[]))) AND (LOWER("topCategory") LIKE $6 ESCAPE '\\'))"`);
    expect(written.duckdb?.sql).toMatchInlineSnapshot(`"(("monetaryTotal" >= $1) AND (CAST("lastPurchaseAt" AS DATE) BETWEEN (CAST($2 AS DATE) - CAST($3 AS INTEGER)) AND CAST($4 AS DATE)) AND (list_has_any("categories", CAST($5 AS VARCHAR[]))) AND (LOWER("topCategory") LIKE $6 ESCAPE '\\'))"`);
    expect(written.bigquery?.sql).toMatchInlineSnapshot(`"((\`monetaryTotal\` >= @p1) AND (DATE(\`lastPurchaseAt\`) BETWEEN DATE_SUB(DATE(@p2), INTERVAL @p3 DAY) AND DATE(@p4)) AND (EXISTS(SELECT 1 FROM UNNEST(\`categories\`) AS item WHERE item IN UNNEST(@p5))) AND (LOWER(\`topCategory\`) LIKE @p6))"`);
    expect(written.snowflake?.sql).toMatchInlineSnapshot(`"(("monetaryTotal" >= :1) AND (TO_DATE("lastPurchaseAt") BETWEEN DATEADD(day, -:3, TO_DATE(:2)) AND TO_DATE(:4)) AND (ARRAYS_OVERLAP("categories", :5)) AND (LOWER("topCategory") LIKE :6 ESCAPE '\\\\'))"`);
    // The LIKE pattern escapes % and _ with a backslash, lower-cased for ignoring case.
    expect(written.postgres?.params).toEqual([500, asOf, 30, asOf, ['shoes', 'bags'], '%50\\%\\_off%']);
  });

  it('writes SQLite with numbered ? placeholders, date() arithmetic, and text matched by position (its LIKE ignores case)', () => {
    const { sql, params } = toSql(parseRule('monetaryTotal >= 500 and lastPurchaseAt within 30 days and topCategory starts with "a_b"'), { dialect: 'sqlite', asOf });
    expect(sql).toBe(`(("monetaryTotal" >= ?1) AND (date("lastPurchaseAt") BETWEEN date(date(?2), '-' || CAST(?3 AS INTEGER) || ' days') AND date(?4)) AND (substr("topCategory", 1, length(?5)) = ?5))`);
    expect(params).toEqual([500, asOf, 30, asOf, 'a_b']);
    expect(toSql(parseRule('topCategory contains "sho"'), { dialect: 'sqlite' }).sql).toBe('(instr("topCategory", ?1) > 0)');
    expect(() => toSql(parseRule('topCategory contains "é" ignoring case'), { dialect: 'sqlite' })).toThrow(/folds ASCII letters only/);
  });

  it('writes text conditions on a column of another type as unknown, and folds case per character (found by review)', () => {
    const columns = { 'attributes.size': { column: 'size', type: 'number' as const } };
    expect(toSql(parseRule('attributes.size contains "4"'), { dialect: 'duckdb', columns }).sql).toBe('NULL');
    // Σ lowers to σ wherever it stands, as SQL's LOWER does (toLowerCase writes ς at a word's end).
    expect(toSql(parseRule('topCategory ends with "ΟΣ" ignoring case'), { dialect: 'postgres' }).params).toEqual(['%οσ']);
  });

  it('refuses what a dialect cannot write, naming the condition and the dialect', () => {
    expect(() => toSql(rule, { dialect: 'sqlite', asOf })).toThrow('toSql cannot write a hasAny condition for sqlite');
    expect(() => toSql(parseRule('count(purchases within 30 days) >= 2'), { dialect: 'postgres', asOf })).toThrow('toSql needs option `events.transactions` (the table of transactions) for a behaviour condition over purchases');
  });

  it('refuses an unknown dialect, a column name that is not an identifier, an untyped attribute and a missing asOf', () => {
    expect(() => toSql(rule, { dialect: 'mysql' as SqlDialectName, asOf })).toThrow(ConfigurationError);
    expect(() => toSql(parseRule('orders > 1'), { dialect: 'postgres', columns: { orders: 'orders"; DROP TABLE x; --' } })).toThrow(/letters, digits and underscores/);
    expect(() => toSql(parseRule('attributes.region = "north"'), { dialect: 'postgres' })).toThrow(/needs the type of "attributes.region"/);
    expect(() => toSql(parseRule('lastPurchaseAt within 3 days'), { dialect: 'postgres' })).toThrow(/needs option `asOf`/);
  });

  it('maps fields to the host’s columns and writes a value of another type than the column’s as unknown', () => {
    const { sql, params } = toSql(parseRule('attributes.region = 5 or orders > 1'), { dialect: 'postgres', columns: { 'attributes.region': { column: 'region', type: 'string' }, orders: 'order_count' } });
    expect(sql).toBe('(NULL OR ("order_count" > $1))');
    expect(params).toEqual([1]);
  });

  it('writes a behaviour condition as a correlated subquery with every value bound', () => {
    const { sql, params } = toSql(parseRule('count(purchases where category = "shoes" within 90 days) >= 2'), {
      dialect: 'postgres',
      asOf,
      events: { customers: 'c', transactions: { table: 'sales.lines', columns: { customerId: 'customer_id' } } },
    });
    expect(sql).toBe(
      '((SELECT COUNT(DISTINCT "clientele_event"."orderId") FROM "sales"."lines" AS "clientele_event" WHERE "clientele_event"."customer_id" = "c"."customerId" AND CAST("clientele_event"."at" AS DATE) <= CAST($1 AS DATE) AND CAST("clientele_event"."at" AS DATE) >= (CAST($2 AS DATE) - CAST($3 AS INTEGER)) AND COALESCE("clientele_event"."status", \'completed\') = \'completed\' AND "clientele_event"."amount" >= 0 AND ("clientele_event"."category" = $4)) >= $5)',
    );
    expect(params).toEqual([asOf, asOf, 90, 'shoes', 2]);
  });
});
