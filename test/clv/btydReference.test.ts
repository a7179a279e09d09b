/**
 * Closed forms of the customer-base models against independent values: test/fixtures/btydReference.json
 * was computed with mpmath at 40 digits by test/fixtures/btydReference.py, from the papers'
 * formulas, with the Pareto/NBD likelihood and P(X(t) = n) also by quadrature over the death time.
 */
import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  expectedAverageValue,
  expectedPurchases,
  probabilityAlive,
  probabilityOfPurchases,
  type TransactionModel,
} from 'clientele';
import reference from '../fixtures/btydReference.json';
import { betaGeometricLogLikelihood } from '../../src/clv/bgNbd/betaGeometricLogLikelihood';
import { gammaGammaLogLikelihood } from '../../src/clv/gammaGamma/gammaGammaLogLikelihood';
import type { BtydGroups } from '../../src/clv/groupBtydSummaries';
import { pairDeathIntegrals, paretoNbdLogLikelihood } from '../../src/clv/paretoNbd/paretoNbdLogLikelihood';

interface Case {
  readonly x: number;
  readonly t_x: number;
  readonly T: number;
  readonly logLikelihood: number;
  readonly pAlive: number;
  readonly conditionalExpected: readonly { readonly t: number; readonly value: number }[];
}
interface ModelReference {
  readonly params: Record<string, number>;
  readonly cases: readonly Case[];
  readonly unconditional: { readonly expected: readonly { t: number; value: number }[]; readonly pmf: readonly { t: number; n: number; value: number }[] };
}

function closeTo(received: number, expected: number, relative: number): void {
  // Relative error, or absolute error for expected values below 1 in magnitude (an exact log-likelihood of 0 at T = 0).
  expect(Math.abs(received - expected)).toBeLessThanOrEqual(relative * Math.max(Math.abs(expected), 1));
}

const customer = ({ x, t_x, T }: Case) => ({ repeatPurchases: x, firstToLastPurchase: t_x, firstPurchaseToAsOf: T, timeUnit: 'weeks' as const });

function modelOf(kind: TransactionModel['kind'], params: Record<string, number>) {
  return { kind, version: 1, timeUnit: 'weeks', parameters: params } as unknown as TransactionModel;
}

/** One customer as grouped columns, built directly: the reference cases include x > 0 at t_x = 0, which fits refuse but the likelihood defines. */
function groupsOf({ x, t_x, T }: Case): BtydGroups {
  return {
    timeUnit: 'weeks',
    x: Float64Array.of(x),
    tx: Float64Array.of(t_x),
    T: Float64Array.of(T),
    weight: Float64Array.of(1),
    xLevel: Int32Array.of(0),
    distinctX: Float64Array.of(x),
    customers: 1,
    excludedProspects: 0,
    totalRepeatPurchases: x,
    totalAge: T,
  };
}

function logLikelihoodOf(kind: TransactionModel['kind'], params: Record<string, number>, item: Case): number {
  const groups = groupsOf(item);
  if (kind === 'paretonbd') return paretoNbdLogLikelihood(groups, pairDeathIntegrals(groups), Float64Array.of(params.r as number, params.alpha as number, params.s as number, params.beta as number));
  return betaGeometricLogLikelihood(kind, groups, Float64Array.of(params.r as number, params.alpha as number, params.a as number, params.b as number), null);
}

const suites: [TransactionModel['kind'], ModelReference][] = [
  ['bgnbd', reference.bgnbd as ModelReference],
  ['mbgnbd', reference.mbgnbd as ModelReference],
  ...(reference.paretonbd as ModelReference[]).map((item): [TransactionModel['kind'], ModelReference] => ['paretonbd', item]),
];

describe.each(suites)('%s closed forms against mpmath', (kind, { params, cases, unconditional }) => {
  const model = modelOf(kind, params);
  const label = Object.entries(params)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');

  it(`per-customer log-likelihood, P(alive) and E[Y(t) | x, t_x, T] (${label})`, () => {
    for (const item of cases) {
      closeTo(logLikelihoodOf(kind, params, item), item.logLikelihood, 1e-11);
      closeTo(probabilityAlive(model, customer(item)), item.pAlive, 1e-11);
      for (const { t, value } of item.conditionalExpected) closeTo(conditionalExpectedPurchases(model, { weeks: t }, customer(item)), value, 1e-10);
    }
  });

  it(`E[X(t)] and P(X(t) = n) for a new customer (${label})`, () => {
    for (const { t, value } of unconditional.expected) closeTo(expectedPurchases(model, { weeks: t }), value, 1e-10);
    for (const { t, n, value } of unconditional.pmf) closeTo(probabilityOfPurchases(model, n, { weeks: t }), value, 1e-9);
  });
});

describe('Gamma-Gamma against mpmath', () => {
  const { p, q, gamma } = reference.gammagamma.params;
  const model = { kind: 'gammagamma', version: 1, parameters: { p, q, gamma } } as const;
  it('log-likelihood and expected value per transaction', () => {
    for (const item of reference.gammagamma.cases) {
      closeTo(gammaGammaLogLikelihood({ x: Float64Array.of(item.x), meanValue: Float64Array.of(item.zbar) }, Float64Array.of(p, q, gamma), null), item.logLikelihood, 1e-11);
      closeTo(expectedAverageValue(model, { repeatPurchases: item.x, meanRepeatPurchaseValue: item.zbar }), item.conditionalExpectedValue, 1e-13);
    }
  });
});
