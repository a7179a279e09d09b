/**
 * P(X(t) = n) is a distribution: it sums to 1 over n and its mean is E[X(t)]. At n = 0 the
 * beta-geometric forms reduce to expressions checked by hand: BG/NBD (α/(α+t))^r (Fader, Hardie
 * & Lee 2005, eq. 8), MBG/NBD b/(a+b)·(α/(α+t))^r + a/(a+b).
 */
import { describe, expect, it } from 'vitest';
import { ConfigurationError, expectedPurchases, probabilityOfPurchases, type TransactionModel } from 'clientele';

const model = (kind: TransactionModel['kind'], parameters: object) => ({ kind, version: 1, timeUnit: 'weeks', parameters }) as TransactionModel;
const MODELS: [string, TransactionModel, number][] = [
  ['BG/NBD on CDNOW (Fader, Hardie & Lee 2005)', model('bgnbd', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }), 300],
  ['MBG/NBD on CDNOW (Batislam et al. 2007)', model('mbgnbd', { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }), 300],
  ['Pareto/NBD on CDNOW (Fader, Hardie & Lee 2005)', model('paretonbd', { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }), 300],
  ['BG/NBD, frequent buyers', model('bgnbd', { r: 2, alpha: 4, a: 3, b: 10 }), 400],
  ['MBG/NBD, frequent buyers', model('mbgnbd', { r: 2, alpha: 4, a: 3, b: 10 }), 400],
  ['Pareto/NBD, frequent buyers, s near 1', model('paretonbd', { r: 2, alpha: 4, s: 1 + 1e-9, beta: 30 }), 800],
];

describe.each(MODELS)('probabilityOfPurchases, %s', (_label, fitted, maxN) => {
  it.each([13, 39, 78])(`sums to 1 over n = 0..${maxN}, with mean E[X(t)], for t = %i weeks`, (weeks) => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n <= maxN; n += 1) {
      const p = probabilityOfPurchases(fitted, n, { weeks });
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      total += p;
      mean += n * p;
    }
    expect(Math.abs(total - 1)).toBeLessThan(1e-9);
    expect(Math.abs(mean / expectedPurchases(fitted, { weeks }) - 1)).toBeLessThan(1e-8);
  });

  it('puts all the mass on n = 0 for a zero period', () => {
    // MBG/NBD sums b/(a+b) + a/(a+b): 1 up to rounding.
    expect(probabilityOfPurchases(fitted, 0, { weeks: 0 })).toBeCloseTo(1, 15);
    expect(probabilityOfPurchases(fitted, 3, { weeks: 0 })).toBe(0);
  });

  it.each([-1, 1.5, Number.NaN, '1', 2e6])('refuses n = %s: ConfigurationError invalid_option at n', (n) => {
    expect(() => probabilityOfPurchases(fitted, n as number, { weeks: 39 })).toThrow(ConfigurationError);
    try {
      probabilityOfPurchases(fitted, n as number, { weeks: 39 });
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_option', path: ['n'] });
    }
  });
});

describe('probabilityOfPurchases at n = 0, by hand', () => {
  it('is (α/(α+t))^r under BG/NBD: 0.574 for CDNOW over 39 weeks', () => {
    const value = probabilityOfPurchases(MODELS[0]?.[1] as TransactionModel, 0, { weeks: 39 });
    expect(value).toBeCloseTo((4.414 / 43.414) ** 0.243, 14);
    expect(value.toFixed(3)).toBe('0.574');
  });

  it('is b/(a+b)·(α/(α+t))^r + a/(a+b) under MBG/NBD (gone after the first purchase, or alive and silent)', () => {
    const [a, b] = [0.891, 1.614];
    expect(probabilityOfPurchases(MODELS[1]?.[1] as TransactionModel, 0, { weeks: 39 })).toBeCloseTo((b / (a + b)) * (6.183 / 45.183) ** 0.525 + a / (a + b), 14);
  });
});
