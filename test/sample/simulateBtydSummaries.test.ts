import { describe, expect, it } from 'vitest';
import { simulateBtydSummaries, type SimulateBtydSummariesOptions, type SimulatedBtydSummary } from 'clientele/sample';
import { ConfigurationError } from '../../src/errors';

/**
 * Moments are checked against closed forms from the papers. Each tolerance is FOUR standard
 * errors of the estimate for the sample drawn (the sample standard deviation over √n for a mean,
 * √(P(1 − P) / n) for a proportion): a correct generator lands outside it about once in 16,000
 * checks, while a wrong formula or parameterisation (rate read as scale, the drop-out coin in
 * the wrong place) moves these means by tens of standard errors. The seeds are fixed, so a pass
 * is reproducible.
 */
const Z = 4;

/** CDNOW BG/NBD estimates, Fader, Hardie & Lee (2005), Table 1 (weeks). */
const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
/** CDNOW Gamma-Gamma estimates, Fader, Hardie & Lee (2005), "RFM and CLV", p. 421. */
const CDNOW_SPEND = { p: 6.25, q: 3.74, gamma: 15.44 } as const;

/** Gauss's hypergeometric series 2F1(a, b; c; z), summed until the terms vanish; converges for 0 ≤ z < 1. */
function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100_000; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (Math.abs(term) < 1e-15 * Math.abs(sum)) return sum;
  }
  throw new Error('2F1 series did not converge');
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Standard error of the mean of `values`, from their sample standard deviation. */
function standardError(values: readonly number[]): number {
  const m = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - m) ** 2;
  return Math.sqrt(squares / (values.length - 1) / values.length);
}

/** Asserts that the mean of `values` is within Z standard errors of `expected`; returns the z-score for the record. */
function expectMeanNear(values: readonly number[], expected: number, what: string): number {
  const error = standardError(values);
  const z = (mean(values) - expected) / error;
  expect(Math.abs(z), `${what}: mean ${mean(values)} vs expected ${expected} (SE ${error})`).toBeLessThan(Z);
  return z;
}

/** Asserts that the share of `flags` that are true is within Z binomial standard errors of `expected`. */
function expectShareNear(flags: readonly boolean[], expected: number, what: string): void {
  const share = flags.filter(Boolean).length / flags.length;
  const error = Math.sqrt((expected * (1 - expected)) / flags.length);
  expect(Math.abs(share - expected), `${what}: share ${share} vs expected ${expected} (SE ${error})`).toBeLessThan(Z * error);
}

const xs = (rows: readonly SimulatedBtydSummary[]): number[] => rows.map((row) => row.repeatPurchases);

function captureError(options: unknown): ConfigurationError {
  try {
    simulateBtydSummaries(options as SimulateBtydSummariesOptions);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected simulateBtydSummaries to throw');
}

const BASE = { model: { kind: 'bgnbd', ...CDNOW }, customers: 10, seed: 1, observationLength: 39 } as const satisfies SimulateBtydSummariesOptions;

describe('simulateBtydSummaries: determinism', () => {
  const withoutSpend: SimulateBtydSummariesOptions = { ...BASE, customers: 2000, firstPurchaseSpread: 12, seed: 'det' };
  const options: SimulateBtydSummariesOptions = { ...withoutSpend, spend: CDNOW_SPEND };

  it('returns deep-equal results for the same options and seed', () => {
    expect(simulateBtydSummaries(options)).toEqual(simulateBtydSummaries(options));
  });

  it('reads a number seed as its decimal text, and a different seed gives different customers', () => {
    expect(simulateBtydSummaries({ ...options, seed: 42 })).toEqual(simulateBtydSummaries({ ...options, seed: '42' }));
    expect(xs(simulateBtydSummaries({ ...options, seed: 43 }))).not.toEqual(xs(simulateBtydSummaries({ ...options, seed: 42 })));
  });

  it('draws values from their own stream: adding spend moves no purchase', () => {
    const withSpend = simulateBtydSummaries(options);
    const without = simulateBtydSummaries(withoutSpend);
    const purchases = (rows: readonly SimulatedBtydSummary[]): unknown[] =>
      rows.map(({ meanRepeatPurchaseValue: _value, truth: { nu: _nu, ...truth }, ...row }) => ({ ...row, truth }));
    expect(purchases(without)).toEqual(purchases(withSpend));
    expect(without.every((row) => row.meanRepeatPurchaseValue === null && row.truth.nu === undefined)).toBe(true);
    expect(withSpend.some((row) => row.meanRepeatPurchaseValue !== null)).toBe(true);
  });

  it('does not change a frozen options object', () => {
    const frozen = Object.freeze({ ...options, model: Object.freeze({ ...options.model }), spend: Object.freeze({ ...CDNOW_SPEND }) });
    expect(simulateBtydSummaries(frozen)).toHaveLength(2000);
  });
});

describe('simulateBtydSummaries: shape and invariants', () => {
  const cases: [string, SimulateBtydSummariesOptions][] = [
    ['bgnbd', { ...BASE, customers: 5000 }],
    ['mbgnbd, spend, spread', { ...BASE, model: { ...BASE.model, kind: 'mbgnbd' }, customers: 5000, spend: CDNOW_SPEND, firstPurchaseSpread: 39 }],
    ['paretonbd, days, whole days', { model: { kind: 'paretonbd', r: 0.55, alpha: 10.58 / 7, s: 0.61, beta: 11.67 / 7 }, customers: 5000, seed: 3, timeUnit: 'days', observationLength: 273, firstPurchaseSpread: 84, wholeDays: true, spend: CDNOW_SPEND }],
    ['bgnbd, weeks, whole days', { ...BASE, customers: 5000, firstPurchaseSpread: 12, wholeDays: true, spend: CDNOW_SPEND }],
  ];

  it.each(cases)('%s: 0 <= t_x <= T, x a whole number, t_x = 0 exactly when x = 0, T in the window', (_name, options) => {
    const rows = simulateBtydSummaries(options);
    const spread = options.firstPurchaseSpread ?? 0;
    const unitDays = options.timeUnit === 'days' ? 1 : 7;
    expect(rows).toHaveLength(options.customers);
    for (const [index, row] of rows.entries()) {
      expect(row.customerId).toBe(`c${String(index + 1).padStart(5, '0')}`);
      expect(row.timeUnit).toBe(options.timeUnit ?? 'weeks');
      expect(Number.isInteger(row.repeatPurchases) && row.repeatPurchases >= 0).toBe(true);
      expect(row.firstToLastPurchase).toBeGreaterThanOrEqual(0);
      expect(row.firstToLastPurchase).toBeLessThanOrEqual(row.firstPurchaseToAsOf);
      expect(row.firstToLastPurchase === 0).toBe(row.repeatPurchases === 0);
      // Whole days round T up to the first purchase's calendar day.
      const slack = options.wholeDays === true ? 1 / unitDays : 0;
      expect(row.firstPurchaseToAsOf).toBeGreaterThan(options.observationLength - spread - 1e-12);
      expect(row.firstPurchaseToAsOf).toBeLessThanOrEqual(options.observationLength + slack);
      expect(row.meanRepeatPurchaseValue === null).toBe(row.repeatPurchases === 0 || options.spend === undefined);
      if (row.meanRepeatPurchaseValue !== null) expect(row.meanRepeatPurchaseValue).toBeGreaterThan(0);
      expect(row.truth.lambda).toBeGreaterThanOrEqual(0);
      expect(Object.keys(row.truth).sort()).toEqual(
        ['lambda', 'aliveAtEnd', options.model.kind === 'paretonbd' ? 'mu' : 'p', ...(options.spend === undefined ? [] : ['nu'])].sort(),
      );
      if (options.wholeDays === true) {
        expect(Math.abs(row.firstPurchaseToAsOf * unitDays - Math.round(row.firstPurchaseToAsOf * unitDays))).toBeLessThan(1e-9);
        expect(Math.abs(row.firstToLastPurchase * unitDays - Math.round(row.firstToLastPurchase * unitDays))).toBeLessThan(1e-9);
      }
    }
    if (spread === 0) expect(rows.every((row) => row.firstPurchaseToAsOf === options.observationLength)).toBe(true);
  });

  it('returns plain objects with exactly the CustomerFeatures BTYD fields and truth', () => {
    const [row] = simulateBtydSummaries({ ...BASE, customers: 1 });
    expect(Object.keys(row ?? {})).toEqual(['customerId', 'timeUnit', 'repeatPurchases', 'firstToLastPurchase', 'firstPurchaseToAsOf', 'meanRepeatPurchaseValue', 'truth']);
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
  });

  it('MBG/NBD customers who drop out at the first purchase make no repeat purchase', () => {
    const rows = simulateBtydSummaries({ ...BASE, model: { ...BASE.model, kind: 'mbgnbd' }, customers: 5000 });
    // BG/NBD customers only die after a purchase, so a dead one has x >= 1; MBG/NBD ones can die with x = 0.
    expect(rows.some((row) => !row.truth.aliveAtEnd && row.repeatPurchases === 0)).toBe(true);
    const bg = simulateBtydSummaries({ ...BASE, customers: 5000 });
    expect(bg.every((row) => row.truth.aliveAtEnd || row.repeatPurchases >= 1)).toBe(true);
  });

  it('whole days merge purchases on one day: same draws, t_x floored to its day, x never higher', () => {
    for (const timeUnit of ['days', 'weeks'] as const) {
      const unitDays = timeUnit === 'days' ? 1 : 7;
      const options: SimulateBtydSummariesOptions = {
        model: { kind: 'bgnbd', r: 2, alpha: 4, a: 1.5, b: 20 },
        customers: 5000,
        seed: `whole-${timeUnit}`,
        timeUnit,
        observationLength: 364 / unitDays,
      };
      const continuous = simulateBtydSummaries(options);
      const whole = simulateBtydSummaries({ ...options, wholeDays: true });
      let merged = 0;
      for (const [index, row] of whole.entries()) {
        const exact = continuous[index] as SimulatedBtydSummary;
        expect(row.truth).toEqual(exact.truth);
        expect(row.firstPurchaseToAsOf).toBe(exact.firstPurchaseToAsOf);
        expect(row.repeatPurchases).toBeLessThanOrEqual(exact.repeatPurchases);
        // Everyone starts at midnight here, so the last purchase's day is the floor of its time.
        expect(Math.round(row.firstToLastPurchase * unitDays)).toBe(Math.floor(exact.firstToLastPurchase * unitDays));
        merged += exact.repeatPurchases - row.repeatPurchases;
      }
      // With a rate of half a purchase a day, many purchases share a day.
      expect(merged).toBeGreaterThan(1000);
    }
  });
});

describe('simulateBtydSummaries: moments against closed forms', () => {
  it('BG/NBD (CDNOW, T = 39 weeks, 100,000 customers): E[X(T)], P(X = 0), P(alive), E[λ], E[p]', () => {
    const { r, alpha, a, b } = CDNOW;
    const T = 39;
    const rows = simulateBtydSummaries({ ...BASE, customers: 100_000, seed: 'bgnbd-moments' });
    const z = T / (alpha + T);
    // Fader, Hardie & Lee (2005), eq. (9); scipy.special.hyp2f1 gives 1.1967231933 for these values.
    const expectedX = ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + T)) ** r * hypergeometric2F1(r, b, a + b - 1, z));
    expect(expectedX).toBeCloseTo(1.1967231933, 9);
    expectMeanNear(xs(rows), expectedX, 'E[X(39)]');
    // No drop-out before the first repeat purchase: P(X = 0) is the NBD zero, (α/(α+T))^r = 0.5737863521.
    expectShareNear(rows.map((row) => row.repeatPurchases === 0), (alpha / (alpha + T)) ** r, 'P(X = 0)');
    // P(alive at T) = E[e^(−λpT)] = (α/(α+T))^r 2F1(r, b; a+b; T/(α+T)) = 0.7944033403 (scipy: quad over the Beta density agrees).
    const expectedAlive = (alpha / (alpha + T)) ** r * hypergeometric2F1(r, b, a + b, z);
    expect(expectedAlive).toBeCloseTo(0.7944033403, 9);
    expectShareNear(rows.map((row) => row.truth.aliveAtEnd), expectedAlive, 'P(alive at T)');
    expectMeanNear(rows.map((row) => row.truth.lambda), r / alpha, 'E[λ]');
    expectMeanNear(rows.map((row) => row.truth.p ?? Number.NaN), a / (a + b), 'E[p]');
  });

  it('MBG/NBD (CDNOW parameters, T = 39 weeks, 100,000 customers): E[X(T)], P(X = 0), P(alive)', () => {
    const { r, alpha, a, b } = CDNOW;
    const T = 39;
    const rows = simulateBtydSummaries({ ...BASE, model: { ...BASE.model, kind: 'mbgnbd' }, customers: 100_000, seed: 'mbgnbd-moments' });
    const z = T / (alpha + T);
    const nbdZero = (alpha / (alpha + T)) ** r;
    // Batislam et al. (2007): E[X(t)] = b/(a−1) (1 − (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))) = 0.9911265336 (scipy quad agrees).
    const expectedX = (b / (a - 1)) * (1 - nbdZero * hypergeometric2F1(r, b + 1, a + b, z));
    expect(expectedX).toBeCloseTo(0.9911265336, 9);
    expectMeanNear(xs(rows), expectedX, 'E[X(39)]');
    // Dropped at the first purchase (probability E[p]) or no purchase in time: a/(a+b) + b/(a+b) (α/(α+T))^r.
    expectShareNear(rows.map((row) => row.repeatPurchases === 0), a / (a + b) + (b / (a + b)) * nbdZero, 'P(X = 0)');
    // E[(1−p) e^(−λpT)] = b/(a+b) (α/(α+T))^r 2F1(r, b+1; a+b+1; T/(α+T)) = 0.6208168203.
    const expectedAlive = (b / (a + b)) * nbdZero * hypergeometric2F1(r, b + 1, a + b + 1, z);
    expect(expectedAlive).toBeCloseTo(0.6208168203, 9);
    expectShareNear(rows.map((row) => row.truth.aliveAtEnd), expectedAlive, 'P(alive at T)');
  });

  it('Pareto/NBD with spread first purchases and Gamma-Gamma spend (100,000 customers): E[X], P(alive), E[T], E[μ], E[z̄]', () => {
    const r = 0.55;
    const alpha = 10.58;
    const s = 2.5;
    const beta = 30;
    const L = 52;
    const S = 26;
    const { p, q, gamma } = CDNOW_SPEND;
    const rows = simulateBtydSummaries({
      model: { kind: 'paretonbd', r, alpha, s, beta },
      spend: CDNOW_SPEND,
      customers: 100_000,
      seed: 'paretonbd-moments',
      observationLength: L,
      firstPurchaseSpread: S,
    });
    // Schmittlein et al. (1987): E[X(t)] = rβ/(α(s−1)) (1 − (β/(β+t))^(s−1)); T is uniform on [L − S, L], so average it
    // with ∫ (β/(β+t))^(s−1) dt = β^(s−1) (β+t)^(2−s) / (2−s).
    const antiderivative = (t: number): number => (beta ** (s - 1) * (beta + t) ** (2 - s)) / (2 - s);
    const expectedX = ((r * beta) / (alpha * (s - 1))) * (1 - (antiderivative(L) - antiderivative(L - S)) / S);
    expectMeanNear(xs(rows), expectedX, 'E[X(T)]');
    // P(alive at T) = (β/(β+T))^s, averaged the same way.
    const aliveAntiderivative = (t: number): number => (beta ** s * (beta + t) ** (1 - s)) / (1 - s);
    expectShareNear(rows.map((row) => row.truth.aliveAtEnd), (aliveAntiderivative(L) - aliveAntiderivative(L - S)) / S, 'P(alive at T)');
    expectMeanNear(rows.map((row) => row.firstPurchaseToAsOf), L - S / 2, 'E[T]');
    expectMeanNear(rows.map((row) => row.truth.mu ?? Number.NaN), s / beta, 'E[μ]');
    expectMeanNear(rows.map((row) => row.truth.nu ?? Number.NaN), q / gamma, 'E[ν]');
    // Gamma-Gamma: ν is independent of the purchase process, so among customers with x > 0,
    // E[z̄] = E[p/ν] = pγ/(q−1) = 35.22 (Fader & Hardie 2013, eq. 4).
    const values = rows.flatMap((row) => (row.meanRepeatPurchaseValue === null ? [] : [row.meanRepeatPurchaseValue]));
    expect(values.length).toBeGreaterThan(10_000);
    expectMeanNear(values, (p * gamma) / (q - 1), 'E[z̄]');
  });
});

describe('simulateBtydSummaries: options', () => {
  const bad: [string, unknown, string, (string | number)[]][] = [
    ['not an object', 5, 'invalid_option', []],
    ['an unknown option', { ...BASE, asOf: 3 }, 'invalid_option', ['asOf']],
    ['no model', { ...BASE, model: undefined }, 'missing_option', ['model']],
    ['no seed', { ...BASE, seed: undefined }, 'missing_option', ['seed']],
    ['no customers', { ...BASE, customers: undefined }, 'missing_option', ['customers']],
    ['no observationLength', { ...BASE, observationLength: undefined }, 'missing_option', ['observationLength']],
    ['an unknown model kind', { ...BASE, model: { ...BASE.model, kind: 'bg' } }, 'invalid_option', ['model', 'kind']],
    ['a model that is not an object', { ...BASE, model: 'bgnbd' }, 'invalid_option', ['model', 'kind']],
    ['a missing parameter', { ...BASE, model: { kind: 'bgnbd', r: 1, alpha: 1, a: 1 } }, 'missing_option', ['model', 'b']],
    ['a parameter of another model', { ...BASE, model: { kind: 'paretonbd', r: 1, alpha: 1, a: 1, b: 1 } }, 'invalid_option', ['model', 'a']],
    ['a zero parameter', { ...BASE, model: { ...BASE.model, alpha: 0 } }, 'invalid_option', ['model', 'alpha']],
    ['a NaN parameter', { ...BASE, model: { ...BASE.model, r: Number.NaN } }, 'invalid_option', ['model', 'r']],
    ['a text parameter', { ...BASE, model: { ...BASE.model, a: '1' } }, 'invalid_option', ['model', 'a']],
    ['a negative spend parameter', { ...BASE, spend: { ...CDNOW_SPEND, q: -1 } }, 'invalid_option', ['spend', 'q']],
    ['an unknown spend parameter', { ...BASE, spend: { ...CDNOW_SPEND, v: 1 } }, 'invalid_option', ['spend', 'v']],
    ['spend that is not an object', { ...BASE, spend: true }, 'invalid_option', ['spend']],
    ['zero customers', { ...BASE, customers: 0 }, 'invalid_option', ['customers']],
    ['fractional customers', { ...BASE, customers: 2.5 }, 'invalid_option', ['customers']],
    ['too many customers', { ...BASE, customers: 10_000_001 }, 'invalid_option', ['customers']],
    ['an infinite seed', { ...BASE, seed: Infinity }, 'invalid_option', ['seed']],
    ['an object seed', { ...BASE, seed: {} }, 'invalid_option', ['seed']],
    ['an unknown time unit', { ...BASE, timeUnit: 'months' }, 'invalid_option', ['timeUnit']],
    ['a zero observation length', { ...BASE, observationLength: 0 }, 'invalid_option', ['observationLength']],
    ['an infinite observation length', { ...BASE, observationLength: Infinity }, 'invalid_option', ['observationLength']],
    ['a negative spread', { ...BASE, firstPurchaseSpread: -1 }, 'invalid_option', ['firstPurchaseSpread']],
    ['a spread longer than the window', { ...BASE, firstPurchaseSpread: 40 }, 'invalid_option', ['firstPurchaseSpread']],
    ['a text wholeDays', { ...BASE, wholeDays: 'yes' }, 'invalid_option', ['wholeDays']],
  ];

  it.each(bad)('rejects %s', (_name, options, code, path) => {
    const error = captureError(options);
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
    expect(error.message.startsWith('simulateBtydSummaries ')).toBe(true);
    expect(error.message).toContain(path.join('.'));
  });

  it('says what was expected and what was received', () => {
    expect(captureError({ ...BASE, model: { ...BASE.model, alpha: -2 } }).message).toMatchInlineSnapshot(
      `"simulateBtydSummaries expects option \`model.alpha\` to be a positive finite number, received -2"`,
    );
    expect(captureError({ ...BASE, model: { kind: 'paretonbd', r: 1, alpha: 1, a: 1, b: 1 } }).message).toMatchInlineSnapshot(
      `"simulateBtydSummaries does not know option \`model.a\` for kind "paretonbd"; expected r, alpha, s and beta"`,
    );
    expect(captureError({ ...BASE, firstPurchaseSpread: 40 }).message).toMatchInlineSnapshot(
      `"simulateBtydSummaries expects option \`firstPurchaseSpread\` to be a number from 0 to \`observationLength\` (39), received 40"`,
    );
  });

  it('stops with too_many_rows instead of running for hours when the rates are far too high', () => {
    const error = captureError({ model: { kind: 'paretonbd', r: 1e6, alpha: 1, s: 1, beta: 1e9 }, customers: 1, seed: 1, observationLength: 1000 });
    expect(error.code).toBe('too_many_rows');
    expect(error.message).toMatchInlineSnapshot(
      `"simulateBtydSummaries stopped after drawing 100,000,000 purchases; check that the model's rates are per \`timeUnit\` (weeks)"`,
    );
  });
});
