/**
 * Assemble one package: the built site, the target's schema files at the
 * root, and the target's manifest (`imsmanifest.xml` for SCORM) (IMS CP 1.1.4 §3: the manifest sits at the
 * root of the package interchange file; SCORM 2004 4th Ed. CAM 3.2 / SCORM
 * 1.2 CAM §2.3: the schema files it names travel with it). Pure.
 */
import type { CourseModel } from '../model/course';
import { AbsoluteUrlError, findAbsoluteUrls, scannedKind, type AbsoluteUrlFinding, type FindAbsoluteUrlsOptions } from './relative-urls';
import type { ManifestOptions, PackageTarget } from './target';
import { deflateCache, zipDeterministic, type ZipEntry } from './zip';

/** A file of the package: a path relative to the package root, and its bytes. */
export type PackageFile = ZipEntry;

export interface BuildPackageOptions extends ManifestOptions {
  /**
   * URLs to accept although absolute (prefix strings or RegExps), e.g. an
   * external reading link the author wants. Everything else absolute or
   * root-relative refuses the package (relative-urls.ts).
   */
  allowUrls?: ReadonlyArray<string | RegExp>;
}


const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8');

/**
 * The zip bytes of `target`'s package for `course`.
 *
 * @param siteFiles the built site (every file the SCO needs, launch page included)
 * @param xsdFiles exactly the target's `schemaFiles`, with `path` the file name at the package root
 * @throws if a site file would overwrite the manifest or a schema file, a schema
 *   file is missing or unexpected, the launch page is missing, a path is unsafe,
 *   or an HTML/CSS/JS/XML file (or the manifest) holds an absolute URL.
 */
/**
 * What the relative-URL guard found in each site file, by the file's bytes
 * and the allow list: one build's packages share their site files, so each
 * file is scanned once, not once per standard (the scan is most of the
 * packager's time). Keyed weakly: nothing outlives the build's files.
 */
const scans = new WeakMap<object, WeakMap<Uint8Array, AbsoluteUrlFinding[]>>();
const NO_ALLOW = {};
/** Each site file deflated once for all of a build's packages (zip.ts `DeflateCache`). */
const deflated = deflateCache();

function siteFileFindings(file: PackageFile, options: FindAbsoluteUrlsOptions): AbsoluteUrlFinding[] {
  const key = options.allow ?? NO_ALLOW;
  let byData = scans.get(key);
  if (!byData) scans.set(key, (byData = new WeakMap()));
  let found = byData.get(file.data);
  if (!found) byData.set(file.data, (found = findAbsoluteUrls(file.path, fromUtf8.decode(file.data), options)));
  return found;
}

export function buildPackage(
  target: PackageTarget,
  course: CourseModel,
  siteFiles: ReadonlyArray<PackageFile>,
  xsdFiles: ReadonlyArray<PackageFile>,
  options: BuildPackageOptions = {},
): Uint8Array {
  const schemaNames = new Set<string>(target.schemaFiles);
  const given = new Set(xsdFiles.map((f) => f.path));
  const missing = target.schemaFiles.filter((f) => !given.has(f));
  if (missing.length > 0) {
    throw new Error(`packager: ${target.label} needs the schema files ${missing.join(', ')} (from ${target.schemaDir.pathname})`);
  }
  const unexpected = [...given].filter((f) => !schemaNames.has(f));
  if (unexpected.length > 0) {
    throw new Error(`packager: ${unexpected.join(', ')} ${unexpected.length === 1 ? 'is not a schema file' : 'are not schema files'} of ${target.label}`);
  }
  for (const file of siteFiles) {
    if (file.path === target.manifestFile || schemaNames.has(file.path)) {
      throw new Error(`packager: the site file ${JSON.stringify(file.path)} would overwrite a file the ${target.label} package needs at its root`);
    }
  }

  const manifest = target.manifest(
    course,
    siteFiles.map((f) => f.path),
    options.launchHref === undefined ? {} : { launchHref: options.launchHref },
  );

  const allow = options.allowUrls === undefined ? {} : { allow: options.allowUrls };
  const findings = siteFiles.filter((f) => scannedKind(f.path) !== null).flatMap((f) => siteFileFindings(f, allow));
  findings.push(...findAbsoluteUrls(target.manifestFile, manifest, allow));
  if (findings.length > 0) throw new AbsoluteUrlError(findings);

  return zipDeterministic([...siteFiles, ...xsdFiles, { path: target.manifestFile, data: utf8.encode(manifest) }], deflated);
}
