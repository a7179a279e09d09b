import type { NodeKind } from '../ast';

/** The SQL dialects `toSql` writes. */
export type SqlDialectName = 'postgres' | 'duckdb' | 'sqlite' | 'bigquery' | 'snowflake';

/**
 * What differs between dialects, as small hooks on one compiler: identifier quoting,
 * placeholders, date arithmetic, LIKE escaping, set (array) membership, and which node kinds a
 * dialect supports at all.
 */
export interface SqlDialect {
  readonly name: SqlDialectName;
  quoteIdentifier(name: string): string;
  /** The placeholder of the `index`-th parameter (1-based). */
  placeholder(index: number): string;
  /** The calendar day (UTC) of a timestamp expression. */
  day(expression: string): string;
  /** A day parameter (ISO "YYYY-MM-DD") as a date. */
  dayParameter(placeholder: string): string;
  /** The names of a 64-bit float and an integer type. */
  readonly floatType: string;
  readonly integerType: string;
  /** Whole days from `from` to `to` (two dates): to − from. */
  daysBetween(from: string, to: string): string;
  /** `day` minus `days` days (both expressions). */
  minusDays(day: string, days: string): string;
  /** The clause after a LIKE whose pattern escapes % and _ with a backslash ('' when backslash is the dialect's default escape). */
  readonly likeEscape: string;
  /** A list (array) parameter, typed as the dialect needs it. */
  listParameter(placeholder: string): string;
  /** Set membership: the set column holds the parameter value / any of / all of the parameter list. */
  setHas(column: string, value: string): string;
  setHasAny(column: string, values: string): string;
  setHasAll(column: string, values: string): string;
  /** Node kinds this dialect cannot express. */
  readonly unsupported: ReadonlySet<NodeKind>;
  /**
   * Case-sensitive text matching, where the dialect's LIKE ignores case (SQLite's does for ASCII):
   * the condition with the needle's placeholder, which may appear twice. Absent: LIKE.
   */
  readonly matchText?: (kind: 'contains' | 'startsWith' | 'endsWith', column: string, needle: string) => string;
  /** Whether LOWER folds every letter, or ASCII letters only (then `ignoring case` is refused: "É" would not match "é"). */
  readonly lowerFolds: 'unicode' | 'ascii';
}

const doubleQuoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const numbered = (index: number): string => `$${index}`;
const NONE: ReadonlySet<NodeKind> = new Set();

/** The dialects, frozen, looked up by name with `Object.hasOwn`. */
export const SQL_DIALECTS: Readonly<Record<SqlDialectName, SqlDialect>> = Object.freeze({
  postgres: {
    name: 'postgres',
    floatType: 'DOUBLE PRECISION',
    integerType: 'INTEGER',
    quoteIdentifier: doubleQuoted,
    placeholder: numbered,
    day: (expression) => `CAST(${expression} AS DATE)`,
    dayParameter: (placeholder) => `CAST(${placeholder} AS DATE)`,
    minusDays: (day, days) => `(${day} - CAST(${days} AS INTEGER))`,
    daysBetween: (from, to) => `(${to} - ${from})`,
    likeEscape: " ESCAPE '\\'",
    listParameter: (placeholder) => `CAST(${placeholder} AS TEXT[])`,
    setHas: (column, value) => `${value} = ANY(${column})`,
    setHasAny: (column, values) => `(${column} && ${values})`,
    setHasAll: (column, values) => `(${column} @> ${values})`,
    unsupported: NONE,
    lowerFolds: 'unicode',
  },
  duckdb: {
    name: 'duckdb',
    floatType: 'DOUBLE',
    integerType: 'INTEGER',
    quoteIdentifier: doubleQuoted,
    placeholder: numbered,
    day: (expression) => `CAST(${expression} AS DATE)`,
    dayParameter: (placeholder) => `CAST(${placeholder} AS DATE)`,
    minusDays: (day, days) => `(${day} - CAST(${days} AS INTEGER))`,
    daysBetween: (from, to) => `date_diff('day', ${from}, ${to})`,
    likeEscape: " ESCAPE '\\'",
    listParameter: (placeholder) => `CAST(${placeholder} AS VARCHAR[])`,
    setHas: (column, value) => `list_contains(${column}, ${value})`,
    setHasAny: (column, values) => `list_has_any(${column}, ${values})`,
    setHasAll: (column, values) => `list_has_all(${column}, ${values})`,
    unsupported: NONE,
    lowerFolds: 'unicode',
  },
  sqlite: {
    name: 'sqlite',
    floatType: 'REAL',
    integerType: 'INTEGER',
    quoteIdentifier: doubleQuoted,
    // Numbered (?1, ?2): the text may use a parameter before the one bound before it.
    placeholder: (index) => `?${index}`,
    day: (expression) => `date(${expression})`,
    dayParameter: (placeholder) => `date(${placeholder})`,
    minusDays: (day, days) => `date(${day}, '-' || CAST(${days} AS INTEGER) || ' days')`,
    daysBetween: (from, to) => `CAST(julianday(${to}) - julianday(${from}) AS INTEGER)`,
    likeEscape: " ESCAPE '\\'",
    listParameter: (placeholder) => placeholder,
    setHas: () => '',
    setHasAny: () => '',
    setHasAll: () => '',
    unsupported: new Set<NodeKind>(['has', 'hasAny', 'hasAll']),
    // SQLite's LIKE ignores ASCII case: exact matching by position instead.
    matchText: (kind, column, needle) =>
      kind === 'contains'
        ? `instr(${column}, ${needle}) > 0`
        : kind === 'startsWith'
          ? `substr(${column}, 1, length(${needle})) = ${needle}`
          : `(length(${column}) >= length(${needle}) AND substr(${column}, length(${column}) - length(${needle}) + 1) = ${needle})`,
    lowerFolds: 'ascii',
  },
  bigquery: {
    name: 'bigquery',
    floatType: 'FLOAT64',
    integerType: 'INT64',
    quoteIdentifier: (name) => `\`${name.replace(/[`\\]/g, (character) => `\\${character}`)}\``,
    placeholder: (index) => `@p${index}`,
    day: (expression) => `DATE(${expression})`,
    dayParameter: (placeholder) => `DATE(${placeholder})`,
    minusDays: (day, days) => `DATE_SUB(${day}, INTERVAL ${days} DAY)`,
    daysBetween: (from, to) => `DATE_DIFF(${to}, ${from}, DAY)`,
    // BigQuery's LIKE escapes with a backslash by default and has no ESCAPE clause.
    likeEscape: '',
    listParameter: (placeholder) => placeholder,
    setHas: (column, value) => `${value} IN UNNEST(${column})`,
    setHasAny: (column, values) => `EXISTS(SELECT 1 FROM UNNEST(${column}) AS item WHERE item IN UNNEST(${values}))`,
    setHasAll: (column, values) => `NOT EXISTS(SELECT 1 FROM UNNEST(${values}) AS item WHERE item NOT IN UNNEST(${column}))`,
    unsupported: NONE,
    lowerFolds: 'unicode',
  },
  snowflake: {
    name: 'snowflake',
    floatType: 'DOUBLE',
    integerType: 'INTEGER',
    quoteIdentifier: doubleQuoted,
    // Numbered (:1, :2): DATEADD names the days before the date, so position alone would misplace them.
    placeholder: (index) => `:${index}`,
    day: (expression) => `TO_DATE(${expression})`,
    dayParameter: (placeholder) => `TO_DATE(${placeholder})`,
    minusDays: (day, days) => `DATEADD(day, -${days}, ${day})`,
    daysBetween: (from, to) => `DATEDIFF(day, ${from}, ${to})`,
    // In Snowflake string literals a backslash escapes, so the one-character escape is written '\\\\'.
    likeEscape: " ESCAPE '\\\\'",
    listParameter: (placeholder) => placeholder,
    setHas: (column, value) => `ARRAY_CONTAINS(TO_VARIANT(${value}), ${column})`,
    setHasAny: (column, values) => `ARRAYS_OVERLAP(${column}, ${values})`,
    setHasAll: (column, values) => `ARRAY_SIZE(ARRAY_EXCEPT(${values}, ${column})) = 0`,
    unsupported: NONE,
    lowerFolds: 'unicode',
  },
} satisfies Record<SqlDialectName, SqlDialect>);
