import { ConfigurationError, quoteValue } from '../../errors';
import type { TimeUnit } from '../../features/CustomerFeatures';
import { createInstantParser, isInstantProblem, type InstantInput } from '../../model/parseInstant';
import { SQL_DIALECTS, type SqlDialectName } from './sqlDialects';
import type { SqlFragment } from './toSql';

/** The transactions table `featuresSql` reads, and its columns (defaults in parentheses). */
export interface TransactionsTable {
  /** The table (or view) name: letters, digits, underscores, optionally schema-qualified (`sales.orders`). */
  readonly table: string;
  readonly columns?: {
    readonly customerId?: string;
    readonly orderId?: string;
    /** A timestamp column (UTC). */
    readonly at?: string;
    readonly amount?: string;
    /** completed, refunded or cancelled; NULL counts as completed. */
    readonly status?: string;
  };
}

/** Options of {@link featuresSql}. */
export interface FeaturesSqlOptions {
  readonly dialect: SqlDialectName;
  readonly transactions: TransactionsTable;
  /** The observation end: rows on later (UTC) days are left out. Bound as a parameter. */
  readonly asOf: InstantInput;
  /** Unit of first_to_last_purchase and first_purchase_to_as_of. Default `days`. */
  readonly unit?: TimeUnit;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Writes one query that computes, per customer, the core `CustomerFeatures` from a transactions
 * table in the warehouse, by the rules `summarize` uses: cancelled rows and rows after `asOf`'s
 * day are left out; an order is a purchase when it has a completed row of 0 or more, dated by the
 * first such row; net spend is the completed and negative rows (refunded-status rows are not
 * spend); same-day purchases count once for repeat purchases (x), t_x and T. Days are UTC days.
 * Output columns: customer_id, orders, purchase_days, monetary_total, average_order_value,
 * first_purchase_at, last_purchase_at, days_since_first_purchase, days_since_last_purchase,
 * repeat_purchases, first_to_last_purchase, first_purchase_to_as_of. Customers whose rows are
 * all cancelled or after `asOf` do not appear; customers without a purchase have orders 0.
 *
 * @param options - `dialect`, `transactions` (`table`, `columns`), `asOf`, `unit`.
 * @returns `{ sql, params }`.
 * @throws {ConfigurationError} for an unknown dialect, a bad table or column name, or a bad `asOf`.
 *
 * @example
 * ```ts
 * import { featuresSql } from 'clientele';
 * const { sql, params } = featuresSql({ dialect: 'postgres', transactions: { table: 'sales.orders', columns: { customerId: 'customer' } }, asOf: '2026-06-30', unit: 'weeks' });
 * sql.includes('SELECT "customer" AS customer_id'); // => true
 * params; // => ['2026-06-30', 7]
 * ```
 * @category Rules
 */
export function featuresSql(options: FeaturesSqlOptions): SqlFragment {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('missing_option', 'featuresSql needs options with `dialect`, `transactions` and `asOf`');
  const dialect = typeof options.dialect === 'string' && Object.hasOwn(SQL_DIALECTS, options.dialect) ? SQL_DIALECTS[options.dialect] : undefined;
  if (dialect === undefined) throw new ConfigurationError('invalid_option', `featuresSql expects option \`dialect\` to be one of ${Object.keys(SQL_DIALECTS).join(', ')}, received ${quoteValue(options.dialect)}`, ['dialect']);
  const instant = createInstantParser()(options.asOf);
  if (isInstantProblem(instant)) throw new ConfigurationError('invalid_option', `featuresSql expects option \`asOf\` to be a date: ${instant.message}`, ['asOf']);
  const unit = options.unit ?? 'days';
  if (unit !== 'days' && unit !== 'weeks') throw new ConfigurationError('invalid_option', `featuresSql expects option \`unit\` to be "days" or "weeks", received ${quoteValue(unit)}`, ['unit']);
  const table = options.transactions?.table;
  if (typeof table !== 'string' || !table.split('.').every((part) => NAME.test(part)) || table.split('.').length > 2) {
    throw new ConfigurationError('invalid_option', `featuresSql expects \`transactions.table\` to be a table name (letters, digits, underscores; schema.table), received ${quoteValue(table)}`, ['transactions', 'table']);
  }
  const columns = options.transactions.columns ?? {};
  const column = (key: 'customerId' | 'orderId' | 'at' | 'amount' | 'status'): string => {
    const name = columns[key] ?? key;
    if (typeof name !== 'string' || !NAME.test(name)) throw new ConfigurationError('invalid_option', `featuresSql expects \`transactions.columns.${key}\` to be a column name, received ${quoteValue(name)}`, ['transactions', 'columns', key]);
    return dialect.quoteIdentifier(name);
  };
  const q = dialect.quoteIdentifier;
  const from = table.split('.').map(q).join('.');
  const params: (string | number)[] = [];
  const bind = (value: string | number): string => {
    params.push(value);
    return dialect.placeholder(params.length);
  };
  // Each placeholder appears once, in the order bound (`?` dialects bind by position).
  const asOf = dialect.dayParameter(bind(new Date(instant).toISOString().slice(0, 10)));
  const unitDays = `CAST(${bind(unit === 'weeks' ? 7 : 1)} AS ${dialect.integerType})`;
  const [customerId, orderId, at, amount, status] = [column('customerId'), column('orderId'), column('at'), column('amount'), column('status')];
  const firstDay = dialect.day('first_purchase_at');
  const lastDay = dialect.day('last_purchase_at');
  const float = (expression: string): string => `CAST(${expression} AS ${dialect.floatType})`;
  const sql = [
    `WITH settings AS (SELECT ${asOf} AS as_of, ${unitDays} AS unit_days),`,
    ` kept AS (SELECT ${customerId} AS customer_id, ${orderId} AS order_id, ${at} AS event_at, ${amount} AS amount, COALESCE(${status}, 'completed') AS status`,
    ` FROM ${from} CROSS JOIN settings WHERE COALESCE(${status}, 'completed') <> 'cancelled' AND ${dialect.day(at)} <= settings.as_of),`,
    " orders AS (SELECT customer_id, order_id, SUM(CASE WHEN status = 'refunded' THEN 0 ELSE amount END) AS net,",
    " MIN(CASE WHEN status = 'completed' AND amount >= 0 THEN event_at END) AS purchase_at FROM kept GROUP BY customer_id, order_id),",
    ` totals AS (SELECT customer_id, COUNT(purchase_at) AS orders, COUNT(DISTINCT ${dialect.day('purchase_at')}) AS purchase_days,`,
    ' SUM(net) AS monetary_total, MIN(purchase_at) AS first_purchase_at, MAX(purchase_at) AS last_purchase_at FROM orders GROUP BY customer_id)',
    ' SELECT customer_id, orders, purchase_days, monetary_total,',
    ' CASE WHEN orders > 0 THEN monetary_total / orders END AS average_order_value, first_purchase_at, last_purchase_at,',
    ` ${dialect.daysBetween(firstDay, 'settings.as_of')} AS days_since_first_purchase, ${dialect.daysBetween(lastDay, 'settings.as_of')} AS days_since_last_purchase,`,
    ' CASE WHEN orders > 0 THEN purchase_days - 1 ELSE 0 END AS repeat_purchases,',
    ` ${float(dialect.daysBetween(firstDay, lastDay))} / settings.unit_days AS first_to_last_purchase,`,
    ` ${float(dialect.daysBetween(firstDay, 'settings.as_of'))} / settings.unit_days AS first_purchase_to_as_of`,
    ' FROM totals CROSS JOIN settings ORDER BY customer_id',
  ].join('');
  return { sql, params };
}
