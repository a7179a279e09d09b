/**
 * Golden tests on real data: the four models fitted on the CDNOW 1/10 sample (2,357 customers,
 * 39 calibration weeks ending 1997-09-30, weeks as the unit) reproduce the published estimates.
 * Published values: Fader, Hardie & Lee (2005) for BG/NBD (with its log-likelihood and the
 * standard errors of their Table 1) and Pareto/NBD; Batislam et al.'s MBG/NBD on this summary
 * as the issue states it; Fader & Hardie (2013) for Gamma-Gamma.
 */
import { describe, expect, it } from 'vitest';
import { evaluateHoldout, fitBgNbd, repeatPurchaseCurve, fitGammaGamma, fitModifiedBgNbd, fitParetoNbd, splitCalibrationHoldout, type CalibrationHoldoutFeatures } from 'clientele';
import { readCdnowSample, sharedDataFile } from '../support/sharedData';

const sample = sharedDataFile('cdnow/CDNOW_sample.txt');
if (!sample.present) console.warn(`cdnowModels.test.ts: ${sample.skipReason}`);
const skip = sample.present ? '' : ` (${sample.skipReason})`;

let cached: CalibrationHoldoutFeatures[] | undefined;
function cdnow(): CalibrationHoldoutFeatures[] {
  cached ??= splitCalibrationHoldout(readCdnowSample(sample.path), { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'weeks' });
  return cached;
}

function withinOnePercent(received: Record<string, number>, published: Record<string, number>): void {
  for (const [name, value] of Object.entries(published)) {
    expect(Math.abs((received[name] as number) / value - 1), `${name}: ${received[name]} vs published ${value}`).toBeLessThan(0.01);
  }
}

describe('customer-base models on CDNOW', () => {
  it.skipIf(!sample.present)(`BG/NBD reproduces r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 and the standard errors${skip}`, () => {
    const model = fitBgNbd(cdnow());
    expect(model.fit).toMatchObject({ converged: true, customers: 2357, excluded: { prospects: 0 } });
    withinOnePercent(model.parameters as unknown as Record<string, number>, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    expect(model.fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    withinOnePercent(model.standardErrors as unknown as Record<string, number>, { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 });
  });

  it.skipIf(!sample.present)(`Pareto/NBD reproduces r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0${skip}`, () => {
    const model = fitParetoNbd(cdnow());
    expect(model.fit.converged).toBe(true);
    withinOnePercent(model.parameters as unknown as Record<string, number>, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
    expect(model.fit.logLikelihood).toBeCloseTo(-9595.0, 1);
  });

  it.skipIf(!sample.present)(`MBG/NBD reproduces r = 0.525, α = 6.183, a = 0.891, b = 1.614${skip}`, () => {
    const model = fitModifiedBgNbd(cdnow());
    expect(model.fit.converged).toBe(true);
    withinOnePercent(model.parameters as unknown as Record<string, number>, { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 });
  });

  it.skipIf(!sample.present)(`Gamma-Gamma reproduces p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat customers${skip}`, () => {
    const model = fitGammaGamma(cdnow());
    expect(model.fit).toMatchObject({ converged: true, customers: 946, excluded: { noRepeatPurchase: 1411, nonPositiveValue: 0 } });
    withinOnePercent(model.parameters as unknown as Record<string, number>, { p: 6.25, q: 3.74, gamma: 15.44 });
  });

  it.skipIf(!sample.present)(`BG/NBD's holdout predictions by calibration frequency track the actual purchases${skip}`, () => {
    const data = cdnow();
    const evaluation = evaluateHoldout(fitBgNbd(data), data);
    // 6,696 customer-days in all, minus the 2,357 first purchases and 2,457 calibration repeats.
    expect(evaluation.actualTotal).toBe(1882);
    expect(evaluation.customers).toHaveLength(2357);
    expect(evaluation.byFrequency.map((row) => row.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    // Pinned from this fit as a regression check (the chart of Fader, Hardie & Lee 2005, figure 4):
    // x = 0 customers made 0.237 holdout purchases on average, the model expected 0.225.
    expect(evaluation.byFrequency[0]?.actualMean).toBeCloseTo(0.237, 3);
    expect(evaluation.byFrequency[0]?.predictedMean).toBeCloseTo(0.225, 3);
    expect(evaluation.predictedTotal / evaluation.actualTotal).toBeGreaterThan(0.85);
    expect(evaluation.predictedTotal / evaluation.actualTotal).toBeLessThan(1);
  });

  it.skipIf(!sample.present)(`the weekly tracking curve: 2,457 repeat purchases by week 39 and 4,339 by week 78, the model within 2 % and 5 %${skip}`, () => {
    const rows = readCdnowSample(sample.path);
    const curve = repeatPurchaseCurve(fitBgNbd(cdnow()), rows, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' });
    expect(curve).toHaveLength(78);
    const week39 = curve[38];
    const week78 = curve[77];
    expect(week39).toMatchObject({ periodEnd: '1997-09-30', holdout: false, cumulativeActual: 2457 });
    expect(week78).toMatchObject({ periodEnd: '1998-06-30', holdout: true, cumulativeActual: 4339 });
    // 2,494 expected by week 39 and 4,161 by week 78 (the model under-forecasts the holdout, as in the paper's figure 2).
    expect(Math.abs((week39?.cumulativeExpected as number) / 2457 - 1)).toBeLessThan(0.02);
    expect(Math.abs((week78?.cumulativeExpected as number) / 4339 - 1)).toBeLessThan(0.05);
    expect(curve.reduce((sum, point) => sum + point.actual, 0)).toBe(4339);
  });
});
