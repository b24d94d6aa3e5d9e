/**
 * The launch decisions of an LMS package's launch page (lms.html), kept pure
 * so they can be tested without a page:
 *
 * - which adapter the one session of this launch reports through: the
 *   standard the package names (`?standard=<id>`, from its manifest), or else
 *   the first standard whose LMS is found (src/standards/registry.ts), or the
 *   standalone adapter when there is none;
 * - which reader page the launch page's frame opens first: the module page
 *   that holds the bookmark, at that slide, or the course home on a first
 *   launch.
 */
import type { LmsAdapter } from '../../../standards/contract';
import type { Logger } from '../../../standards/log';
import { standardById, standards, type LaunchEnvironment, type Standard } from '../../../standards/registry';
import { createStandaloneAdapter } from '../../../standards/standalone';
import { paths, slidePath } from '../../../site/urls';

export interface Connection {
  adapter: LmsAdapter;
  /** The standard whose LMS was found, or null when the course runs standalone: the learner must be told. */
  standard: Standard | null;
}

export interface ConnectOptions {
  /** Course id (URN ids, storage key) and content version (standalone storage key). */
  course: { readonly id: string; readonly version: string };
  logger?: Logger;
}

/** The standard the launch URL names (`?standard=<id>`), or undefined. */
export function requestedStandard(search: string): Standard | undefined {
  return standardById(new URLSearchParams(search).get('standard'));
}

/** The adapter for this launch: the requested standard's LMS, or the first found in registry order, else standalone. */
export function connect(env: LaunchEnvironment, options: ConnectOptions): Connection {
  const { course, logger } = options;
  const requested = requestedStandard(env.search);
  const options_ = { courseId: course.id, ...(logger ? { logger } : {}) };
  for (const standard of requested ? [requested] : standards) {
    const adapter = standard.connect(env, options_);
    if (adapter) return { adapter, standard };
  }
  return { adapter: createStandaloneAdapter({ courseId: course.id, courseVersion: course.version, ...(logger ? { logger } : {}) }), standard: null };
}

/**
 * The first page of the frame, from the site root: the module page holding
 * `location` at that slide, or the course home when there is no bookmark or
 * it names no slide of this course.
 */
export function bookmarkPath(
  location: string | null | undefined,
  slides: ReadonlyArray<{ readonly id: string; readonly moduleId: string }>,
): string {
  const slide = location ? slides.find((s) => s.id === location) : undefined;
  return slide ? slidePath(slide) : paths.home;
}

/**
 * A path the reader asks the launch page to show, made safe for the frame:
 * relative to the site root, no scheme, no leading `/` or `\`, no `..` out
 * of the package. Null when it is none of these.
 */
export function framePath(path: string): string | null {
  const p = path.trim();
  if (p === '' || /^[a-z][a-z0-9+.-]*:/i.test(p) || /^[/\\]/.test(p)) return null;
  const [pathname = ''] = p.split(/[?#]/, 1);
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  return p;
}
