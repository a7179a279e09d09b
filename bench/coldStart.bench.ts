import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Scenario } from './harness';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles an entry as an app or a function would ship it (ESM, minified) into a temporary file. */
async function bundle(directory: string, name: string, entry: string): Promise<string> {
  const result = await build({ entryPoints: [join(root, entry)], bundle: true, format: 'esm', platform: 'node', target: 'node20', minify: true, write: false, logLevel: 'silent', alias: { clientele: join(root, 'src/index.ts') } });
  const file = join(directory, `${name}.mjs`);
  writeFileSync(file, result.outputFiles[0]?.contents ?? new Uint8Array());
  return file;
}

/** Cold start in a fresh Node process each run: Node alone, then importing the bundled core, then the serverless example's start-up (import, read and check its models). */
export async function scenarios(): Promise<Scenario[]> {
  const directory = mkdtempSync(join(tmpdir(), 'clientele-cold-'));
  const core = await bundle(directory, 'core', 'src/index.ts');
  const worker = await bundle(directory, 'worker', 'examples/serverless/worker.ts');
  const node = (script: string) => (): string => execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const baseline = 'node startup, empty module';
  return [
    { name: baseline, run: node('') },
    { name: 'node + import the bundled core entry', run: node(`await import(${JSON.stringify(pathToFileURL(core).href)});`), baseline },
    { name: 'node + serverless example start-up (import, read models)', run: node(`const { default: handler } = await import(${JSON.stringify(pathToFileURL(worker).href)}); if (typeof handler.fetch !== 'function') process.exit(1);`), baseline },
  ];
}
