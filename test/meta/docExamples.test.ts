/**
 * Every `@example` in src/ runs, and every public function, class and constant has one.
 *
 * How an example runs: its ```ts fence is copied line for line into test/.examples/jsdoc/
 * (one file per example, named after the source file and symbol). Each
 * `<expression>; // => <expected>` line becomes
 * `await check(<n>, async () => [(<expression>)], () => (<expected>));`, and an import of `check`
 * from ./docExampleRuntime.ts is appended (imports are hoisted, so line numbers stay as in the
 * example). The test starts a run, `await import()`s the file (vite compiles the TypeScript and
 * resolves the `clientele` alias), then fails with every line whose value differed or threw.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { startExampleRun } from './docExampleRuntime';
import { lineOf, listTsFiles, parseFile, projectPath, resolveRelative, ROOT, SRC, srcPath } from './sourceFiles';

const OUT_DIR = join(ROOT, 'test/.examples/jsdoc');
/** How a generated module imports `check`: `../../meta/docExampleRuntime`. */
const RUNTIME_IMPORT = relative(OUT_DIR, join(ROOT, 'test/meta/docExampleRuntime')).split(sep).join('/');
/** Entry points whose value exports must each carry an @example (cluster/ once it exists). */
const ENTRY_POINTS = ['index.ts', 'sample/index.ts', 'cluster/index.ts'].map((entry) => join(SRC, entry));
const ARROW = '// =>';

interface ExampleLine {
  readonly text: string;
  /** 1-based line in the source file, for messages that point at the docs. */
  readonly sourceLine: number;
}

interface DocExample {
  readonly file: string;
  readonly symbol: string;
  readonly lines: readonly ExampleLine[];
  /** Set when the @example cannot run at all (no ```ts fence). */
  readonly problem?: string;
}

// ---------------------------------------------------------------------------------------------
// Finding examples

/** The name a doc comment documents: `parseTransactions`, `ClienteleError`, `ClienteleError.code`. */
function declarationName(node: ts.Node, sourceFile: ts.SourceFile): string {
  if (ts.isVariableStatement(node)) return node.declarationList.declarations.map((d) => d.name.getText(sourceFile)).join(', ');
  const name = (node as { name?: ts.Node }).name;
  if (name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name))) {
    const owner = node.parent;
    const ownerName = ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner) ? owner.name?.text : undefined;
    return ownerName === undefined ? name.text : `${ownerName}.${name.text}`;
  }
  return `line ${lineOf(sourceFile, node.getStart(sourceFile))}`;
}

/** Every `/** ... *\/` comment in the file, with the name of the declaration it documents. */
function docComments(sourceFile: ts.SourceFile): { text: string; firstLine: number; symbol: string }[] {
  const seen = new Set<number>();
  const comments: { text: string; firstLine: number; symbol: string }[] = [];
  const visit = (node: ts.Node): void => {
    for (const range of ts.getLeadingCommentRanges(sourceFile.text, node.pos) ?? []) {
      if (seen.has(range.pos) || !sourceFile.text.startsWith('/**', range.pos)) continue;
      seen.add(range.pos);
      comments.push({
        text: sourceFile.text.slice(range.pos, range.end),
        firstLine: lineOf(sourceFile, range.pos),
        symbol: declarationName(node, sourceFile),
      });
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return comments;
}

/** The ```ts fences of each @example in a file; an @example without one becomes a failing test. */
function findExamples(file: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const comment of docComments(parseFile(file))) {
    const lines = comment.text
      .replace(/^\/\*\*/, '')
      .replace(/\*\/$/, '')
      .split('\n')
      .map((line, offset) => ({ text: line.replace(/^\s*\* ?/, ''), sourceLine: comment.firstLine + offset }));
    let inExample = false;
    let fence: ExampleLine[] | undefined;
    let fencesInExample = 0;
    const endExample = (): void => {
      if (inExample && fencesInExample === 0) {
        examples.push({ file, symbol: comment.symbol, lines: [], problem: 'this @example has no ```ts fence to run' });
      }
      inExample = false;
    };
    for (const line of lines) {
      if (fence !== undefined) {
        if (/^\s*```\s*$/.test(line.text)) {
          examples.push({ file, symbol: comment.symbol, lines: fence });
          fence = undefined;
        } else fence.push(line);
      } else if (/^\s*@example\b/.test(line.text)) {
        endExample();
        inExample = true;
        fencesInExample = 0;
      } else if (/^\s*@\w/.test(line.text)) {
        endExample();
      } else if (inExample && /^\s*```(ts|typescript)\s*$/.test(line.text)) {
        fence = [];
        fencesInExample++;
      }
    }
    endExample();
  }
  return examples;
}

// ---------------------------------------------------------------------------------------------
// Turning an example into a module

/** Whether `text` is exactly one expression (not a statement, not two expressions). */
function isSingleExpression(text: string): boolean {
  const code = `(${text});`;
  const { diagnostics = [] } = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ESNext } });
  const statements = ts.createSourceFile('expression.ts', code, ts.ScriptTarget.Latest).statements;
  return diagnostics.length === 0 && statements.length === 1 && ts.isExpressionStatement(statements[0] as ts.Statement);
}

interface Transformed {
  readonly code: string;
  /** Indices of the lines that assert a result. */
  readonly assertions: readonly number[];
  readonly malformed: readonly string[];
}

function transform(example: DocExample): Transformed {
  const assertions: number[] = [];
  const malformed: string[] = [];
  const body = example.lines.map(({ text, sourceLine }, index) => {
    const at = text.indexOf(ARROW);
    if (at < 0) return text;
    const left = text.slice(0, at).trimEnd();
    const expression = left.trim().replace(/;$/, '');
    const expected = text.slice(at + ARROW.length).trim();
    const indent = /^\s*/.exec(left)?.[0] ?? '';
    if (!left.endsWith(';') || !isSingleExpression(expression) || expected === '' || !isSingleExpression(expected)) {
      malformed.push(`${projectPath(example.file)}:${sourceLine}  ${text.trim()}\n    should read \`<expression>; // => <expected>\`, each a complete JS expression on this one line`);
      return text;
    }
    assertions.push(index);
    return `${indent}await check(${index}, async () => [(${expression})], () => (${expected}));`;
  });
  const origin = `${projectPath(example.file)} (${example.symbol})`;
  const code = [...body, `import { check } from '${RUNTIME_IMPORT}';`, `// Generated by test/meta/docExamples.test.ts from the @example of ${origin}. Do not edit.`, ''].join('\n');
  return { code, assertions, malformed };
}

/** Writes the module (only when it changed, so watch mode does not loop) and returns its path. */
function writeModule(name: string, code: string): string {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, `${name}.ts`);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== code) writeFileSync(path, code);
  return path;
}

// ---------------------------------------------------------------------------------------------
// Which exports need an example

const isData = (name: string): boolean => /^[A-Z][A-Z0-9_]*$/.test(name) || name.endsWith('Schema');

/** The value exports an entry point lists by name (`type` exports and data constants left out). */
function publicValueExports(entry: string, problems: string[]): string[] {
  const names: string[] = [];
  for (const statement of parseFile(entry).statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause === undefined || ts.isNamespaceExport(statement.exportClause)) {
        problems.push(`${projectPath(entry)}: \`${statement.getText()}\` hides which names are public; list them by name`);
        continue;
      }
      if (statement.isTypeOnly) continue;
      for (const element of statement.exportClause.elements) {
        if (!element.isTypeOnly && !isData(element.name.text)) names.push(element.name.text);
      }
    } else if (isExported(statement)) {
      if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) continue;
      const declared = ts.isVariableStatement(statement)
        ? statement.declarationList.declarations.map((d) => d.name.getText())
        : [(statement as { name?: ts.Identifier }).name?.text ?? 'default'];
      names.push(...declared.filter((name) => !isData(name)));
    }
  }
  return names;
}

function isExported(statement: ts.Statement): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

function declares(statement: ts.Statement, name: string): boolean {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name);
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) return statement.name?.text === name;
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return statement.name.text === name;
  return false;
}

/**
 * The statements that declare what `file` exports as `name`, following `export { x } from`
 * and `export { x as y }` (overloads give several statements). Undefined when not found.
 */
function declarationsOf(file: string, name: string, depth = 0): { file: string; statements: ts.Statement[] } | undefined {
  if (depth > 10) return undefined;
  const statements = parseFile(file).statements;
  const direct = statements.filter((statement) => declares(statement, name));
  if (direct.length > 0) return { file, statements: direct };
  for (const statement of statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause)) {
      const element = statement.exportClause.elements.find((e) => e.name.text === name);
      if (element === undefined) continue;
      const local = (element.propertyName ?? element.name).text;
      if (statement.moduleSpecifier === undefined) return declarationsOf(file, local, depth + 1);
      const target = resolveRelative(file, (statement.moduleSpecifier as ts.StringLiteral).text);
      return target === undefined ? undefined : declarationsOf(target, local, depth + 1);
    }
    if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings !== undefined && ts.isNamedImports(statement.importClause.namedBindings)) {
      const element = statement.importClause.namedBindings.elements.find((e) => e.name.text === name);
      const target = element && resolveRelative(file, (statement.moduleSpecifier as ts.StringLiteral).text);
      if (element !== undefined && target !== undefined) return declarationsOf(target, (element.propertyName ?? element.name).text, depth + 1);
    }
  }
  return undefined;
}

/** Whether the doc comment right before a statement has an `@example` tag. */
function hasExample(sourceFile: ts.SourceFile, statement: ts.Statement): boolean {
  const docs = (ts.getLeadingCommentRanges(sourceFile.text, statement.pos) ?? []).filter((range) => sourceFile.text.startsWith('/**', range.pos));
  const last = docs.at(-1);
  return last !== undefined && /^\s*\*\s*@example\b/m.test(sourceFile.text.slice(last.pos, last.end));
}

// ---------------------------------------------------------------------------------------------
// Tests

/**
 * The ```ts blocks of README.md and docs/*.md that show results (`// =>` lines) run the same
 * way; blocks without one are illustrations (they may use names the reader supplies).
 */
function findMarkdownExamples(file: string): DocExample[] {
  const examples: DocExample[] = [];
  let fence: ExampleLine[] | undefined;
  let index = 0;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, offset) => {
      if (fence === undefined) {
        if (/^```(ts|typescript)\s*$/.test(text)) fence = [];
      } else if (/^```\s*$/.test(text)) {
        index++;
        if (fence.some((line) => line.text.includes(ARROW))) examples.push({ file, symbol: `block ${index}`, lines: fence });
        fence = undefined;
      } else fence.push({ text, sourceLine: offset + 1 });
    });
  return examples;
}

const DOCS = join(ROOT, 'docs');
const markdownFiles = [join(ROOT, 'README.md'), ...(existsSync(DOCS) ? readdirSync(DOCS).filter((name) => name.endsWith('.md')).map((name) => join(DOCS, name)) : [])];

const examples = [
  ...listTsFiles(SRC)
    .filter((file) => !srcPath(file).startsWith('cli/'))
    .flatMap(findExamples),
  ...markdownFiles.flatMap(findMarkdownExamples),
];

describe('@example blocks in src/ run and show the results they claim', () => {
  const keyOf = (example: DocExample): string =>
    `${example.file.endsWith('.md') ? projectPath(example.file) : srcPath(example.file)} › ${example.symbol}`;
  const seen = new Map<string, number>();
  for (const example of examples) {
    const key = keyOf(example);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    const several = examples.filter((other) => keyOf(other) === key).length > 1;
    const testName = several ? `${key} (example ${count})` : key;
    // errors.ts › ClienteleError → errors.ClienteleError.ts; model/x.ts › f (2nd) → model.x.f.2.ts
    const moduleName = `${key.replace(/\.(ts|md) › /, '.').replaceAll('/', '.').replace(/[^A-Za-z0-9_.-]+/g, '_')}${several ? `.${count}` : ''}`;

    it(testName, async () => {
      if (example.problem !== undefined) expect.fail(`${testName}: ${example.problem}`);
      const { code, assertions, malformed } = transform(example);
      const where = (index: number): string | undefined => {
        const line = example.lines[index];
        return line && `${projectPath(example.file)}:${line.sourceLine}  ${line.text.trim()}`;
      };
      if (assertions.length === 0 && malformed.length === 0) {
        expect.fail(`${testName}: an example must show a result: end a line with \`; // => <expected value>\``);
      }

      const modulePath = writeModule(moduleName, code);
      const run = startExampleRun();
      let crash: string | undefined;
      try {
        await import(/* @vite-ignore */ pathToFileURL(modulePath).href);
      } catch (error) {
        // The generated module keeps the example's lines, so its line in the stack is the example's.
        const line = error instanceof Error ? new RegExp(`${basename(modulePath).replaceAll('.', '\\.')}:(\\d+):`).exec(error.stack ?? '')?.[1] : undefined;
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        crash = `${(line && where(Number(line) - 1)) ?? projectPath(modulePath)}\n    the example threw ${message}`;
      }

      const problems = [
        ...malformed,
        ...[...run.failures].map(([index, message]) => `${where(index) ?? ''}\n    ${message}`),
        ...assertions.filter((index) => !run.checked.has(index) && crash === undefined).map((index) => `${where(index) ?? ''}\n    never ran`),
      ];
      if (crash !== undefined) problems.push(crash);
      if (problems.length > 0) expect.fail(`${testName}:\n${problems.join('\n')}`);
    });
  }
});

describe('public API documentation', () => {
  it('every exported function, class and constant has an @example', () => {
    const problems: string[] = [];
    /** Declaration location → the public names it goes by. */
    const missing = new Map<string, string[]>();
    for (const entry of ENTRY_POINTS.filter((path) => existsSync(path))) {
      for (const name of publicValueExports(entry, problems)) {
        const found = declarationsOf(entry, name);
        if (found === undefined) {
          problems.push(`${projectPath(entry)} exports ${name}, but its declaration was not found`);
          continue;
        }
        const sourceFile = parseFile(found.file);
        const isType = found.statements.every((s) => ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s));
        if (!isType && !found.statements.some((statement) => isExported(statement) && hasExample(sourceFile, statement))) {
          const location = `${projectPath(found.file)}:${lineOf(sourceFile, found.statements[0]?.getStart(sourceFile) ?? 0)}`;
          missing.set(location, [...(missing.get(location) ?? []), name]);
        }
      }
    }
    if (missing.size > 0) {
      const list = [...missing].map(([location, names]) => `${[...new Set(names)].join(', ')} (${location})`);
      problems.unshift(`${missing.size} public exports have no @example in their JSDoc:\n  ${list.join('\n  ')}`);
    }
    if (problems.length > 0) expect.fail(problems.join('\n'));
  });
});
