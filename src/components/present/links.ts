/**
 * Links between the reader and the deck. Pure and relative, so they work
 * wherever the site is served from (DESIGN.md: every URL is relative).
 *
 * Page paths are written from the site root without a leading slash, the
 * way the build writes them (build.format 'file'): 'index.html',
 * 'modules/why-relationships.html', 'present.html'.
 */

/** The deck's page, from the site root. */
export const DECK_PAGE = 'present.html';

/** "../" once per folder between `fromPath` and the site root; "" at the root. */
function toRoot(fromPath: string): string {
  const path = fromPath.replace(/[?#].*$/, '').replace(/^(?:\.?\/)+/, '');
  const depth = path.split('/').length - 1;
  return '../'.repeat(depth);
}

/**
 * Relative URL of slide `slideId` in the deck, from the page at `fromPath`.
 *
 *   deckHref('x', 'index.html')      → 'present.html#/x'
 *   deckHref('x', 'modules/a.html')  → '../present.html#/x'
 *
 * reveal.js (`hash: true`) resolves `#/<id>` to the `<section id>` of the
 * same name, and every deck section carries its slide id.
 */
export function deckHref(slideId: string, fromPath: string): string {
  return `${toRoot(fromPath)}${DECK_PAGE}#/${encodeURIComponent(slideId)}`;
}

/**
 * Relative URL of the same slide in the reader: the module page
 * `modules/<moduleId>.html`, whose slide sections carry the slide id.
 */
export function readerHref(moduleId: string, slideId: string, fromPath: string = DECK_PAGE): string {
  return `${toRoot(fromPath)}modules/${encodeURIComponent(moduleId)}.html#${encodeURIComponent(slideId)}`;
}
