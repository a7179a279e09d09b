import { describe, expect, it } from 'vitest';
import { ConfigurationError, ModelError, fitRfm, readRfmModel, rfm, scoreRfm, valueTiers, RFM_SEGMENTS, type CustomerFeatures } from 'clientele';

type Rfm = Pick<CustomerFeatures, 'customerId' | 'daysSinceLastPurchase' | 'orders' | 'monetaryTotal'>;
const customer = (customerId: string, daysSinceLastPurchase: number | null, orders: number, monetaryTotal: number): Rfm => ({
  customerId,
  daysSinceLastPurchase,
  orders,
  monetaryTotal,
});

describe('fitRfm', () => {
  it('learns quantile edges (type 7) per dimension', () => {
    // Recency 10..100 days, orders 1..10, spend 100..1000: edges at 20/40/60/80 % by linear interpolation.
    const population = Array.from({ length: 10 }, (_, i) => customer(`c${i}`, (i + 1) * 10, i + 1, (i + 1) * 100));
    const model = fitRfm(population);
    expect(model.dimensions.recency.breakpoints).toEqual([28, 46, 64, 82].map((edge) => expect.closeTo(edge, 9)));
    expect(model.dimensions.frequency.breakpoints).toEqual([2.8, 4.6, 6.4, 8.2].map((edge) => expect.closeTo(edge, 9)));
    expect(model).toMatchObject({ kind: 'rfm', version: 1, bins: 5, method: 'quantile', fittedOn: 10 });
    // 10 days beats every edge on recency (5), 1 order beats none (1).
    expect(scoreRfm(model, population[0] as Rfm)).toMatchObject({ r: 5, f: 1, m: 1, code: '511', segment: 'new_customers' });
    expect(scoreRfm(model, population[9] as Rfm)).toMatchObject({ r: 1, f: 5, m: 5, code: '155', segment: 'cant_lose_them' });
  });

  it('collapses edges on skewed data: equal values, equal scores, fewer distinct scores', () => {
    // 6 of 10 customers bought once: the 20/40/60 % edges are all 1.
    const orders = [1, 1, 1, 1, 1, 1, 2, 2, 3, 7];
    const model = fitRfm(orders.map((count, i) => customer(`c${i}`, 5, count, 10)));
    expect(model.dimensions.frequency.breakpoints).toEqual([1, 1, 1.4, 2.2].map((edge) => expect.closeTo(edge, 9)));
    const scores = orders.map((count, i) => scoreRfm(model, customer(`c${i}`, 5, count, 10))?.f);
    expect(scores).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
  });

  it('takes fixed edges, where an edge belongs to the lower bin ("30 days or less scores 5")', () => {
    const model = fitRfm([], { method: 'fixed', breakpoints: { recency: [30, 60, 90, 180], frequency: [1, 2, 4, 8], monetary: [50, 100, 250, 500] } });
    expect(model.fittedOn).toBe(0);
    const r = (days: number): number | undefined => scoreRfm(model, customer('x', days, 1, 1))?.r;
    expect([0, 30, 31, 60, 90, 91, 180, 181, 5000].map(r)).toEqual([5, 5, 4, 4, 3, 2, 2, 1, 1]);
  });

  it('honours fields, directions, bins and weights', () => {
    const model = fitRfm([], {
      method: 'fixed',
      bins: 3,
      fields: { frequency: 'purchaseDays' },
      higherIsBetter: { monetary: false },
      weights: { recency: 2, frequency: 1, monetary: 0 },
      breakpoints: { recency: [10, 20], frequency: [1, 3], monetary: [10, 100] },
    });
    const score = scoreRfm(model, { customerId: 'x', daysSinceLastPurchase: 15, purchaseDays: 4, orders: 99, monetaryTotal: 5 });
    expect(score).toMatchObject({ r: 2, f: 3, m: 3, code: '233' });
    expect(score?.score).toBeCloseTo((2 * 2 + 3) / 3, 12);
  });

  it('joins codes with dashes for 10 bins', () => {
    const edges = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const model = fitRfm([], { method: 'fixed', bins: 10, breakpoints: { recency: edges, frequency: edges, monetary: edges } });
    expect(scoreRfm(model, customer('x', 0, 100, 100))?.code).toBe('10-10-10');
  });

  it('scores one customer, all-equal values and prospects in a documented way', () => {
    const one = fitRfm([customer('a', 3, 2, 80)]);
    expect(scoreRfm(one, customer('a', 3, 2, 80))).toMatchObject({ r: 5, f: 1, m: 1 });
    const same = fitRfm(Array.from({ length: 4 }, (_, i) => customer(`c${i}`, 7, 1, 10)));
    expect(new Set(same.dimensions.monetary.breakpoints)).toEqual(new Set([10]));
    expect(scoreRfm(same, customer('p', null, 0, 0))).toBeNull();
  });

  it('rejects bad options, an empty population and non-finite values with typed errors', () => {
    expect(() => fitRfm([], { bins: 2 })).toThrow(ConfigurationError);
    expect(() => fitRfm([], { bins: 11 })).toThrow(/from 3 to 10/);
    expect(() => fitRfm([], { method: 'fixed' })).toThrow(expect.objectContaining({ code: 'missing_option' }));
    expect(() => fitRfm([], { method: 'fixed', breakpoints: { recency: [3, 2, 1, 0], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] } })).toThrow(/ascending/);
    expect(() => fitRfm([], { fields: { monetary: 'topCategory' as never } })).toThrow(/numeric feature/);
    expect(() => fitRfm([], { weights: { recency: Number.NaN } })).toThrow(/weights.recency/);
    expect(() => fitRfm([], { weights: { recency: 0, frequency: 0, monetary: 0 } })).toThrow(/positive weight/);
    expect(() => fitRfm([customer('p', null, 0, 0), customer('q', Number.NaN, 1, 1)])).toThrow(ModelError);
    expect(() => fitRfm([])).toThrow(expect.objectContaining({ code: 'insufficient_data', modelKind: 'rfm' }));
  });

  it('keeps net refunds (negative monetary totals) as ordinary low values', () => {
    const model = fitRfm([customer('a', 1, 1, -40), customer('b', 1, 1, 0), customer('c', 1, 1, 90)]);
    expect(scoreRfm(model, customer('a', 1, 1, -40))?.m).toBe(1);
    expect(scoreRfm(model, customer('c', 1, 1, 90))?.m).toBe(5);
  });
});

describe('scoreRfm and readRfmModel', () => {
  const model = fitRfm([customer('a', 3, 2, 80), customer('b', 30, 1, 20)]);

  it('refuses other kinds and versions', () => {
    expect(() => scoreRfm({ ...model, kind: 'bgnbd' } as never, customer('a', 1, 1, 1))).toThrow(expect.objectContaining({ code: 'model_kind_mismatch' }));
    expect(() => scoreRfm({ ...model, version: 2 } as never, customer('a', 1, 1, 1))).toThrow(expect.objectContaining({ code: 'model_version_unsupported' }));
  });

  it('reads back what JSON stored, and rejects a tampered model', () => {
    const stored = JSON.parse(JSON.stringify(model)) as unknown;
    expect(readRfmModel(stored)).toEqual(model);
    expect(() => readRfmModel({ ...model, bins: 4 })).toThrow(expect.objectContaining({ code: 'invalid_model' }));
    expect(() => readRfmModel({ ...model, dimensions: { ...model.dimensions, recency: { ...model.dimensions.recency, field: '__proto__' } } })).toThrow(
      expect.objectContaining({ code: 'invalid_model', path: ['dimensions', 'recency', 'field'] }),
    );
    expect(() => readRfmModel(null)).toThrow(expect.objectContaining({ code: 'model_kind_mismatch' }));
    expect(() => readRfmModel({ ...model, version: 3 })).toThrow(expect.objectContaining({ code: 'model_version_unsupported' }));
  });
});

describe('RFM_SEGMENTS', () => {
  it('gives every (r, fm) cell of the 1-5 grid exactly one segment, all eleven used', () => {
    const model = fitRfm([], { method: 'fixed', breakpoints: { recency: [1, 2, 3, 4], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] } });
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        for (let m = 1; m <= 5; m++) {
          // Values between the edges 1, 2, 3, 4 land on one score each; recency is turned round.
          const score = scoreRfm(model, customer('x', 5.5 - r, f - 0.5, m - 0.5));
          expect(score).toMatchObject({ r, f, m });
          expect(score?.segment).not.toBe('other');
          used.add(score?.segment as string);
        }
      }
    }
    expect([...used].sort()).toEqual(RFM_SEGMENTS.map((segment) => segment.id).sort());
  });

  it('has labels and actions in English, Simplified Chinese and Spanish', () => {
    for (const segment of RFM_SEGMENTS) {
      for (const language of ['en', 'zh', 'es'] as const) {
        expect(segment.label[language].length).toBeGreaterThan(1);
        expect(segment.action[language].length).toBeGreaterThan(5);
      }
    }
  });
});

describe('rfm', () => {
  it('accounts for every customer: scored plus unscored is the input', () => {
    const population = [customer('a', 1, 5, 500), customer('p', null, 0, 0), customer('b', 90, 1, 10)];
    const result = rfm(population);
    expect(result.scores.length + result.unscored.length).toBe(population.length);
    expect(result.unscored).toEqual(['p']);
  });

  it("splits ties by row order with ties: 'rank', like pandas qcut(rank(method='first'))", () => {
    // pd.qcut(pd.Series([1, 1, 1, 2, 3]).rank(method='first'), 5, labels=False) + 1 -> [1, 2, 3, 4, 5]
    const population = [1, 1, 1, 2, 3].map((orders, i) => customer(`c${i}`, 10, orders, 10));
    expect(rfm(population, { ties: 'rank' }).scores.map((score) => score.f)).toEqual([1, 2, 3, 4, 5]);
    expect(rfm(population).scores.map((score) => score.f)).toEqual([1, 1, 1, 4, 5]);
    expect(() => rfm(population, { ties: 'random' as never })).toThrow(/ties/);
  });

  it("ranks -0 and 0 as one value, and interleaved ties in row order, with ties: 'rank'", () => {
    // pandas: pd.Series([0.0, -0.0, 5.0, 0.0, -0.0]).rank(method='first') -> [1, 2, 5, 3, 4]
    const population = [0, -0, 5, 0, -0].map((monetaryTotal, i) => customer(`c${i}`, 10, 1, monetaryTotal));
    expect(rfm(population, { ties: 'rank' }).scores.map((score) => score.m)).toEqual([1, 2, 5, 3, 4]);
  });
});

describe('fitted models are frozen data', () => {
  it('freezes the model but never the host options it was given', () => {
    const segments = [{ id: 'everyone', r: [1, 5] as const, fm: [1, 5] as const, label: { en: 'All', zh: '全部', es: 'Todos' }, action: { en: 'Hi', zh: '你好', es: 'Hola' } }];
    const model = fitRfm([{ customerId: 'a', daysSinceLastPurchase: 1, orders: 1, monetaryTotal: 1 }], { segments });
    expect(Object.isFrozen(model.dimensions.recency.breakpoints)).toBe(true);
    expect(Object.isFrozen(segments[0])).toBe(false);
    expect(scoreRfm(model, { customerId: 'b', daysSinceLastPurchase: 9, orders: 1, monetaryTotal: 1 })?.segment).toBe('everyone');
  });
});

describe("ties: 'rank' reproduces pandas", () => {
  // Expected scores computed with pandas 1.5.3 (Debian's python3-pandas) for the values 0..n-1:
  //   (pd.qcut(pd.Series(range(n)).rank(method='first'), bins, labels=False) + 1).tolist()
  // for bins 3..10 and n 2..25, 37, 50, 99 (n = 1 makes pandas raise: its bin edges are not unique).
  it('gives the same frequency scores as pandas qcut of first-ranks, float rounding included', async () => {
    const { default: expected } = (await import('../../fixtures/pandasQcutRanks.json')) as { default: Record<string, number[]> };
    const mismatches: string[] = [];
    for (const [key, scores] of Object.entries(expected)) {
      const [bins, n] = key.split(':').map(Number) as [number, number];
      const population = Array.from({ length: n }, (_, i) => customer(`c${i}`, 1, i, 1));
      const got = rfm(population, { bins, ties: 'rank' }).scores.map((score) => score.f);
      if (JSON.stringify(got) !== JSON.stringify(scores)) mismatches.push(`${key}: ${JSON.stringify(got)} vs pandas ${JSON.stringify(scores)}`);
    }
    expect(mismatches).toEqual([]);
    expect(Object.keys(expected)).toHaveLength(216);
  });

  it('refuses to combine rank ties with fixed edges', () => {
    const edges = { recency: [1, 2, 3, 4], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] };
    expect(() => rfm([customer('a', 1, 1, 1)], { method: 'fixed', breakpoints: edges, ties: 'rank' })).toThrow(/ties/);
  });
});

describe('fitRfm numerics', () => {
  it('places edges where R does when (n - 1) k / bins is a whole number', () => {
    // R: quantile(0:90, 0.7) is 63 exactly; (91 - 1) * 0.7 in floating point is 62.99999999999999.
    const model = fitRfm(Array.from({ length: 91 }, (_, i) => customer(`c${i}`, 1, i, 1)), { bins: 10 });
    expect(model.dimensions.frequency.breakpoints[6]).toBe(63);
  });

  it('interpolates between huge values of opposite sign without overflowing', () => {
    const model = fitRfm([customer('a', 1, 1, -1.7e308), customer('b', 1, 1, 1.7e308)]);
    expect(model.dimensions.monetary.breakpoints.every(Number.isFinite)).toBe(true);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('treats the ends of a 9-bin scale alike when mapping to the segment grid', () => {
    const edges = [1, 2, 3, 4, 5, 6, 7, 8];
    const model = fitRfm([], { method: 'fixed', bins: 9, breakpoints: { recency: edges, frequency: edges, monetary: edges } });
    // On 9 bins, r = 2 and r = 8 sit half-way between two grid rows, one step from each end.
    // Both go toward the middle: r = 2 to grid row 2, r = 8 to grid row 4 (not 5), so with the
    // lowest fm, r = 9 is New Customers (row 5) and r = 8 Promising (row 4).
    const segmentAt = (r: number): string | undefined => scoreRfm(model, customer('x', 9.5 - r, 0.5, 0.5))?.segment;
    expect(segmentAt(9)).toBe('new_customers');
    expect(segmentAt(8)).toBe('promising');
    expect(segmentAt(1)).toBe('lost');
  });
});

describe('ties at a quantile edge (found by review)', () => {
  const customer = (customerId: string, monetaryTotal: number) => ({ customerId, daysSinceLastPurchase: 10, orders: 2, monetaryTotal });

  it('puts customers tied on an edge in the lower bin, with the edge exactly their value', () => {
    const { model, scores } = rfm([customer('a', 10), customer('b', 123.45), customer('c', 123.45), customer('d', 123.45), customer('e', 500)]);
    expect(model.dimensions.monetary.breakpoints.slice(1, 3)).toEqual([123.45, 123.45]);
    expect(scores.filter((score) => score.customerId !== 'a' && score.customerId !== 'e').map((score) => score.m)).toEqual([2, 2, 2]);
    // Everyone at one value: everyone in the lowest bin, as the RFM guide says.
    expect(rfm([customer('a', 123.45), customer('b', 123.45), customer('c', 123.45), customer('d', 123.45)]).scores.map((score) => score.m)).toEqual([1, 1, 1, 1]);
  });

  it('keeps a value tier cut-off on a tie exactly, so the tie stays in the lower tier', () => {
    const { tiers } = valueTiers([customer('a', 123.45), customer('b', 123.45), customer('c', 123.45), customer('d', 123.45), customer('e', 500)], { method: 'quantile', quantiles: [0.4, 0.8] });
    expect(tiers.filter((entry) => entry.value === 123.45).map((entry) => entry.tier)).toEqual(['low', 'low', 'low', 'low']);
  });
});
