import type { RfmLanguage } from '../scores/rfm/rfmSegments';

/** How a field is scaled before clustering: z-score (mean, sd), robust (median, IQR), or none. */
export type ClusterScaling = 'zscore' | 'robust' | 'none';

/** One field's transform: optional log1p, then (value − center) / scale. */
export interface FieldTransform {
  readonly field: string;
  readonly log1p: boolean;
  readonly center: number;
  readonly scale: number;
}

/** A fitted clustering: plain JSON, to assign new customers without the population (`assignCluster`). */
export interface ClusterModel {
  readonly kind: 'cluster';
  readonly version: 1;
  readonly scaling: ClusterScaling;
  readonly transforms: readonly FieldTransform[];
  /** Centroids in the transformed space, one per cluster. */
  readonly centroids: readonly (readonly number[])[];
  /** A descriptive name per cluster and language ("high spend, frequent, recent"). */
  readonly names: readonly Readonly<Record<RfmLanguage, string>>[];
  /** Sum of squared distances to the nearest centroid, in the transformed space. */
  readonly inertia: number;
  readonly fittedOn: number;
}
