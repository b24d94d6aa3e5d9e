/**
 * The import graph of src/, read with TypeScript's own parser: every import
 * and export-from of every .ts file and of every .astro file's frontmatter
 * and <script> blocks, resolved to the file it names, and whether it is
 * type-only (erased at build, so it carries no code across a boundary).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface Edge {
  /** Importing file, relative to the repository root, e.g. "src/session/session.ts". */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** The file it resolves to (relative to the root), or the package name for a bare specifier. */
  to: string;
  typeOnly: boolean;
}

const EXTENSIONS = ['', '.ts', '.astro', '/index.ts'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The script parts of an .astro file: its frontmatter and its <script> blocks. */
function astroScripts(source: string): string[] {
  const parts: string[] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (frontmatter?.[1]) parts.push(frontmatter[1]);
  for (const m of source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) if (m[1]) parts.push(m[1]);
  return parts;
}

function edgesOf(root: string, file: string, code: string): Edge[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: Edge[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    let to = specifier;
    if (specifier.startsWith('.')) {
      const base = resolve(dirname(file), specifier);
      const found = EXTENSIONS.map((e) => base + e).find((p) => existsSync(p) && statSync(p).isFile());
      to = relative(root, found ?? base).split('\\').join('/');
    }
    out.push({ from: relative(root, file).split('\\').join('/'), specifier, to, typeOnly });
  };
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    }
  }
  // `import('…')` in type positions (typeof import('x')) and at run time.
  const visit = (n: ts.Node): void => {
    if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) add(n.argument.literal.text, true);
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) add(n.arguments[0].text, false);
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

/** Every import edge of the files under `dir` (a folder of the repository at `root`). */
export function importGraph(root: string, dir = 'src'): Edge[] {
  return files(join(root, dir)).flatMap((file) => {
    if (file.endsWith('.ts')) return edgesOf(root, file, readFileSync(file, 'utf8'));
    if (file.endsWith('.astro')) return astroScripts(readFileSync(file, 'utf8')).flatMap((code) => edgesOf(root, file, code));
    return [];
  });
}
