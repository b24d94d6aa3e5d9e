/**
 * Which of the SCO's documents are unloading right now: the launch page in
 * the host's frame and every document of every frame inside it, as each
 * loads. Browsers refuse synchronous requests during page dismissal
 * (Chromium since 80: beforeunload, pagehide, unload), so an LMS whose
 * calls are synchronous requests fails them then (quirks/moodle-4.3.ts);
 * the call log marks every call made then, whatever the profile.
 *
 * How, robustly:
 * - every document is hooked as it loads: the SCO frame's `load`, and, in
 *   each hooked document, a capture-phase `load` listener that sees every
 *   iframe of it load (`load` does not bubble, but capture sees it), plus
 *   the frames already loaded when it is hooked;
 * - a capture-phase listener for each dismissal event on the document's
 *   window marks it unloading synchronously, before the page's own
 *   listeners run (capturing listeners at the target run first);
 * - the mark is cleared by a 0 ms timer of the host window, which is not
 *   unloading: the whole dismissal (pagehide, visibilitychange, unload, of
 *   the document and its frames) runs in one task, so the timer fires after;
 * - a document not hooked yet (it is unloading before its `load`): the
 *   event its window is dispatching (`window.event`) says so.
 *
 * `now()` is constant time: what a call costs does not grow with the course.
 */

const DISMISSAL = ['beforeunload', 'pagehide', 'unload'] as const;
const isDismissal = (type: string | undefined) => type === 'beforeunload' || type === 'pagehide' || type === 'unload';

export class UnloadWatch {
  readonly #host: Window;
  /** The package's root path on the preview server (`/content/scorm12/`): paths are given from it. */
  readonly #base: string;
  readonly #hooked = new WeakSet<Document>();
  /** Every window of the SCO seen (frames keep their WindowProxy across navigations). */
  readonly #windows = new Set<Window>();
  /** The documents dispatching a dismissal event now: their window and path. */
  readonly #unloading = new Map<Window, string>();
  #clearing = false;

  constructor(host: Window, base: string) {
    this.#host = host;
    this.#base = base;
  }

  /** Watch the SCO's frame and everything that loads in it from now on. */
  observe(frame: HTMLIFrameElement): void {
    frame.addEventListener('load', () => this.#hook(frame));
  }

  /** The paths of the SCO's documents unloading now, or null. */
  now(): readonly string[] | null {
    if (this.#unloading.size > 0) return [...this.#unloading.values()];
    // A document that unloads before it was hooked: its window is dispatching the event.
    let found: string[] | null = null;
    for (const win of this.#windows) {
      if (win.closed) {
        this.#windows.delete(win);
        continue;
      }
      try {
        if (isDismissal(win.event?.type)) (found ??= []).push(this.#path(win));
      } catch {
        /* another origin now */
      }
    }
    return found;
  }

  #path(win: Window): string {
    try {
      const path = decodeURIComponent(win.location.pathname);
      return path.startsWith(this.#base) ? path.slice(this.#base.length) : path;
    } catch {
      return '(another origin)';
    }
  }

  #hook(frame: HTMLIFrameElement): void {
    let win: Window | null;
    let doc: Document | null;
    try {
      win = frame.contentWindow;
      doc = frame.contentDocument;
    } catch {
      return; // another origin: not the SCO's, and not ours to watch
    }
    if (!win || !doc || this.#hooked.has(doc)) return;
    this.#hooked.add(doc);
    this.#windows.add(win);
    const target = win;
    const path = this.#path(win);
    const mark = () => {
      this.#unloading.set(target, path);
      this.#scheduleClear();
    };
    for (const type of DISMISSAL) win.addEventListener(type, mark, { capture: true });
    // The frames of this document: each load from now on, and the ones already there.
    doc.addEventListener(
      'load',
      (event) => {
        const el = event.target as Element | null;
        if (el && el.tagName === 'IFRAME') this.#hook(el as HTMLIFrameElement);
      },
      { capture: true },
    );
    for (const inner of Array.from(doc.querySelectorAll('iframe'))) {
      try {
        if (inner.contentDocument && inner.contentDocument.readyState !== 'loading' && inner.contentDocument.URL !== 'about:blank') this.#hook(inner);
      } catch {
        /* another origin */
      }
    }
  }

  #scheduleClear(): void {
    if (this.#clearing) return;
    this.#clearing = true;
    this.#host.setTimeout(() => {
      this.#clearing = false;
      this.#unloading.clear();
    }, 0);
  }
}
