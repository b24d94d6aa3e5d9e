/**
 * Find the LMS's SCORM API object as the standards describe: look on this
 * window, then walk up `window.parent`, then do the same from
 * `window.opener`, then from `window.top.opener` (SCORM 1.2 RTE 3.3.6.1, up
 * to 7 parents; SCORM 2004 RTE 3.1.5.1 / ADL's algorithm, up to 500: the
 * dialect says how far). The last step finds an LMS that opens a popup
 * whose top page frames the SCO: the frame has no opener, its top does.
 * Every step is in a try/catch: reading a property of a cross-origin frame
 * throws.
 */
import type { ScormApi } from './connection';
import type { ScormDialect } from './dialect';

/** The bits of `Window` the search reads; a real `window` is one. */
export interface WindowLike {
  readonly parent?: WindowLike | null;
  readonly opener?: WindowLike | null;
  readonly top?: WindowLike | null;
}

/** Whether `candidate` has every API function of the dialect. */
export function isApiOf(dialect: ScormDialect, candidate: unknown): candidate is ScormApi {
  if ((typeof candidate !== 'object' && typeof candidate !== 'function') || candidate === null) return false;
  const o = candidate as Record<string, unknown>;
  return Object.values(dialect.api.fn).every((name) => typeof o[name] === 'function');
}

/** Read `win[name]` and `win.parent`, swallowing cross-origin errors. */
function peek(win: WindowLike, name: string): { found: unknown; parent: WindowLike | null } {
  let found: unknown = null;
  let parent: WindowLike | null = null;
  try {
    found = (win as Record<string, unknown>)[name];
  } catch {
    /* cross-origin: nothing readable here */
  }
  try {
    parent = win.parent ?? null;
  } catch {
    /* cross-origin: cannot climb further */
  }
  return { found, parent };
}

/** Climb from `start` through its parents looking for the dialect's API. */
function climb(start: WindowLike, dialect: ScormDialect): ScormApi | null {
  let win: WindowLike = start;
  for (let climbed = 0; ; climbed++) {
    const { found, parent } = peek(win, dialect.api.global);
    if (isApiOf(dialect, found)) return found;
    if (!parent || parent === win || climbed >= dialect.api.maxParents) return null;
    win = parent;
  }
}

/** `read(win)`, or null when the browser refuses (cross-origin). */
function safely(read: () => WindowLike | null | undefined): WindowLike | null {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
}

/** The LMS's API for this dialect, or null when there is none. */
export function findApi(win: WindowLike, dialect: ScormDialect): ScormApi | null {
  const here = climb(win, dialect);
  if (here) return here;
  const opener = safely(() => win.opener);
  const fromOpener = opener ? climb(opener, dialect) : null;
  if (fromOpener) return fromOpener;
  const top = safely(() => win.top);
  const topOpener = top && top !== win ? safely(() => top.opener) : null;
  return topOpener && topOpener !== opener ? climb(topOpener, dialect) : null;
}
