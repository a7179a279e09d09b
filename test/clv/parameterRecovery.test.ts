/**
 * Parameter recovery: customers drawn from each model with known parameters (our own seeded
 * simulator, clientele/sample) are fitted back. Tolerance: every estimate within 4 of its own
 * standard errors of the truth. A maximum-likelihood estimate is asymptotically normal with
 * those standard errors, so a correct fit misses by more than 4 with probability about 6e-5
 * per parameter; a wrong likelihood or gradient misses by far more on 20,000 customers. The
 * standard errors themselves are checked to be small (under 15 % of each parameter), so the
 * tolerance cannot be met by an uninformative fit.
 */
import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitGammaGamma, fitModifiedBgNbd, fitParetoNbd } from 'clientele';
import { simulateBtydSummaries, type BtydSimulationModel } from 'clientele/sample';

const CUSTOMERS = 20_000;

function expectRecovered(estimate: object, standardErrors: object | null, truth: Record<string, number>): void {
  expect(standardErrors).not.toBeNull();
  for (const [name, value] of Object.entries(truth)) {
    const fitted = (estimate as Record<string, number>)[name] as number;
    const error = (standardErrors as Record<string, number>)[name] as number;
    expect(error / value, `standard error of ${name}`).toBeLessThan(0.15);
    expect(Math.abs(fitted - value) / error, `${name}: fitted ${fitted}, true ${value}, standard error ${error}`).toBeLessThan(4);
  }
}

function draw(model: BtydSimulationModel, seed: string) {
  return simulateBtydSummaries({ model, customers: CUSTOMERS, seed, observationLength: 52, firstPurchaseSpread: 26, spend: { p: 6, q: 4, gamma: 15 } });
}

describe('parameter recovery from simulated customers', () => {
  it('BG/NBD', () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const model = fitBgNbd(draw({ kind: 'bgnbd', ...truth }, 'recover-bgnbd'));
    expect(model.fit.converged).toBe(true);
    expectRecovered(model.parameters, model.standardErrors, truth);
  });

  it('MBG/NBD', () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const model = fitModifiedBgNbd(draw({ kind: 'mbgnbd', ...truth }, 'recover-mbgnbd'));
    expect(model.fit.converged).toBe(true);
    expectRecovered(model.parameters, model.standardErrors, truth);
  });

  it('Pareto/NBD', () => {
    const truth = { r: 0.6, alpha: 6, s: 0.8, beta: 10 };
    const model = fitParetoNbd(draw({ kind: 'paretonbd', ...truth }, 'recover-paretonbd'));
    expect(model.fit.converged).toBe(true);
    expectRecovered(model.parameters, model.standardErrors, truth);
  });

  it('Gamma-Gamma, on the repeat customers of a BG/NBD draw', () => {
    const model = fitGammaGamma(draw({ kind: 'bgnbd', r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, 'recover-gammagamma'));
    expect(model.fit.converged).toBe(true);
    expect(model.fit.customers).toBeGreaterThan(5000);
    expectRecovered(model.parameters, model.standardErrors, { p: 6, q: 4, gamma: 15 });
  });
});
