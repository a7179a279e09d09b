/**
 * What a browser app pays for clientele (STYLE.md "Size and speed"): each entry point is
 * bundled with esbuild as an app would (ESM, minified, tree-shaken, platform browser) and its
 * gzip size held under a ceiling. The core must hold no clustering, sample or CLI code, nothing
 * Node-only, and must shake: importing one parser costs less than importing everything.
 *
 * Sizes are in kB of 1,000 bytes, gzip level 9; the test names show the measured sizes.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT, SRC } from './sourceFiles';

// The whole core: model, features, RFM and value tiers, the four lifetime-value models (41 kB
// when they landed), lifecycle, and the rules with their SQL backend (60.9 kB when toSql
// landed). Apps import a few functions; the fixtures below hold those smaller.
const CORE_CEILING_KB = 75;
/** A dashboard segmenting in the browser: parse, compile and explain rules (24.5 kB when set, a third of it the RFM and lifecycle texts the catalogue pulls in for their ids). */
const RULES_CEILING_KB = 30;
/** A serverless function scoring one customer with stored models, read back and applied (15.5 kB when set; the RFM segment texts in three languages are a third of it). */
const SERVERLESS_CEILING_KB = 20;
const SAMPLE_CEILING_KB = 20;
/** clientele/cluster whole: k-means, profiles, names, the tree and the rule validation and printing its rules need (26.2 kB when set). */
const CLUSTER_CEILING_KB = 32;
/** A function placing one customer per request with a stored cluster model (9.1 kB when set, most of it zod/mini for the model check). */
const CLUSTER_ASSIGN_CEILING_KB = 12;

const CORE_ENTRY = join(SRC, 'index.ts');
const SAMPLE_ENTRY = join(SRC, 'sample/index.ts');
const CLUSTER_ENTRY = join(SRC, 'cluster/index.ts');

/** Inputs that must never end up in the core bundle: they sit behind their own entry points. */
const NOT_IN_CORE: readonly { readonly pattern: RegExp; readonly why: string }[] = [
  { pattern: /(^|\/)node_modules\/ml-kmeans\//, why: 'ml-kmeans is a dev dependency: the reference our k-means is tested against' },
  { pattern: /^src\/cluster\//, why: 'clustering belongs behind clientele/cluster' },
  { pattern: /^src\/sample\//, why: 'the sample generator belongs behind clientele/sample' },
  { pattern: /^src\/cli\//, why: 'the CLI is Node-only' },
];

interface Bundle {
  readonly code: string;
  readonly gzipBytes: number;
  /** The files esbuild put in the bundle, relative to the project root. */
  readonly inputs: readonly string[];
  /** Imports esbuild left for the runtime to resolve (there should be none). */
  readonly externals: readonly string[];
}

type Built = { readonly ok: true; readonly bundle: Bundle } | { readonly ok: false; readonly error: string };

async function bundle(entry: { readonly file: string } | { readonly contents: string }): Promise<Built> {
  try {
    const result = await build({
      ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'fixture.ts' } }),
      absWorkingDir: ROOT,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      treeShaking: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    return {
      ok: true,
      bundle: {
        code,
        gzipBytes: gzipSync(code, { level: 9 }).length,
        inputs: Object.keys(result.metafile.inputs),
        externals: Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path)),
      },
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

function expectBuilt(built: Built, what: string): Bundle {
  if (!built.ok) expect.fail(`esbuild could not bundle ${what} for the browser:\n${built.error}`);
  return built.bundle;
}

/**
 * Node-only traces: the global `require` (a call, or esbuild's `__require` shim for a CommonJS
 * dependency, which tests `typeof require`), a `node:` specifier, or anything left external.
 */
function nodeOnlyTraces(bundle: Bundle): string[] {
  const traces = bundle.externals.map((path) => `an unbundled import of '${path}'`);
  for (const match of bundle.code.matchAll(/(?<![.\w$])require\b.{0,30}/g)) traces.push(`a use of the global require: ${match[0]}…`);
  for (const match of bundle.code.matchAll(/["'`]node:[\w/]+["'`]/g)) traces.push(`the string ${match[0]}`);
  return traces;
}

function sizeName(label: string, built: Built, ceilingKb: number): string {
  return built.ok ? `${label}: ${kB(built.bundle.gzipBytes)} gzip (ceiling ${ceilingKb} kB)` : `${label}: builds for the browser`;
}

// Built while collecting, so the test names can show the sizes.
const core = await bundle({ file: CORE_ENTRY });
const oneParser = await bundle({ contents: `export { parseTransactions } from './src/index.ts';` });
const sample = await bundle({ file: SAMPLE_ENTRY });
const rulesOnly = await bundle({ contents: `export { parseRule, compileRule, explainRule, printRule } from './src/index.ts';` });
const cluster = await bundle({ file: CLUSTER_ENTRY });
const clusterAssign = await bundle({ contents: `export { readClusterModel, assignCluster } from './src/cluster/index.ts';` });
const serverless = await bundle({
  contents: `export { readClvModel, probabilityAlive, conditionalExpectedPurchases, expectedAverageValue, readRfmModel, scoreRfm } from './src/index.ts';`,
});

console.info(
  [
    `bundle sizes (minified, gzip -9): core ${core.ok ? kB(core.bundle.gzipBytes) : 'failed'}`,
    `parseTransactions alone ${oneParser.ok ? kB(oneParser.bundle.gzipBytes) : 'failed'}`,
    `sample ${sample === undefined ? 'not written yet' : sample.ok ? kB(sample.bundle.gzipBytes) : 'failed'}`,
    `serverless scoring ${serverless.ok ? kB(serverless.bundle.gzipBytes) : 'failed'}`,
    `rules ${rulesOnly.ok ? kB(rulesOnly.bundle.gzipBytes) : 'failed'}`,
    `cluster ${cluster.ok ? kB(cluster.bundle.gzipBytes) : 'failed'}`,
    `cluster assignment ${clusterAssign.ok ? kB(clusterAssign.bundle.gzipBytes) : 'failed'}`,
  ].join(', '),
);

describe('bundle size', () => {
  it(sizeName('core bundle (src/index.ts)', core, CORE_CEILING_KB), () => {
    const { gzipBytes } = expectBuilt(core, 'src/index.ts');
    expect(gzipBytes / 1000, `the core bundle is ${kB(gzipBytes)} gzip, over its ${CORE_CEILING_KB} kB ceiling`).toBeLessThanOrEqual(CORE_CEILING_KB);
  });

  it('core bundle holds no clustering, sample or CLI code', () => {
    const { code, inputs } = expectBuilt(core, 'src/index.ts');
    const found = inputs.flatMap((input) => NOT_IN_CORE.filter((rule) => rule.pattern.test(input)).map((rule) => `${input}: ${rule.why}`));
    if (code.includes('ml-kmeans')) found.push('the text "ml-kmeans" appears in the bundle');
    if (found.length > 0) expect.fail(`the core bundle pulls in code that belongs elsewhere:\n  ${found.join('\n  ')}`);
  });

  it('core bundle is free of Node-only code', () => {
    const traces = nodeOnlyTraces(expectBuilt(core, 'src/index.ts'));
    if (traces.length > 0) expect.fail(`the core bundle would not run in a browser; it contains:\n  ${traces.join('\n  ')}`);
  });

  it(`tree-shaking works: importing parseTransactions alone is smaller${oneParser.ok ? ` (${kB(oneParser.bundle.gzipBytes)})` : ''}`, () => {
    const whole = expectBuilt(core, 'src/index.ts');
    const one = expectBuilt(oneParser, 'a fixture importing parseTransactions');
    expect(one.gzipBytes, `parseTransactions alone is ${kB(one.gzipBytes)}, the whole core ${kB(whole.gzipBytes)}: unused exports are not dropped (module-level side effects?)`).toBeLessThan(whole.gzipBytes);
  });

  it(sizeName('serverless scoring (read stored RFM and CLV models, score one customer)', serverless, SERVERLESS_CEILING_KB), () => {
    const built = expectBuilt(serverless, 'a fixture importing the model readers and predictions');
    expect(built.gzipBytes / 1000, `serverless scoring is ${kB(built.gzipBytes)} gzip, over its ${SERVERLESS_CEILING_KB} kB ceiling`).toBeLessThanOrEqual(SERVERLESS_CEILING_KB);
  });

  it(sizeName('rules in a dashboard (parse, compile, explain, print)', rulesOnly, RULES_CEILING_KB), () => {
    const built = expectBuilt(rulesOnly, 'a fixture importing the rule functions');
    expect(built.gzipBytes / 1000, `the rule functions are ${kB(built.gzipBytes)} gzip, over their ${RULES_CEILING_KB} kB ceiling`).toBeLessThanOrEqual(RULES_CEILING_KB);
  });

  it(sizeName('sample bundle (src/sample/index.ts)', sample, SAMPLE_CEILING_KB), () => {
    const built = expectBuilt(sample, 'src/sample/index.ts');
    expect(built.gzipBytes / 1000, `the sample bundle is ${kB(built.gzipBytes)} gzip, over its ${SAMPLE_CEILING_KB} kB ceiling`).toBeLessThanOrEqual(SAMPLE_CEILING_KB);
    const traces = nodeOnlyTraces(built);
    if (traces.length > 0) expect.fail(`the sample bundle would not run in a browser; it contains:\n  ${traces.join('\n  ')}`);
  });

  it(sizeName('cluster bundle (src/cluster/index.ts)', cluster, CLUSTER_CEILING_KB), () => {
    const built = expectBuilt(cluster, 'src/cluster/index.ts');
    expect(built.gzipBytes / 1000, `the cluster bundle is ${kB(built.gzipBytes)} gzip, over its ${CLUSTER_CEILING_KB} kB ceiling`).toBeLessThanOrEqual(CLUSTER_CEILING_KB);
    const traces = nodeOnlyTraces(built);
    if (traces.length > 0) expect.fail(`the cluster bundle would not run in a browser; it contains:\n  ${traces.join('\n  ')}`);
  });

  it(sizeName('cluster assignment in a function (read a stored model, place one customer)', clusterAssign, CLUSTER_ASSIGN_CEILING_KB), () => {
    const built = expectBuilt(clusterAssign, 'a fixture importing readClusterModel and assignCluster');
    expect(built.gzipBytes / 1000, `cluster assignment is ${kB(built.gzipBytes)} gzip, over its ${CLUSTER_ASSIGN_CEILING_KB} kB ceiling`).toBeLessThanOrEqual(CLUSTER_ASSIGN_CEILING_KB);
  });
});
