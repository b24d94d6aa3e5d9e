/**
 * writePackages, the I/O edge: reads the built site (without packages/),
 * writes <course id>-scorm12.zip and -scorm2004.zip, and the zips pass
 * `unzip -t`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, writePackages } from '../../../src/packager/node';
import { packageTargets } from '../../../src/standards/packages';

const targets = [packageTargets.scorm12, packageTargets.scorm2004];
import { course, siteFiles } from '../../fixtures/packager/course';

const root = mkdtempSync(join(tmpdir(), 'packager-node-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function makeSite(name: string, extra: Record<string, string> = {}): string {
  const dist = join(root, name);
  const files: Record<string, string> = { ...Object.fromEntries(siteFiles.map((f) => [f.path, f.text])), ...extra };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

describe('writePackages', () => {
  it('writes both packages into outDir, leaving out packages/ itself, and reports their sizes', async () => {
    const dist = makeSite('site', { 'packages/old-scorm12.zip': 'stale' });
    const outDir = join(dist, 'packages');
    const written = await writePackages({ distDir: dist, course, outDir, targets });

    expect(written.map((w) => [w.target, w.file])).toEqual([
      ['scorm12', join(outDir, 'rct-intro-scorm12.zip')],
      ['scorm2004', join(outDir, 'rct-intro-scorm2004.zip')],
    ]);
    for (const w of written) {
      const zip = readFileSync(w.file);
      expect(w.bytes).toBe(zip.byteLength);
      expect(w.siteFiles).toBe(siteFiles.length);
      const names = Object.keys(unzipSync(new Uint8Array(zip)));
      expect(names).toContain('imsmanifest.xml');
      expect(names).toContain('lms.html');
      expect(names.some((n) => n.startsWith('packages/'))).toBe(false);
    }
  });

  it('writes zips that pass `unzip -t`', async () => {
    const dist = makeSite('site-unzip');
    const written = await writePackages({ distDir: dist, course, outDir: join(dist, 'packages'), targets });
    for (const w of written) {
      const result = spawnSync('unzip', ['-t', w.file], { encoding: 'utf8' });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/No errors detected/);
    }
  });

  it('writes the same bytes on a second build', async () => {
    const dist = makeSite('site-twice');
    const first = (await writePackages({ distDir: dist, course, outDir: join(root, 'out-1'), targets })).map((w) => readFileSync(w.file));
    const second = (await writePackages({ distDir: dist, course, outDir: join(root, 'out-2'), targets })).map((w) => readFileSync(w.file));
    expect(second.map((b, i) => b.equals(first[i] ?? Buffer.alloc(0)))).toEqual([true, true]);
  });

  it('writes nothing when the site holds an absolute URL', async () => {
    const dist = makeSite('site-bad', { 'read/bad.html': '<script src="https://cdn.example.com/x.js"></script>' });
    const outDir = join(root, 'out-bad');
    await expect(writePackages({ distDir: dist, course, outDir, targets })).rejects.toThrow(/read\/bad\.html:1 {2}https:\/\/cdn\.example\.com\/x\.js/);
    expect(existsSync(outDir)).toBe(false);
  });

  it('lists files with / separators, sorted, skipping the given folders', async () => {
    const dist = makeSite('site-list', { 'packages/x.zip': 'x', 'out/y.zip': 'y' });
    expect(await listFiles(dist, new Set(['packages', 'out']))).toEqual(siteFiles.map((f) => f.path).sort());
  });
});
