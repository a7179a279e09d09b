import { ConfigurationError, quoteValue } from '../errors';
import { createDayNumber } from '../internal/dayNumber';
import { isKnownTimeZone } from '../internal/zoneOffsetMinutes';
import { createInstantParser, isInstantProblem, type InstantInput } from '../model/parseInstant';

/** The "now" of a report and the calendar it counts days in. */
export interface ReportClock {
  readonly asOf: number;
  readonly asOfDay: number;
  readonly timeZone: string;
  readonly dayNumber: (epochMs: number) => number;
}

/** Checks a report's `asOf` (required: clientele never reads the clock) and `timeZone` (default UTC). */
export function reportClock(functionName: string, options: { readonly asOf?: InstantInput; readonly timeZone?: string } | undefined): ReportClock {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('missing_option', `${functionName} needs options with an \`asOf\` date, received ${quoteValue(options)}`);
  const timeZone = options.timeZone ?? 'UTC';
  if (typeof timeZone !== 'string' || !isKnownTimeZone(timeZone)) {
    throw new ConfigurationError('invalid_option', `${functionName} expects option \`timeZone\` to be an IANA time zone such as "Europe/Paris", received ${quoteValue(timeZone)}`, ['timeZone']);
  }
  if (options.asOf === undefined) throw new ConfigurationError('missing_option', `${functionName} needs option \`asOf\`: the date the report describes (clientele never reads the clock)`, ['asOf']);
  const asOf = createInstantParser(timeZone)(options.asOf);
  if (isInstantProblem(asOf)) throw new ConfigurationError('invalid_option', `${functionName} expects option \`asOf\` to be a date: ${asOf.message}`, ['asOf']);
  const dayNumber = createDayNumber(timeZone);
  return { asOf, asOfDay: dayNumber(asOf), timeZone, dayNumber };
}
