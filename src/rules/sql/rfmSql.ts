import { ConfigurationError, quoteValue } from '../../errors';
import { readRfmModel } from '../../scores/rfm/readRfmModel';
import type { RfmModel } from '../../scores/rfm/RfmModel';
import { segmentOf } from '../../scores/rfm/scoreRfm';
import { SQL_DIALECTS, type SqlDialectName } from './sqlDialects';
import type { SqlFragment } from './toSql';

/** Options of {@link rfmSql}. */
export interface RfmSqlOptions {
  readonly dialect: SqlDialectName;
  /** The table of customer features (e.g. the output of `featuresSql`): letters, digits, underscores, optionally schema-qualified. */
  readonly table: string;
  /** Column per feature the model reads; default the feature's name. */
  readonly columns?: Readonly<Record<string, string>>;
  /** The customer id column. Default `customerId`. */
  readonly idColumn?: string;
  /**
   * `model` (default): score with the model's breakpoints. `quantiles`: learn the breakpoints in
   * the query, as `fitRfm` would on the whole table (linear-interpolation quantiles of the
   * customers with all three values, PERCENTILE_CONT), keeping the model's fields, directions,
   * bins and segment map. Not for SQLite or BigQuery (no ordered-set PERCENTILE_CONT).
   */
  readonly breakpoints?: 'model' | 'quantiles';
}

/** The query and how to read its `segment_index`. */
export interface RfmSqlResult extends SqlFragment {
  /** `segment_index` is an index into this list of segment ids (NULL when a score is missing). */
  readonly segments: readonly string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Scores every customer of a warehouse table with a fitted RFM model: r, f and m from the model's
 * breakpoints (bound as parameters), as `scoreRfm` scores one customer, and the named segment as
 * an index into `segments`. An RFM fitted in the browser on a sample scores the whole warehouse.
 * A customer missing one of the three values gets NULL scores, as `scoreRfm` returns null.
 *
 * @param input - A fitted RFM model (`fitRfm`, `readRfmModel`), or one stored as JSON.
 * @param options - `dialect`, `table`, `columns`, `idColumn`.
 * @returns `{ sql, params, segments }`; columns customer_id, r, f, m, segment_index.
 * @throws {ConfigurationError} for a bad table or column name or dialect; {ModelError} for a model of another kind or an invalid one (checked as `readRfmModel` checks it).
 *
 * @example
 * ```ts
 * import { fitRfm, rfmSql } from 'clientele';
 * const model = fitRfm([], { method: 'fixed', bins: 3, breakpoints: { recency: [30, 90], frequency: [1, 3], monetary: [100, 500] } });
 * const { sql, params } = rfmSql(model, { dialect: 'duckdb', table: 'features' });
 * params; // => [30, 90, 1, 3, 100, 500]
 * sql.startsWith('WITH base AS (SELECT "customerId" AS customer_id, "daysSinceLastPurchase" AS rv, "orders" AS fv, "monetaryTotal" AS mv'); // => true
 * ```
 * @category Rules
 */
export function rfmSql(input: RfmModel, options: RfmSqlOptions): RfmSqlResult {
  // Checked in full, as a stored model is: its numbers shape the SQL text (the bins), so a
  // tampered one must never reach it.
  const model = readRfmModel(input);
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('missing_option', 'rfmSql needs options with `dialect` and `table`');
  const dialect = typeof options.dialect === 'string' && Object.hasOwn(SQL_DIALECTS, options.dialect) ? SQL_DIALECTS[options.dialect] : undefined;
  if (dialect === undefined) throw new ConfigurationError('invalid_option', `rfmSql expects option \`dialect\` to be one of ${Object.keys(SQL_DIALECTS).join(', ')}, received ${quoteValue(options.dialect)}`, ['dialect']);
  const { table } = options;
  if (typeof table !== 'string' || table.split('.').length > 2 || !table.split('.').every((part) => NAME.test(part))) {
    throw new ConfigurationError('invalid_option', `rfmSql expects \`table\` to be a table name (letters, digits, underscores; schema.table), received ${quoteValue(table)}`, ['table']);
  }
  const q = dialect.quoteIdentifier;
  const name = (key: string, fallback: string, path: (string | number)[]): string => {
    const value = options.columns !== undefined && Object.hasOwn(options.columns, key) ? options.columns[key] : fallback;
    if (typeof value !== 'string' || !NAME.test(value)) throw new ConfigurationError('invalid_option', `rfmSql expects a column name for ${key}, received ${quoteValue(value)}`, path);
    return q(value);
  };
  const idColumn = name('customerId', options.idColumn ?? 'customerId', ['idColumn']);
  const params: number[] = [];
  const bind = (value: number): string => {
    params.push(value);
    return dialect.placeholder(params.length);
  };
  const { bins } = model;
  // One dimension's score: edges below the value, plus one (or bins minus that when lower is
  // better). A customer missing any of the three values gets no score at all, as scoreRfm.
  const columnOf = (dimension: 'recency' | 'frequency' | 'monetary'): string => {
    const { field } = model.dimensions[dimension];
    return name(field, field, ['columns', field]);
  };
  const mode = options.breakpoints ?? 'model';
  if (mode !== 'model' && mode !== 'quantiles') throw new ConfigurationError('invalid_option', `rfmSql expects option \`breakpoints\` to be "model" or "quantiles", received ${quoteValue(mode)}`, ['breakpoints']);
  if (mode === 'quantiles' && (dialect.name === 'sqlite' || dialect.name === 'bigquery')) {
    throw new ConfigurationError('invalid_option', `rfmSql cannot learn quantiles in the query for ${dialect.name}: pass a fitted model's breakpoints`, ['breakpoints']);
  }
  const dimensions = ['recency', 'frequency', 'monetary'] as const;
  const value = { recency: 'rv', frequency: 'fv', monetary: 'mv' } as const;
  const missing = 'rv IS NULL OR fv IS NULL OR mv IS NULL';
  // The edges: bound numbers from the model, or columns of the edges CTE.
  const edgeOf = (dimension: (typeof dimensions)[number], index: number): string =>
    mode === 'model' ? bind(model.dimensions[dimension].breakpoints[index] as number) : `${value[dimension]}_edge_${index}`;
  const edgeCount = bins - 1;
  const edgesCte =
    mode === 'model'
      ? ''
      : `, edges AS (SELECT ${dimensions
          .flatMap((dimension) =>
            // The levels k / bins are the library's own numbers, written as literals: several
            // dialects want a constant there, not a parameter.
            Array.from({ length: edgeCount }, (_, index) => `PERCENTILE_CONT(${String((index + 1) / bins)}) WITHIN GROUP (ORDER BY ${value[dimension]}) AS ${value[dimension]}_edge_${index}`),
          )
          .join(', ')} FROM base WHERE NOT (${missing}))`;
  const score = (dimension: (typeof dimensions)[number]): string => {
    const below = Array.from({ length: edgeCount }, (_, index) => `CASE WHEN ${value[dimension]} > ${edgeOf(dimension, index)} THEN 1 ELSE 0 END`).join(' + ') || '0';
    return `CASE WHEN ${missing} THEN NULL ELSE ${model.dimensions[dimension].higherIsBetter ? `(${below}) + 1` : `${bins} - (${below})`} END`;
  };
  const baseCte = `base AS (SELECT ${idColumn} AS customer_id, ${columnOf('recency')} AS rv, ${columnOf('frequency')} AS fv, ${columnOf('monetary')} AS mv FROM ${table.split('.').map(q).join('.')})`;
  // Parameters are numbered, so binding the edges' levels before the model's breakpoints is fine.
  const edgesSql = edgesCte;
  const r = score('recency');
  const f = score('frequency');
  const m = score('monetary');
  // The segment of each (r, f + m), worked out here from the model's map; the SQL compares integers only.
  const segments = [...new Set(model.segments.map((segment) => segment.id)), 'other'];
  const pairs = new Map<number, { r: number; fm: number }[]>();
  for (let ri = 1; ri <= bins; ri++) {
    for (let sum = 2; sum <= 2 * bins; sum++) {
      const index = segments.indexOf(segmentOf(model, ri, Math.floor(sum / 2), sum - Math.floor(sum / 2)));
      const list = pairs.get(index) ?? [];
      list.push({ r: ri, fm: sum });
      pairs.set(index, list);
    }
  }
  const cases = [...pairs.entries()]
    .map(([index, list]) => `WHEN ${list.map((pair) => `(r = ${pair.r} AND f + m = ${pair.fm})`).join(' OR ')} THEN ${index}`)
    .join(' ');
  const sql = `WITH ${baseCte}${edgesSql}, scored AS (SELECT customer_id, ${r} AS r, ${f} AS f, ${m} AS m FROM base${mode === 'model' ? '' : ' CROSS JOIN edges'}) SELECT customer_id, r, f, m, CASE WHEN r IS NULL OR f IS NULL OR m IS NULL THEN NULL ${cases} END AS segment_index FROM scored`;
  return { sql, params, segments };
}
