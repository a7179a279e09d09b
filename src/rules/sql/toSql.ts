import { ConfigurationError, quoteValue } from '../../errors';
import { createInstantParser, isInstantProblem, type InstantInput } from '../../model/parseInstant';
import { durationDays, type EventSource, type EventsNode, type Rule, type RuleLiteral, type RuleNode } from '../ast';
import { resolveEventField } from '../eventFields';
import { foldCase } from '../ruleText';
import { resolveRuleField, type RuleFieldType } from '../ruleFields';
import { requireValidRule } from '../validateRule';
import { SQL_DIALECTS, type SqlDialect, type SqlDialectName } from './sqlDialects';

/** A column a field maps to: its name, and for host attributes its type (the value type `any` fields cannot tell). */
export type SqlColumn = string | { readonly column: string; readonly type: 'string' | 'number' | 'boolean' };

/** Options of {@link toSql}. */
export interface ToSqlOptions {
  readonly dialect: SqlDialectName;
  /** Column per field; by default a field's name with dots as underscores (`rfm.segment` → `rfm_segment`). Host attributes need a type. */
  readonly columns?: Readonly<Record<string, SqlColumn>>;
  /** The "now" of `within` and `more than ... ago`: required when the rule has one. Bound as a parameter, never read from the database's clock. */
  readonly asOf?: InstantInput;
  /**
   * Where behaviour conditions (`count(purchases ...)`) find the events: the customers table the
   * condition correlates with (its name or alias in the host's query) and its id column, and the
   * events tables with their columns (each defaults to the field's name).
   */
  readonly events?: SqlEventTables;
}

/** The tables behind behaviour conditions. */
export interface SqlEventTables {
  /** The customers table (or alias) of the query the condition goes into. */
  readonly customers: string;
  /** Its customer id column. Default `customerId`. */
  readonly idColumn?: string;
  readonly transactions?: { readonly table: string; readonly columns?: Readonly<Record<string, string>> };
  readonly interactions?: { readonly table: string; readonly columns?: Readonly<Record<string, string>> };
}

/** The event table a behaviour condition is being written over. */
interface EventScope {
  readonly source: EventSource;
  readonly columns: Readonly<Record<string, string>>;
}

/** A WHERE condition and its parameters, in the dialect's placeholder style. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly (string | number | boolean | readonly string[])[];
}

const COMPARE = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
const EVENT_ALIAS = 'clientele_event';
const EVENT_ALIAS_SQL = (dialect: SqlDialect): string => dialect.quoteIdentifier(EVENT_ALIAS);
const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

class SqlWriter {
  readonly params: (string | number | boolean | readonly string[])[] = [];

  /** Set while the `where` of a behaviour condition is written: fields are then the event's. */
  scope: EventScope | null = null;

  constructor(
    readonly dialect: SqlDialect,
    readonly columns: Readonly<Record<string, SqlColumn>>,
    readonly asOfDay: string | undefined,
    readonly events: SqlEventTables | undefined,
  ) {}

  /** A checked identifier (letters, digits, underscores), quoted; `qualified` allows schema.table. */
  identifier(name: unknown, what: string, path: readonly (string | number)[], qualified = false): string {
    const parts = typeof name === 'string' ? name.split('.') : [];
    if (parts.length === 0 || parts.length > (qualified ? 2 : 1) || !parts.every((part) => COLUMN_NAME.test(part))) {
      throw new ConfigurationError('invalid_option', `toSql expects ${what} to be letters, digits and underscores${qualified ? ' (schema.table allowed)' : ''}, received ${quoteValue(name)}`, path);
    }
    return parts.map((part) => this.dialect.quoteIdentifier(part)).join('.');
  }

  /** A column of the event table, qualified with the event alias. */
  eventColumn(field: string): string {
    const columns = (this.scope as EventScope).columns;
    const name = Object.hasOwn(columns, field) ? columns[field] : field;
    return `${EVENT_ALIAS_SQL(this.dialect)}.${this.identifier(name, `the column of ${field}`, ['events', field])}`;
  }

  /** Binds a value and returns its placeholder: values never enter the SQL text. */
  bind(value: string | number | boolean | readonly string[]): string {
    this.params.push(value);
    return this.dialect.placeholder(this.params.length);
  }

  column(field: string): { sql: string; type: RuleFieldType } {
    if (this.scope !== null) {
      const event = resolveEventField(this.scope.source, field);
      if ('problem' in event) throw new ConfigurationError('invalid_option', event.problem);
      const sql = this.eventColumn(field);
      // A missing status is `completed`, as the model reads it: in `where` as in the purchases filter.
      return { sql: field === 'status' && this.scope.source !== 'interactions' ? `COALESCE(${sql}, 'completed')` : sql, type: event.info.type };
    }
    const resolved = resolveRuleField(field);
    if ('problem' in resolved) throw new ConfigurationError('invalid_option', resolved.problem);
    const mapped = Object.hasOwn(this.columns, field) ? this.columns[field] : undefined;
    const name = mapped === undefined ? field.replaceAll('.', '_') : typeof mapped === 'string' ? mapped : mapped.column;
    if (!COLUMN_NAME.test(name)) {
      throw new ConfigurationError('invalid_option', `toSql maps ${JSON.stringify(field)} to the column ${quoteValue(name)}: a column name is letters, digits and underscores`, ['columns', field]);
    }
    let type = resolved.info.type;
    if (type === 'any') {
      if (typeof mapped !== 'object') throw new ConfigurationError('missing_option', `toSql needs the type of ${JSON.stringify(field)}: give columns[${JSON.stringify(field)}] = { column, type }`, ['columns', field]);
      type = mapped.type;
    }
    return { sql: this.dialect.quoteIdentifier(name), type };
  }

  /** The asOf day as a bound date. */
  asOf(kind: string): string {
    if (this.asOfDay === undefined) throw new ConfigurationError('missing_option', `toSql needs option \`asOf\` for a rule with ${kind}: the date it counts back from`, ['asOf']);
    return this.dialect.dayParameter(this.bind(this.asOfDay));
  }
}

/** A literal of another type than the column's: SQL would refuse or coerce it; the evaluator calls it unknown, so SQL says NULL. */
function typeFits(type: RuleFieldType, value: RuleLiteral): boolean {
  if (type === 'enum' || type === 'string' || type === 'instant') return typeof value === 'string';
  return typeof value === type;
}

const LIKE_SPECIAL = /[\\%_]/g;
const likeEscaped = (text: string): string => text.replace(LIKE_SPECIAL, (character) => `\\${character}`);

function write(node: RuleNode, out: SqlWriter): string {
  const { dialect } = out;
  if (dialect.unsupported.has(node.kind)) {
    throw new ConfigurationError('invalid_option', `toSql cannot write a ${node.kind === 'events' ? 'behaviour condition (count / sum)' : `${node.kind} condition`} for ${dialect.name}`, ['dialect']);
  }
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${node.rules.map((child) => write(child, out)).join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      return `(NOT ${write(node.rule, out)})`;
    case 'events':
      return writeEvents(node, out);
    default:
      break;
  }
  const { sql: column, type } = out.column(node.field);
  const day = type === 'instant' ? dialect.day(column) : column;
  switch (node.kind) {
    case 'eq':
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      if (!typeFits(type, node.value)) return 'NULL';
      const value = out.bind(node.value);
      return `(${day} ${COMPARE[node.kind]} ${type === 'instant' ? dialect.dayParameter(value) : value})`;
    }
    case 'between': {
      if (!typeFits(type, node.low) || !typeFits(type, node.high)) return 'NULL';
      const low = out.bind(node.low);
      const high = out.bind(node.high);
      return type === 'instant' ? `(${day} BETWEEN ${dialect.dayParameter(low)} AND ${dialect.dayParameter(high)})` : `(${column} BETWEEN ${low} AND ${high})`;
    }
    case 'in':
    case 'notIn': {
      // Values of another type than the column's can never equal it: dropped. With none left, unknown.
      const fitting = node.values.filter((value) => typeFits(type, value));
      if (fitting.length === 0) return 'NULL';
      return `(${column} ${node.kind === 'in' ? 'IN' : 'NOT IN'} (${fitting.map((value) => out.bind(value)).join(', ')}))`;
    }
    case 'contains':
    case 'startsWith':
    case 'endsWith': {
      // On a column of another type (an attribute mapped as a number), unknown, as in-process.
      if (type !== 'string' && type !== 'enum') return 'NULL';
      if (node.ignoreCase && dialect.lowerFolds === 'ascii') {
        throw new ConfigurationError('invalid_option', `toSql cannot write "${node.kind} ... ignoring case" for ${dialect.name}: its LOWER folds ASCII letters only, so "É" would not match "é" as it does in-process`, ['dialect']);
      }
      if (!node.ignoreCase && dialect.matchText !== undefined) return `(${dialect.matchText(node.kind, column, out.bind(node.value))})`;
      const text = likeEscaped(node.ignoreCase ? foldCase(node.value) : node.value);
      const pattern = node.kind === 'contains' ? `%${text}%` : node.kind === 'startsWith' ? `${text}%` : `%${text}`;
      return `(${node.ignoreCase ? `LOWER(${column})` : column} LIKE ${out.bind(pattern)}${dialect.likeEscape})`;
    }
    case 'has':
      return `(${dialect.setHas(column, out.bind(node.value))})`;
    case 'hasAny':
      return `(${dialect.setHasAny(column, dialect.listParameter(out.bind([...node.values])))})`;
    case 'hasAll':
      return `(${dialect.setHasAll(column, dialect.listParameter(out.bind([...node.values])))})`;
    case 'exists':
      return `(${column} IS NOT NULL)`;
    case 'isNull':
      return `(${column} IS NULL)`;
    case 'withinLast': {
      // Whole calendar days from the day of the value to asOf's day: 0 to floor(N).
      const asOf = out.asOf('within');
      const days = out.bind(Math.floor(durationDays(node.duration)));
      return `(${day} BETWEEN ${dialect.minusDays(asOf, days)} AND ${out.asOf('within')})`;
    }
    case 'moreThanAgo': {
      const asOf = out.asOf('more than ... ago');
      const days = out.bind(Math.floor(durationDays(node.duration)));
      return `(${day} < ${dialect.minusDays(asOf, days)})`;
    }
  }
}

/**
 * A behaviour condition as a correlated subquery over the events table: the orders (or
 * interactions) of this customer matching `where` in the window before `asOf`, counted or summed,
 * compared with the value. No events count 0, as in-process.
 */
function writeEvents(node: EventsNode, out: SqlWriter): string {
  const { dialect, events } = out;
  const kind = node.source === 'interactions' ? 'interactions' : 'transactions';
  const table = events?.[kind];
  if (events === undefined || table === undefined) {
    throw new ConfigurationError('missing_option', `toSql needs option \`events.${kind}\` (the table of ${kind}) for a behaviour condition over ${node.source}`, ['events', kind]);
  }
  const columns = table.columns ?? {};
  out.scope = { source: node.source, columns };
  try {
    const event = (field: string): string => out.eventColumn(field);
    const outer = `${out.identifier(events.customers, 'events.customers', ['events', 'customers'], true)}.${out.identifier(events.idColumn ?? 'customerId', 'events.idColumn', ['events', 'idColumn'])}`;
    const day = dialect.day(event('at'));
    const conditions = [`${event('customerId')} = ${outer}`, `${day} <= ${out.asOf('a behaviour condition')}`];
    if (node.window !== null) conditions.push(`${day} >= ${dialect.minusDays(out.asOf('a behaviour condition'), out.bind(Math.floor(durationDays(node.window))))}`);
    if (node.source === 'purchases') conditions.push(`COALESCE(${event('status')}, 'completed') = 'completed'`, `${event('amount')} >= 0`);
    if (node.where !== null) conditions.push(write(node.where, out));
    const measure = node.measure === 'sum' ? `COALESCE(SUM(${event('amount')}), 0)` : kind === 'interactions' ? 'COUNT(*)' : `COUNT(DISTINCT ${event('orderId')})`;
    const from = `${out.identifier(table.table, `events.${kind}.table`, ['events', kind, 'table'], true)} AS ${EVENT_ALIAS_SQL(dialect)}`;
    return `((SELECT ${measure} FROM ${from} WHERE ${conditions.join(' AND ')}) ${COMPARE[node.op]} ${out.bind(node.value)})`;
  } finally {
    out.scope = null;
  }
}

/**
 * Compiles a rule to a parameterised SQL condition for a WHERE clause, so the segment runs in the
 * host's warehouse with the meaning it has in-process: SQL's three-valued logic is the rule
 * language's, relative time is computed from the bound `asOf` (never the database's clock),
 * and every value is a parameter. Identifiers come only from the field catalogue (or the host's
 * column mapping, letters, digits and underscores) and are quoted per dialect; operators come
 * from closed tables; LIKE patterns escape % and _ and say how. A condition a dialect cannot
 * express is an error naming it and the dialect.
 *
 * The table's columns hold the fields: instants as timestamps (UTC), sets as arrays (lists in
 * DuckDB), `categoryShares.*` and `interactionCounts.*` as 0 where none (as the evaluator reads
 * them). Behaviour conditions (count / sum over events) become correlated subqueries over the
 * `events` tables.
 *
 * @param rule - A rule (validated first).
 * @param options - `dialect` (postgres, duckdb, sqlite, bigquery, snowflake), `columns`, `asOf`.
 * @returns `{ sql, params }`.
 * @throws {RuleError} for an invalid rule.
 * @throws {ConfigurationError} for an unknown dialect, a bad column mapping, a missing `asOf`, or a node the dialect cannot write.
 *
 * @example
 * ```ts
 * import { parseRule, toSql } from 'clientele';
 * const rule = parseRule('monetaryTotal >= 500 and lastPurchaseAt within 30 days and rfm.segment in ("champions", "loyal")');
 * const { sql, params } = toSql(rule, { dialect: 'postgres', asOf: '2026-06-30' });
 * sql; // => '(("monetaryTotal" >= $1) AND (CAST("lastPurchaseAt" AS DATE) BETWEEN (CAST($2 AS DATE) - CAST($3 AS INTEGER)) AND CAST($4 AS DATE)) AND ("rfm_segment" IN ($5, $6)))'
 * params; // => [500, '2026-06-30', 30, '2026-06-30', 'champions', 'loyal']
 * ```
 * @category Rules
 */
export function toSql(rule: Rule, options: ToSqlOptions): SqlFragment {
  const writer = createSqlWriter('toSql', options);
  const sql = writer.write(rule);
  return { sql, params: writer.params };
}

/** A writer that compiles several rules into one statement, sharing one parameter list. */
export interface RuleSqlWriter {
  /** Validates the rule and returns its condition; its values join `params`. */
  write(rule: Rule): string;
  readonly params: readonly (string | number | boolean | readonly string[])[];
  readonly dialect: SqlDialect;
}

/** Checks the options `toSql` and `segmentsSql` share and returns a writer. */
export function createSqlWriter(functionName: string, options: ToSqlOptions): RuleSqlWriter {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('missing_option', `${functionName} needs options with a \`dialect\``);
  const dialect = typeof options.dialect === 'string' && Object.hasOwn(SQL_DIALECTS, options.dialect) ? SQL_DIALECTS[options.dialect] : undefined;
  if (dialect === undefined) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`dialect\` to be one of ${Object.keys(SQL_DIALECTS).join(', ')}, received ${quoteValue(options.dialect)}`, ['dialect']);
  }
  let asOfDay: string | undefined;
  if (options.asOf !== undefined) {
    const instant = createInstantParser()(options.asOf);
    if (isInstantProblem(instant)) throw new ConfigurationError('invalid_option', `${functionName} expects option \`asOf\` to be a date: ${instant.message}`, ['asOf']);
    asOfDay = new Date(instant).toISOString().slice(0, 10);
  }
  const columns = options.columns ?? {};
  if (typeof columns !== 'object' || columns === null) throw new ConfigurationError('invalid_option', `${functionName} expects option \`columns\` to be an object, received ${quoteValue(columns)}`, ['columns']);
  const out = new SqlWriter(dialect, columns, asOfDay, options.events);
  return { write: (rule) => write(requireValidRule(functionName, rule).rule, out), params: out.params, dialect };
}
