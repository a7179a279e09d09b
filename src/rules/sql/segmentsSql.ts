import { ConfigurationError, quoteValue } from '../../errors';
import type { SegmentSet } from '../segments/defineSegments';
import { createSqlWriter, type SqlFragment, type ToSqlOptions } from './toSql';

/** Options of {@link segmentsSql}: those of `toSql`, the table of scored customers, and its id column. */
export interface SegmentsSqlOptions extends ToSqlOptions {
  /** The table (or view) of scored customers: letters, digits, underscores, optionally schema-qualified. */
  readonly table: string;
  /** The customer id column. Default `customerId`. */
  readonly idColumn?: string;
}

/** The query and how to read its result. */
export interface SegmentsSqlResult extends SqlFragment {
  /**
   * `first` mode: the column `segment_index` holds the index in `segments` of the customer's
   * segment (NULL for none). `all` mode: one boolean column `segment_<i>` per segment.
   */
  readonly segments: readonly string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * One query that assigns every customer of a warehouse table its segment(s), from a segment set
 * (`defineSegments`), with the meaning `assignSegments` gives in-process: in `first` mode a
 * CASE over the rules in priority order (an unknown condition falls through, as it does not
 * match), in `all` mode one `(rule) IS TRUE` column per segment. Segment names stay out of the
 * SQL: the result carries indexes, and `segments` maps them back.
 *
 * @param set - From `defineSegments`.
 * @param options - `dialect`, `table`, `idColumn`, `columns`, `asOf`, as for `toSql`.
 * @returns `{ sql, params, segments }`.
 * @throws {ConfigurationError} for a bad set, table or column name, and as `toSql` does.
 *
 * @example
 * ```ts
 * import { defineSegments, segmentsSql } from 'clientele';
 * const set = defineSegments([{ name: 'vip', rule: 'valueTier = "high"', priority: 1 }, { name: 'at risk', rule: 'lifecycle.stage = "at_risk"' }]);
 * const { sql, params, segments } = segmentsSql(set, { dialect: 'postgres', table: 'scored_customers' });
 * sql; // => 'SELECT "customerId" AS customer_id, CASE WHEN ("valueTier" = $1) THEN 0 WHEN ("lifecycle_stage" = $2) THEN 1 END AS segment_index FROM "scored_customers"'
 * [params, segments]; // => [['high', 'at_risk'], ['vip', 'at risk']]
 * ```
 * @category Rules
 */
export function segmentsSql(set: SegmentSet, options: SegmentsSqlOptions): SegmentsSqlResult {
  if (set?.kind !== 'segments' || set.version !== 1 || (set.mode !== 'first' && set.mode !== 'all') || !Array.isArray(set.segments)) {
    throw new ConfigurationError('invalid_option', `segmentsSql expects a segment set from defineSegments, received ${quoteValue(set)}`);
  }
  const writer = createSqlWriter('segmentsSql', options);
  const table = options.table;
  if (typeof table !== 'string' || table.split('.').length > 2 || !table.split('.').every((part) => NAME.test(part))) {
    throw new ConfigurationError('invalid_option', `segmentsSql expects \`table\` to be a table name (letters, digits, underscores; schema.table), received ${quoteValue(table)}`, ['table']);
  }
  const idColumn = options.idColumn ?? 'customerId';
  if (typeof idColumn !== 'string' || !NAME.test(idColumn)) throw new ConfigurationError('invalid_option', `segmentsSql expects \`idColumn\` to be a column name, received ${quoteValue(idColumn)}`, ['idColumn']);
  const q = writer.dialect.quoteIdentifier;
  const conditions = set.segments.map((segment) => writer.write(segment.rule));
  const assigned =
    set.mode === 'first'
      ? conditions.length === 0
        ? 'NULL AS segment_index'
        : `CASE ${conditions.map((condition, index) => `WHEN ${condition} THEN ${index}`).join(' ')} END AS segment_index`
      : conditions.map((condition, index) => `(${condition}) IS TRUE AS segment_${index}`).join(', ');
  const sql = `SELECT ${q(idColumn)} AS customer_id${assigned === '' ? '' : `, ${assigned}`} FROM ${table.split('.').map(q).join('.')}`;
  return { sql, params: writer.params, segments: set.segments.map((segment) => segment.name) };
}
