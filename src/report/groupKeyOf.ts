import { ConfigurationError, quoteValue } from '../errors';

/** The key rows without a group are counted under. */
export const NO_GROUP = '(none)';

/**
 * The group of a row as a string, from `by`: a function, or the name of a field read from the
 * row's own properties only (`by: '__proto__'` or `'constructor'` finds nothing, never the
 * prototype). `null` and `undefined` group as `"(none)"`. The one reading every report shares.
 */
export function groupKeyOf<T>(functionName: string, by: ((row: T) => unknown) | string): (row: T) => string {
  if (typeof by !== 'function' && typeof by !== 'string') throw new ConfigurationError('invalid_option', `${functionName} expects \`by\` to be a function or a field name, received ${quoteValue(by)}`, ['by']);
  const raw = typeof by === 'function' ? by : (row: T): unknown => (typeof row === 'object' && row !== null && Object.hasOwn(row, by) ? (row as Record<string, unknown>)[by] : undefined);
  return (row) => {
    const group = raw(row);
    return group === null || group === undefined ? NO_GROUP : String(group);
  };
}
