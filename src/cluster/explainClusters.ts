import { ConfigurationError, quoteValue } from '../errors';
import type { Rule, RuleNode } from '../rules/ast';
import { printRule } from '../rules/print/printRule';
import { RULE_FIELDS } from '../rules/ruleFields';
import { validateRule } from '../rules/validateRule';
import { checkModelKind } from '../scores/readModel';
import { assignCluster } from './assignCluster';
import type { ClusterModel } from './ClusterModel';

/** One cluster as a rule. */
export interface ClusterRule {
  readonly cluster: number;
  readonly name: string;
  /**
   * The rule (an ordinary segment rule: editable, printable, compilable to SQL). `null` when no
   * leaf of the tree predicts the cluster, or when the tree could not split at all (k = 1, or
   * customers that are alike on every field): then there is no condition to write.
   */
  readonly rule: Rule | null;
  readonly text: string | null;
  /** Share of customers on whom the rule (the tree's leaves for this cluster) and k-means agree: in the cluster for both, or for neither. */
  readonly fidelity: number;
  /** Share of the cluster's customers the rule matches (0 when no leaf of the tree is this cluster). */
  readonly recall: number;
  /** Share of the customers the rule matches who are in the cluster; `null` when it matches nobody. */
  readonly precision: number | null;
}

/** What {@link explainClusters} returns. */
export interface ClusterExplanation {
  readonly rules: readonly ClusterRule[];
  /** Share of customers the tree puts in the cluster k-means did. */
  readonly accuracy: number;
  /** Customers left out because a clustered field had no finite value (as `clusterCustomers` leaves them out), or one of -1 or less where the model takes log1p. */
  readonly excluded: number;
}

interface Split {
  readonly field: number;
  readonly threshold: number;
  readonly left: number[];
  readonly right: number[];
}

type Tree = { readonly leaf: number } | { readonly split: Split; readonly below: Tree; readonly above: Tree };

/** Gini impurity of the label counts of a node. */
function gini(counts: Int32Array, total: number): number {
  if (total === 0) return 0;
  let sum = 0;
  for (const count of counts) sum += (count / total) ** 2;
  return 1 - sum;
}

/**
 * The shortest decimal t with low <= t < high, so that `value <= t` splits the neighbouring
 * values `low` and `high` and reads as people would write it: `orders <= 5` rather than 5.5.
 * Of two as short, the one nearer the middle: the split then holds for values between the two.
 */
function niceThreshold(low: number, high: number): number {
  const middle = (low + high) / 2;
  for (let digits = 1; digits <= 17; digits++) {
    for (const candidate of [Number(middle.toPrecision(digits)), Number(low.toPrecision(digits))]) if (candidate >= low && candidate < high) return candidate;
  }
  return low;
}

/** A split whose two sides predict the same cluster says nothing: it becomes that leaf. */
function collapse(node: Tree): Tree {
  if ('leaf' in node) return node;
  const below = collapse(node.below);
  const above = collapse(node.above);
  if ('leaf' in below && 'leaf' in above && below.leaf === above.leaf) return below;
  return { split: node.split, below, above };
}

/** A path's conditions with only the tightest bound per field and side: `x > 3 and x > 5` is `x > 5`. */
function tightest(conditions: readonly { readonly field: string; readonly above: boolean; readonly threshold: number }[]): RuleNode[] {
  const bounds = new Map<string, { lower?: number; upper?: number }>();
  for (const { field, above, threshold } of conditions) {
    const bound = bounds.get(field) ?? {};
    if (above) bound.lower = Math.max(bound.lower ?? -Infinity, threshold);
    else bound.upper = Math.min(bound.upper ?? Infinity, threshold);
    bounds.set(field, bound);
  }
  return [...bounds].flatMap(([field, { lower, upper }]): RuleNode[] => [
    ...(lower === undefined ? [] : [{ kind: 'gt', field, value: lower } as RuleNode]),
    ...(upper === undefined ? [] : [{ kind: 'lte', field, value: upper } as RuleNode]),
  ]);
}

/**
 * Explains a clustering with a shallow decision tree (CART with Gini impurity, our own: a few
 * dozen lines for the depths that stay readable) that predicts each customer's cluster from the
 * clustered features in their own units. Each cluster becomes a rule in the segment language (the
 * tree's paths to the leaves that predict it), with its fidelity: the share of customers on whom
 * the rule and k-means agree. The rules are ordinary segments from then on.
 *
 * @param model - From `clusterCustomers`.
 * @param features - The customers to grow the tree on (usually those clustered).
 * @param options - `maxDepth` (1 to 6, default 3).
 * @returns One rule per cluster, the tree's accuracy, and how many customers were left out for a missing field.
 * @throws {ConfigurationError} for a bad depth or no customer with every field.
 *
 * @example
 * ```ts
 * import { clusterCustomers, explainClusters } from 'clientele/cluster';
 * const customer = (customerId: string, daysSinceLastPurchase: number, orders: number, monetaryTotal: number) => ({ customerId, daysSinceLastPurchase, orders, monetaryTotal });
 * const customers = [customer('a', 3, 20, 2000), customer('b', 5, 18, 1800), customer('c', 300, 1, 20), customer('d', 280, 1, 35)];
 * const { model } = clusterCustomers(customers, { k: 2, seed: 7 });
 * const { rules, accuracy } = explainClusters(model, customers, { maxDepth: 1 });
 * accuracy; // => 1
 * rules.map((entry) => entry.text).sort(); // => ['daysSinceLastPurchase <= 100', 'daysSinceLastPurchase > 100']
 * ```
 * @category Clustering
 */
export function explainClusters(model: ClusterModel, features: readonly object[], options: { readonly maxDepth?: number } = {}): ClusterExplanation {
  checkModelKind('explainClusters', model, 'cluster');
  if (!Array.isArray(features)) throw new ConfigurationError('invalid_option', `explainClusters expects an array of customer features, received ${quoteValue(features)}`);
  features.forEach((row, index) => {
    if (typeof row !== 'object' || row === null) throw new ConfigurationError('invalid_option', `explainClusters expects each customer to be an object of features, received ${quoteValue(row)} at index ${index}`, [index]);
  });
  const maxDepth = options.maxDepth ?? 3;
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 6) throw new ConfigurationError('invalid_option', `explainClusters expects \`maxDepth\` to be a whole number from 1 to 6, received ${quoteValue(maxDepth)}`, ['maxDepth']);
  // Dates cannot be split on as numbers in the rule language; the other fields can.
  const fields = model.transforms.map((transform) => transform.field).filter((field) => RULE_FIELDS[field]?.type === 'number');
  // Customers the model can place: a finite value in every field, above -1 where it takes log1p.
  const rows = features.filter((row) =>
    model.transforms.every((transform) => {
      const value = (row as Record<string, unknown>)[transform.field];
      return typeof value === 'number' && Number.isFinite(value) && (!transform.log1p || value > -1);
    }),
  );
  if (rows.length === 0) throw new ConfigurationError('invalid_option', `explainClusters needs customers with a finite value in every clustered field (${model.transforms.map((transform) => transform.field).join(', ')}); none of the ${features.length} given has`, []);
  const k = model.centroids.length;
  const labels = rows.map((row) => assignCluster(model, row).cluster);
  const values = fields.map((field) => Float64Array.from(rows, (row) => (row as Record<string, number>)[field] as number));
  const minLeaf = Math.max(1, Math.floor(rows.length * 0.01));

  const majority = (indices: readonly number[]): number => {
    const counts = new Int32Array(k);
    for (const index of indices) counts[labels[index] as number] = (counts[labels[index] as number] as number) + 1;
    let best = 0;
    for (let c = 1; c < k; c++) if ((counts[c] as number) > (counts[best] as number)) best = c;
    return best;
  };

  const bestSplit = (indices: readonly number[]): Split | null => {
    const total = indices.length;
    const all = new Int32Array(k);
    for (const index of indices) all[labels[index] as number] = (all[labels[index] as number] as number) + 1;
    const parent = gini(all, total);
    type Candidate = { gain: number; field: number; position: number; sorted: number[]; threshold: number };
    let best = null as Candidate | null;
    fields.forEach((_, j) => {
      const column = values[j] as Float64Array;
      const sorted = [...indices].sort((a, b) => (column[a] as number) - (column[b] as number));
      const left = new Int32Array(k);
      const right = Int32Array.from(all);
      for (let position = 0; position < total - 1; position++) {
        const label = labels[sorted[position] as number] as number;
        left[label] = (left[label] as number) + 1;
        right[label] = (right[label] as number) - 1;
        const here = column[sorted[position] as number] as number;
        const next = column[sorted[position + 1] as number] as number;
        if (here === next || position + 1 < minLeaf || total - position - 1 < minLeaf) continue;
        const gain = parent - ((position + 1) / total) * gini(left, position + 1) - ((total - position - 1) / total) * gini(right, total - position - 1);
        if (gain > 1e-12 && (best === null || gain > best.gain)) best = { gain, field: j, position, sorted, threshold: niceThreshold(here, next) };
      }
    });
    const found = best as Candidate | null;
    if (found === null) return null;
    const { field, position, sorted, threshold } = found;
    return { field, threshold, left: sorted.slice(0, position + 1), right: sorted.slice(position + 1) };
  };

  const grow = (indices: readonly number[], depth: number): Tree => {
    const label = majority(indices);
    if (depth === maxDepth || indices.every((index) => labels[index] === label)) return { leaf: label };
    const split = bestSplit(indices);
    if (split === null) return { leaf: label };
    return { split, below: grow(split.left, depth + 1), above: grow(split.right, depth + 1) };
  };
  const tree = collapse(grow(rows.map((_, index) => index), 0));

  // Paths to each leaf, as conditions.
  type Step = { readonly field: string; readonly above: boolean; readonly threshold: number };
  const paths: { label: number; conditions: RuleNode[] }[] = [];
  const walk = (node: Tree, steps: Step[]): void => {
    if ('leaf' in node) {
      paths.push({ label: node.leaf, conditions: tightest(steps) });
      return;
    }
    const field = fields[node.split.field] as string;
    walk(node.below, [...steps, { field, above: false, threshold: node.split.threshold }]);
    walk(node.above, [...steps, { field, above: true, threshold: node.split.threshold }]);
  };
  walk(tree, []);
  let correct = 0;
  const predict = (row: object): number => {
    let node = tree;
    while (!('leaf' in node)) node = ((row as Record<string, number>)[fields[node.split.field] as string] as number) <= node.split.threshold ? node.below : node.above;
    return node.leaf;
  };
  rows.forEach((row, index) => {
    if (predict(row) === labels[index]) correct += 1;
  });

  const predicted = rows.map(predict);
  const rules = Array.from({ length: k }, (_, cluster): ClusterRule => {
    const name = (model.names[cluster] as { en: string }).en;
    // Fidelity: on how many customers "the tree says this cluster" and "k-means says this cluster" agree.
    let both = 0;
    let ruleOnly = 0;
    let clusterOnly = 0;
    predicted.forEach((label, index) => {
      const inRule = label === cluster;
      const inCluster = labels[index] === cluster;
      if (inRule && inCluster) both++;
      else if (inRule) ruleOnly++;
      else if (inCluster) clusterOnly++;
    });
    const fidelity = (rows.length - ruleOnly - clusterOnly) / rows.length;
    const recall = both + clusterOnly === 0 ? 0 : both / (both + clusterOnly);
    const precision = both + ruleOnly === 0 ? null : both / (both + ruleOnly);
    const own = paths.filter((path) => path.label === cluster);
    // No leaf of its own, or a tree without a split (one cluster, or customers alike on every field): no condition to write.
    if (own.length === 0 || own.some((path) => path.conditions.length === 0)) return { cluster, name, rule: null, text: null, fidelity, recall, precision };
    const branches: RuleNode[] = own.map((path) => (path.conditions.length === 1 ? (path.conditions[0] as RuleNode) : { kind: 'and', rules: path.conditions }));
    const checked = validateRule({ $v: 1, rule: branches.length === 1 ? branches[0] : { kind: 'or', rules: branches } });
    if (!checked.ok) throw new ConfigurationError('invalid_option', `explainClusters built an invalid rule: ${checked.issues[0]?.message ?? ''}`, []);
    return { cluster, name, rule: checked.rule, text: printRule(checked.rule), fidelity, recall, precision };
  });
  return { rules, accuracy: correct / rows.length, excluded: features.length - rows.length };
}
