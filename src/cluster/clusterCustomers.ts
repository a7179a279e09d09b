import { ConfigurationError, ModelError, quoteValue } from '../errors';
import { FEATURE_CATALOGUE, isNumericFeature } from '../features/featureCatalogue';
import { createRandom } from '../internal/createRandom';
import { deepFreeze } from '../internal/deepFreeze';
import { quantilesOf } from '../internal/quantilesOf';
import type { ClusterModel, ClusterScaling, FieldTransform } from './ClusterModel';
import { kMeans, type KMeansRun } from './kMeans';
import { nameClusters } from './nameClusters';
import { silhouetteOf } from './silhouetteOf';
import { fitTransforms, transformValue, untransformValue } from './transformFields';

/** Options of {@link clusterCustomers}. */
export interface ClusterOptions {
  /** Numeric features to cluster on. Default recency, frequency and monetary value: `daysSinceLastPurchase`, `orders`, `monetaryTotal`. */
  readonly fields?: readonly string[];
  /** The number of clusters; or give `kRange`. */
  readonly k?: number;
  /** Choose k in [min, max] by the mean silhouette (on a seeded sample of at most 2,000 customers). */
  readonly kRange?: readonly [number, number];
  /** Scaling after the log: `zscore` (default), `robust` (median and IQR) or `none`. */
  readonly scaling?: ClusterScaling;
  /** Fields to take log1p of first: `auto` (default: money, counts and days that are never negative) or a list. */
  readonly log1p?: 'auto' | readonly string[];
  /** Seed of the k-means++ starts: the same seed gives the same clusters. Default 1. */
  readonly seed?: number;
  /** k-means runs from different starts; the one with the least inertia is kept. Default 3. */
  readonly restarts?: number;
}

/** One cluster in the features' own units. */
export interface ClusterProfile {
  readonly cluster: number;
  readonly name: string;
  readonly customers: number;
  /** Share of the clustered customers. */
  readonly share: number;
  /** Share of net spend (monetaryTotal), when it is defined for the clustered customers. */
  readonly revenueShare: number | null;
  /** The centroid, back in each field's units. */
  readonly centroid: Readonly<Record<string, number>>;
  /** The median of each field among the cluster's customers. */
  readonly medians: Readonly<Record<string, number>>;
}

/** What {@link clusterCustomers} returns. */
export interface ClusterResult {
  readonly model: ClusterModel;
  /** The cluster of each clustered customer, in input order. */
  readonly assignments: readonly { readonly customerId: string; readonly cluster: number }[];
  readonly profiles: readonly ClusterProfile[];
  /** With `kRange`: each k tried, with its silhouette and inertia (for an elbow chart). */
  readonly kSelection: readonly { readonly k: number; readonly silhouette: number; readonly inertia: number }[] | null;
  /** Customers left out because a field had no finite value (prospects have no recency). */
  readonly excluded: number;
  /** False when k-means stopped at its limit of 300 iterations before the clusters settled. */
  readonly converged: boolean;
}

const DEFAULT_FIELDS = ['daysSinceLastPurchase', 'orders', 'monetaryTotal'] as const;
const SILHOUETTE_SAMPLE = 2000;
const MAX_ITERATIONS = 300;

function invalid(message: string, path: (string | number)[]): ConfigurationError {
  return new ConfigurationError('invalid_option', `clusterCustomers ${message}`, path);
}

/**
 * Segments customers by k-means (Lloyd's, from greedy k-means++ starts) on chosen features, with the
 * transforms customer data needs (log1p for skewed money and counts, then z-score or robust
 * scaling), and turns the clusters into something people can act on: profiles in the features'
 * own units, and a name per cluster from how it differs from everyone ("high spend, frequent,
 * recent") in English, Chinese and Spanish. Deterministic for a seed; several restarts keep the
 * best (least inertia), so restarts never make the result worse. With `kRange`, k is chosen by
 * the mean silhouette. The fitted model is plain JSON: `assignCluster` places a new customer,
 * and `explainClusters` turns the clusters into rules.
 *
 * @param features - Customer features.
 * @param options - `fields`, `k` or `kRange`, `scaling`, `log1p`, `seed`, `restarts`.
 * @returns The model, each customer's cluster, profiles, the k selection and the excluded count.
 * @throws {ConfigurationError} `invalid_option` for unknown fields or bad options.
 * @throws {ModelError} `insufficient_data` when there are fewer distinct customers than clusters.
 *
 * @example
 * ```ts
 * import { clusterCustomers } from 'clientele/cluster';
 * const customer = (customerId: string, daysSinceLastPurchase: number, orders: number, monetaryTotal: number) => ({ customerId, daysSinceLastPurchase, orders, monetaryTotal });
 * const { profiles } = clusterCustomers(
 *   [customer('a', 3, 20, 2000), customer('b', 5, 18, 1800), customer('c', 300, 1, 20), customer('d', 280, 1, 35), customer('e', 4, 22, 2500), customer('f', 320, 2, 30)],
 *   { k: 2, seed: 7 },
 * );
 * profiles.map((profile) => `${profile.customers}: ${profile.name}`).sort(); // => ['3: lapsed, low spend, infrequent', '3: recent, high spend, frequent']
 * ```
 * @category Clustering
 */
export function clusterCustomers(features: readonly object[], options: ClusterOptions = {}): ClusterResult {
  if (typeof options !== 'object' || options === null) throw invalid(`expects options to be an object, received ${quoteValue(options)}`, []);
  if (!Array.isArray(features)) throw invalid(`expects an array of customer features, received ${quoteValue(features)}`, []);
  const fields = options.fields ?? DEFAULT_FIELDS;
  if (!Array.isArray(fields) || fields.length === 0) throw invalid(`expects \`fields\` to be a non-empty list of numeric features, received ${quoteValue(fields)}`, ['fields']);
  fields.forEach((field, index) => {
    if (!isNumericFeature(field)) throw invalid(`expects \`fields\` to name numeric features such as "monetaryTotal", received ${quoteValue(field)}`, ['fields', index]);
    if (fields.indexOf(field) !== index) throw invalid(`lists "${field}" twice in \`fields\``, ['fields', index]);
  });
  if (options.log1p !== undefined && options.log1p !== 'auto' && !Array.isArray(options.log1p)) throw invalid(`expects \`log1p\` to be "auto" or a list of fields, received ${quoteValue(options.log1p)}`, ['log1p']);
  const scaling = options.scaling ?? 'zscore';
  if (scaling !== 'zscore' && scaling !== 'robust' && scaling !== 'none') throw invalid(`expects \`scaling\` to be "zscore", "robust" or "none", received ${quoteValue(scaling)}`, ['scaling']);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw invalid(`expects \`seed\` to be a whole number, received ${quoteValue(seed)}`, ['seed']);
  const restarts = options.restarts ?? 3;
  if (!Number.isInteger(restarts) || restarts < 1 || restarts > 100) throw invalid(`expects \`restarts\` to be a whole number from 1 to 100, received ${quoteValue(restarts)}`, ['restarts']);
  let ks: number[];
  if (options.k !== undefined && options.kRange !== undefined) throw invalid('takes `k` or `kRange`, not both', ['k']);
  if (options.kRange !== undefined) {
    if (!Array.isArray(options.kRange) || options.kRange.length !== 2) throw invalid(`expects \`kRange\` to be [min, max], received ${quoteValue(options.kRange)}`, ['kRange']);
    const [low, high] = options.kRange;
    if (!Number.isInteger(low) || !Number.isInteger(high) || low < 2 || high < low || high > 50) throw invalid(`expects \`kRange\` to be [min, max] with 2 <= min <= max <= 50, received ${quoteValue(options.kRange)}`, ['kRange']);
    ks = Array.from({ length: high - low + 1 }, (_, index) => low + index);
  } else {
    const k = options.k ?? 4;
    if (!Number.isInteger(k) || k < 1 || k > 50) throw invalid(`expects \`k\` to be a whole number from 1 to 50, received ${quoteValue(k)}`, ['k']);
    ks = [k];
  }

  // Rows with a finite value in every field.
  const rows: object[] = [];
  const seen = new Set<string>();
  features.forEach((customer, index) => {
    if (typeof customer !== 'object' || customer === null) throw invalid(`expects each customer to be an object of features, received ${quoteValue(customer)} at index ${index}`, [index]);
    if (typeof (customer as { customerId?: unknown }).customerId !== 'string') throw invalid(`expects each customer to have a string customerId (as summarize gives), received ${quoteValue((customer as { customerId?: unknown }).customerId)} at index ${index}`, [index, 'customerId']);
    const { customerId } = customer as { customerId: string };
    if (seen.has(customerId)) throw invalid(`found customer ${quoteValue(customerId)} twice (at index ${index}): each customer is one row of features`, [index, 'customerId']);
    seen.add(customerId);
    if (fields.every((field) => Number.isFinite((customer as Record<string, unknown>)[field]))) rows.push(customer);
  });
  const columns = fields.map((field) => Float64Array.from(rows, (row) => (row as Record<string, number>)[field] as number));
  const log1pFields = new Set(
    options.log1p === undefined || options.log1p === 'auto'
      ? fields.filter((field, index) => {
          const unit = FEATURE_CATALOGUE[field as keyof typeof FEATURE_CATALOGUE].unit;
          return (unit === 'money' || unit === 'count' || unit === 'days') && (columns[index] as Float64Array).every((value) => value >= 0);
        })
      : options.log1p,
  );
  for (const field of log1pFields) {
    if (!fields.includes(field)) throw invalid(`expects \`log1p\` to list some of the fields, received ${quoteValue(field)}`, ['log1p']);
    const column = columns[fields.indexOf(field)] as Float64Array;
    if (column.some((value) => value <= -1)) throw invalid(`cannot take log1p of "${field}": it has values of -1 or less (refunds exceeding purchases?); leave it out of \`log1p\``, ['log1p']);
  }
  const transforms = fitTransforms(fields, columns, scaling, log1pFields);
  const dimensions = fields.length;
  const points = new Float64Array(rows.length * dimensions);
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < dimensions; j++) points[i * dimensions + j] = transformValue(transforms[j] as FieldTransform, (columns[j] as Float64Array)[i] as number);
  const largest = Math.max(...ks);
  const distinct = countDistinct(points, dimensions, largest);
  if (distinct < largest) {
    throw new ModelError('insufficient_data', `clusterCustomers needs at least ${largest} distinct customers for ${largest} clusters, received ${distinct} (of ${rows.length} with every field)`, 'cluster');
  }

  const best = (k: number): KMeansRun => {
    let chosen: KMeansRun | undefined;
    for (let restart = 0; restart < restarts; restart++) {
      const run = kMeans(points, dimensions, k, createRandom(`k-means ${seed} ${k} ${restart}`), MAX_ITERATIONS);
      if (chosen === undefined || run.inertia < chosen.inertia) chosen = run;
    }
    return chosen as KMeansRun;
  };

  let selection: { k: number; silhouette: number; inertia: number }[] | null = null;
  let fitted = best(ks[0] as number);
  if (ks.length > 1) {
    // The silhouette is quadratic in the customers: it is taken on a seeded sample.
    const sample = sampleIndices(rows.length, SILHOUETTE_SAMPLE, createRandom(`silhouette ${seed}`));
    const samplePoints = sample.map((index) => Array.from(points.subarray(index * dimensions, (index + 1) * dimensions)));
    selection = [];
    let bestScore = -Infinity;
    for (const k of ks) {
      const run = k === fitted.centroids.length / dimensions ? fitted : best(k);
      const silhouette = silhouetteOf(samplePoints, sample.map((index) => run.labels[index] as number), k);
      selection.push({ k, silhouette, inertia: run.inertia });
      if (silhouette > bestScore) {
        bestScore = silhouette;
        fitted = run;
      }
    }
  }

  const k = fitted.centroids.length / dimensions;
  const centroids = Array.from({ length: k }, (_, cluster) => Array.from(fitted.centroids.subarray(cluster * dimensions, (cluster + 1) * dimensions)));
  // How each centroid stands against everyone, in standard deviations of the transformed values.
  const spread = transforms.map((_, j) => {
    let mean = 0;
    for (let i = 0; i < rows.length; i++) mean += points[i * dimensions + j] as number;
    mean /= rows.length;
    let squares = 0;
    for (let i = 0; i < rows.length; i++) squares += ((points[i * dimensions + j] as number) - mean) ** 2;
    return { mean, sd: Math.sqrt(squares / Math.max(1, rows.length - 1)) || 1 };
  });
  const names = nameClusters(fields, centroids.map((centroid) => centroid.map((value, j) => (value - (spread[j] as { mean: number }).mean) / (spread[j] as { sd: number }).sd)));
  const model: ClusterModel = deepFreeze({ kind: 'cluster', version: 1, scaling, transforms, centroids, names, inertia: fitted.inertia, fittedOn: rows.length });

  const members: number[][] = Array.from({ length: k }, () => []);
  fitted.labels.forEach((label, index) => (members[label] as number[]).push(index));
  const money = rows.every((row) => Number.isFinite((row as { monetaryTotal?: unknown }).monetaryTotal)) ? Float64Array.from(rows, (row) => (row as { monetaryTotal: number }).monetaryTotal) : null;
  const revenue = money === null ? 0 : money.reduce((sum, value) => sum + value, 0);
  const profiles: ClusterProfile[] = members.map((indices, cluster) => ({
    cluster,
    name: (names[cluster] as { en: string }).en,
    customers: indices.length,
    share: indices.length / rows.length,
    revenueShare: money !== null && revenue !== 0 ? indices.reduce((sum, index) => sum + (money[index] as number), 0) / revenue : null,
    centroid: Object.fromEntries(transforms.map((transform, j) => [transform.field, untransformValue(transform, (centroids[cluster] as number[])[j] as number)])),
    medians: Object.fromEntries(fields.map((field, j) => [field, quantilesOf(Float64Array.from(indices, (index) => (columns[j] as Float64Array)[index] as number), [0.5])[0] as number])),
  }));
  return {
    model,
    assignments: rows.map((row, index) => ({ customerId: (row as { customerId: string }).customerId, cluster: fitted.labels[index] as number })),
    profiles,
    kSelection: selection,
    excluded: features.length - rows.length,
    converged: fitted.converged,
  };
}

/** The number of distinct points, counting no further than `enough`. */
function countDistinct(points: Float64Array, dimensions: number, enough: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < points.length / dimensions && seen.size < enough; i++) seen.add(points.subarray(i * dimensions, (i + 1) * dimensions).join(','));
  return seen.size;
}

/** `size` indices from 0 to n − 1 without repetition (all of them when n ≤ size), by a seeded partial shuffle. */
function sampleIndices(n: number, size: number, random: () => number): number[] {
  const indices = Array.from({ length: n }, (_, index) => index);
  if (n <= size) return indices;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
  }
  return indices.slice(0, size);
}
