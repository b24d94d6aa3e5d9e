/**
 * The course's search index, made by Pagefind from the finished reader
 * pages, after the build's own passes and before the packages take the
 * site, so the index travels in every package. Only what a page marks
 * `data-pagefind-body` is read (the module pages, the glossary, the
 * references: src/modes/read/Layout.astro `indexed`), less what it marks
 * `data-pagefind-ignore` (the words of the interface around checks and
 * reflections). Pagefind never indexes the text of a form or a <label>, so
 * a check's and a reflection's prompt are also given to it in an attribute
 * (`data-pagefind-index-attrs="data-prompt"`). Learners' answers and
 * reflections are never in the built HTML, so they cannot be indexed. Pagefind writes its own interfaces
 * too (its UI, component and highlight scripts, about 450 KB); the reader has
 * its own search form (src/modes/read/runtime/search.ts), so only the search
 * runtime, its worker, its WebAssembly and the index are kept.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
// Pagefind's Node API starts its indexing binary only when an index is made, so `astro dev` never starts it.
import * as pagefind from 'pagefind';
import { paths } from '../site/urls';

/** The folder the index lives in, from the site root ("pagefind"). */
export const SEARCH_DIR = paths.search.slice(0, paths.search.lastIndexOf('/'));

/**
 * The one absolute URL Pagefind's runtime holds: a base it parses
 * root-relative result URLs against (`new URL(\`https://example.com${url}\`)`,
 * then strips again), never fetched. Allowed exactly, for the package guard.
 */
export const searchRuntimeUrls: readonly RegExp[] = [/^https:\/\/example\.com\$\{…\}$/];

/** What Pagefind's pagefind-entry.json says of the index (the fields read here). */
export interface SearchEntry {
  languages: Record<string, { wasm?: string | null; page_count: number }>;
}

/**
 * Whether a file Pagefind writes (its path inside its folder) is one the
 * reader's search loads: the runtime and its worker, the entry, and each
 * indexed language's meta, index chunks and WebAssembly (only the
 * languages' own: the pages all declare theirs, so the "unknown" language's
 * is never loaded). Pure.
 */
export function keptSearchFile(path: string, entry: SearchEntry): boolean {
  const wasm = new Set(Object.values(entry.languages).map((l) => `wasm.${l.wasm ?? 'unknown'}.pagefind`));
  return (
    path === 'pagefind.js' ||
    path === 'pagefind-worker.js' ||
    path === 'pagefind-entry.json' ||
    wasm.has(path) ||
    /^pagefind\.[^/]+\.pf_meta$/.test(path) ||
    /^(index|fragment|filter)\/[^/]+\.pf_(index|fragment|filter)$/.test(path)
  );
}

export interface SearchIndexResult {
  /** Pages indexed (those marked data-pagefind-body). */
  pages: number;
  /** Files written under SEARCH_DIR, from the site root. */
  files: string[];
  bytes: number;
}

/** Index the built site in `root` and write the kept files to `root/pagefind/`. Throws with Pagefind's own errors. */
export async function writeSearchIndex(root: string): Promise<SearchIndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`search index: Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: root, glob: '**/*.html' });
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join('; ')}`);
    const got = await index.getFiles();
    if (got.errors.length > 0) throw new Error(`search index: ${got.errors.join('; ')}`);
    const files = got.files.map((f) => ({ path: f.path.split('\\').join('/').replace(/^\/+/, ''), content: f.content }));
    const entryFile = files.find((f) => f.path === 'pagefind-entry.json');
    if (!entryFile) throw new Error('search index: Pagefind wrote no pagefind-entry.json; its output changed, update src/integrations/search.ts');
    const entry = JSON.parse(new TextDecoder().decode(entryFile.content)) as SearchEntry;
    const written: string[] = [];
    let bytes = 0;
    for (const { path, content } of files) {
      if (!keptSearchFile(path, entry)) continue;
      const to = join(root, SEARCH_DIR, path);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, content);
      written.push(`${SEARCH_DIR}/${path}`);
      bytes += content.byteLength;
    }
    if (!written.includes(paths.search)) throw new Error(`search index: Pagefind wrote no ${paths.search}; its output changed, update src/integrations/search.ts keptSearchFile`);
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    return { pages, files: written.sort(), bytes };
  } finally {
    await pagefind.close();
  }
}
