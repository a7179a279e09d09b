/**
 * `clientele/sample`: a seeded synthetic customer base (customers, transactions,
 * interactions) for demos, docs, tests and benchmarks. Kept out of the main entry so that
 * apps which only segment real data never ship it.
 *
 * @module clientele/sample
 */
export { generateSample, type GenerateSampleOptions, type Sample } from './generateSample';
export {
  simulateBtydSummaries,
  type BtydSimulationModel,
  type SimulateBtydSummariesOptions,
  type SimulatedBtydSummary,
  type SimulatedBtydTruth,
  type SpendSimulationModel,
} from './simulateBtydSummaries';
