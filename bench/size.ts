/**
 * `npm run size`: what an app pays for clientele, bundled as an app bundles it (esbuild, ESM,
 * minified, tree-shaken, for the browser), gzip -9, against the budgets issue 9 sets. Exits 1
 * when a budget is not met. (test/meta/bundleSize.test.ts holds looser ceilings in `npm test`,
 * so that a regression fails the tests.)
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures: { readonly name: string; readonly contents: string; readonly budgetKb?: number }[] = [
  { name: 'scoreRfm alone', contents: `export { scoreRfm } from './src/index.ts';`, budgetKb: 6 },
  { name: 'serverless scoring (read stored RFM and CLV models, score)', contents: `export { readClvModel, probabilityAlive, conditionalExpectedPurchases, expectedAverageValue, readRfmModel, scoreRfm } from './src/index.ts';` },
  { name: 'rules in a dashboard (parse, compile, explain, print)', contents: `export { parseRule, compileRule, explainRule, printRule } from './src/index.ts';` },
  { name: 'parseTransactions + summarize', contents: `export { parseTransactions, summarize } from './src/index.ts';` },
  { name: 'the whole core entry (clientele)', contents: `export * from './src/index.ts';`, budgetKb: 35 },
  { name: 'clientele/cluster (reported separately)', contents: `export * from './src/cluster/index.ts';` },
  { name: 'clientele/sample', contents: `export * from './src/sample/index.ts';` },
];

let over = false;
for (const fixture of fixtures) {
  const result = await build({ stdin: { contents: fixture.contents, resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, treeShaking: true, write: false, logLevel: 'silent' });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const kb = gzipSync(code, { level: 9 }).length / 1000;
  const verdict = fixture.budgetKb === undefined ? '' : kb <= fixture.budgetKb ? `  budget ${fixture.budgetKb} kB ok` : `  budget ${fixture.budgetKb} kB OVER`;
  if (fixture.budgetKb !== undefined && kb > fixture.budgetKb) over = true;
  console.log(`${fixture.name.padEnd(62)} ${(code.length / 1000).toFixed(1).padStart(6)} kB min  ${kb.toFixed(1).padStart(5)} kB gzip${verdict}`);
}
if (over) process.exitCode = 1;
