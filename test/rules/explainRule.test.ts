import { describe, expect, it } from 'vitest';
import { and, compileRule, eq, explainRule, gte, has, isIn, lte, not, or, parseRule, RuleError, within, type Rule } from 'clientele';

const AS_OF = Date.UTC(2026, 5, 30);

describe('explainRule', () => {
  it('explains each condition with the customer’s value and outcome, and how and combined them (the doc example)', () => {
    const why = explainRule(and(gte('monetaryTotal', 500), lte('daysSinceLastPurchase', 30)), { monetaryTotal: 800, daysSinceLastPurchase: null });
    expect(why).toEqual({
      text: 'monetaryTotal >= 500 and daysSinceLastPurchase <= 30',
      outcome: 'unknown',
      children: [
        { text: 'monetaryTotal >= 500', outcome: 'true', value: 800 },
        { text: 'daysSinceLastPurchase <= 30', outcome: 'unknown', value: null },
      ],
    });
  });

  it('nests or and not, with the text of each node', () => {
    const rule = and(or(eq('valueTier', 'high'), has('categories', 'shoes')), not(isIn('lifecycle.stage', ['churned', 'prospect'])));
    const why = explainRule(rule, { valueTier: 'low', categoryShares: { shoes: 0.25, bags: 0.75 }, lifecycle: { stage: 'active' } });
    expect(why).toEqual({
      text: '(valueTier = "high" or categories has "shoes") and not lifecycle.stage in ("churned", "prospect")',
      outcome: 'true',
      children: [
        {
          text: 'valueTier = "high" or categories has "shoes"',
          outcome: 'true',
          children: [
            { text: 'valueTier = "high"', outcome: 'false', value: 'low' },
            { text: 'categories has "shoes"', outcome: 'true', value: ['shoes', 'bags'] },
          ],
        },
        {
          text: 'not lifecycle.stage in ("churned", "prospect")',
          outcome: 'true',
          children: [{ text: 'lifecycle.stage in ("churned", "prospect")', outcome: 'false', value: 'active' }],
        },
      ],
    });
  });

  it('shows a missing value as null and a value of another type as it is', () => {
    expect(explainRule(gte('monetaryTotal', 500), {})).toEqual({ text: 'monetaryTotal >= 500', outcome: 'unknown', value: null });
    expect(explainRule(gte('monetaryTotal', 500), { monetaryTotal: '900' })).toEqual({ text: 'monetaryTotal >= 500', outcome: 'unknown', value: '900' });
    expect(explainRule(has('categories', 'shoes'), {}).value).toBeNull();
  });

  it('is plain JSON: it survives JSON.stringify', () => {
    const why = explainRule(and(has('categories', 'shoes'), gte('monetaryTotal', 1)), { categoryShares: { shoes: 1 }, monetaryTotal: 3 });
    expect(JSON.parse(JSON.stringify(why))).toEqual(why);
  });

  it('uses the asOf option as compileRule does', () => {
    const rule = within('lastPurchaseAt', { days: 30 });
    const customer = { asOf: AS_OF, lastPurchaseAt: Date.UTC(2026, 4, 31, 12) };
    expect(explainRule(rule, customer).outcome).toBe('true');
    expect(explainRule(rule, customer, { asOf: '2026-07-31' }).outcome).toBe('false');
    expect(explainRule(rule, { lastPurchaseAt: Date.UTC(2026, 4, 31, 12) }).outcome).toBe('unknown');
  });

  it('its root outcome is "true" exactly when compileRule matches', () => {
    const rule = parseRule('monetaryTotal >= 500 and (valueTier = "high" or not orders < 3)');
    const customers = [{}, { monetaryTotal: 600 }, { monetaryTotal: 600, valueTier: 'high' }, { monetaryTotal: 600, orders: 5 }, { monetaryTotal: 600, orders: 1, valueTier: 'low' }, { monetaryTotal: 100, valueTier: 'high' }];
    const matches = compileRule(rule);
    expect(customers.map((c) => explainRule(rule, c).outcome)).toEqual(['unknown', 'unknown', 'true', 'true', 'false', 'false']);
    expect(customers.map((c) => matches(c))).toEqual([false, false, true, true, false, false]);
  });

  it('refuses an invalid rule with a RuleError that names explainRule', () => {
    const rule = { $v: 1, rule: { kind: 'eq', field: 'valueTier', value: 'gold' } } as unknown as Rule;
    expect(() => explainRule(rule, {})).toThrow(RuleError);
    expect(() => explainRule(rule, {})).toThrowErrorMatchingInlineSnapshot(`
      [RuleError: explainRule found 1 problem in the rule:
        at rule.value: valueTier is one of high, middle, low: received "gold"]
    `);
  });
});
