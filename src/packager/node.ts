/**
 * The thin I/O edge of the packager (src/README.md "The build hook is thin"):
 * read the built site and the schema files, hand them to the pure
 * `buildPackage`, write one zip per target. Called from the Astro
 * `astro:build:done` hook.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CourseModel } from '../model/course';
import { PACKAGES_DIR, packageFileName } from '../site/urls';
import { buildPackage, type PackageFile } from './package';
import type { PackageTarget } from './target';
import { comparePaths } from './zip';

export interface WritePackagesOptions {
  /** The built site (Astro's `dist/`). Every file under it is packaged, except `packages/` and `outDir`. */
  distDir: string;
  course: CourseModel;
  /** Where the zips go, e.g. `dist/packages`. Created if missing. */
  outDir: string;
  /** Launch page of the SCO, relative to distDir; defaults to `lms.html`. */
  launchHref?: string;
  /** Absolute URLs to accept (see `BuildPackageOptions.allowUrls`). */
  allowUrls?: ReadonlyArray<string | RegExp>;
  /** The targets to write, one zip each (the integration passes every standard's, src/standards/registry.ts). */
  targets: readonly PackageTarget[];
  /** Site files the packages leave out, worked out from the built site (e.g. the phones' page of live answers, src/modes/audience/packaged.ts). */
  exclude?: (site: ReadonlyArray<PackageFile>) => readonly string[];
}

export interface WrittenPackage {
  target: string;
  /** Absolute path of the zip written. */
  file: string;
  /** Size of the zip in bytes. */
  bytes: number;
  /** Number of site files packaged (schema files and manifest not counted). */
  siteFiles: number;
}

/** Every file under `root`, as `/`-separated paths relative to `root`, sorted; `skip` folders excluded. */
export async function listFiles(root: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      const rel = relative(root, abs).split(sep).join('/');
      if (skip.has(rel)) continue;
      const kind = entry.isSymbolicLink() ? await stat(abs) : entry;
      if (kind.isDirectory()) await walk(abs);
      else if (kind.isFile()) found.push(rel);
    }
  };
  await walk(root);
  return found.sort(comparePaths);
}

async function readAll(root: string, paths: readonly string[]): Promise<PackageFile[]> {
  return Promise.all(
    paths.map(async (path) => ({ path, data: new Uint8Array(await readFile(join(root, ...path.split('/')))) })),
  );
}

/**
 * Build every target's package from the site in `distDir` and write
 * `<outDir>/<course.id>-<target id>.zip` for each.
 * Throws, writing nothing, if a package would be invalid, e.g. the site holds
 * an absolute URL or lacks the launch page.
 */
export async function writePackages(options: WritePackagesOptions): Promise<WrittenPackage[]> {
  const distDir = resolve(options.distDir);
  const outDir = resolve(options.outDir);

  const skip = new Set([PACKAGES_DIR]);
  const outRel = relative(distDir, outDir);
  if (outRel !== '' && !outRel.startsWith('..') && !outRel.startsWith(sep) && outRel !== outDir) {
    skip.add(outRel.split(sep).join('/'));
  }
  const read = await readAll(distDir, await listFiles(distDir, skip));
  const left = new Set(options.exclude?.(read) ?? []);
  const site = read.filter((f) => !left.has(f.path));

  // Build every package before writing any, so a refused package leaves no partial output.
  const built: Array<{ target: PackageTarget; zip: Uint8Array }> = [];
  for (const target of options.targets) {
    const schemaRoot = fileURLToPath(target.schemaDir);
    const xsd = await Promise.all(
      target.schemaFiles.map(async (path) => ({ path, data: new Uint8Array(await readFile(join(schemaRoot, path))) })),
    );
    const zip = buildPackage(target, options.course, site, xsd, {
      ...(options.launchHref === undefined ? {} : { launchHref: options.launchHref }),
      ...(options.allowUrls === undefined ? {} : { allowUrls: options.allowUrls }),
    });
    built.push({ target, zip });
  }

  await mkdir(outDir, { recursive: true });
  const written: WrittenPackage[] = [];
  for (const { target, zip } of built) {
    const file = join(outDir, packageFileName(options.course.course.id, target.id));
    await writeFile(file, zip);
    written.push({ target: target.id, file, bytes: zip.byteLength, siteFiles: site.length });
  }
  return written;
}
