import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeLifecycleReason, type LifecycleReasonFacts } from 'clientele';
import { createReasonDescriber } from '../../../src/scores/lifecycle/describeLifecycleReason';

// Values as classification produces them (whole days, factors from days over a usual interval)
// and as a host might pass them (fractions, huge numbers, negatives), so cached and uncached
// sentences are compared on both sides of the cache's limits.
// Values come mostly from small pools, so reasons that differ in one shown value only (or in a
// value the sentence rounds away) meet in the same run.
const days = fc.oneof({ arbitrary: fc.constantFrom(0, 30, 94, 94.4, 94.6, 32_767.5, 40_000, -3), weight: 8 }, fc.integer({ min: 0, max: 400 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
const factor = fc.oneof({ arbitrary: fc.constantFrom(3.1, 3.14, 3.16, 3276.7, 3276.8, 1e9), weight: 8 }, fc.double({ min: 0, max: 50, noNaN: true }));
const share = fc.oneof(fc.constantFrom(-0.25, 0.25, 0.2504, 0.2506), fc.double({ min: -40, max: 40, noNaN: true }));
const source = fc.constantFrom('own' as const, 'population' as const);
const reason: fc.Arbitrary<LifecycleReasonFacts> = fc.oneof(
  fc.constant({ code: 'no_purchase' as const }),
  fc.record({ code: fc.constant('overdue' as const), daysSinceLastPurchase: days, usualIntervalDays: days, factor, intervalSource: source }),
  fc.record({ code: fc.constant('within_rhythm' as const), daysSinceLastPurchase: days, usualIntervalDays: days, factor, intervalSource: source }),
  fc.record({ code: fc.constant('returned_after_gap' as const), gapDays: days, usualIntervalDays: days, factor, intervalSource: source }),
  fc.record({ code: fc.constant('intervals_lengthening' as const), lastIntervalDays: days, usualIntervalDays: days, factor }),
  fc.record({ code: fc.constant('low_probability_alive' as const), probabilityAlive: fc.oneof(fc.constantFrom(0.1, 0.1004, 0.1006), fc.double({ min: 0, max: 1, noNaN: true })), threshold: fc.constant(0.3), model: fc.constantFrom('bgnbd' as const, 'mbgnbd' as const, 'paretonbd' as const) }),
  fc.record({ code: fc.constant('recent_first_purchase' as const), daysSinceFirstPurchase: days, orders: fc.oneof(fc.constantFrom(1, 2, 40_000), fc.integer({ min: 0, max: 50 })) }),
  fc.record({ code: fc.constant('long_steady_tenure' as const), daysSinceFirstPurchase: days, orders: fc.integer({ min: 0, max: 50 }), interpurchaseCv: fc.constant(0.2) }),
  fc.record({ code: fc.constant('spend_down' as const), spendChange: share, spendLastPeriod: fc.constant(1), spendPreviousPeriod: fc.constant(2) }),
  fc.record({ code: fc.constant('spend_up' as const), spendChange: share, spendLastPeriod: fc.constant(2), spendPreviousPeriod: fc.constant(1) }),
);

describe('the sentence cache of a classification run', () => {
  it('gives every reason the sentence describeLifecycleReason writes, in every language, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(reason, { maxLength: 200 }), fc.constantFrom('en' as const, 'zh' as const, 'es' as const), (reasons, language) => {
        const describe = createReasonDescriber(language);
        // Twice through: the second pass reads what the first one stored.
        for (const facts of [...reasons, ...reasons]) expect(describe(facts)).toBe(describeLifecycleReason(facts, language));
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart reasons that differ in one shown value only', () => {
    const base = { code: 'overdue', daysSinceLastPurchase: 94, usualIntervalDays: 30, factor: 3.1, intervalSource: 'own' } as const;
    const variants: LifecycleReasonFacts[] = [
      base,
      { ...base, intervalSource: 'population' },
      { ...base, daysSinceLastPurchase: 95 },
      { ...base, usualIntervalDays: 31 },
      { ...base, factor: 3.2 },
      { ...base, code: 'within_rhythm' },
      { code: 'returned_after_gap', gapDays: 94, usualIntervalDays: 30, factor: 3.1, intervalSource: 'own' },
      { code: 'intervals_lengthening', lastIntervalDays: 94, usualIntervalDays: 30, factor: 3.1 },
      { code: 'recent_first_purchase', daysSinceFirstPurchase: 94, orders: 1 },
      { code: 'recent_first_purchase', daysSinceFirstPurchase: 94, orders: 2 },
      { code: 'long_steady_tenure', daysSinceFirstPurchase: 94, orders: 2, interpurchaseCv: 0.1 },
      { code: 'spend_down', spendChange: -0.25, spendLastPeriod: 3, spendPreviousPeriod: 4 },
      { code: 'spend_up', spendChange: 0.25, spendLastPeriod: 5, spendPreviousPeriod: 4 },
      { code: 'low_probability_alive', probabilityAlive: 0.1, threshold: 0.3, model: 'bgnbd' },
      { code: 'low_probability_alive', probabilityAlive: 0.1, threshold: 0.3, model: 'paretonbd' },
    ];
    for (const language of ['en', 'zh', 'es'] as const) {
      const describe = createReasonDescriber(language);
      for (const facts of [...variants, ...variants]) expect(describe(facts)).toBe(describeLifecycleReason(facts, language));
    }
  });
});
