/**
 * The launch decisions of the SCORM package's shell (lms.html), kept pure
 * so they can be tested without a page:
 *
 * - which adapter the one session of this launch reports through: the LMS's
 *   API found by `discoverApi` (parents, then opener; DESIGN.md "API
 *   discovery"), or the standalone adapter when there is none;
 * - which reader page the shell's frame opens first: the module page that
 *   holds the bookmark, at that slide, or the course home on a first launch.
 */
import { discoverApi } from '../adapters/discover';
import type { WindowLike } from '../adapters/discover';
import type { Logger } from '../adapters/log';
import { createScorm12Adapter } from '../adapters/scorm12';
import { createScorm2004Adapter } from '../adapters/scorm2004';
import { createStandaloneAdapter } from '../adapters/standalone';
import type { LmsAdapter } from '../adapters/types';

export interface Connection {
  adapter: LmsAdapter;
  /** False when no LMS API was found and the course runs standalone: the learner must be told. */
  apiFound: boolean;
}

export interface ConnectOptions {
  /** Course id (interaction ids in 2004 are `urn:<course id>:…`) and content version (standalone storage key). */
  course: { readonly id: string; readonly version: string };
  /** Look only for this version of the API (the shell's `?scorm=1.2|2004`, e.g. from the manifest item's `parameters`). */
  force?: '1.2' | '2004';
  logger?: Logger;
}

/** The adapter for this launch: SCORM 2004 if the LMS offers it, else SCORM 1.2, else standalone. */
export function connect(win: WindowLike, options: ConnectOptions): Connection {
  const { course, logger } = options;
  const found = discoverApi(win, options.force ? { force: options.force } : {});
  const log = logger ? { logger } : {};
  if (found?.version === '2004') {
    return { adapter: createScorm2004Adapter({ api: found.api, idNamespace: course.id, ...log }), apiFound: true };
  }
  if (found?.version === '1.2') {
    return { adapter: createScorm12Adapter({ api: found.api, ...log }), apiFound: true };
  }
  return { adapter: createStandaloneAdapter({ courseId: course.id, courseVersion: course.version, ...log }), apiFound: false };
}

/** `?scorm=1.2` / `?scorm=2004` (also `12`) in the shell's query string, or undefined. */
export function forcedVersion(search: string): '1.2' | '2004' | undefined {
  const v = new URLSearchParams(search).get('scorm');
  if (v === '1.2' || v === '12') return '1.2';
  if (v === '2004') return '2004';
  return undefined;
}

/**
 * The first page of the frame, relative to the site root: the module page
 * holding `location` at that slide (`modules/<module>.html#<slide>`), or
 * `index.html` when there is no bookmark or it names no slide of this course.
 */
export function bookmarkPath(
  location: string | null | undefined,
  slides: ReadonlyArray<{ readonly id: string; readonly moduleId: string }>,
): string {
  const slide = location ? slides.find((s) => s.id === location) : undefined;
  return slide ? `modules/${encodeURIComponent(slide.moduleId)}.html#${encodeURIComponent(slide.id)}` : 'index.html';
}

/**
 * A path the reader asks the shell to show, made safe for the frame: relative
 * to the site root, no scheme, no leading `/` or `\`, no `..` out of the
 * package. Null when it is none of these.
 */
export function framePath(path: string): string | null {
  const p = path.trim();
  if (p === '' || /^[a-z][a-z0-9+.-]*:/i.test(p) || /^[/\\]/.test(p)) return null;
  const [pathname = ''] = p.split(/[?#]/, 1);
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  return p;
}
