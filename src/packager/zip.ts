/**
 * Deterministic zip writer (src/README.md "Seams": the zip writer is shared,
 * deterministic and pure): the container is written here (APPNOTE.TXT 4.3),
 * each entry's data deflated by fflate's `deflateSync`, a pinned, pure-JS
 * deflate, so the bytes do not depend on the zlib a Node release bundles.
 *
 * The same entries give the same bytes on every machine, in every time zone,
 * on every run:
 * - entries are written in ascending path order (UTF-16 code unit order, as
 *   `Array.prototype.sort` compares strings), whatever the input order;
 * - every entry has the same modification time, 1980-01-01 00:00:00, the
 *   first instant an MS-DOS date can hold (APPNOTE.TXT 4.4.6), written as
 *   constant words, never from a Date;
 * - every entry has the same attributes: "made by" Unix, regular file,
 *   mode 0644 (APPNOTE.TXT 4.4.2, 4.4.15);
 * - deflate runs at a fixed level; already-compressed formats are stored.
 *
 * A build writes one package per standard from the same site files: a
 * `DeflateCache` passed to each call deflates each file's bytes once.
 *
 * This module imports nothing but fflate and node:zlib's CRC-32 so that a
 * plain `node` process can load it (tests run it under several `TZ` values
 * in child processes).
 */
import { deflateSync } from 'fflate';
import { crc32 } from 'node:zlib';

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

/** An entry's data as the archive holds it: deflated (method 8) or stored (method 0), with its CRC-32. */
interface Packed {
  method: 0 | 8;
  crc: number;
  body: Uint8Array;
}

/**
 * Packed entry data by the data's identity: the packages of one build share
 * their site files' byte arrays, so each is deflated once. Weak: nothing
 * outlives the build's files.
 */
export type DeflateCache = WeakMap<Uint8Array, Packed>;

export function deflateCache(): DeflateCache {
  return new WeakMap();
}

function pack(entry: ZipEntry, cache: DeflateCache | undefined): Packed {
  const known = cache?.get(entry.data);
  if (known) return known;
  const crc = crc32(entry.data);
  const packed: Packed = STORED_EXTENSIONS.has(extensionOf(entry.path))
    ? { method: 0, crc, body: entry.data }
    : { method: 8, crc, body: deflateSync(entry.data, { level: DEFLATE_LEVEL }) };
  cache?.set(entry.data, packed);
  return packed;
}

/** "Version needed to extract" 2.0: deflate (APPNOTE.TXT 4.4.3.2). */
const VERSION_NEEDED = 20;
/** General purpose bit 11: the name is UTF-8 (APPNOTE.TXT 4.4.4, appendix D). */
const UTF8_NAME = 1 << 11;
/** The largest size or offset a zip without Zip64 can hold (APPNOTE.TXT 4.4.8). */
const ZIP32_MAX = 0xffffffff;

/**
 * Write `entries` as a zip archive, deterministically (see the module
 * comment). Throws on unsafe or duplicate paths. With `cache`, data already
 * deflated for another archive of the same build is reused.
 */
export function zipDeterministic(entries: ReadonlyArray<ZipEntry>, cache?: DeflateCache): Uint8Array {
  const seen = new Set<string>();
  for (const { path } of entries) {
    assertSafeZipPath(path);
    if (seen.has(path)) throw new Error(`zip: duplicate entry path ${JSON.stringify(path)}`);
    seen.add(path);
  }

  const encoder = new TextEncoder();
  const files = [...entries]
    .sort((a, b) => comparePaths(a.path, b.path))
    .map((entry) => ({ name: encoder.encode(entry.path), flags: /^[\x20-\x7e]*$/.test(entry.path) ? 0 : UTF8_NAME, size: entry.data.byteLength, ...pack(entry, cache) }));

  const localSize = files.reduce((n, f) => n + 30 + f.name.byteLength + f.body.byteLength, 0);
  const centralSize = files.reduce((n, f) => n + 46 + f.name.byteLength, 0);
  if (localSize + centralSize + 22 > ZIP32_MAX || files.length > 0xffff) {
    throw new Error(`zip: ${files.length} entries of ${localSize} bytes need Zip64, which this writer does not write`);
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v >>> 0, true);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.byteLength;
  };
  /** The fields both headers of an entry share, "version needed" to the name's length (APPNOTE.TXT 4.3.7, 4.3.12). */
  const shared = (f: (typeof files)[number]) => {
    u16(VERSION_NEEDED);
    u16(f.flags);
    u16(f.method);
    u16(FIXED_DOS_TIME);
    u16(FIXED_DOS_DATE);
    u32(f.crc);
    u32(f.body.byteLength);
    u32(f.size);
    u16(f.name.byteLength);
  };

  // Local file headers, each followed by its data (APPNOTE.TXT 4.3.7).
  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(at);
    u32(0x04034b50);
    shared(f);
    u16(0); // no extra field
    bytes(f.name);
    bytes(f.body);
  }
  // The central directory (APPNOTE.TXT 4.3.12).
  const centralStart = at;
  files.forEach((f, i) => {
    u32(0x02014b50);
    u16((OS_UNIX << 8) | VERSION_NEEDED);
    shared(f);
    u16(0); // extra field length
    u16(0); // comment length
    u16(0); // disk number start
    u16(0); // internal attributes
    u32(UNIX_FILE_0644);
    u32(offsets[i]!);
    bytes(f.name);
  });
  // End of central directory record (APPNOTE.TXT 4.3.16).
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(files.length);
  u16(files.length);
  u32(centralSize);
  u32(centralStart);
  u16(0); // comment length
  return out;
}
