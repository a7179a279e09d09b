import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, ModelError, ValidationError, compileRule, printRule, toSql } from 'clientele';
import { assignCluster, clusterCustomers, explainClusters, readClusterModel } from 'clientele/cluster';
import { nameClusters } from '../../src/cluster/nameClusters';
import { createRandom } from '../../src/internal/createRandom';

/** Adjusted Rand index (Hubert & Arabie 1985) of two labelings. */
function adjustedRand(a: readonly number[], b: readonly number[]): number {
  const pairs = (n: number): number => (n * (n - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const columns = new Map<number, number>();
  a.forEach((x, i) => {
    const y = b[i] as number;
    table.set(`${x} ${y}`, (table.get(`${x} ${y}`) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    columns.set(y, (columns.get(y) ?? 0) + 1);
  });
  const index = [...table.values()].reduce((sum, n) => sum + pairs(n), 0);
  const rowSum = [...rows.values()].reduce((sum, n) => sum + pairs(n), 0);
  const columnSum = [...columns.values()].reduce((sum, n) => sum + pairs(n), 0);
  const expected = (rowSum * columnSum) / pairs(a.length);
  return (index - expected) / ((rowSum + columnSum) / 2 - expected);
}

/** Three planted groups of customers (loyal big spenders, occasional, lapsed), with seeded noise. */
function planted(perGroup: number, seed: string): { customers: { customerId: string; daysSinceLastPurchase: number; orders: number; monetaryTotal: number; averageOrderValue: number }[]; truth: number[] } {
  const random = createRandom(seed);
  const jitter = (value: number, spread: number): number => Math.max(0, value * (1 + spread * (random() * 2 - 1)));
  const groups = [
    { recency: 7, orders: 25, spend: 3000 },
    { recency: 45, orders: 5, spend: 300 },
    { recency: 400, orders: 1, spend: 40 },
  ];
  const customers: ReturnType<typeof planted>['customers'] = [];
  const truth: number[] = [];
  groups.forEach((group, label) => {
    for (let i = 0; i < perGroup; i++) {
      const orders = Math.max(1, Math.round(jitter(group.orders, 0.3)));
      const monetaryTotal = jitter(group.spend, 0.3);
      customers.push({ customerId: `g${label}-${i}`, daysSinceLastPurchase: Math.round(jitter(group.recency, 0.3)), orders, monetaryTotal, averageOrderValue: monetaryTotal / orders });
      truth.push(label);
    }
  });
  return { customers, truth };
}

describe('clusterCustomers', () => {
  const { customers, truth } = planted(300, 'planted');

  it('recovers planted clusters (adjusted Rand index at least 0.9) and names them from their differences', () => {
    const result = clusterCustomers(customers, { k: 3, seed: 1 });
    const found = result.assignments.map((entry) => entry.cluster);
    expect(adjustedRand(truth, found)).toBeGreaterThanOrEqual(0.9);
    const names = result.profiles.map((profile) => profile.name);
    expect(names.some((name) => name.includes('high spend') && name.includes('recent'))).toBe(true);
    expect(names.some((name) => name.includes('lapsed'))).toBe(true);
    expect(result.profiles.reduce((sum, profile) => sum + profile.customers, 0)).toBe(900);
    expect(result.profiles.reduce((sum, profile) => sum + (profile.revenueShare as number), 0)).toBeCloseTo(1, 12);
    expect(result.model.names[0]?.zh.length).toBeGreaterThan(0);
  });

  it('gives every cluster its own name, with "very" for centroids far from everyone and a number when words run out', () => {
    for (const k of [2, 4, 6, 8]) {
      const { model } = clusterCustomers(customers, { k, seed: 3 });
      for (const language of ['en', 'zh', 'es'] as const) expect(new Set(model.names.map((name) => name[language])).size).toBe(k);
    }
    // Clusters that the same words describe are numbered.
    expect(nameClusters(['orders', 'refundRate'], [[0.1, 0], [0.2, -0.1], [2, 0.6], [-0.7, 1.6]]).map((name) => name.en)).toEqual(['typical', 'typical (2)', 'very frequent, many refunds', 'very many refunds, infrequent']);
    expect(nameClusters(['orders'], [[0], [0.3]])[1]).toEqual({ en: 'typical (2)', zh: '普通（2）', es: 'típico (2)' });
  });

  it('never gets worse with more restarts, whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 4 }), (seed, k, restarts) => {
        const fewer = clusterCustomers(customers.slice(0, 120), { k, seed, restarts }).model.inertia;
        expect(clusterCustomers(customers.slice(0, 120), { k, seed, restarts: restarts + 1 }).model.inertia).toBeLessThanOrEqual(fewer);
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic for a seed, and restarts never make the result worse', () => {
    const once = clusterCustomers(customers, { k: 4, seed: 5, restarts: 1 });
    const again = clusterCustomers(customers, { k: 4, seed: 5, restarts: 1 });
    expect(again.assignments).toEqual(once.assignments);
    expect(clusterCustomers(customers, { k: 4, seed: 5, restarts: 6 }).model.inertia).toBeLessThanOrEqual(once.model.inertia);
  });

  it('chooses k by the silhouette over a range, and reports each k', () => {
    const result = clusterCustomers(customers, { kRange: [2, 6], seed: 1 });
    expect(result.kSelection?.map((entry) => entry.k)).toEqual([2, 3, 4, 5, 6]);
    expect(result.model.centroids).toHaveLength(3);
    const inertias = result.kSelection?.map((entry) => entry.inertia) as number[];
    expect(inertias[4] as number).toBeLessThan(inertias[0] as number);
  });

  it('places one new customer as the batch did, from the stored model alone', () => {
    const result = clusterCustomers(customers, { k: 3, seed: 1, fields: ['daysSinceLastPurchase', 'orders', 'monetaryTotal', 'averageOrderValue'] });
    const stored = JSON.parse(JSON.stringify(result.model)) as typeof result.model;
    result.assignments.forEach((entry, index) => expect(assignCluster(stored, customers[index] as object).cluster).toBe(entry.cluster));
  });

  it('explains the clusters as rules that agree with k-means on at least 90 % of customers', () => {
    const result = clusterCustomers(customers, { k: 3, seed: 1 });
    const explanation = explainClusters(result.model, customers, { maxDepth: 3 });
    expect(explanation.accuracy).toBeGreaterThanOrEqual(0.9);
    for (const rule of explanation.rules) {
      expect(rule.fidelity).toBeGreaterThanOrEqual(0.9);
      expect(rule.recall).toBeGreaterThanOrEqual(0.9);
      expect(rule.precision).toBeGreaterThanOrEqual(0.9);
      expect(rule.rule).not.toBeNull();
      // The rules are ordinary segments: compiled, they select the cluster's customers.
      const matches = compileRule(rule.rule as NonNullable<typeof rule.rule>);
      const agree = customers.filter((customer, index) => matches(customer) === (result.assignments[index]?.cluster === rule.cluster)).length;
      expect(agree / customers.length).toBeCloseTo(rule.fidelity, 12);
      const members = result.assignments.filter((entry) => entry.cluster === rule.cluster).length;
      const caught = customers.filter((customer, index) => matches(customer) && result.assignments[index]?.cluster === rule.cluster).length;
      expect(caught / members).toBeCloseTo(rule.recall, 12);
      expect(caught / customers.filter((customer) => matches(customer)).length).toBeCloseTo(rule.precision as number, 12);
    }
  });

  it('handles the edge cases: missing values excluded and counted, a constant field, one customer, too few distinct customers', () => {
    const withGaps = [...customers.slice(0, 50), { customerId: 'x', daysSinceLastPurchase: null, orders: 0, monetaryTotal: 0 }, { customerId: 'y', daysSinceLastPurchase: Number.NaN, orders: 1, monetaryTotal: 5 }];
    expect(clusterCustomers(withGaps, { k: 2 }).excluded).toBe(2);
    const constant = customers.slice(0, 60).map((customer) => ({ ...customer, orders: 3 }));
    expect(clusterCustomers(constant, { k: 3 }).model.transforms.find((transform) => transform.field === 'orders')?.scale).toBe(1);
    expect(clusterCustomers(customers.slice(0, 1), { k: 1 }).profiles[0]?.customers).toBe(1);
    expect(() => clusterCustomers(customers.slice(0, 2), { k: 3 })).toThrow(ModelError);
    const same = Array.from({ length: 10 }, (_, i) => ({ customerId: `s${i}`, daysSinceLastPurchase: 5, orders: 2, monetaryTotal: 10 }));
    expect(() => clusterCustomers(same, { k: 2 })).toThrow(/at least 2 distinct customers/);
  });

  it('refuses unknown fields and bad options', () => {
    expect(() => clusterCustomers(customers, { fields: ['monetry'] })).toThrow(ConfigurationError);
    expect(() => clusterCustomers(customers, { k: 0 })).toThrow(ConfigurationError);
    expect(() => clusterCustomers(customers, { k: 3, kRange: [2, 4] })).toThrow(ConfigurationError);
    expect(() => clusterCustomers(customers, { scaling: 'minmax' as 'zscore' })).toThrow(ConfigurationError);
    expect(() => explainClusters(clusterCustomers(customers, { k: 2 }).model, customers, { maxDepth: 9 })).toThrow(ConfigurationError);
  });

  it('refuses bad customers lists, duplicate fields and log1p where values reach -1', () => {
    expect(() => clusterCustomers('customers' as unknown as object[])).toThrow(ConfigurationError);
    expect(() => clusterCustomers([...customers.slice(0, 5), null as unknown as object])).toThrow(/at index 5/);
    expect(() => clusterCustomers(customers, { fields: ['orders', 'orders'] })).toThrow(/twice/);
    expect(() => clusterCustomers(customers, { fields: ['__proto__'] })).toThrow(ConfigurationError);
    expect(() => clusterCustomers(customers, { log1p: 'yes' as 'auto' })).toThrow(ConfigurationError);
    const refunds = customers.slice(0, 30).map((customer, index) => ({ ...customer, monetaryTotal: index === 0 ? -50 : customer.monetaryTotal }));
    expect(() => clusterCustomers(refunds, { k: 2, log1p: ['monetaryTotal'] })).toThrow(/log1p of "monetaryTotal"/);
    // With 'auto', a field with negative values is simply not logged.
    expect(clusterCustomers(refunds, { k: 2 }).model.transforms.find((transform) => transform.field === 'monetaryTotal')?.log1p).toBe(false);
    expect(() => clusterCustomers([], { k: 2 })).toThrow(ModelError);
    expect(() => explainClusters({ kind: 'rfm', version: 1 } as never, customers)).toThrow(ModelError);
    expect(() => explainClusters(clusterCustomers(customers, { k: 2 }).model, [1] as unknown as object[])).toThrow(/at index 0/);
    const { model } = clusterCustomers(customers, { k: 2 });
    expect(() => assignCluster(model, { daysSinceLastPurchase: 3, orders: Number.NaN, monetaryTotal: 10 })).toThrow(ValidationError);
    expect(() => assignCluster(model, null as unknown as object)).toThrow(ValidationError);
    // A net refund on a field the model takes log1p of cannot be placed: an error, not cluster 0 by default.
    expect(() => assignCluster(model, { daysSinceLastPurchase: 300, orders: 1, monetaryTotal: -50 })).toThrow(/above -1/);
    expect(explainClusters(model, [...customers, { customerId: 'r', daysSinceLastPurchase: 300, orders: 1, monetaryTotal: -50 }]).excluded).toBe(1);
    expect(() => clusterCustomers(customers, { kRange: 5 as unknown as [number, number] })).toThrow(ConfigurationError);
    expect(() => clusterCustomers(customers, { kRange: [2, 3, 4] as unknown as [number, number] })).toThrow(/\[min, max\]/);
    expect(() => clusterCustomers([{ daysSinceLastPurchase: 3, orders: 2, monetaryTotal: 10 }], { k: 1 })).toThrow(/customerId/);
    expect(() => clusterCustomers([customers[0] as object, customers[0] as object], { k: 1 })).toThrow(/twice/);
    // explainClusters leaves out, and counts, customers without every field, as clusterCustomers does.
    const gaps = [...customers, { customerId: 'p', daysSinceLastPurchase: null, orders: 0, monetaryTotal: 0 }];
    expect(explainClusters(model, gaps).excluded).toBe(1);
    expect(() => explainClusters(model, [{ customerId: 'p' }])).toThrow(/none of the 1 given/);
  });

  it('reads a stored model back and refuses a tampered one, naming the field', () => {
    const { model } = clusterCustomers(customers, { k: 3, seed: 1 });
    const stored = JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
    expect(readClusterModel(stored)).toEqual(model);
    expect(() => readClusterModel({ ...stored, centroids: [[1, 2, 3], [1, 2], [1, 2, 3]] })).toThrow(/at centroids.1: expected one coordinate per field/);
    expect(() => readClusterModel({ ...stored, names: [] })).toThrow(/names/);
    expect(() => readClusterModel({ ...stored, transforms: [{ field: 'orders', log1p: true, center: 0, scale: 0 }] })).toThrow(ModelError);
    expect(() => readClusterModel({ ...stored, kind: 'rfm' })).toThrow(/kind "cluster"/);
    expect(() => readClusterModel(JSON.parse('{"__proto__": {"kind": "cluster"}}'))).toThrow(ModelError);
  });

  it('writes rules as a person would: whole-number thresholds on counts, one bound per field and side in each branch', () => {
    const explanation = explainClusters(clusterCustomers(customers, { k: 4, seed: 2 }).model, customers, { maxDepth: 4 });
    const branches = explanation.rules.flatMap((entry) => {
      const node = (entry.rule as NonNullable<typeof entry.rule>).rule;
      return node.kind === 'or' ? node.rules : [node];
    });
    expect(branches.length).toBeGreaterThan(3);
    for (const branch of branches) {
      const conditions = (branch.kind === 'and' ? branch.rules : [branch]) as { kind: string; field: string; value: number }[];
      const sides = conditions.map((condition) => `${condition.field} ${condition.kind}`);
      expect(new Set(sides).size).toBe(sides.length);
      for (const condition of conditions) if (condition.field === 'orders' || condition.field === 'daysSinceLastPurchase') expect(Number.isInteger(condition.value)).toBe(true);
    }
  });

  it('explains one cluster without a rule (no split is possible), and the rules print and compile to SQL', () => {
    const one = clusterCustomers(customers, { k: 1 });
    const explanation = explainClusters(one.model, customers);
    expect(explanation.accuracy).toBe(1);
    expect(explanation.rules).toEqual([{ cluster: 0, name: one.model.names[0]?.en, rule: null, text: null, fidelity: 1, recall: 1, precision: 1 }]);
    const three = explainClusters(clusterCustomers(customers, { k: 3, seed: 1 }).model, customers, { maxDepth: 2 });
    for (const entry of three.rules) {
      const rule = entry.rule as NonNullable<typeof entry.rule>;
      expect(printRule(rule)).toBe(entry.text);
      const sql = toSql(rule, { dialect: 'postgres' });
      expect(sql.sql).toMatch(/\$1/);
    }
  });
});
