import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FLAG = /(?<![\w-])--[a-z][a-z-]*/;

/** The text of every string and template literal below `node`. */
function literals(node: ts.Node): string[] {
  if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) return [node.text];
  const found: string[] = [];
  node.forEachChild((child) => {
    found.push(...literals(child));
  });
  return found;
}

const isErrorName = (node: ts.Node): boolean => ts.isIdentifier(node) && /Error$/.test(node.text);

/**
 * Where a library file words an error with a flag: a literal in the arguments of
 * `new …Error(…)`, in the body of a class extending `…Error`, or in a function of the same file
 * that such a class calls from its constructor (a message function).
 */
function flagWordedErrors(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const functions = new Map<string, ts.FunctionDeclaration>();
  const places: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name) functions.set(node.name.text, node);
    if (ts.isNewExpression(node) && isErrorName(node.expression)) places.push(node);
    const base = ts.isClassDeclaration(node)
      ? node.heritageClauses?.flatMap((clause) => clause.types)[0]?.expression
      : undefined;
    if (base !== undefined && isErrorName(base)) places.push(node);
    node.forEachChild(visit);
  };
  visit(source);
  const called = (node: ts.Node): string[] => {
    const names: string[] = [];
    const look = (child: ts.Node): void => {
      if (ts.isCallExpression(child) && ts.isIdentifier(child.expression))
        names.push(child.expression.text);
      child.forEachChild(look);
    };
    look(node);
    return names;
  };
  const scanned = [...places];
  for (const place of places) {
    if (!ts.isClassDeclaration(place)) continue;
    for (const name of called(place)) {
      const declaration = functions.get(name);
      if (declaration !== undefined) scanned.push(declaration);
    }
  }
  return scanned.flatMap((node) =>
    literals(node)
      .filter((literal) => FLAG.test(literal))
      .map((literal) => {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        return `${file}:${String(line + 1)}: ${literal}`;
      }),
  );
}

function libraryFiles(): string[] {
  return readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .map((file) => path.join('src', file).split(path.sep).join('/'))
    .filter((file) => file.endsWith('.ts') && !file.startsWith('src/cli/'))
    .sort();
}

describe('library errors speak of the library, not of CLI flags', () => {
  it('no error outside src/cli/ names a --flag (the CLI words typed problems for flags)', () => {
    const files = libraryFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(
      files.flatMap((file) => flagWordedErrors(file, readFileSync(path.join(ROOT, file), 'utf8'))),
    ).toEqual([]);
  });

  it('finds a flag in a thrown literal, a template, a returned error and a message function', () => {
    const text = [
      "throw new UsageError('use --force to overwrite');",
      'throw new InputError(`${file}: add --engine duckdb`);',
      "const refusal = () => new InputError('pass it to --events');",
      'class SomeError extends InputError {',
      '  constructor(readonly problem: P) { super(wording(problem)); }',
      '}',
      'function wording(problem: P): string { return `remove it before --write`; }',
      "// a comment may name --since; so may report text: 'rewrite with --write-baseline'",
      "const hint = 'rewrite the baseline with --write-baseline';",
      "throw new InputError('x: not a CSV (a--b is no flag)');",
    ].join('\n');
    expect(flagWordedErrors('src/x.ts', text)).toEqual([
      'src/x.ts:1: use --force to overwrite',
      'src/x.ts:2: : add --engine duckdb',
      'src/x.ts:3: pass it to --events',
      'src/x.ts:7: remove it before --write',
    ]);
  });
});
