/**
 * The packager's pure API: manifests per standard, the deterministic zip
 * writer, package assembly and the relative-URL check. The file-system edge
 * is `./node` (kept apart so nothing here touches `node:*`).
 */
export type { ManifestOptions, PackageTarget, PackageTargetId } from './target';
export { DEFAULT_LAUNCH_HREF } from './target';
export { scorm12, scorm2004, targets } from './targets/index';
export { buildPackage, packageFileName, type BuildPackageOptions, type PackageFile } from './package';
export {
  AbsoluteUrlError,
  assertRelativeUrls,
  findAbsoluteUrls,
  type AbsoluteUrlFinding,
  type FindAbsoluteUrlsOptions,
} from './relative-urls';
export { assertSafeZipPath, zipDeterministic, type ZipEntry } from './zip';
export { MANIFEST_FILE, packageIds, packageTitles, type PackageIds, type PackageTitles } from './manifest-parts';
export { escapeXml, isXmlId, xmlId } from './xml';
