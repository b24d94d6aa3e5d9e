/**
 * Deterministic zip writer on top of fflate's `zipSync` (src/README.md "Seams":
 * the zip writer is shared, deterministic and pure).
 *
 * The same entries give the same bytes on every machine, in every time zone,
 * on every run:
 * - entries are written in ascending path order (UTF-16 code unit order, as
 *   `Array.prototype.sort` compares strings), whatever the input order;
 * - every entry has the same modification time, 1980-01-01 00:00:00, the
 *   first instant an MS-DOS date can hold (APPNOTE.TXT 4.4.6);
 * - every entry has the same attributes: "made by" Unix, regular file,
 *   mode 0644 (APPNOTE.TXT 4.4.2, 4.4.15);
 * - deflate runs at a fixed level; already-compressed formats are stored.
 *
 * This module imports nothing but fflate so that a plain `node` process can
 * load it (tests run it under several `TZ` values in child processes).
 */
import { zipSync } from 'fflate';
import type { ZipOptions, Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive: relative, `/`-separated, e.g. "_astro/app.js". */
  path: string;
  data: Uint8Array;
}

/** Deflate level used for every compressible entry (0 = store … 9 = smallest). */
export const DEFLATE_LEVEL = 9;

/**
 * File name extensions whose content is already compressed: stored (method 0)
 * rather than deflated, which would only cost time.
 */
const STORED_EXTENSIONS = new Set([
  'avif', 'gif', 'gz', 'jpeg', 'jpg', 'mp3', 'mp4', 'ogg', 'png', 'webm', 'webp', 'woff', 'woff2', 'zip',
]);

/** Unix regular file, rw-r--r--, in the high 16 bits of the external attributes (APPNOTE.TXT 4.4.15). */
const UNIX_FILE_0644 = (0o100644 << 16) >>> 0;
/** "Version made by" host system 3 = UNIX (APPNOTE.TXT 4.4.2.2). */
const OS_UNIX = 3;

/**
 * fflate writes the entry time from a JS Date's *local* fields
 * (`getFullYear()`, `getHours()`, …). A Date built from local fields reads
 * the same fields back in every time zone, so the DOS timestamp bytes do not
 * depend on `TZ`. (Checked for every IANA zone Node knows: none has a
 * transition at this instant; `fixedModificationTime` still verifies it.)
 */
export function fixedModificationTime(): Date {
  const d = new Date(1980, 0, 1, 0, 0, 0, 0);
  if (
    d.getFullYear() !== 1980 || d.getMonth() !== 0 || d.getDate() !== 1 ||
    d.getHours() !== 0 || d.getMinutes() !== 0 || d.getSeconds() !== 0
  ) {
    throw new Error(`zip: the local time zone cannot represent 1980-01-01 00:00:00 (got ${d.toString()})`);
  }
  return d;
}

/** The DOS date and time words every entry carries: 1980-01-01, 00:00:00. */
export const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1; // year-1980 | month | day
export const FIXED_DOS_TIME = 0;

/**
 * Throw unless `path` is a safe, relative archive path: not empty, `/`
 * separators only, no leading `/` or drive letter, no empty, `.` or `..`
 * segments, no trailing `/`, no control characters. Such paths cannot
 * escape the folder an LMS extracts the package into ("zip slip").
 */
export function assertSafeZipPath(path: string): void {
  const fail = (why: string): never => {
    throw new Error(`zip: refusing entry path ${JSON.stringify(path)}: ${why}`);
  };
  if (path.length === 0) fail('it is empty');
  if (/[\u0000-\u001F\u007F]/.test(path)) fail('it contains a control character');
  if (path.includes('\\')) fail('it contains a backslash; use "/" as the separator');
  if (path.startsWith('/')) fail('it is absolute; paths must be relative to the package root');
  if (/^[A-Za-z]:/.test(path)) fail('it starts with a drive letter; paths must be relative to the package root');
  if (path.endsWith('/')) fail('it ends with "/"; give files only, folders are implied');
  for (const segment of path.split('/')) {
    if (segment === '..') fail('it contains a ".." segment');
    if (segment === '.') fail('it contains a "." segment');
    if (segment === '') fail('it contains an empty segment ("//")');
  }
}

/** Ascending UTF-16 code unit order, the order entries are written in. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Write `entries` as a zip archive, deterministically (see the module
 * comment). Throws on unsafe or duplicate paths.
 */
export function zipDeterministic(entries: ReadonlyArray<ZipEntry>): Uint8Array {
  const seen = new Set<string>();
  for (const { path } of entries) {
    assertSafeZipPath(path);
    if (seen.has(path)) throw new Error(`zip: duplicate entry path ${JSON.stringify(path)}`);
    seen.add(path);
    // fflate walks its input object with for…in; JS enumerates integer-like
    // keys ("1", "404") first in numeric order, which would break the sort.
    if (/^(?:0|[1-9][0-9]*)$/.test(path)) {
      throw new Error(
        `zip: refusing entry path ${JSON.stringify(path)}: a bare number at the root cannot be kept in sorted order; give it an extension`,
      );
    }
  }

  const mtime = fixedModificationTime();
  const common: ZipOptions = { mtime, os: OS_UNIX, attrs: UNIX_FILE_0644 };
  const input: Zippable = {};
  for (const entry of [...entries].sort((a, b) => comparePaths(a.path, b.path))) {
    const level = STORED_EXTENSIONS.has(extensionOf(entry.path)) ? 0 : DEFLATE_LEVEL;
    input[entry.path] = [entry.data, { ...common, level }];
  }
  return zipSync(input, { ...common, level: DEFLATE_LEVEL });
}
