/** The words of the rule text syntax (matched case-insensitively). A field named like one is written in backticks. */
export const RULE_KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'between', 'in', 'contains', 'starts', 'ends', 'with', 'ignoring', 'case', 'has', 'any', 'all',
  'exists', 'is', 'null', 'within', 'more', 'than', 'ago', 'day', 'days', 'week', 'weeks', 'month', 'months', 'true', 'false',
  'count', 'sum', 'where', 'last',
]);

/** A field path the text syntax can write bare: identifier segments joined by dots, none a keyword. */
export const BARE_FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
