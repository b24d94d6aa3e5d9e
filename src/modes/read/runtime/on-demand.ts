/**
 * Parts of the reader's script that load on demand (a page's question
 * types, the assessment, the summary, the reflections download, the search):
 * their chunks are imported by relative URLs (Vite writes every `import()`
 * relative to the importing chunk), so they load under any path and inside
 * every package. A chunk can fail to load (the connection dropped, the LMS
 * served part of the package): the learner is then told so where the part
 * would have been, never left with a control that silently does nothing.
 */
import { h } from './dom';

/**
 * `load`, called once; called again after a failure, so a later try (the
 * learner presses the button again) can succeed.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load();
    loading.catch(() => (loading = null));
    return loading;
  };
}

/** Say in `region` that a part of the page could not load: as an alert, replacing what the region showed. */
export function showLoadFailure(region: Element, text: string): void {
  const note = h('p', { class: 'load-failed', role: 'alert' }, text);
  note.dataset.loadFailed = '';
  region.replaceChildren(note);
}
