/**
 * The `PackageTarget` seam (DESIGN.md "Seams"): one file per packaging
 * standard, each giving the manifest text and the schema files the package
 * carries. The zip writer (zip.ts) and the package assembly (package.ts) are
 * shared by every target.
 *
 * The package is one SCO spanning the whole course (DESIGN.md "Hard-won LMS
 * lessons": Initialize once per launch, Terminate once), launched at a shell
 * page, `lms.html` by default.
 */
import type { CourseModel } from '../model/course';

/** The launch page of the single SCO, relative to the package root. */
export const DEFAULT_LAUNCH_HREF = 'lms.html';

export type PackageTargetId = 'scorm12' | 'scorm2004';

export interface ManifestOptions {
  /**
   * Launch page of the SCO, relative to the package root (no leading `/`,
   * no scheme, no `..`); must be one of `files`. Defaults to `lms.html`.
   */
  launchHref?: string;
}

export interface PackageTarget {
  /** Stable id, used in package file names: `<course.id>-<id>.zip`. */
  id: PackageTargetId;
  /** Human-readable name, e.g. "SCORM 1.2". */
  label: string;
  /**
   * The `imsmanifest.xml` text for `course`.
   * @param files Every file of the SCO, relative to the package root, `/`-separated
   *   (the site files; not the manifest or schema files). Listed sorted in the manifest.
   */
  manifest(course: CourseModel, files: readonly string[], options?: ManifestOptions): string;
  /** Folder under `src/packager/xsd/` that holds this target's schema files. */
  schemaDir: string;
  /**
   * Schema (XSD/DTD) files, relative to `src/packager/xsd/<schemaDir>/`, that the
   * package carries at its root beside `imsmanifest.xml` (every file the root
   * schemas import or include, so the package validates offline).
   */
  schemaFiles: readonly string[];
}
