/**
 * The search form in every reader page's header (src/modes/read/Layout.astro).
 * This module is itself loaded on demand (./main.ts shows the form and loads
 * it when the learner first focuses the form); it loads Pagefind's runtime
 * and index (src/integrations/search.ts) at once, from a URL relative to the
 * page, so the site and every package find them wherever they are served. Results are links
 * to the matching part of a page (./search-results.ts); the live region
 * says how many, or that there are none.
 */
import { translate, type Locale } from '../../../i18n';
import { searchWords } from './strings/search';
import { searchResults, type PageHit } from './search-results';

/** The part of Pagefind's runtime (pagefind.js) this form uses. */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  search(query: string): Promise<{ results: Array<{ data(): Promise<PageHit> }> } | null>;
}

/** Pages whose parts are read for one query: Pagefind ranks pages, the parts are ranked within each. */
const PAGES = 8;
const RESULTS = 20;
/** Typing waits this long after the last key before searching; Enter searches at once. */
const TYPING_MS = 250;

export function enhanceSearch(doc: Document, locale: Locale): void {
  const form = doc.querySelector<HTMLFormElement>('form[data-search]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const status = form?.querySelector<HTMLElement>('[data-search-status]');
  const list = form?.querySelector<HTMLOListElement>('[data-search-results]');
  const from = doc.querySelector<HTMLElement>('.page[data-path]')?.dataset.path;
  if (!form || !input || !status || !list || from === undefined) return;
  const s = translate(searchWords, locale);
  // Resolved against the page, not this script: a dynamic import's relative URL would be read from the script's folder.
  const bundle = new URL(form.dataset.search ?? '', doc.baseURI).href;
  let loading: Promise<Pagefind> | null = null;
  const load = () => {
    loading ??= (import(/* @vite-ignore */ bundle) as Promise<Pagefind>).then(async (pagefind) => {
      // Result URLs from the site root ("/modules/x.html"), made relative to this page by ./search-results.ts.
      await pagefind.options({ baseUrl: '/' });
      return pagefind;
    });
    // A failed load may be tried again at the next search.
    loading.catch(() => (loading = null));
    return loading;
  };

  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    list.replaceChildren();
    list.hidden = true;
    status.textContent = '';
  };
  const run = async () => {
    clearTimeout(timer);
    const query = input.value.trim();
    const mine = ++asked;
    if (query === '') return clear();
    status.textContent = s.searchLoading;
    try {
      const pagefind = await load();
      const found = await pagefind.search(query);
      const hits = await Promise.all((found?.results ?? []).slice(0, PAGES).map((r) => r.data()));
      if (mine !== asked) return;
      const results = searchResults(from, hits, { words: query.split(/\s+/).length, limit: RESULTS });
      list.replaceChildren(...results.map((r) => item(doc, r)));
      list.hidden = results.length === 0;
      status.textContent = results.length === 0 ? s.searchNone(query) : s.searchResults(results.length, query);
    } catch {
      if (mine !== asked) return;
      list.replaceChildren();
      list.hidden = true;
      status.textContent = s.searchFailed;
    }
  };

  form.hidden = false;
  // Loaded because the learner is in the form: fetch the index while they type.
  load().catch(() => undefined);
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), TYPING_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || input.value === '') return;
    // Escape empties the field and the results; focus stays in the field.
    event.preventDefault();
    input.value = '';
    asked++;
    clear();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  // What was typed, or submitted, while this module loaded.
  if (input.value.trim() !== '') void run();
}

function item(doc: Document, result: ReturnType<typeof searchResults>[number]): HTMLLIElement {
  const li = doc.createElement('li');
  const link = Object.assign(doc.createElement('a'), { href: result.href, textContent: result.title });
  li.append(link);
  if (result.page) li.append(' ', Object.assign(doc.createElement('span'), { className: 'search-page', textContent: result.page }));
  const excerpt = Object.assign(doc.createElement('p'), { className: 'search-excerpt' });
  for (const part of result.excerpt) excerpt.append(part.mark ? Object.assign(doc.createElement('mark'), { textContent: part.text }) : part.text);
  li.append(excerpt);
  return li;
}
