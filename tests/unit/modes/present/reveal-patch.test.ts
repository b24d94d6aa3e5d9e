/**
 * The deck ships reveal.js with patches/reveal.js+6.0.2.patch applied (a
 * slide change in O(view distance), patches/README.md): an install that did
 * not apply it (no postinstall, a reveal.js the patch was not written for)
 * would build a deck whose slide changes grow with its length again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');
const patchDir = join(root, 'patches');
// Where npm installs it (its exports map does not expose package.json to require.resolve).
const revealDir = join(root, 'node_modules', 'reveal.js');

/** Each file a patch changes, with the lines it adds (patch-package applies a patch whole or not at all). */
function addedLines(text: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    const file = /^\+\+\+ b\/node_modules\/reveal\.js\/(.+)$/.exec(line);
    if (file) files.set(file[1]!, (current = []));
    else if (current && line.startsWith('+')) current.push(line.slice(1));
  }
  return files;
}

describe('reveal.js as the deck bundles it (patches/)', () => {
  const patches = readdirSync(patchDir).filter((f) => f.startsWith('reveal.js+') && f.endsWith('.patch'));

  it('has one patch, written for the installed version', () => {
    const { version } = JSON.parse(readFileSync(join(revealDir, 'package.json'), 'utf8')) as { version: string };
    expect(patches).toEqual([`reveal.js+${version}.patch`]);
  });

  it('is installed: every line the patch adds is in the installed file', () => {
    const files = addedLines(readFileSync(join(patchDir, patches[0]!), 'utf8'));
    expect([...files.keys()]).toEqual(['dist/reveal.mjs']);
    for (const [file, added] of files) {
      const lines = new Set(readFileSync(join(revealDir, file), 'utf8').split('\n'));
      expect(added.length).toBeGreaterThan(0);
      expect(added.filter((l) => !lines.has(l)), `${file}: lines the patch adds, missing (run npm ci: its postinstall applies patches/)`).toEqual([]);
    }
  });

  it('is the file the deck imports', () => {
    const pkg = JSON.parse(readFileSync(join(revealDir, 'package.json'), 'utf8')) as { exports: { '.': { import: string } } };
    expect(pkg.exports['.'].import).toBe('./dist/reveal.mjs');
    expect(readFileSync(join(revealDir, 'dist/reveal.mjs'), 'utf8')).toContain('[patch: slide change in O(view distance)]');
  });
});
