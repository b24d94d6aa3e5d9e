/**
 * What every manifest target derives the same way from the course model:
 * identifiers, titles, the mastery score, and the checked, sorted file list.
 * Pure.
 */
import type { CourseModel } from '../model/course';
import { DEFAULT_LAUNCH_HREF, type ManifestOptions } from './target';
import { truncate, xmlId } from './xml';
import { assertSafeZipPath, comparePaths } from './zip';

/** The file name IMS CP requires at the package root (IMS CP 1.1.4 §3; SCORM 2004 CAM 3.2; SCORM 1.2 CAM §2.3). */
export const IMS_MANIFEST_FILE = 'imsmanifest.xml';

/**
 * The "smallest permitted maximum" for titles in both SCORM versions
 * (SCORM 1.2 CAM 2.3.x `<title>`, enforced by imscp_rootv1p1p2.xsd;
 * SCORM 2004 CAM 3.4.1.9 / 3.4.1.12, SPM 200 characters).
 */
export const TITLE_MAX = 200;

export interface PackageIds {
  /** `<manifest identifier>`: course id + version, e.g. "rct-intro-1.0.0". */
  manifest: string;
  /** `<organization identifier>`, also `<organizations default>`. */
  organization: string;
  /** `<item identifier>` of the single SCO. */
  item: string;
  /** `<resource identifier>`, the item's `identifierref`. */
  resource: string;
  /**
   * SCORM 2004 primary objective id (`imsss:primaryObjective objectiveID`, an
   * `xs:anyURI`); the LMS exposes it to the SCO as a `cmi.objectives` id.
   */
  objective: string;
}

/**
 * Identifiers derived from course id + version, each a valid `xs:ID`
 * (IMS CP 1.1.4 `identifier` attributes). A new course version gives new
 * identifiers, which LMSs treat as new content (course.yaml `version`).
 */
export function packageIds(course: CourseModel): PackageIds {
  const { id, version } = course.course;
  return {
    manifest: xmlId(id, version),
    organization: xmlId('org', id, version),
    item: xmlId('item', id, version),
    resource: xmlId('res', id, version),
    objective: xmlId(id, 'mastery'),
  };
}

export interface PackageTitles {
  /** Organization title: what the LMS shows as the course name. "Title: Subtitle" when there is a subtitle. */
  organization: string;
  /** Item title: the one entry of the LMS's table of contents. The course title. */
  item: string;
}

export function packageTitles(course: CourseModel): PackageTitles {
  const { title, subtitle } = course.course;
  const full = subtitle ? `${title}: ${subtitle}` : title;
  return {
    organization: truncate(full.length <= TITLE_MAX ? full : title, TITLE_MAX),
    item: truncate(title, TITLE_MAX),
  };
}

/** The course's mastery score, checked: an integer percentage 0–100. */
export function masteryScore(course: CourseModel): number {
  const score = course.course.masteryScore;
  if (!Number.isInteger(score) || score < 0 || score > 100) {
    throw new Error(`packager: course.masteryScore must be an integer from 0 to 100, got ${String(score)}`);
  }
  return score;
}

/**
 * The `href` for a package-relative path: each segment percent-encoded as a
 * URI path segment (RFC 3986 §3.3), so a name with a space, `#` or `?` still
 * points at its file. Sub-delimiters allowed in a segment stay as they are.
 */
export function hrefFor(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/%(24|26|2B|2C|3B|3D|3A|40)/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      ),
    )
    .join('/');
}

/**
 * The files of the SCO as the manifest lists them: each path checked to be
 * package-relative (no leading `/`, no scheme, no `..`; src/README.md "Every URL
 * inside the package is relative"), duplicates removed, sorted; and the
 * launch page checked to be among them. Returns the launch href too.
 */
export function manifestFiles(
  files: readonly string[],
  options: ManifestOptions = {},
  manifestFile = IMS_MANIFEST_FILE,
): { launchHref: string; files: string[] } {
  const launch = options.launchHref ?? DEFAULT_LAUNCH_HREF;
  const checked = new Set<string>();
  for (const file of files) {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(file)) {
      throw new Error(`packager: file ${JSON.stringify(file)} has a URL scheme; give paths relative to the package root`);
    }
    assertSafeZipPath(file);
    if (file === manifestFile) {
      throw new Error(`packager: the site must not contain its own ${manifestFile}; the packager writes it`);
    }
    checked.add(file);
  }
  assertSafeZipPath(launch);
  if (!checked.has(launch)) {
    throw new Error(`packager: the launch page ${JSON.stringify(launch)} is not among the package files`);
  }
  return { launchHref: launch, files: [...checked].sort(comparePaths) };
}
