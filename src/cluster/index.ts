/**
 * `clientele/cluster`: k-means segments people can act on: profiles, names, one-customer
 * assignment, and clusters explained as rules. Kept out of the main entry so that apps which do
 * not cluster never ship the clustering code.
 *
 * @module clientele/cluster
 */
export type { ClusterModel, ClusterScaling, FieldTransform } from './ClusterModel';
export { clusterCustomers, type ClusterOptions, type ClusterProfile, type ClusterResult } from './clusterCustomers';
export { assignCluster } from './assignCluster';
export { explainClusters, type ClusterExplanation, type ClusterRule } from './explainClusters';
export { readClusterModel } from './readClusterModel';
