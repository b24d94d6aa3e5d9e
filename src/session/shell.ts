/**
 * How reader pages find the session they report to. In an LMS package the
 * launch page (lms.html, src/modes/lms) holds the one LMS session for the
 * whole launch and shows the reader pages in a frame (src/README.md "LMS
 * lessons": Initialize once, Terminate once; moving between modules must not
 * end it). It publishes itself as `window.courseShell`; a page in its frame
 * finds it on `window.parent`. On the open web there is no shell and each
 * page runs its own standalone session.
 */
import type { Session } from './session';

/** What the launch page offers the pages in its frame (and what tests read). */
export interface CourseShell {
  readonly session: Session;
  /** Bring the learner to a page of the course (a path from the site root, e.g. "modules/a.html#slide"). */
  navigate(path: string): void;
}

declare global {
  interface Window {
    courseShell?: CourseShell;
  }
}

export function publishShell(win: Window, shell: CourseShell): void {
  win.courseShell = shell;
}

/** The shell in the parent frame, or null (no parent, another origin, or no shell there). */
export function findShell(win: Window): CourseShell | null {
  try {
    if (win.parent === win) return null;
    return win.parent.courseShell ?? null;
  } catch {
    return null; // a cross-origin parent throws on property access
  }
}
