import { describe, expect, it } from 'vitest';
import { ConfigurationError, splitCalibrationHoldout } from 'clientele';

describe('splitCalibrationHoldout', () => {
  const rows = [
    { orderId: 'o1', customerId: 'a', at: '2026-01-05', amount: 20 },
    { orderId: 'o2', customerId: 'a', at: '2026-02-10', amount: 35 },
    { orderId: 'o3', customerId: 'a', at: '2026-02-10T18:00:00Z', amount: 5 }, // same holdout day
    { orderId: 'o1', customerId: 'a', at: '2026-02-12', amount: -4 }, // refund of a calibration order, in the holdout
    { orderId: 'o4', customerId: 'b', at: '2026-01-20', amount: 10 },
    { orderId: 'o5', customerId: 'new', at: '2026-02-01', amount: 99 }, // first bought in the holdout
    { orderId: 'o6', customerId: 'a', at: '2026-03-01', amount: 1000 }, // after the observation end
  ];
  const split = splitCalibrationHoldout(rows, { calibrationEnd: '2026-01-31', observationEnd: '2026-02-28', unit: 'weeks' });

  it('keeps only the calibration cohort, with calibration features and holdout behaviour', () => {
    expect(split.map((customer) => customer.customerId)).toEqual(['a', 'b']);
    expect(split[0]).toMatchObject({ orders: 1, monetaryTotal: 20, holdoutPurchases: 1, holdoutValue: 36, holdoutDuration: 4 });
    expect(split[1]).toMatchObject({ orders: 1, holdoutPurchases: 0, holdoutValue: 0 });
  });

  it('requires the observation end to come after the calibration end', () => {
    expect(() => splitCalibrationHoldout(rows, { calibrationEnd: '2026-01-31', observationEnd: '2026-01-31' })).toThrow(ConfigurationError);
  });
});

describe('splitCalibrationHoldout edge cases', () => {
  it('counts an order whose lines straddle the split where its first line falls', () => {
    const [customer] = splitCalibrationHoldout(
      [
        { orderId: 'o1', lineId: 1, customerId: 'a', at: '2026-01-31', amount: 10 },
        { orderId: 'o1', lineId: 2, customerId: 'a', at: '2026-02-01', amount: 15 },
      ],
      { calibrationEnd: '2026-01-31', observationEnd: '2026-02-28' },
    );
    expect(customer).toMatchObject({ orders: 1, holdoutPurchases: 0, holdoutValue: 15 });
  });

  it('names the missing option', () => {
    expect(() => splitCalibrationHoldout([], { observationEnd: '2026-01-01' } as never)).toThrow(expect.objectContaining({ code: 'missing_option', path: ['calibrationEnd'] }));
  });
});
