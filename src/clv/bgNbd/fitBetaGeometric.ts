import { deepFreeze } from '../../internal/deepFreeze';
import type { BetaGeometricParameters, BgNbdModel, FitOptions, ModifiedBgNbdModel } from '../ClvModel';
import { fitByMaximumLikelihood, resolveFitOptions } from '../fitByMaximumLikelihood';
import { groupBtydSummaries } from '../groupBtydSummaries';
import { betaGeometricLogLikelihood, type BetaGeometricVariant } from './betaGeometricLogLikelihood';

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** Fits BG/NBD or MBG/NBD: what `fitBgNbd` and `fitModifiedBgNbd` share. */
export function fitBetaGeometric<Variant extends BetaGeometricVariant>(
  functionName: string,
  variant: Variant,
  customers: readonly unknown[],
  options: FitOptions<BetaGeometricParameters> | undefined,
): Variant extends 'bgnbd' ? BgNbdModel : ModifiedBgNbdModel {
  const groups = groupBtydSummaries(functionName, variant, customers);
  // Start at r = 1 with α matching the observed repeat rate (Σx / ΣT), and a = b = 1.
  const alpha = groups.totalRepeatPurchases > 0 ? Math.min(1e6, Math.max(1e-3, groups.totalAge / groups.totalRepeatPurchases)) : 1;
  const resolved = resolveFitOptions(functionName, options, NAMES, [1, alpha, 1, 1]);
  const estimate = fitByMaximumLikelihood(
    functionName,
    {
      kind: variant,
      names: NAMES,
      customers: groups.customers,
      hasGradient: true,
      logLikelihood: (theta, gradient) => betaGeometricLogLikelihood(variant, groups, theta, gradient),
    },
    resolved,
  );
  return deepFreeze({
    kind: variant,
    version: 1,
    timeUnit: groups.timeUnit,
    parameters: estimate.parameters as unknown as BetaGeometricParameters,
    standardErrors: estimate.standardErrors as unknown as BetaGeometricParameters | null,
    fit: { ...estimate.summary, customers: groups.customers, excluded: { prospects: groups.excludedProspects } },
  }) as unknown as Variant extends 'bgnbd' ? BgNbdModel : ModifiedBgNbdModel;
}
