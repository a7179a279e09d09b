import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { assignSegments, defineSegments, featuresSql, parseTransactions, segmentsSql, summarize } from '../src/index';
import type { Scenario } from './harness';
import { benchmarkSample } from './sampleData';

/**
 * The warehouse path against the in-process one on the benchmark sample (about 1.28 million
 * transaction rows): DuckDB running featuresSql and segmentsSql over a table, versus summarize
 * and assignSegments. The rows go into DuckDB through a CSV file before timing starts.
 */
export async function scenarios(): Promise<Scenario[]> {
  const sample = benchmarkSample();
  const records = parseTransactions(sample.transactions).records;
  const folder = mkdtempSync(join(tmpdir(), 'clientele-bench-'));
  const csv = join(folder, 'sales.csv');
  writeFileSync(csv, ['customerId,orderId,at,amount,status', ...records.map((row) => `${row.customerId},${row.orderId},${new Date(row.at).toISOString()},${row.amount},${row.status}`)].join('\n'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE sales AS SELECT * FROM read_csv('${csv}', header = true, columns = {'customerId': 'VARCHAR', 'orderId': 'VARCHAR', 'at': 'TIMESTAMP', 'amount': 'DOUBLE', 'status': 'VARCHAR'})`);
  rmSync(folder, { recursive: true, force: true });

  const set = defineSegments([
    { name: 'big spenders', rule: 'monetaryTotal >= 500', priority: 2 },
    { name: 'recent repeat', rule: 'orders >= 3 and daysSinceLastPurchase <= 60', priority: 1 },
    { name: 'lapsed', rule: 'daysSinceLastPurchase > 180' },
  ]);
  // The features query's output columns are snake case: map the rule fields onto them.
  const columns = { monetaryTotal: 'monetary_total', orders: 'orders', daysSinceLastPurchase: 'days_since_last_purchase' };
  const features = featuresSql({ dialect: 'duckdb', transactions: { table: 'sales' }, asOf: sample.asOf });
  const segments = segmentsSql(set, { dialect: 'duckdb', table: 'features', idColumn: 'customer_id', columns });
  const rows = records.length.toLocaleString('en-US');
  // Both paths must agree before either is timed.
  const inProcess = new Map(assignSegments(set, summarize(records, { asOf: sample.asOf })).map((membership) => [membership.customerId, membership.segments[0] ?? null]));
  await connection.run(`CREATE OR REPLACE TEMP TABLE features AS ${features.sql}`, features.params as never);
  const warehouse = await connection.runAndReadAll(segments.sql, segments.params as never);
  let disagree = 0;
  for (const [customerId, index] of warehouse.getRows() as [string, number | null][]) {
    if ((index === null ? null : segments.segments[Number(index)]) !== inProcess.get(customerId)) disagree += 1;
  }
  if (disagree > 0 || warehouse.getRows().length !== inProcess.size) throw new Error(`the warehouse and in-process segments disagree on ${disagree} customers`);
  // Blocking waits are not possible in a synchronous scenario: the DuckDB scenario measures one query round per run.
  const runWarehouse = async (): Promise<number> => {
    await connection.run(`CREATE OR REPLACE TEMP TABLE features AS ${features.sql}`, features.params as never);
    const assigned = await connection.runAndReadAll(segments.sql, segments.params as never);
    return assigned.getRows().length;
  };
  return [
    {
      name: `in-process: summarize + assignSegments, ${rows} rows`,
      run: () => assignSegments(set, summarize(records, { asOf: sample.asOf })).length,
    },
    {
      name: `DuckDB: featuresSql + segmentsSql, ${rows} rows`,
      run: runWarehouse,
      baseline: `in-process: summarize + assignSegments, ${rows} rows`,
    },
  ];
}
