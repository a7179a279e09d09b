/**
 * Layering and purity of src/ (STYLE.md "Layout shows the architecture", DESIGN.md "Pure and
 * explicit"). Imports and code are read from the TypeScript syntax tree, so comments and
 * strings that mention `process.env` or `Date.now()` never count.
 */
import { isBuiltin } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isRelative, lineOf, listTsFiles, parseFile, resolveRelative, SRC, srcPath } from './sourceFiles';

/** Lowest first. A file may import its own layer or a lower one. */
const LAYERS: readonly { readonly name: string; readonly contains: (path: string) => boolean }[] = [
  { name: 'errors.ts, internal/', contains: (path) => path === 'errors.ts' || path.startsWith('internal/') },
  { name: 'model/', contains: (path) => path.startsWith('model/') },
  { name: 'features/', contains: (path) => path.startsWith('features/') },
  { name: 'scores/, clv/', contains: (path) => path.startsWith('scores/') || path.startsWith('clv/') },
  { name: 'rules/', contains: (path) => path.startsWith('rules/') },
  { name: 'cluster/', contains: (path) => path.startsWith('cluster/') },
  { name: 'report/', contains: (path) => path.startsWith('report/') },
  { name: 'sample/, index.ts', contains: (path) => path.startsWith('sample/') || path === 'index.ts' },
  { name: 'cli/', contains: (path) => path.startsWith('cli/') },
];

/** Narrower rules on top of the layers: entry points stay apart, so each bundle holds only its own code. */
const EXTRA_RULES: readonly { readonly from: (path: string) => boolean; readonly allows: (target: string) => boolean; readonly why: string }[] = [
  {
    from: (path) => path.startsWith('sample/'),
    allows: (target) => target.startsWith('sample/') || target.startsWith('model/') || target.startsWith('internal/') || target === 'errors.ts',
    why: 'sample/ may import only sample/, model/, internal/ and errors.ts',
  },
  {
    from: (path) => path === 'index.ts',
    allows: (target) => !/^(sample|cluster|cli)\//.test(target),
    why: 'index.ts must not import sample/, cluster/ or cli/: they are separate entry points',
  },
];

const ALLOWED_PACKAGES: readonly { readonly pattern: RegExp; readonly onlyIn?: string }[] = [
  { pattern: /^zod(\/mini)?$/ },
  { pattern: /^@date-fns\/tz(\/.+)?$/ },
  { pattern: /^date-fns(\/.+)?$/ },
  { pattern: /^simple-statistics$/ },
  { pattern: /^csv-parse(\/.+)?$/, onlyIn: 'cli/' },
];

interface ImportRef {
  readonly specifier: string;
  readonly line: number;
  readonly typeOnly: boolean;
}

interface SourceInfo {
  /** Path relative to src/: `model/parseRows.ts`. */
  readonly path: string;
  readonly file: string;
  readonly imports: readonly ImportRef[];
  /** Problems found while reading imports (a dynamic import of a computed specifier). */
  readonly unreadable: readonly string[];
}

function readImports(file: string): SourceInfo {
  const sourceFile = parseFile(file);
  const imports: ImportRef[] = [];
  const unreadable: string[] = [];
  const add = (specifier: ts.Expression | undefined, node: ts.Node, typeOnly: boolean): void => {
    const line = lineOf(sourceFile, node.getStart(sourceFile));
    if (specifier !== undefined && ts.isStringLiteralLike(specifier)) imports.push({ specifier: specifier.text, line, typeOnly });
    else unreadable.push(`src/${srcPath(file)}:${line} imports a computed specifier, which this test cannot check`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node, node.importClause?.isTypeOnly ?? false);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) add(node.moduleSpecifier, node, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], node, false);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal as ts.Expression, node, true);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { path: srcPath(file), file, imports, unreadable };
}

const sources = listTsFiles(SRC).map(readImports);
const byFile = new Map(sources.map((source) => [source.file, source]));
const layerOf = (path: string): number => LAYERS.findIndex((layer) => layer.contains(path));
const isCli = (path: string): boolean => path.startsWith('cli/');

/** Fails with one message listing every problem, or passes when there are none. */
function expectNone(problems: readonly string[], heading: string): void {
  if (problems.length > 0) expect.fail(`${heading}\n  ${problems.join('\n  ')}`);
}

/** Relative imports resolved to files under src/; unresolvable ones are reported by the layering test. */
function edges(source: SourceInfo): { target: SourceInfo | undefined; ref: ImportRef }[] {
  return source.imports
    .filter((ref) => isRelative(ref.specifier))
    .map((ref) => {
      const resolved = resolveRelative(source.file, ref.specifier);
      return { target: resolved === undefined ? undefined : byFile.get(resolved), ref };
    });
}

describe('architecture of src/', () => {
  it('finds the source files', () => {
    expect(sources.map((source) => source.path)).toContain('index.ts');
  });

  it('every file belongs to a layer', () => {
    const orphans = sources.filter((source) => layerOf(source.path) < 0).map((source) => `src/${source.path}`);
    expectNone(orphans, 'files outside every layer (move them, or add their folder to LAYERS in this test):');
  });

  it('imports point to the same layer or a lower one', () => {
    const violations: string[] = [];
    for (const source of sources) {
      violations.push(...source.unreadable);
      const from = layerOf(source.path);
      for (const { target, ref } of edges(source)) {
        const at = `src/${source.path}:${ref.line} → '${ref.specifier}'`;
        if (target === undefined) {
          violations.push(`${at}: no such file under src/`);
          continue;
        }
        const to = layerOf(target.path);
        if (from >= 0 && to > from) {
          violations.push(`${at}: ${LAYERS[from]?.name} may not import ${LAYERS[to]?.name} (a higher layer)`);
        }
        for (const rule of EXTRA_RULES) {
          if (rule.from(source.path) && !rule.allows(target.path)) violations.push(`${at}: ${rule.why}`);
        }
      }
    }
    expectNone(violations, `imports that break the layering (${LAYERS.map((l) => l.name).join(' < ')}):`);
  });

  it('has no import cycles (type-only imports included)', () => {
    expectNone(findCycles(), 'import cycles:');
  });

  it('outside src/cli/, imports no Node built-in and only the allowed packages', () => {
    const violations: string[] = [];
    for (const source of sources.filter((s) => !isCli(s.path))) {
      for (const ref of source.imports.filter((r) => !isRelative(r.specifier))) {
        const at = `src/${source.path}:${ref.line} → '${ref.specifier}'`;
        if (isBuiltin(ref.specifier)) {
          violations.push(`${at}: a Node built-in; only src/cli/ may use Node APIs`);
          continue;
        }
        const allowed = ALLOWED_PACKAGES.find((entry) => entry.pattern.test(ref.specifier));
        if (allowed === undefined) violations.push(`${at}: not an allowed dependency (${ALLOWED_PACKAGES.map((p) => p.pattern.source).join(', ')})`);
        else if (allowed.onlyIn !== undefined && !source.path.startsWith(allowed.onlyIn)) violations.push(`${at}: only src/${allowed.onlyIn} may import it`);
      }
    }
    expectNone(violations, 'forbidden imports:');
  });

  it('outside src/cli/, reads no clock, no randomness, no process and evaluates no strings', () => {
    const violations = sources.filter((s) => !isCli(s.path)).flatMap((source) => impureCode(source));
    expectNone(violations, 'impure code (time comes in as an `asOf` argument, randomness from a `seed`):');
  });
});

/** `Date.now(`, `new Date()` / `new Date`, `Math.random(`, `eval(`, `new Function(` / `Function(`, `process.`. */
function impureCode(source: SourceInfo): string[] {
  const sourceFile = parseFile(source.file);
  const found: string[] = [];
  const report = (node: ts.Node, what: string): void => {
    found.push(`src/${source.path}:${lineOf(sourceFile, node.getStart(sourceFile))} uses ${what}`);
  };
  const name = (node: ts.Expression): string => node.getText(sourceFile).replace(/\s+/g, '');
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = name(node.expression);
      if (['Date.now', 'Math.random', 'eval', 'globalThis.eval', 'Function'].includes(callee)) report(node, `${callee}(`);
    } else if (ts.isNewExpression(node)) {
      const constructor = name(node.expression);
      if (constructor === 'Date' && (node.arguments === undefined || node.arguments.length === 0)) report(node, 'new Date() (the clock)');
      if (constructor === 'Function') report(node, 'new Function(');
    } else if (ts.isPropertyAccessExpression(node)) {
      const target = name(node.expression);
      if (target === 'process' || target === 'globalThis.process') report(node, `${target}.`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** One cycle per strongly connected component of the import graph (Tarjan), shortest path shown. */
function findCycles(): string[] {
  const graph = new Map(sources.map((source) => [source.path, edges(source).flatMap(({ target, ref }) => (target === undefined ? [] : [{ to: target.path, typeOnly: ref.typeOnly }]))]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const { to } of graph.get(node) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (graph.get(node) ?? []).some(({ to }) => to === node);
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);

  return components.map((component) => {
    const start = component[0] as string;
    const members = new Set(component);
    // Breadth-first from `start` back to `start`, inside the component: the shortest cycle through it.
    const previous = new Map<string, { from: string; typeOnly: boolean }>();
    const queue = [start];
    let closing: { from: string; typeOnly: boolean } | undefined;
    while (queue.length > 0 && closing === undefined) {
      const node = queue.shift() as string;
      for (const { to, typeOnly } of graph.get(node) ?? []) {
        if (to === start) {
          closing = { from: node, typeOnly };
          break;
        }
        if (members.has(to) && !previous.has(to)) {
          previous.set(to, { from: node, typeOnly });
          queue.push(to);
        }
      }
    }
    const hops: { from: string; typeOnly: boolean }[] = [];
    for (let step = closing; step !== undefined; step = step.from === start ? undefined : previous.get(step.from)) hops.unshift(step);
    const cycle = hops.map((hop) => `src/${hop.from} ${hop.typeOnly ? '→ (type)' : '→'} `).join('') + `src/${start}`;
    const others = component.length > hops.length ? ` (part of a knot of ${component.length} files: ${component.join(', ')})` : '';
    return `${cycle}${others}`;
  });
}
