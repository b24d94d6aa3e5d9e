/**
 * The registry of standards: one line per LMS standard the course reports
 * to, each a folder beside this file (src/README.md "Seams"). The packager,
 * the home page's LMS links, the launch page, `npm run preview:lms` and the
 * tests all go through this list, so each standard's id and label are
 * spelled once, here.
 *
 * Browser-safe: the launch page imports it to find the LMS. What only the
 * build needs, each standard's package (manifest and schema files), is in
 * packages.ts, keyed by the same ids.
 */
import type { Logger } from './log';
import type { LmsAdapter } from './contract';
import type { ScormDialect } from './scorm/dialect';
import type { WindowLike } from './scorm/discover';
import { cmi5 } from './cmi5';
import { scorm12 } from './scorm12';
import { scorm2004 } from './scorm2004';

/** What the launch page knows when it looks for the LMS. */
export interface LaunchEnvironment {
  /** The launch page's window: the search starts here (its parents, its opener). */
  window: WindowLike;
  /** The launch URL's query string (`?standard=scorm12`, and whatever the LMS adds). */
  search: string;
}

export interface ConnectOptions {
  /** Namespaces interaction ids where the standard wants URIs. */
  courseId: string;
  logger?: Logger;
}

/**
 * How `npm run preview:lms` plays a standard's LMS: a SCORM API object from
 * scorm-again, or the local LRS (src/cli/lrs/) that launches a cmi5 AU.
 */
export type PreviewDialect = ScormPreview | { kind: 'cmi5' };
export type ScormPreview = { kind: 'scorm'; dialect: ScormDialect; library: { constructor: string; bundle: string } };

export interface Standard {
  /** Stable id: package file names (`<course>-<id>.zip`), the launch parameter `?standard=<id>`, the preview's `?standard=`. */
  id: string;
  /** Its name for people, e.g. "SCORM 1.2". */
  label: string;
  /** The package's manifest file at its root. */
  manifestFile: string;
  /** Find this standard's LMS from the launch page and make the adapter for it; null when it is not there. */
  connect(env: LaunchEnvironment, options: ConnectOptions): LmsAdapter | null;
  preview: PreviewDialect;
}

/**
 * Every standard, in the order a launch without `?standard=` tries them: the
 * newer SCORM first, as LMSs that offer both prefer it; cmi5 last, found only
 * in its launch parameters (its packages name it in their launch URL anyway).
 */
export const standards = [scorm2004, scorm12, cmi5] as const satisfies readonly Standard[];

/** The standards whose LMS is a SCORM API object (the preview's scorm-again, the dialect tables). */
export type ScormStandard = Extract<(typeof standards)[number], { preview: { kind: 'scorm' } }>;
export const scormStandards = standards.filter((s): s is ScormStandard => s.preview.kind === 'scorm');

export type StandardId = (typeof standards)[number]['id'];

/** The standard with this id, or undefined. */
export const standardById = (id: string | null | undefined): Standard | undefined => standards.find((s) => s.id === id);
