/**
 * Shared by the meta-tests: lists the files of `src/`, parses them with the TypeScript compiler
 * (comments, strings and JSDoc are then never mistaken for code) and resolves relative imports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SRC = join(ROOT, 'src');

/** A path relative to the project root with forward slashes, as failure messages show it: `src/model/x.ts`. */
export function projectPath(file: string): string {
  return relative(ROOT, file).split(sep).join('/');
}

/** A path relative to `src/`: `model/x.ts`. */
export function srcPath(file: string): string {
  return relative(SRC, file).split(sep).join('/');
}

/** Every `.ts` file under `dir` (absolute paths, sorted), declaration files excluded. */
export function listTsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...listTsFiles(path));
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

const parsed = new Map<string, ts.SourceFile>();

/** The file's syntax tree (cached; parent pointers set). */
export function parseFile(file: string): ts.SourceFile {
  let sourceFile = parsed.get(file);
  if (sourceFile === undefined) {
    sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    parsed.set(file, sourceFile);
  }
  return sourceFile;
}

/** The 1-based line of a position. */
export function lineOf(sourceFile: ts.SourceFile, position: number): number {
  return sourceFile.getLineAndCharacterOfPosition(position).line + 1;
}

/** Resolves `./x`, `./x.js`, `./x/index` the way the bundler does; undefined when no such file exists. */
export function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')];
  return candidates.find((candidate) => candidate.endsWith('.ts') && existsSync(candidate) && statSync(candidate).isFile());
}

export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}
