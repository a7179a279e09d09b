import type { NumericFeature } from '../../features/featureCatalogue';
import type { RfmSegmentDefinition } from './rfmSegments';

/** The three RFM dimensions. */
export type RfmDimension = 'recency' | 'frequency' | 'monetary';

/** How one dimension is scored: which feature feeds it, its direction and its bin edges. */
export interface RfmDimensionModel {
  readonly field: NumericFeature;
  /** `false` for recency measured as days since the last purchase: fewer days score higher. */
  readonly higherIsBetter: boolean;
  /**
   * `bins - 1` ascending edges. A value `v` falls in bin `1 + (number of edges < v)`: the edge
   * itself belongs to the lower bin, so "30 days or less" is an edge of 30.
   */
  readonly breakpoints: readonly number[];
}

/**
 * A fitted RFM model: plain, JSON-serialisable data. Score one customer with `scoreRfm`
 * without the population; read a stored one back with `readRfmModel`.
 */
export interface RfmModel {
  readonly kind: 'rfm';
  readonly version: 1;
  /** Scores run from 1 to `bins` (3 to 10). */
  readonly bins: number;
  /** `quantile`: edges learned from the population; `fixed`: edges the host gave. */
  readonly method: 'quantile' | 'fixed';
  readonly dimensions: Readonly<Record<RfmDimension, RfmDimensionModel>>;
  /** Weights of the combined score, a weighted mean of r, f and m. */
  readonly weights: Readonly<Record<RfmDimension, number>>;
  /** The named segments, tried in order on the 1-5 scale. */
  readonly segments: readonly RfmSegmentDefinition[];
  /** How many customers the edges were learned from (0 for `fixed`). */
  readonly fittedOn: number;
}

/** One customer's RFM scores. */
export interface RfmScore {
  readonly customerId: string;
  /** Recency score, 1..bins, higher is more recent. */
  readonly r: number;
  /** Frequency score, 1..bins. */
  readonly f: number;
  /** Monetary score, 1..bins. */
  readonly m: number;
  /** `"545"`; with 10 bins the scores are joined by `-` (`"10-4-5"`). */
  readonly code: string;
  /** Weighted mean of r, f and m with the model's weights, 1..bins. */
  readonly score: number;
  /** Id of the named segment (`champions`, ...); its labels and action are in `model.segments`. `other` when a host's own segment list leaves the cell uncovered. */
  readonly segment: string;
}

/** The dimensions in the order of the code. */
export const RFM_DIMENSIONS: readonly RfmDimension[] = ['recency', 'frequency', 'monetary'];
