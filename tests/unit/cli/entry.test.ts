/**
 * The entry-point check of the commands (src/cli/shared/entry.ts): a command
 * run from a folder whose path has a space, or through a symlink, runs;
 * imported by another module, it does not. The old check,
 * `import.meta.url === \`file://${process.argv[1]}\``, made `npm run serve`
 * exit 0 having done nothing from such a folder.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isEntryPoint } from '../../../src/cli/shared/entry.ts';
import { REPO, rawRequest, runNode, spacedTempDir, startNode, stop, writeTree } from './helpers.ts';

const work = spacedTempDir('entry');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const helperUrl = pathToFileURL(join(REPO, 'src/cli/shared/entry.ts')).href;
const script = `import { isEntryPoint } from ${JSON.stringify(helperUrl)};
if (isEntryPoint(import.meta.url)) console.log('main ran');
export const loaded = true;
`;

describe('isEntryPoint', () => {
  const dir = join(work, 'My Courses', 'tools');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'command.mjs'), script);

  it('is true for the script node runs, from a folder with a space', async () => {
    const run = await runNode([join(dir, 'command.mjs')], work);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('main ran');
  });

  it('is true with a relative path and through a symlink (also with spaces)', async () => {
    const relative = await runNode(['tools/command.mjs'], join(work, 'My Courses'));
    expect(relative.stdout.trim()).toBe('main ran');
    const links = join(work, 'linked folder');
    mkdirSync(links);
    symlinkSync(join(dir, 'command.mjs'), join(links, 'the command.mjs'));
    const linked = await runNode([join(links, 'the command.mjs')], work);
    expect(linked.stdout.trim()).toBe('main ran');
  });

  it('is false in a module the script imports', async () => {
    writeFileSync(join(dir, 'importer.mjs'), `import { loaded } from './command.mjs';\nconsole.log(loaded ? 'imported only' : '');\n`);
    const run = await runNode([join(dir, 'importer.mjs')], work);
    expect(run.stdout.trim()).toBe('imported only');
  });

  it('is false without a script (node -e) or for a path that does not exist', () => {
    expect(isEntryPoint(import.meta.url, undefined)).toBe(false);
    expect(isEntryPoint(import.meta.url, join(work, 'no such file.ts'))).toBe(false);
    expect(isEntryPoint(pathToFileURL(join(REPO, 'src/cli/serve.ts')).href, join(REPO, 'src/cli/serve.ts'))).toBe(true);
  });
});

describe('the commands from a folder with a space', () => {
  // A checkout in "…/entry with space-…/course builder/": the commands and their node_modules.
  const checkout = join(work, 'course builder');
  mkdirSync(checkout, { recursive: true });
  // The commands and what they load from the rest of src/ (the registry of standards, the session…).
  cpSync(join(REPO, 'src'), join(checkout, 'src'), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(checkout, 'node_modules'));
  writeTree(join(checkout, 'dist'), { 'index.html': '<h1>served</h1>', 'present.html': '<h1>deck</h1>' });

  it('`node src/cli/serve.ts` serves', async () => {
    const { child, match } = await startNode(['src/cli/serve.ts', '--port', '0'], checkout, /Serving dist\/ at http:\/\/127\.0\.0\.1:(\d+)\//);
    try {
      const reply = await rawRequest(Number(match[1]), '/index.html');
      expect([reply.status, reply.body]).toEqual([200, '<h1>served</h1>']);
    } finally {
      await stop(child);
    }
  });

  it('`node src/cli/preview-lms.ts` serves its host page', async () => {
    const { child, match } = await startNode(['src/cli/preview-lms.ts', '--port', '0'], checkout, /LMS preview at http:\/\/127\.0\.0\.1:(\d+)\//);
    try {
      const reply = await rawRequest(Number(match[1]), '/host.js');
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('lmsPreview');
    } finally {
      await stop(child);
    }
  });

  it('`node src/cli/handout.ts` runs (and says what is missing)', async () => {
    const run = await runNode(['src/cli/handout.ts', '--dir', 'nowhere'], checkout);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No nowhere/present.html to print: run "npm run build" first.');
  });
});
