/**
 * How reader pages find the session they report to. In the SCORM package the
 * launch page (lms.html) holds the one LMS session for the whole launch and
 * shows the reader pages in a frame (DESIGN.md: Initialize once, Terminate
 * once; moving between modules must not end it). It publishes itself on its
 * window; a page in its frame finds it on `window.parent`. On the open web
 * there is no host and each page runs its own standalone session.
 */
import type { AdapterKind } from './adapters/types';
import type { Session } from './session';

export interface CourseHost {
  readonly session: Session;
  readonly kind: AdapterKind;
  /** Bring the learner to a page of the course (a path relative to the site root, e.g. "modules/a.html#slide"). */
  navigate?(path: string): void;
}

const KEY = '__rctCourseHost';
type HostWindow = Window & { [KEY]?: CourseHost };

export function publishHost(win: Window, host: CourseHost): void {
  (win as HostWindow)[KEY] = host;
}

/** The host in the parent frame, or null (no parent, another origin, or no host there). */
export function findHost(win: Window): CourseHost | null {
  try {
    if (win.parent === win) return null;
    return (win.parent as HostWindow)[KEY] ?? null;
  } catch {
    return null; // a cross-origin parent throws on property access
  }
}
