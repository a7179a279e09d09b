import { describe, expect, it } from 'vitest';
import {
  type ClienteleError,
  classifyLifecycle,
  classifyLifecycleStage,
  ConfigurationError,
  describeLifecycleReason,
  fitLifecycle,
  LIFECYCLE_STAGES,
  readLifecycleModel,
  ValidationError,
  type LifecycleCustomer,
  type LifecycleReason,
  type TransactionModel,
} from 'clientele';

const asOf = Date.UTC(2026, 5, 30);

/** A steady monthly buyer for a year and a half, last seen 10 days ago: every rule's "all else equal" baseline. */
function customer(overrides: Partial<LifecycleCustomer> = {}): LifecycleCustomer {
  return {
    customerId: 'c',
    asOf,
    orders: 18,
    repeatPurchases: 17,
    daysSinceFirstPurchase: 520,
    daysSinceLastPurchase: 10,
    medianInterpurchaseDays: 30,
    lastInterpurchaseDays: 29,
    interpurchaseCv: 1.4, // not steady enough for mature, so the baseline is plain active
    spendChange: 0.1,
    spendLastPeriod: 110,
    spendPreviousPeriod: 100,
    firstToLastPurchase: 510,
    firstPurchaseToAsOf: 520,
    timeUnit: 'days',
    ...overrides,
  };
}

/** A lifecycle model whose population interval is 60 days (learned from two customers). */
const model = fitLifecycle([customer({ customerId: 'p1', medianInterpurchaseDays: 40 }), customer({ customerId: 'p2', medianInterpurchaseDays: 80 })]);

const stageOf = (features: LifecycleCustomer) => classifyLifecycleStage(model, features);

describe('classifyLifecycleStage: one constructed customer per stage and reason', () => {
  it('learns the population interval from customers with enough intervals', () => {
    expect(model.populationIntervalDays).toBe(60);
    expect(model.populationIntervalCustomers).toBe(2);
  });

  it('prospect: no purchase', () => {
    const result = stageOf(customer({ orders: 0, repeatPurchases: 0, daysSinceFirstPurchase: null, daysSinceLastPurchase: null, medianInterpurchaseDays: null, lastInterpurchaseDays: null, interpurchaseCv: null, spendChange: null, firstToLastPurchase: null, firstPurchaseToAsOf: null }));
    expect(result).toEqual({ customerId: 'c', stage: 'prospect', label: 'Prospect', reason: { code: 'no_purchase', text: 'No purchase yet.' } });
  });

  it('churned: 4 usual intervals and 90 days overdue, judged on their own clock', () => {
    const result = stageOf(customer({ daysSinceLastPurchase: 125 }));
    expect(result.stage).toBe('churned');
    expect(result.reason).toMatchObject({ code: 'overdue', daysSinceLastPurchase: 125, usualIntervalDays: 30, intervalSource: 'own' });
    expect((result.reason as { factor: number }).factor).toBeCloseTo(125 / 30, 12);
  });

  it('at risk: 2 usual intervals and 30 days overdue (the issue example: 94 days against 30, 3.1 times)', () => {
    const result = stageOf(customer({ daysSinceLastPurchase: 94 }));
    expect(result.stage).toBe('at_risk');
    expect(result.reason.text).toBe('94 days since the last purchase: 3.1 times their usual 30-day interval.');
  });

  it('a weekly buyer away for a month is at risk, not churned: the 90-day floor', () => {
    expect(stageOf(customer({ medianInterpurchaseDays: 7, daysSinceLastPurchase: 35 })).stage).toBe('at_risk');
  });

  it('a yearly buyer and a monthly buyer are judged by their own clocks', () => {
    expect(stageOf(customer({ medianInterpurchaseDays: 365, daysSinceLastPurchase: 200 })).stage).toBe('active');
    expect(stageOf(customer({ medianInterpurchaseDays: 30, daysSinceLastPurchase: 200 })).stage).toBe('churned');
  });

  it('one interval is not enough to trust: the population interval is used', () => {
    const result = stageOf(customer({ orders: 2, repeatPurchases: 1, medianInterpurchaseDays: 5, lastInterpurchaseDays: 5, interpurchaseCv: null, daysSinceLastPurchase: 100 }));
    expect(result.reason).toMatchObject({ code: 'within_rhythm', usualIntervalDays: 60, intervalSource: 'population' });
  });

  it('reactivated: the latest purchase ended a gap of 4+ usual intervals', () => {
    const result = stageOf(customer({ daysSinceLastPurchase: 5, lastInterpurchaseDays: 200 }));
    expect(result.stage).toBe('reactivated');
    expect(result.reason).toMatchObject({ code: 'returned_after_gap', gapDays: 200, usualIntervalDays: 30, intervalSource: 'own' });
  });

  it('new: first purchase within 90 days and at most 2 orders', () => {
    const result = stageOf(customer({ orders: 1, repeatPurchases: 0, daysSinceFirstPurchase: 20, daysSinceLastPurchase: 20, medianInterpurchaseDays: null, lastInterpurchaseDays: null, interpurchaseCv: null, spendChange: null }));
    expect(result.stage).toBe('new');
    expect(result.reason).toMatchObject({ code: 'recent_first_purchase', daysSinceFirstPurchase: 20, orders: 1 });
  });

  it('declining: spend halved between trend periods', () => {
    const result = stageOf(customer({ spendChange: -0.6, spendLastPeriod: 40, spendPreviousPeriod: 100 }));
    expect(result).toMatchObject({ stage: 'declining', reason: { code: 'spend_down', spendChange: -0.6 } });
    expect(result.reason.text).toBe('Spend in the latest period fell 60% on the period before.');
  });

  it('declining: the latest gap twice the customer’s own rhythm', () => {
    const result = stageOf(customer({ lastInterpurchaseDays: 70 }));
    expect(result).toMatchObject({ stage: 'declining', reason: { code: 'intervals_lengthening', lastIntervalDays: 70, usualIntervalDays: 30 } });
  });

  it('growing: spend up by half', () => {
    expect(stageOf(customer({ spendChange: 0.8 }))).toMatchObject({ stage: 'growing', reason: { code: 'spend_up', spendChange: 0.8 } });
  });

  it('spend trends do not count before both periods lie in the customer’s life', () => {
    expect(stageOf(customer({ daysSinceFirstPurchase: 150, spendChange: 0.8 })).stage).toBe('active');
    expect(stageOf(customer({ daysSinceFirstPurchase: 150, spendChange: -0.8 })).stage).toBe('active');
  });

  it('mature: a year, 4 orders, a steady rhythm', () => {
    expect(stageOf(customer({ interpurchaseCv: 0.4 }))).toMatchObject({ stage: 'mature', reason: { code: 'long_steady_tenure', daysSinceFirstPurchase: 520, orders: 18, interpurchaseCv: 0.4 } });
  });

  it('active: within their rhythm', () => {
    expect(stageOf(customer())).toMatchObject({ stage: 'active', reason: { code: 'within_rhythm', daysSinceLastPurchase: 10, usualIntervalDays: 30 } });
  });

  it('writes labels and sentences in Chinese and Spanish', () => {
    const zh = classifyLifecycleStage(fitLifecycle([], { language: 'zh' }), customer({ daysSinceLastPurchase: 94 }));
    expect(zh.label).toBe('有流失风险');
    expect(zh.reason.text).toBe('距上次购买已 94 天，是其平时购买间隔（30 天）的 3.1 倍。');
    const es = classifyLifecycleStage(fitLifecycle([], { language: 'es' }), customer({ orders: 0, repeatPurchases: 0, daysSinceFirstPurchase: null, daysSinceLastPurchase: null }));
    expect([es.label, es.reason.text]).toEqual(['Cliente potencial', 'Aún no ha comprado.']);
  });

  it('uses the 30-day default when no customer has an interval', () => {
    expect(fitLifecycle([customer({ medianInterpurchaseDays: null, repeatPurchases: 0 })])).toMatchObject({ populationIntervalDays: 30, populationIntervalCustomers: 0 });
  });
});

describe('P(alive) from a probability model', () => {
  const pareto = { kind: 'paretonbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } } as TransactionModel;
  const bgnbd = { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as TransactionModel;

  it('decides churned and at risk instead of the overdue factors, with the probability in the reason', () => {
    const withModel = fitLifecycle([], { probabilityModel: pareto });
    // 17 repeat purchases, then 300 days of silence: Pareto/NBD gives well under 15 %.
    const result = classifyLifecycleStage(withModel, customer({ daysSinceLastPurchase: 300, firstToLastPurchase: 220, firstPurchaseToAsOf: 520 }));
    expect(result.stage).toBe('churned');
    expect(result.reason).toMatchObject({ code: 'low_probability_alive', model: 'paretonbd', threshold: 0.15 });
    expect(result.reason.text).toMatch(/^The Pareto\/NBD model gives a \d+(\.\d)?% chance they are still a customer\.$/);
    // 125 days of silence after a monthly rhythm: the factors say churned (4.2 intervals), the model only at risk.
    const lapsing = classifyLifecycleStage(withModel, customer({ daysSinceLastPurchase: 125, firstToLastPurchase: 395, firstPurchaseToAsOf: 520 }));
    expect(lapsing).toMatchObject({ stage: 'at_risk', reason: { code: 'low_probability_alive', threshold: 0.5 } });
  });

  it('keeps the overdue factors for customers the model cannot judge: BG/NBD with no repeat purchase', () => {
    const withModel = fitLifecycle([], { probabilityModel: bgnbd });
    const oneTimer = customer({ orders: 1, repeatPurchases: 0, daysSinceFirstPurchase: 400, daysSinceLastPurchase: 400, medianInterpurchaseDays: null, lastInterpurchaseDays: null, firstToLastPurchase: 0, firstPurchaseToAsOf: 400 });
    expect(classifyLifecycleStage(withModel, oneTimer).reason).toMatchObject({ code: 'overdue', intervalSource: 'population' });
  });

  it('embeds the model, so the stored configuration classifies alone', () => {
    const stored = JSON.parse(JSON.stringify(fitLifecycle([], { probabilityModel: pareto }))) as unknown;
    const read = readLifecycleModel(stored);
    expect(read.probabilityModel).toEqual(pareto);
    expect(classifyLifecycleStage(read, customer({ daysSinceLastPurchase: 300, firstToLastPurchase: 220, firstPurchaseToAsOf: 520 })).stage).toBe('churned');
  });
});

describe('classifyLifecycle on a batch', () => {
  it('gives every customer exactly one stage and counts them', () => {
    const features = [customer({ customerId: 'a' }), customer({ customerId: 'b', daysSinceLastPurchase: 125 }), customer({ customerId: 'c', interpurchaseCv: 0.4 })];
    const { stages, counts } = classifyLifecycle(features);
    expect(stages.map((entry) => entry.stage)).toEqual(['active', 'churned', 'mature']);
    expect(Object.keys(counts)).toEqual(LIFECYCLE_STAGES.map((stage) => stage.id));
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(3);
  });

  it('rejects features of another asOf than the one given, or of mixed dates', () => {
    expect(() => classifyLifecycle([customer()], { asOf: asOf + 86_400_000 })).toThrow(ValidationError);
    try {
      classifyLifecycle([customer({ customerId: 'a' }), customer({ customerId: 'b', asOf: asOf - 86_400_000 })]);
      expect.fail('mixed dates were accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]).toMatchObject({ index: 1, path: ['asOf'], code: 'invalid_value' });
    }
  });

  it('rejects features without the cadence fields, naming the row and field', () => {
    const withoutCadence = Object.fromEntries(Object.entries(customer()).filter(([key]) => key !== 'medianInterpurchaseDays'));
    try {
      classifyLifecycle([customer(), withoutCadence as unknown as LifecycleCustomer]);
      expect.fail('missing cadence was accepted');
    } catch (error) {
      expect((error as ValidationError).issues[0]).toMatchObject({ index: 1, path: ['medianInterpurchaseDays'], code: 'missing_field' });
    }
  });

  it('rejects contradictory, unknown and out-of-range thresholds', () => {
    const cases: [object, string][] = [
      [{ atRiskFactor: 5, churnFactor: 3 }, 'atRiskFactor'],
      [{ churnProbabilityAlive: 0.6, atRiskProbabilityAlive: 0.5 }, 'churnProbabilityAlive'],
      [{ atRiskMinDays: 100, churnMinDays: 50 }, 'atRiskMinDays'],
      [{ churnFactr: 4 }, 'churnFactr'],
      [{ churnFactor: Number.NaN }, 'churnFactor'],
      [{ declineSpendChange: 0.2 }, 'declineSpendChange'],
      [{ minIntervals: 1.5 }, 'minIntervals'],
    ];
    for (const [thresholds, name] of cases) {
      try {
        classifyLifecycle([customer()], { thresholds });
        expect.fail(`${JSON.stringify(thresholds)} was accepted`);
      } catch (error) {
        expect(error, JSON.stringify(thresholds)).toBeInstanceOf(ConfigurationError);
        expect((error as ClienteleError).path).toEqual(['thresholds', name]);
      }
    }
  });

  it('rejects a language or probability model it does not know', () => {
    expect(() => classifyLifecycle([], { language: 'fr' as 'en' })).toThrow(/language/);
    expect(() => classifyLifecycle([], { probabilityModel: { kind: 'rfm' } as unknown as TransactionModel })).toThrow(/transaction model/);
  });

  it('can leave the sentences out for bulk scoring, and write one on demand', () => {
    const [entry] = classifyLifecycle([customer({ daysSinceLastPurchase: 94 })], { sentences: false }).stages;
    expect(entry?.reason).toMatchObject({ code: 'overdue', text: '' });
    expect(describeLifecycleReason(entry?.reason as LifecycleReason, 'es')).toBe('94 días desde la última compra: 3.1 veces su intervalo habitual de 30 días.');
    expect(() => classifyLifecycle([], { sentences: 'no' as unknown as boolean })).toThrow(ConfigurationError);
  });

  it('never mutates its input', () => {
    const features = [Object.freeze(customer())];
    expect(() => classifyLifecycle(features)).not.toThrow();
  });
});

describe('readLifecycleModel', () => {
  it('rejects tampered models with the field named', () => {
    const stored = JSON.parse(JSON.stringify(fitLifecycle([]))) as Record<string, unknown>;
    expect(() => readLifecycleModel({ ...stored, kind: 'rfm' })).toThrow(expect.objectContaining({ code: 'model_kind_mismatch' }));
    expect(() => readLifecycleModel({ ...stored, version: 2 })).toThrow(expect.objectContaining({ code: 'model_version_unsupported' }));
    expect(() => readLifecycleModel({ ...stored, thresholds: { ...(stored.thresholds as object), atRiskFactor: 9 } })).toThrow(expect.objectContaining({ code: 'invalid_model', path: ['thresholds', 'atRiskFactor'] }));
    expect(() => readLifecycleModel({ ...stored, probabilityModel: { kind: 'bgnbd', version: 1, timeUnit: 'weeks', parameters: { r: -1, alpha: 1, a: 1, b: 1 } } })).toThrow(
      expect.objectContaining({ code: 'invalid_model', path: ['probabilityModel', 'parameters', 'r'] }),
    );
  });
});
