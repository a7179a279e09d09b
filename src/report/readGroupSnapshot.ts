import { ConfigurationError, quoteValue } from '../errors';

/**
 * Reads a snapshot (one row per customer, with a string `customerId`) into customer id → group.
 * A row without a customer id, or a customer listed twice, is a `ConfigurationError` naming the
 * row: a report never guesses which of two rows counts.
 */
export function readGroupSnapshot<T>(functionName: string, name: string, rows: readonly T[], groupOf: (row: T) => string): Map<string, string> {
  if (!Array.isArray(rows)) throw new ConfigurationError('invalid_option', `${functionName} expects \`${name}\` to be an array of rows with a customerId, received ${quoteValue(rows)}`, [name]);
  const groups = new Map<string, string>();
  rows.forEach((row, index) => {
    const customerId = typeof row === 'object' && row !== null && Object.hasOwn(row, 'customerId') ? (row as { customerId?: unknown }).customerId : undefined;
    if (typeof customerId !== 'string') throw new ConfigurationError('invalid_option', `${functionName} expects \`${name}[${index}]\` to be an object with a string customerId, received ${quoteValue(row)}`, [name, index]);
    if (groups.has(customerId)) throw new ConfigurationError('invalid_option', `${functionName} found customer ${quoteValue(customerId)} twice in \`${name}\``, [name, index]);
    groups.set(customerId, groupOf(row));
  });
  return groups;
}
