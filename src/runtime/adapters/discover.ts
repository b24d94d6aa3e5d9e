/**
 * Find the LMS's SCORM API object, as the standards describe: look on this
 * window, then walk up `window.parent`, then do the same from
 * `window.opener` (SCORM 1.2 RTE 3.3.6.1, up to 7 parents; SCORM 2004 RTE
 * 3.1.5.1 / ADL's algorithm, up to 500). Every step is in a try/catch:
 * reading a property of a cross-origin frame throws.
 *
 * 2004 is preferred when an LMS offers both; a version can be forced (the
 * package's manifest says which standard it was built for).
 */
import type { Scorm12Api } from './scorm12';
import type { Scorm2004Api } from './scorm2004';

/** The bits of `Window` the search reads; a real `window` is one. */
export interface WindowLike {
  readonly parent?: WindowLike | null;
  readonly opener?: WindowLike | null;
}

export type DiscoveredApi = { version: '2004'; api: Scorm2004Api } | { version: '1.2'; api: Scorm12Api };

export interface DiscoverOptions {
  /** Look only for this version. */
  force?: '1.2' | '2004';
  /** Parents to climb per start window; defaults: 7 for 1.2, 500 for 2004 (as ADL's sample code). */
  maxParents?: number;
}

const METHODS_2004 = ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'];
const METHODS_12 = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'];

function hasMethods(candidate: unknown, names: readonly string[]): boolean {
  if ((typeof candidate !== 'object' && typeof candidate !== 'function') || candidate === null) return false;
  const o = candidate as Record<string, unknown>;
  return names.every((n) => typeof o[n] === 'function');
}

export function isScorm2004Api(candidate: unknown): candidate is Scorm2004Api {
  return hasMethods(candidate, METHODS_2004);
}

export function isScorm12Api(candidate: unknown): candidate is Scorm12Api {
  return hasMethods(candidate, METHODS_12);
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

/** Climb from `start` through its parents looking for an object named `name` that passes `accept`. */
function climb<T>(start: WindowLike, name: string, accept: (o: unknown) => o is T, maxParents: number): T | null {
  let win: WindowLike = start;
  for (let climbed = 0; ; climbed++) {
    const { found, parent } = peek(win, name);
    if (accept(found)) return found;
    if (!parent || parent === win || climbed >= maxParents) return null;
    win = parent;
  }
}

function search<T>(win: WindowLike, name: string, accept: (o: unknown) => o is T, maxParents: number): T | null {
  const here = climb(win, name, accept, maxParents);
  if (here) return here;
  let opener: WindowLike | null = null;
  try {
    opener = win.opener ?? null;
  } catch {
    /* cross-origin opener */
  }
  return opener ? climb(opener, name, accept, maxParents) : null;
}

/** The LMS's API, or null when there is none: then the course runs standalone, and says so. */
export function discoverApi(win: WindowLike, options: DiscoverOptions = {}): DiscoveredApi | null {
  if (options.force !== '1.2') {
    const api = search(win, 'API_1484_11', isScorm2004Api, options.maxParents ?? 500);
    if (api) return { version: '2004', api };
  }
  if (options.force !== '2004') {
    const api = search(win, 'API', isScorm12Api, options.maxParents ?? 7);
    if (api) return { version: '1.2', api };
  }
  return null;
}
