/**
 * What the three purchase-count fits (BG/NBD, MBG/NBD, Pareto/NBD) share: they validate every
 * row at the boundary and name it in the error, check their options, convert mixed units
 * exactly, honour `strict` and the penalizer, never return NaN parameters on degenerate data,
 * and return plain models that survive a JSON round trip. Fitted data are drawn with the seeded
 * simulator from CDNOW's published BG/NBD estimates (Fader, Hardie & Lee 2005, table 1).
 */
import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  ModelError,
  ValidationError,
  conditionalExpectedPurchases,
  fitBgNbd,
  fitModifiedBgNbd,
  fitParetoNbd,
  readClvModel,
  type BtydCustomer,
  type TransactionModel,
} from 'clientele';
import { simulateBtydSummaries } from 'clientele/sample';

type Fit = (customers: readonly BtydCustomer[], options?: object) => TransactionModel;
const FITS: [string, TransactionModel['kind'], Fit][] = [
  ['fitBgNbd', 'bgnbd', fitBgNbd as Fit],
  ['fitModifiedBgNbd', 'mbgnbd', fitModifiedBgNbd as Fit],
  ['fitParetoNbd', 'paretonbd', fitParetoNbd as Fit],
];

const week = (x: number, tx: number | null, T: number | null): BtydCustomer => ({ repeatPurchases: x, firstToLastPurchase: tx, firstPurchaseToAsOf: T, timeUnit: 'weeks' });
const PROSPECT = week(0, null, null);

function frozen<T>(rows: T[]): readonly T[] {
  for (const row of rows) Object.freeze(row);
  return Object.freeze(rows);
}

// 600 customers, 39 weeks of observation with first purchases spread over 12 weeks.
const SAMPLE: readonly BtydCustomer[] = frozen(
  simulateBtydSummaries({ model: { kind: 'bgnbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, customers: 600, seed: 'fitByMaximumLikelihood', observationLength: 39, firstPurchaseSpread: 12 }).map(
    ({ repeatPurchases, firstToLastPurchase, firstPurchaseToAsOf, timeUnit }) => ({ repeatPurchases, firstToLastPurchase, firstPurchaseToAsOf, timeUnit }),
  ),
);

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

const payload = (error: Error) => ({ name: error.name, code: (error as ModelError).code, path: (error as ModelError).path });

function relativeDifference(left: number, right: number): number {
  return Math.abs(left - right) / Math.max(Math.abs(left), Math.abs(right));
}

function expectFinitePositive(parameters: object): void {
  for (const [name, value] of Object.entries(parameters)) {
    expect(Number.isFinite(value) && (value as number) > 0, `${name} = ${value}`).toBe(true);
  }
}

describe.each(FITS)('%s', (name, kind, fitModel) => {
  describe('rejects what it cannot fit', () => {
    it('an empty population and a population of prospects only: ModelError insufficient_data', () => {
      for (const customers of [[], [PROSPECT, PROSPECT]]) {
        const error = thrown(() => fitModel(frozen(customers)));
        expect(error).toBeInstanceOf(ModelError);
        expect(error).toMatchObject({ name: 'ModelError', code: 'insufficient_data', modelKind: kind, path: [] });
        expect(error.message).toMatch(new RegExp(`^${name} needs at least one customer with a first purchase`));
      }
    });

    it.each([
      ['NaN t_x', week(1, Number.NaN, 3), 'non_finite', 'firstToLastPurchase'],
      ['infinite T', week(1, 2, Number.POSITIVE_INFINITY), 'non_finite', 'firstPurchaseToAsOf'],
      ['negative t_x', week(1, -1, 3), 'out_of_range', 'firstToLastPurchase'],
      ['negative T', week(0, 0, -1), 'out_of_range', 'firstPurchaseToAsOf'],
      ['negative x', week(-1, 0, 3), 'invalid_value', 'repeatPurchases'],
      ['non-integer x', week(1.5, 2, 3), 'invalid_value', 'repeatPurchases'],
      ['t_x > T', week(1, 4, 3), 'out_of_range', 'firstToLastPurchase'],
      ['x = 0 with t_x > 0', week(0, 2, 3), 'invalid_value', 'firstToLastPurchase'],
      ['a string T', { ...week(1, 2, 3), firstPurchaseToAsOf: '3' } as never, 'invalid_type', 'firstPurchaseToAsOf'],
      ['an unknown time unit', { ...week(1, 2, 3), timeUnit: 'months' } as never, 'invalid_value', 'timeUnit'],
      ['a prospect with purchases', week(2, null, null), 'invalid_value', 'repeatPurchases'],
    ] as const)('a row with %s: ValidationError with the row index in path', (_label, row, code, field) => {
      const error = thrown(() => fitModel(frozen([week(2, 20, 30), row as BtydCustomer])));
      expect(error).toBeInstanceOf(ValidationError);
      expect(payload(error)).toEqual({ name: 'ValidationError', code, path: [1, field] });
      expect((error as ValidationError).rejectedCount).toBe(1);
    });

    it('a null row: ValidationError invalid_type at its index', () => {
      expect(payload(thrown(() => fitModel(frozen([week(2, 20, 30), week(1, 1, 2), null as never]))))).toEqual({ name: 'ValidationError', code: 'invalid_type', path: [2] });
    });

    it('lists every bad row, not only the first', () => {
      const error = thrown(() => fitModel(frozen([week(2, 20, 30), week(1, 4, 3), week(3, 3, 9), week(1.5, 1, 2)]))) as ValidationError;
      expect(error.rejectedCount).toBe(2);
      expect(error.issues.map((issue) => [issue.index, ...issue.path])).toEqual([
        [1, 'firstToLastPurchase'],
        [3, 'repeatPurchases'],
      ]);
    });

    it.each([
      ['penalizer -1', { penalizer: -1 }, ['penalizer']],
      ['penalizer NaN', { penalizer: Number.NaN }, ['penalizer']],
      ['penalizer "0.1"', { penalizer: '0.1' }, ['penalizer']],
      ['maxIterations 0', { maxIterations: 0 }, ['maxIterations']],
      ['maxIterations 1.5', { maxIterations: 1.5 }, ['maxIterations']],
      ['strict "yes"', { strict: 'yes' }, ['strict']],
      ['initialParameters null', { initialParameters: null }, ['initialParameters']],
      ['an unknown initial parameter', { initialParameters: { zz: 1 } }, ['initialParameters', 'zz']],
      ['a negative initial r', { initialParameters: { r: -1 } }, ['initialParameters', 'r']],
      ['a zero initial r', { initialParameters: { r: 0 } }, ['initialParameters', 'r']],
      ['a NaN initial alpha', { initialParameters: { alpha: Number.NaN } }, ['initialParameters', 'alpha']],
      ['options "x"', 'x', []],
      ['options null', null, []],
    ] as const)('bad options (%s): ConfigurationError invalid_option', (_label, options, path) => {
      const error = thrown(() => fitModel(SAMPLE, options as never));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(payload(error)).toEqual({ name: 'ConfigurationError', code: 'invalid_option', path });
    });

    it('strict: true with maxIterations: 1 throws ModelError not_converged', () => {
      const error = thrown(() => fitModel(SAMPLE, { strict: true, maxIterations: 1 }));
      expect(error).toBeInstanceOf(ModelError);
      expect(error).toMatchObject({ code: 'not_converged', modelKind: kind });
      // Without strict the same fit returns, flagged.
      const model = fitModel(SAMPLE, { maxIterations: 1 });
      expect(model.fit).toMatchObject({ converged: false, iterations: 1 });
      expect(model.fit.stopReason).not.toBe('gradient');
    });
  });

  describe('fits', () => {
    const model = fitModel(SAMPLE);

    it('a plain model that converges on 600 simulated customers', () => {
      expect(model).toMatchObject({ kind, version: 1, timeUnit: 'weeks', fit: { converged: true, stopReason: 'gradient', customers: 600, penalizer: 0, excluded: { prospects: 0 } } });
      expectFinitePositive(model.parameters);
      expect(Number.isFinite(model.fit.logLikelihood)).toBe(true);
    });

    it('leaves prospects out and counts them', () => {
      const withProspects = fitModel(frozen([...SAMPLE, PROSPECT, PROSPECT, PROSPECT]));
      expect(withProspects.fit).toMatchObject({ customers: 600, excluded: { prospects: 3 } });
      for (const [parameter, value] of Object.entries(withProspects.parameters)) {
        expect(relativeDifference(value, (model.parameters as unknown as Record<string, number>)[parameter] as number), parameter).toBeLessThan(1e-6);
      }
    });

    it('converts days to the first buyer’s unit exactly: the same estimates as all in weeks', () => {
      const mixed = frozen(SAMPLE.map((row, index) => (index % 2 === 1 ? { ...row, timeUnit: 'days' as const, firstToLastPurchase: (row.firstToLastPurchase as number) * 7, firstPurchaseToAsOf: (row.firstPurchaseToAsOf as number) * 7 } : row)));
      const fitted = fitModel(mixed);
      expect(fitted.timeUnit).toBe('weeks');
      for (const [parameter, value] of Object.entries(fitted.parameters)) {
        expect(relativeDifference(value, (model.parameters as unknown as Record<string, number>)[parameter] as number), parameter).toBeLessThan(1e-5);
      }
      expect(relativeDifference(fitted.fit.logLikelihood, model.fit.logLikelihood)).toBeLessThan(1e-9);
    });

    it('records days when the first buyer is in days: rates (α, and β for Pareto/NBD) scale by 7, shapes stay', () => {
      const inDays = frozen(SAMPLE.map((row) => ({ ...row, timeUnit: 'days' as const, firstToLastPurchase: (row.firstToLastPurchase as number) * 7, firstPurchaseToAsOf: (row.firstPurchaseToAsOf as number) * 7 })));
      const daily = fitModel(inDays);
      expect(daily.timeUnit).toBe('days');
      const weekly = model.parameters as unknown as Record<string, number>;
      for (const [parameter, value] of Object.entries(daily.parameters)) {
        const scale = parameter === 'alpha' || parameter === 'beta' ? 7 : 1;
        expect(relativeDifference(value, (weekly[parameter] as number) * scale), parameter).toBeLessThan(1e-5);
      }
    });

    it('shrinks the parameters towards 0 with a penalizer, and reports it', () => {
      const penalized = fitModel(SAMPLE, { penalizer: 0.1 });
      expect(penalized.fit.penalizer).toBe(0.1);
      const plain = model.parameters as unknown as Record<string, number>;
      let plainNorm = 0;
      let penalizedNorm = 0;
      for (const [parameter, value] of Object.entries(penalized.parameters)) {
        expect(value, parameter).toBeLessThan(plain[parameter] as number);
        plainNorm += (plain[parameter] as number) ** 2;
        penalizedNorm += value ** 2;
      }
      expect(penalizedNorm).toBeLessThan(plainNorm);
      // The reported log-likelihood leaves the penalty out, so it cannot beat the plain maximum.
      expect(penalized.fit.logLikelihood).toBeLessThanOrEqual(model.fit.logLikelihood);
    });

    it('returns a JSON-serialisable model that readClvModel reads back equal, frozen, predicting the same', () => {
      const stored = JSON.parse(JSON.stringify(model)) as unknown;
      expect(stored).toEqual(model);
      const read = readClvModel(stored);
      expect(read).toEqual(model);
      expect(Object.isFrozen(read)).toBe(true);
      const customer = week(3, 20, 30);
      expect(conditionalExpectedPurchases(read as TransactionModel, { weeks: 10 }, customer)).toBe(conditionalExpectedPurchases(model, { weeks: 10 }, customer));
    });
  });

  describe('degenerate data', () => {
    it('a single customer: finite positive parameters, an honest converged flag, a model readClvModel accepts', () => {
      const model = fitModel(frozen([week(2, 20, 30)]));
      expectFinitePositive(model.parameters);
      expect(model.fit.customers).toBe(1);
      if (!model.fit.converged) expect(model.fit.stopReason).not.toBe('gradient');
      expect(readClvModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
    });

    it('all customers with x = 0: parameters not identified, yet never NaN; a log-likelihood at its supremum 0', () => {
      const model = fitModel(frozen([week(0, 0, 30), week(0, 0, 20), week(0, 0, 10), week(0, 0, 10)]));
      expectFinitePositive(model.parameters);
      expect(typeof model.fit.converged).toBe('boolean');
      if (!model.fit.converged) expect(model.fit.stopReason).not.toBe('gradient');
      // P(no repeat purchase) <= 1 for every customer, so ln L <= 0; the fit gets as close as it can.
      expect(model.fit.logLikelihood).toBeLessThanOrEqual(1e-6);
      expect(model.fit.logLikelihood).toBeGreaterThan(-1e-3);
      expect(readClvModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
    });

    // x > 0 with t_x = 0 (repeat purchases that took no time) makes the likelihood unbounded: α^−x
    // grows without limit as α → 0. Such summaries are refused, naming the row (fixed: they used
    // to run α to the edge of the box and leave a model that could not predict).
    it('refuses customers with repeat purchases but t_x = 0, naming the row', () => {
      try {
        fitModel(frozen([...SAMPLE, week(300, 0, 0)]));
        expect.fail('accepted x > 0 with t_x = 0');
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues[0]).toMatchObject({ index: SAMPLE.length, path: ['firstToLastPurchase'], code: 'invalid_value' });
      }
    });
  });
});
