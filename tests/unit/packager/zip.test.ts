/**
 * The zip writer is deterministic: the same entries give the same bytes in
 * any order, on any run, in any time zone; entries are sorted, timestamps
 * and attributes fixed; unsafe paths are refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFLATE_LEVEL,
  FIXED_DOS_DATE,
  FIXED_DOS_TIME,
  assertSafeZipPath,
  deflateCache,
  zipDeterministic,
  type ZipEntry,
} from '../../../src/packager/zip';
import { readCentralDirectory } from '../../fixtures/packager/zip-reader';

const enc = new TextEncoder();
const entries: ZipEntry[] = [
  { path: 'read/index.html', data: enc.encode('<!doctype html><title>Read</title>'.repeat(20)) },
  { path: 'lms.html', data: enc.encode('<!doctype html><title>LMS</title>') },
  { path: '_astro/app.js', data: enc.encode('export const x = 1;\n'.repeat(200)) },
  { path: 'images/chart.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255]) },
  { path: 'Zebra.txt', data: enc.encode('upper case sorts before lower case') },
  { path: 'empty.txt', data: new Uint8Array(0) },
  { path: 'fonts/ünïcode näme.woff2', data: enc.encode('not really a font') },
];
const sortedNames = entries.map((e) => e.path).sort();

const tmp = mkdtempSync(join(tmpdir(), 'packager-zip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('zipDeterministic', () => {
  it('gives identical bytes for the same entries, whatever their order', () => {
    const a = zipDeterministic(entries);
    const b = zipDeterministic([...entries].reverse());
    const c = zipDeterministic(entries.map((e) => ({ path: e.path, data: e.data.slice() })));
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(c).equals(Buffer.from(a))).toBe(true);
  });

  it('writes entries sorted by path, in the central directory and in the file body', () => {
    const central = readCentralDirectory(zipDeterministic(entries));
    expect(central.map((e) => e.name)).toEqual(sortedNames);
    const offsets = central.map((e) => e.localHeaderOffset);
    expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
  });

  it('stamps every entry 1980-01-01 00:00:00 and Unix mode 0644, in both headers', () => {
    for (const e of readCentralDirectory(zipDeterministic(entries))) {
      expect([e.dosDate, e.dosTime, e.local.dosDate, e.local.dosTime], e.name).toEqual([
        FIXED_DOS_DATE, FIXED_DOS_TIME, FIXED_DOS_DATE, FIXED_DOS_TIME,
      ]);
      expect(e.versionMadeBy >> 8, e.name).toBe(3);
      expect(e.externalAttributes >>> 16, e.name).toBe(0o100644);
    }
    expect(FIXED_DOS_DATE).toBe(0x0021); // year 0 (1980), month 1, day 1
  });

  it('deflates text at a fixed level and stores already-compressed formats', () => {
    expect(DEFLATE_LEVEL).toBe(9);
    const byName = new Map(readCentralDirectory(zipDeterministic(entries)).map((e) => [e.name, e]));
    expect(byName.get('_astro/app.js')?.method).toBe(8);
    expect(byName.get('images/chart.png')?.method).toBe(0);
    expect(byName.get('fonts/ünïcode näme.woff2')?.method).toBe(0);
  });

  it('reads back: every entry decompresses to its data and matches its CRC-32', () => {
    const zip = zipDeterministic(entries);
    const out = unzipSync(zip);
    expect(Object.keys(out).sort()).toEqual(sortedNames);
    const central = new Map(readCentralDirectory(zip).map((e) => [e.name, e]));
    for (const e of entries) {
      expect(Buffer.from(out[e.path] ?? []).equals(Buffer.from(e.data)), e.path).toBe(true);
      expect(central.get(e.path)?.crc32, e.path).toBe(crc32(e.data));
      expect(central.get(e.path)?.local.crc32, e.path).toBe(crc32(e.data));
    }
  });

  it('passes `unzip -t`', () => {
    const which = spawnSync('which', ['unzip'], { encoding: 'utf8' });
    expect(which.status, 'unzip is needed for this test').toBe(0);
    const file = join(tmp, 'test.zip');
    writeFileSync(file, zipDeterministic(entries));
    const result = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/No errors detected/);
  });

  it('gives identical bytes under TZ=UTC, Pacific/Kiritimati (+14) and America/Los_Angeles (-8)', () => {
    const script = fileURLToPath(new URL('../../fixtures/packager/zip-in-tz.mjs', import.meta.url));
    const input = JSON.stringify(entries.map((e) => ({ path: e.path, base64: Buffer.from(e.data).toString('base64') })));
    const here = Buffer.from(zipDeterministic(entries)).toString('base64');
    const runs = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].map((tz) => {
      const child = spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', script], {
        input,
        encoding: 'utf8',
        env: { ...process.env, TZ: tz },
      });
      expect(child.status, child.stderr).toBe(0);
      return JSON.parse(child.stdout) as { tz: string; offsetMinutes: number; zip: string };
    });
    // Each child really ran in its zone…
    expect(runs.map((r) => [r.tz, r.offsetMinutes])).toEqual([
      ['UTC', 0],
      ['Pacific/Kiritimati', -840],
      ['America/Los_Angeles', 480],
    ]);
    // …and wrote the same bytes as each other and as this process.
    for (const r of runs) expect(r.zip, r.tz).toBe(here);
  }, 30_000);

  it('refuses absolute, parent-relative and otherwise unsafe paths with a clear error', () => {
    const data = new Uint8Array(1);
    const refused: Array<[string, RegExp]> = [
      ['/etc/passwd', /absolute/],
      ['../evil.html', /"\.\." segment/],
      ['a/../../evil.html', /"\.\." segment/],
      ['a/./b.html', /"\." segment/],
      ['a//b.html', /empty segment/],
      ['C:/evil.html', /drive letter/],
      ['a\\b.html', /backslash/],
      ['dir/', /ends with "\/"/],
      ['', /empty/],
      ['a\u0000b', /control character/],
    ];
    for (const [path, why] of refused) {
      expect(() => zipDeterministic([{ path, data }]), JSON.stringify(path)).toThrow(why);
      expect(() => zipDeterministic([{ path, data }]), JSON.stringify(path)).toThrow(/^zip: refusing entry path/);
    }
    expect(() => zipDeterministic([{ path: 'a.txt', data }, { path: 'a.txt', data }])).toThrow(/duplicate entry path "a.txt"/);
    expect(() => assertSafeZipPath('_astro/x.js')).not.toThrow();
    expect(() => assertSafeZipPath('.well-known/a..b.txt')).not.toThrow();
  });

  it('keeps a bare number among the names in sorted order', () => {
    const names = readCentralDirectory(zipDeterministic([{ path: 'b.txt', data: enc.encode('b') }, { path: '404', data: enc.encode('4') }, { path: '10', data: enc.encode('1') }])).map((e) => e.name);
    expect(names).toEqual(['10', '404', 'b.txt']);
  });

  it('with a deflate cache shared by several archives, writes the same bytes and deflates each file once', () => {
    const cache = deflateCache();
    const first = zipDeterministic(entries, cache);
    // What the first archive deflated is reused: a second archive with one more entry holds the same compressed bodies.
    const second = zipDeterministic([...entries, { path: 'imsmanifest.xml', data: enc.encode('<manifest/>') }], cache);
    expect(Buffer.from(first).equals(Buffer.from(zipDeterministic(entries)))).toBe(true);
    const body = (zip: Uint8Array, name: string) => {
      const e = readCentralDirectory(zip).find((x) => x.name === name)!;
      return Buffer.from(zip.subarray(e.localHeaderOffset + 30 + Buffer.byteLength(name), e.localHeaderOffset + 30 + Buffer.byteLength(name) + e.compressedSize));
    };
    for (const e of entries) {
      expect(cache.has(e.data), e.path).toBe(true);
      expect(body(second, e.path).equals(body(first, e.path)), e.path).toBe(true);
    }
    expect(Object.keys(unzipSync(second)).sort()).toEqual([...sortedNames, 'imsmanifest.xml'].sort());
  });
});
