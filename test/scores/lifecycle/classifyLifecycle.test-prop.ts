import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLifecycle, classifyLifecycleStage, describeLifecycleReason, fitLifecycle, LIFECYCLE_STAGES, type LifecycleCustomer, type LifecycleStage } from 'clientele';

const asOf = Date.UTC(2026, 5, 30);

/** Arbitrary buyers with consistent features (prospects too). */
const buyer = fc
  .record({
    orders: fc.integer({ min: 0, max: 200 }),
    daysSinceFirstPurchase: fc.integer({ min: 0, max: 2000 }),
    recencyShare: fc.double({ min: 0, max: 1, noNaN: true }),
    medianInterval: fc.option(fc.double({ min: 1, max: 400, noNaN: true }), { nil: null }),
    lastGap: fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
    cv: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: null }),
    spendChange: fc.option(fc.double({ min: -1, max: 5, noNaN: true }), { nil: null }),
  })
  .map(({ orders, daysSinceFirstPurchase, recencyShare, medianInterval, lastGap, cv, spendChange }): LifecycleCustomer => {
    const prospect = orders === 0;
    const repeat = prospect ? 0 : Math.min(orders - 1, daysSinceFirstPurchase);
    const daysSinceLast = prospect ? null : Math.round(daysSinceFirstPurchase * recencyShare);
    return {
      customerId: 'x',
      asOf,
      orders,
      repeatPurchases: repeat,
      daysSinceFirstPurchase: prospect ? null : daysSinceFirstPurchase,
      daysSinceLastPurchase: daysSinceLast,
      medianInterpurchaseDays: repeat > 0 ? medianInterval : null,
      lastInterpurchaseDays: repeat > 0 ? lastGap : null,
      interpurchaseCv: repeat > 1 ? cv : null,
      spendChange,
      spendLastPeriod: 0,
      spendPreviousPeriod: 0,
      firstToLastPurchase: prospect ? null : daysSinceFirstPurchase - (daysSinceLast ?? 0),
      firstPurchaseToAsOf: prospect ? null : daysSinceFirstPurchase,
      timeUnit: 'days',
    };
  });

const model = fitLifecycle([], {});
/** How far gone a stage is: more days since the last purchase may only move a customer up this scale. */
const gone: Partial<Record<LifecycleStage, number>> = { at_risk: 1, churned: 2 };
const goneness = (stage: LifecycleStage): number => gone[stage] ?? 0;

describe('lifecycle invariants', () => {
  it('every customer gets exactly one of the nine stages', () => {
    fc.assert(
      fc.property(fc.array(buyer, { maxLength: 30 }), (customers) => {
        const { stages, counts } = classifyLifecycle(customers.map((customer, index) => ({ ...customer, customerId: `c${index}` })));
        expect(stages).toHaveLength(customers.length);
        for (const entry of stages) expect(LIFECYCLE_STAGES.map((stage) => stage.id)).toContain(entry.stage);
        expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(customers.length);
      }),
      { numRuns: 300 },
    );
  });

  it('with all else equal, more days since the last purchase never makes a customer less gone', () => {
    fc.assert(
      fc.property(buyer, fc.integer({ min: 1, max: 500 }), (customer, extra) => {
        if (customer.daysSinceLastPurchase === null) return;
        const later = { ...customer, daysSinceLastPurchase: customer.daysSinceLastPurchase + extra, daysSinceFirstPurchase: (customer.daysSinceFirstPurchase as number) + extra };
        // Only recency moves: tenure grows with it so the features stay consistent, and tenure
        // alone never makes a customer more gone.
        const before = classifyLifecycleStage(model, customer).stage;
        const after = classifyLifecycleStage(model, later).stage;
        expect(goneness(after), `${before} -> ${after}`).toBeGreaterThanOrEqual(goneness(before));
      }),
      { numRuns: 2000 },
    );
  });

  it('every reason has its own sentence in every language', () => {
    const models = (['en', 'zh', 'es'] as const).map((language) => fitLifecycle([], { language }));
    fc.assert(
      fc.property(buyer, (customer) => {
        for (const each of models) {
          const { reason } = classifyLifecycleStage(each, customer);
          expect(reason.text.length).toBeGreaterThan(3);
          expect(reason.text).toBe(describeLifecycleReason(reason, each.language));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
