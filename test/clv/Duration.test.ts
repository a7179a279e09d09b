/**
 * Every prediction takes its horizon as a Duration that names its unit. A bare number, two
 * units at once or a bad length is a ConfigurationError naming the option; months are
 * 365.25/12 = 30.4375 days unless they say otherwise.
 */
import { describe, expect, it } from 'vitest';
import { ConfigurationError, DAYS_PER_AVERAGE_MONTH, conditionalExpectedPurchases, expectedPurchases, probabilityOfPurchases, type Duration } from 'clientele';

const weekly = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
const customer = { repeatPurchases: 2, firstToLastPurchase: 30.43, firstPurchaseToAsOf: 38.86, timeUnit: 'weeks' } as const;

const ENTRY_POINTS: [string, (period: Duration) => number][] = [
  ['expectedPurchases', (period) => expectedPurchases(weekly, period)],
  ['conditionalExpectedPurchases', (period) => conditionalExpectedPurchases(weekly, period, customer)],
  ['probabilityOfPurchases', (period) => probabilityOfPurchases(weekly, 1, period)],
];

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe.each(ENTRY_POINTS)('%s reads its period as a Duration', (name, predict) => {
  it.each([
    ['a bare number', 39, ['period']],
    ['null', null, ['period']],
    ['an array', [39], ['period']],
    ['a string', '39 weeks', ['period']],
    ['an empty object', {}, ['period']],
    ['two units', { weeks: 39, days: 2 }, ['period']],
    ['an unknown unit', { years: 1 }, ['period']],
    ['daysPerMonth without months', { days: 30, daysPerMonth: 30 }, ['period']],
    ['a negative length', { weeks: -1 }, ['period', 'weeks']],
    ['a NaN length', { days: Number.NaN }, ['period', 'days']],
    ['an infinite length', { months: Number.POSITIVE_INFINITY }, ['period', 'months']],
    ['a string length', { weeks: '39' }, ['period', 'weeks']],
    ['a length above 1e6', { days: 2e6 }, ['period', 'days']],
    ['a 27-day month', { months: 1, daysPerMonth: 27 }, ['period', 'daysPerMonth']],
  ] as const)('refuses %s: ConfigurationError invalid_option', (_label, period, path) => {
    const error = thrown(() => predict(period as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ name: 'ConfigurationError', code: 'invalid_option', path });
    expect(error.message.startsWith(`${name} expects \``)).toBe(true);
  });

  it('converts exactly: { months: 12 } is { days: 365.25 }, { weeks: 39 } is { days: 273 }, a 30-day month is { days: 30 }', () => {
    expect(DAYS_PER_AVERAGE_MONTH).toBe(365.25 / 12);
    expect(predict({ months: 12 })).toBe(predict({ days: 365.25 }));
    expect(predict({ weeks: 39 })).toBe(predict({ days: 273 }));
    expect(predict({ months: 1, daysPerMonth: 30 })).toBe(predict({ days: 30 }));
  });

  it('gives 0 (purchases, or probability of one purchase) in a zero period', () => {
    expect(predict({ weeks: 0 })).toBe(0);
  });
});

describe('the bare-number message', () => {
  it('names the function, the option and the value, and shows a duration', () => {
    const error = thrown(() => expectedPurchases(weekly, 39 as never));
    expect({ name: error.name, message: error.message, code: (error as ConfigurationError).code, path: (error as ConfigurationError).path }).toMatchInlineSnapshot(`
      {
        "code": "invalid_option",
        "message": "expectedPurchases expects \`period\` to be a duration with its unit, such as { weeks: 39 } or { months: 12 }, received 39",
        "name": "ConfigurationError",
        "path": [
          "period",
        ],
      }
    `);
  });
});
