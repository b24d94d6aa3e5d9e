/**
 * The thin DOM edge of the session: save when the page is hidden, finish
 * when it goes away (src/README.md "LMS lessons": a synchronous save
 * during unload is often blocked, so `visibilitychange` to hidden is where
 * saving happens; `pagehide` ends the LMS session once). Not `unload` or
 * `beforeunload`: they are unreliable on mobile and break the back/forward
 * cache.
 */
import type { Session } from './session';

/** The bits of `window` and `document` used; the real ones fit. */
export interface PageEvents {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { readonly visibilityState: string };
}

/** Wire the session to the page; returns a function that unwires it. */
export function bindPageLifecycle(session: Pick<Session, 'flush' | 'end'>, page: PageEvents): () => void {
  const onVisibility = () => {
    if (page.document.visibilityState === 'hidden') void session.flush();
  };
  const onPageHide = () => {
    void session.end();
  };
  page.document.addEventListener('visibilitychange', onVisibility);
  page.window.addEventListener('pagehide', onPageHide);
  return () => {
    page.document.removeEventListener('visibilitychange', onVisibility);
    page.window.removeEventListener('pagehide', onPageHide);
  };
}
