/**
 * The `PackageTarget` seam (src/README.md "Seams"): what one standard's
 * package is. Each standard gives its manifest's file name and text and
 * the schema files the package carries (src/standards/<id>/); the zip
 * writer (zip.ts) and the package assembly (package.ts) are shared.
 *
 * The package is one SCO spanning the whole course (src/README.md "LMS
 * lessons": Initialize once per launch, Terminate once), launched at a shell
 * page, `lms.html` by default.
 */
import type { CourseModel } from '../model/course';

/** The launch page of the single SCO, relative to the package root. */
export const DEFAULT_LAUNCH_HREF = 'lms.html';

export interface ManifestOptions {
  /**
   * Launch page of the SCO, relative to the package root (no leading `/`,
   * no scheme, no `..`); must be one of `files`. Defaults to `lms.html`.
   */
  launchHref?: string;
}

export interface PackageTarget {
  /** Stable id, used in package file names: `<course.id>-<id>.zip`. */
  id: string;
  /** Human-readable name, e.g. "SCORM 1.2". */
  label: string;
  /** The manifest's file name at the package root, e.g. `imsmanifest.xml` (IMS CP) or `cmi5.xml`. */
  manifestFile: string;
  /**
   * The manifest text for `course`.
   * @param files Every file of the content, relative to the package root, `/`-separated
   *   (the site files; not the manifest or schema files). Listed sorted in the manifest.
   */
  manifest(course: CourseModel, files: readonly string[], options?: ManifestOptions): string;
  /** Folder (absolute file URL) that holds this target's schema files. */
  schemaDir: URL;
  /**
   * Schema (XSD/DTD) files, relative to `schemaDir`, that the package carries
   * at its root beside the manifest (every file the root schemas import or
   * include, so the package validates offline).
   */
  schemaFiles: readonly string[];
  /**
   * IRIs the standard's runtime writes as identifiers, never fetched (cmi5's
   * xAPI verbs, categories, extensions): the relative-URL guard accepts them,
   * exactly, in every package, as the packages share one site.
   */
  identifiers?: readonly string[];
}

/** A standard's target: its id, label and manifest file name from the registry entry, the rest from its package module. */
export function packageTarget<Id extends string>(
  standard: { readonly id: Id; readonly label: string; readonly manifestFile: string },
  parts: Pick<PackageTarget, 'manifest' | 'schemaDir' | 'schemaFiles' | 'identifiers'>,
): PackageTarget & { id: Id } {
  return { id: standard.id, label: standard.label, manifestFile: standard.manifestFile, ...parts };
}
