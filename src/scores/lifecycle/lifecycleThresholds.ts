import { ConfigurationError, quoteValue } from '../../errors';
import { deepFreeze } from '../../internal/deepFreeze';
import type { LifecycleThresholds } from './LifecycleModel';

/**
 * The default thresholds of the lifecycle rules. The reasoning, for a customer who buys at a
 * steady random rate (a Poisson process, so gaps are exponential): a gap of k usual (median)
 * intervals happens with probability 2^−k. So `atRiskFactor` 2 flags a gap a steady buyer shows
 * 25 % of the time, a nudge worth sending; `churnFactor` 4, 6 % of the time, rare enough to call
 * them gone. The floors of 30 and 90 days keep weekly buyers from being "churned" after a
 * month's holiday. `newMaxDays` 90 and `newMaxOrders` 2: one quarter and the second purchase,
 * the usual onboarding window. Spend changes of ±50 % between 90-day trend periods are beyond
 * the noise of one order more or less for most customers, and count only once both periods lie
 * after the first purchase (`trendMinDays` 180). `matureMinDays` 365 with 4 orders and
 * a coefficient of variation of the intervals at most 1 (an exponential's is 1): a year of
 * steady buying. P(alive) below 0.5 means more likely gone than not (at risk); below 0.15, gone.
 *
 * @example
 * ```ts
 * import { DEFAULT_LIFECYCLE_THRESHOLDS } from 'clientele';
 * [DEFAULT_LIFECYCLE_THRESHOLDS.atRiskFactor, DEFAULT_LIFECYCLE_THRESHOLDS.churnFactor]; // => [2, 4]
 * ```
 * @category Lifecycle
 */
export const DEFAULT_LIFECYCLE_THRESHOLDS: LifecycleThresholds = /* @__PURE__ */ deepFreeze({
  minIntervals: 2,
  atRiskFactor: 2,
  atRiskMinDays: 30,
  churnFactor: 4,
  churnMinDays: 90,
  atRiskProbabilityAlive: 0.5,
  churnProbabilityAlive: 0.15,
  reactivatedFactor: 4,
  newMaxDays: 90,
  newMaxOrders: 2,
  trendMinDays: 180,
  declineSpendChange: -0.5,
  lengtheningFactor: 2,
  growthSpendChange: 0.5,
  matureMinDays: 365,
  matureMinOrders: 4,
  matureMaxCv: 1,
});

type Check = readonly [name: keyof LifecycleThresholds, test: (value: number) => boolean, expected: string];

const CHECKS: readonly Check[] = [
  ['minIntervals', (v) => Number.isInteger(v) && v >= 1 && v <= 100, 'a whole number from 1 to 100'],
  ['atRiskFactor', (v) => v > 0 && v <= 1000, 'a number above 0, at most 1000'],
  ['atRiskMinDays', (v) => v >= 0 && v <= 36500, 'a number of days from 0 to 36500'],
  ['churnFactor', (v) => v > 0 && v <= 1000, 'a number above 0, at most 1000'],
  ['churnMinDays', (v) => v >= 0 && v <= 36500, 'a number of days from 0 to 36500'],
  ['atRiskProbabilityAlive', (v) => v >= 0 && v <= 1, 'a probability from 0 to 1'],
  ['churnProbabilityAlive', (v) => v >= 0 && v <= 1, 'a probability from 0 to 1'],
  ['reactivatedFactor', (v) => v > 0 && v <= 1000, 'a number above 0, at most 1000'],
  ['newMaxDays', (v) => v >= 0 && v <= 36500, 'a number of days from 0 to 36500'],
  ['newMaxOrders', (v) => Number.isInteger(v) && v >= 1, 'a whole number, at least 1'],
  ['trendMinDays', (v) => v >= 0 && v <= 36500, 'a number of days from 0 to 36500'],
  ['declineSpendChange', (v) => v >= -1 && v < 0, 'a change from −1 (all spend gone) up to, not including, 0'],
  ['lengtheningFactor', (v) => v > 1 && v <= 1000, 'a factor above 1, at most 1000'],
  ['growthSpendChange', (v) => v > 0 && v <= 1000, 'a change above 0, at most 1000'],
  ['matureMinDays', (v) => v >= 0 && v <= 36500, 'a number of days from 0 to 36500'],
  ['matureMinOrders', (v) => Number.isInteger(v) && v >= 1, 'a whole number, at least 1'],
  ['matureMaxCv', (v) => v >= 0 && v <= 100, 'a coefficient of variation from 0 to 100'],
];

/**
 * The default thresholds overridden by the host's, checked one by one and against each other:
 * at risk must come before churned (`atRiskFactor` <= `churnFactor`, `atRiskMinDays` <=
 * `churnMinDays`, `churnProbabilityAlive` <= `atRiskProbabilityAlive`).
 *
 * @throws {ConfigurationError} `invalid_option` naming the threshold.
 */
export function resolveLifecycleThresholds(functionName: string, given: Partial<LifecycleThresholds> | undefined): LifecycleThresholds {
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    throw new ConfigurationError('invalid_option', `${functionName} expects \`thresholds\` to be an object, received ${quoteValue(given)}`, ['thresholds']);
  }
  const record = (given ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !Object.hasOwn(DEFAULT_LIFECYCLE_THRESHOLDS, key));
  if (unknown.length > 0) {
    throw new ConfigurationError('invalid_option', `${functionName} has no threshold ${quoteValue(unknown[0])}; the thresholds are ${Object.keys(DEFAULT_LIFECYCLE_THRESHOLDS).join(', ')}`, ['thresholds', unknown[0] as string]);
  }
  const resolved: Record<string, number> = { ...DEFAULT_LIFECYCLE_THRESHOLDS };
  for (const [name, test, expected] of CHECKS) {
    if (!Object.hasOwn(record, name)) continue;
    const value = record[name];
    if (typeof value !== 'number' || !test(value)) {
      throw new ConfigurationError('invalid_option', `${functionName} expects threshold \`${name}\` to be ${expected}, received ${quoteValue(value)}`, ['thresholds', name]);
    }
    resolved[name] = value;
  }
  const thresholds = resolved as unknown as LifecycleThresholds;
  const contradictions: [boolean, keyof LifecycleThresholds, string][] = [
    [thresholds.atRiskFactor > thresholds.churnFactor, 'atRiskFactor', `atRiskFactor (${thresholds.atRiskFactor}) is above churnFactor (${thresholds.churnFactor}): a customer would be churned before being at risk`],
    [thresholds.atRiskMinDays > thresholds.churnMinDays, 'atRiskMinDays', `atRiskMinDays (${thresholds.atRiskMinDays}) is above churnMinDays (${thresholds.churnMinDays})`],
    [
      thresholds.churnProbabilityAlive > thresholds.atRiskProbabilityAlive,
      'churnProbabilityAlive',
      `churnProbabilityAlive (${thresholds.churnProbabilityAlive}) is above atRiskProbabilityAlive (${thresholds.atRiskProbabilityAlive}): a customer would be churned before being at risk`,
    ],
  ];
  for (const [contradictory, name, message] of contradictions) {
    if (contradictory) throw new ConfigurationError('invalid_option', `${functionName} received contradictory thresholds: ${message}`, ['thresholds', name]);
  }
  return thresholds;
}
