import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

/*
 * One name, one meaning: a type exported under the same name from two source
 * files (say `PlatformId` in shared and in the renderer) lets a reader, or an
 * auto-import, take one for the other. This walks every package's and app's
 * source and fails on a name declared twice. Re-exports are the same type and
 * do not count.
 */

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
const SOURCE_ROOTS = ['packages', 'apps'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'out' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function sourceTrees(): string[] {
  return SOURCE_ROOTS.flatMap((root) =>
    readdirSync(join(repoRoot, root), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(repoRoot, root, entry.name, 'src')),
  ).filter((dir) => {
    try {
      return readdirSync(dir).length > 0;
    } catch {
      return false;
    }
  });
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

/** The names of the types a file declares and exports: interfaces, type aliases, classes, enums. */
function exportedTypeNames(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  return source.statements.flatMap((statement) => {
    const declares =
      ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement);
    return declares && isExported(statement) && statement.name ? [statement.name.text] : [];
  });
}

function repeatedTypeNames(files: ReadonlyMap<string, string>): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const [file, text] of files) {
    for (const name of exportedTypeNames(file, text)) byName.set(name, [...(byName.get(name) ?? []), file]);
  }
  return new Map([...byName].filter(([, where]) => where.length > 1));
}

test('the guard finds a name exported from two files, and not one re-exported', () => {
  const files = new Map([
    ['a.ts', 'export type PlatformId = "litellm";\nexport interface Shown { id: string }'],
    ['b.tsx', 'export interface PlatformId { id: string }\nexport type { Shown } from "./a";\ntype Local = number;'],
    ['c.ts', 'type Local = string;\nexport class Other {}'],
  ]);
  expect([...repeatedTypeNames(files)]).toEqual([['PlatformId', ['a.ts', 'b.tsx']]]);
});

test('no two exported types in packages/* and apps/* source share a name', async () => {
  const { readFile } = await import('node:fs/promises');
  const paths = sourceTrees().flatMap(sourceFiles);
  expect(paths.length).toBeGreaterThan(100);
  const files = new Map(await Promise.all(paths.map(async (path) => [relative(repoRoot, path), await readFile(path, 'utf8')] as const)));
  const repeated = [...repeatedTypeNames(files)].map(([name, where]) => `${name}: ${where.join(', ')}`);
  expect(repeated, 'Each exported type name must have one meaning; rename one of each pair (see DESIGN.md for the vocabulary).').toEqual([]);
});
