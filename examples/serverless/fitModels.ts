/**
 * Fit the models the scoring function loads, on a population of customer features, and write
 * them as one JSON file. Run where the whole customer base is (a nightly job):
 *
 *   npx tsx examples/serverless/fitModels.ts examples/serverless/models.json
 *
 * Here the population is the seeded sample data, so the committed models.json is reproducible.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fitBgNbd, fitGammaGamma, fitLifecycle, fitRfm, parseTransactions, summarize, type CustomerFeatures, type SegmentInput } from 'clientele';
import { generateSample } from 'clientele/sample';

/** Everything the function needs, as plain JSON. */
export interface ScoringModels {
  readonly asOf: string;
  readonly rfm: ReturnType<typeof fitRfm>;
  readonly lifecycle: ReturnType<typeof fitLifecycle>;
  readonly transactions: ReturnType<typeof fitBgNbd>;
  readonly spend: ReturnType<typeof fitGammaGamma>;
  /** The team's segments, as rule text: any field of the features, the scores, `pAlive`, `clv`. */
  readonly segments: readonly SegmentInput[];
}

/** The segments a CRM team might run on top of the scores. */
export const SEGMENTS: readonly SegmentInput[] = [
  { name: 'VIP at risk', rule: 'clv >= 500 and pAlive < 0.5', description: 'Valuable customers the model thinks are slipping: call them.' },
  { name: 'Win back', rule: 'lifecycle.stage in ("at_risk", "churned") and monetaryTotal >= 100', description: 'Lapsed customers worth an offer.' },
  { name: 'Champions', rule: 'rfm.segment = "champions"', description: 'Reward, ask for reviews.' },
  { name: 'Second purchase', rule: 'orders = 1 and daysSinceLastPurchase <= 30', description: 'New customers to bring back once.' },
];

/** Fits RFM, lifecycle (with BG/NBD's P(alive)), BG/NBD and Gamma-Gamma on the features. */
export function fitModels(features: readonly CustomerFeatures[], asOf: string): ScoringModels {
  const buyers = features.filter((customer) => customer.orders > 0);
  const transactions = fitBgNbd(buyers);
  return {
    asOf,
    rfm: fitRfm(features),
    lifecycle: fitLifecycle(features, { probabilityModel: transactions }),
    transactions,
    spend: fitGammaGamma(buyers),
    segments: SEGMENTS,
  };
}

/** The sample population the committed models.json is fitted on. */
export function sampleModels(): ScoringModels {
  const sample = generateSample({ customers: 3000, seed: 11 });
  const asOf = new Date(sample.asOf).toISOString().slice(0, 10);
  return fitModels(summarize(parseTransactions(sample.transactions).records, { asOf, unit: 'weeks' }), asOf);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const output = process.argv[2] ?? 'models.json';
  writeFileSync(output, `${JSON.stringify(sampleModels(), null, 2)}\n`);
  console.log(`models written to ${output}`);
}
