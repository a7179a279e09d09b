/**
 * fitGammaGamma validates its rows and options like the other fits, and its model feeds
 * expectedAverageValue, whose closed form E[Z | x, z̄] = p(γ + x z̄)/(px + q − 1) (Fader, Hardie
 * & Lee 2005, "RFM and CLV", eq. 5) is checked by hand.
 */
import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError, expectedAverageValue, fitGammaGamma, readClvModel, type SpendCustomer } from 'clientele';
import { simulateBtydSummaries } from 'clientele/sample';

const buyer = (x: number, value: number | null): SpendCustomer => ({ repeatPurchases: x, meanRepeatPurchaseValue: value });
const CDNOW_SPEND = { kind: 'gammagamma', version: 1, parameters: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('fitGammaGamma', () => {
  it('needs two repeat customers of positive mean value: ModelError insufficient_data', () => {
    for (const customers of [[], [buyer(2, 10)], [buyer(0, null), buyer(0, null), buyer(3, 0), buyer(1, -4)]]) {
      expect(thrown(() => fitGammaGamma(customers))).toMatchObject({ name: 'ModelError', code: 'insufficient_data', modelKind: 'gammagamma' });
    }
  });

  it.each([
    ['a NaN mean value', buyer(1, Number.NaN), 'non_finite', 'meanRepeatPurchaseValue'],
    ['an infinite mean value', buyer(1, Number.POSITIVE_INFINITY), 'non_finite', 'meanRepeatPurchaseValue'],
    ['a string mean value', { repeatPurchases: 1, meanRepeatPurchaseValue: '3' } as never, 'invalid_type', 'meanRepeatPurchaseValue'],
    ['a non-integer x', buyer(1.5, 3), 'invalid_value', 'repeatPurchases'],
    ['a negative x', buyer(-1, 3), 'invalid_value', 'repeatPurchases'],
  ] as const)('rejects a row with %s: ValidationError with the row index', (_label, row, code, field) => {
    const error = thrown(() => fitGammaGamma([buyer(2, 10), row as SpendCustomer, buyer(3, 4)]));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code, path: [1, field] });
  });

  it.each([
    [{ penalizer: -1 }, ['penalizer']],
    [{ maxIterations: 0 }, ['maxIterations']],
    [{ initialParameters: { r: 1 } }, ['initialParameters', 'r']],
    [{ initialParameters: { q: -2 } }, ['initialParameters', 'q']],
    ['x', []],
  ] as const)('rejects options %o: ConfigurationError invalid_option', (options, path) => {
    const error = thrown(() => fitGammaGamma([buyer(2, 10), buyer(1, 3), buyer(3, 4)], options as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'invalid_option', path });
  });

  it('throws not_converged in strict mode with maxIterations: 1', () => {
    expect(thrown(() => fitGammaGamma([buyer(2, 10), buyer(1, 3), buyer(3, 4), buyer(5, 20)], { strict: true, maxIterations: 1 }))).toMatchObject({
      name: 'ModelError',
      code: 'not_converged',
    });
  });

  it('fits simulated spend, excludes and counts the customers it cannot use, and round-trips through JSON', () => {
    const customers = simulateBtydSummaries({
      model: { kind: 'bgnbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      spend: { p: 6.25, q: 3.74, gamma: 15.44 },
      customers: 2000,
      seed: 'fitGammaGamma',
      observationLength: 39,
    });
    const model = fitGammaGamma(Object.freeze([...customers, buyer(2, 0)]));
    const repeaters = customers.filter((customer) => customer.repeatPurchases > 0).length;
    expect(model.fit).toMatchObject({ converged: true, customers: repeaters, excluded: { noRepeatPurchase: customers.length - repeaters, nonPositiveValue: 1 } });
    // The implied population mean spend p·γ/(q − 1) is the simulator's 6.25 · 15.44 / 2.74 = 35.2 within 15 %.
    const { p, q, gamma } = model.parameters;
    expect(Math.abs((p * gamma) / (q - 1) / 35.22 - 1)).toBeLessThan(0.15);
    expect(readClvModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
  });
});

describe('expectedAverageValue', () => {
  it('is the closed form p(γ + x z̄)/(px + q − 1), and the population mean pγ/(q − 1) without repeat purchases', () => {
    // 6.25 (15.44 + 10 · 20)/(62.5 + 2.74) = 20.6392; 6.25 · 15.44 / 2.74 = 35.2190.
    expect(expectedAverageValue(CDNOW_SPEND, buyer(10, 20))).toBeCloseTo(20.639178418148376, 12);
    expect(expectedAverageValue(CDNOW_SPEND, buyer(0, null))).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(expectedAverageValue(CDNOW_SPEND, buyer(3, -5))).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
  });

  it('refuses q <= 1 (infinite mean spend) and a wrong kind with typed errors', () => {
    expect(thrown(() => expectedAverageValue({ ...CDNOW_SPEND, parameters: { ...CDNOW_SPEND.parameters, q: 1 } }, buyer(1, 2)))).toMatchObject({ name: 'ModelError', code: 'numerical_failure', path: ['parameters', 'q'] });
    expect(thrown(() => expectedAverageValue({ ...CDNOW_SPEND, kind: 'bgnbd' } as never, buyer(1, 2)))).toMatchObject({ name: 'ModelError', code: 'model_kind_mismatch' });
    expect(thrown(() => expectedAverageValue(CDNOW_SPEND, buyer(1, Number.NaN)))).toMatchObject({ name: 'ValidationError', code: 'non_finite' });
  });
});

describe('the currency unit (found by review: γ past 1e6 read as running off)', () => {
  it('gives the same p and q, and γ times the factor, for spend in units 100,000 times smaller, converged both times', () => {
    const customers = simulateBtydSummaries({
      model: { kind: 'bgnbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      spend: { p: 6.25, q: 3.74, gamma: 15.44 },
      customers: 2000,
      seed: 'currency',
      observationLength: 39,
    }).filter((customer) => customer.repeatPurchases > 0);
    const base = fitGammaGamma(customers);
    const scaled = fitGammaGamma(customers.map((customer) => ({ ...customer, meanRepeatPurchaseValue: (customer.meanRepeatPurchaseValue as number) * 1e5 })));
    expect(base.fit.converged).toBe(true);
    expect(scaled.fit.converged).toBe(true);
    expect(scaled.parameters.p).toBeCloseTo(base.parameters.p, 6);
    expect(scaled.parameters.q).toBeCloseTo(base.parameters.q, 6);
    expect(scaled.parameters.gamma / base.parameters.gamma).toBeCloseTo(1e5, 0);
    // The log-likelihood of the same data in other units differs by n·ln(factor): the densities' Jacobian.
    expect(base.fit.logLikelihood - scaled.fit.logLikelihood).toBeCloseTo(customers.length * Math.log(1e5), 4);
  });
});
