import { ConfigurationError, quoteValue } from '../errors';
import { DAY_MS } from '../internal/dayNumber';
import { createInstantParser, isInstantProblem } from '../model/parseInstant';

/** The validated settings of one `generateSample` call. */
export interface SampleSettings {
  readonly customerCount: number;
  readonly seed: number | string;
  /** 00:00 UTC of the first day, epoch ms. */
  readonly startMs: number;
  /** 00:00 UTC of the last day, epoch ms: the sample's `asOf`. */
  readonly asOf: number;
  /** Whole days from `startMs` to `asOf`; 0 when they are the same day. */
  readonly dayCount: number;
  readonly currency: string;
}

/** The most customers one call generates: about 20 million transaction rows. */
export const MAX_SAMPLE_CUSTOMERS = 2_000_000;
/** The longest period, in days (100 years): beyond it the row count has no useful bound. */
export const MAX_SAMPLE_DAYS = 36_525;

const OPTION_NAMES: ReadonlySet<string> = new Set(['customers', 'seed', 'start', 'end', 'currency']);

function invalid(option: string, message: string): ConfigurationError {
  return new ConfigurationError('invalid_option', message, [option]);
}

function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/**
 * Reads `generateSample`'s options: applies the defaults and checks every value, so that a
 * mistake fails at the boundary with a message that names the option.
 *
 * @param options - The options as the caller passed them (possibly from untyped JavaScript).
 * @returns The settings, with dates as epoch ms at 00:00 UTC.
 * @throws {ConfigurationError} `invalid_option` for an unknown option or a bad value.
 */
export function readSampleOptions(options: unknown): SampleSettings {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigurationError('invalid_option', `generateSample expects an options object, received ${quoteValue(options)}`);
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!OPTION_NAMES.has(key)) {
      throw invalid(key, `generateSample does not know option ${quoteValue(key)}; expected customers, seed, start, end or currency`);
    }
  }

  const customers = given.customers ?? 1000;
  if (typeof customers !== 'number' || !Number.isInteger(customers) || customers < 0 || customers > MAX_SAMPLE_CUSTOMERS) {
    throw invalid('customers', `generateSample expects option \`customers\` to be a whole number from 0 to 2,000,000, received ${quoteValue(customers)}`);
  }

  const seed = given.seed ?? 1;
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string')) {
    throw invalid('seed', `generateSample expects option \`seed\` to be a finite number or a string, received ${quoteValue(seed)}`);
  }

  const parseInstant = createInstantParser();
  const start = parseInstant(given.start ?? '2024-01-01');
  if (isInstantProblem(start)) {
    throw invalid('start', `generateSample expects option \`start\` to be a Date, an ISO-8601 date or epoch ms: ${start.message}`);
  }
  const endInput = given.end ?? '2025-12-31';
  const end = parseInstant(endInput);
  if (isInstantProblem(end)) {
    throw invalid('end', `generateSample expects option \`end\` to be a Date, an ISO-8601 date or epoch ms: ${end.message}`);
  }
  const startMs = Math.floor(start / DAY_MS) * DAY_MS;
  const asOf = Math.floor(end / DAY_MS) * DAY_MS;
  if (asOf < startMs) {
    throw invalid('end', `generateSample expects option \`end\` to be on or after \`start\` (${isoDay(startMs)}), received ${quoteValue(endInput)}`);
  }
  const dayCount = Math.round((asOf - startMs) / DAY_MS);
  if (dayCount > MAX_SAMPLE_DAYS) {
    throw invalid('end', `generateSample expects option \`end\` to be at most 100 years after \`start\` (${isoDay(startMs)}), received ${quoteValue(endInput)}`);
  }

  const currency = given.currency ?? 'EUR';
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    throw invalid('currency', `generateSample expects option \`currency\` to be a three-letter ISO 4217 code such as "EUR", received ${quoteValue(currency)}`);
  }

  return { customerCount: customers, seed, startMs, asOf, dayCount, currency };
}
