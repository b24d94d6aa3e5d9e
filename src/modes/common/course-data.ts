/**
 * The two halves of a page's course data in the browser (src/model/outline.ts):
 * the part embedded in the page and the outline every page shares, one
 * file fetched by its relative URL. The reader pages and the LMS launch
 * page both read them.
 */
import type { PageOwnData, SharedOutline } from '../../model/outline';

/** The page's embedded part, or null when the page has none (or it does not parse). */
export function readOwnData(doc: Document): PageOwnData | null {
  const el = doc.getElementById('course-data');
  if (!el?.textContent) return null;
  try {
    const own = JSON.parse(el.textContent) as PageOwnData;
    return typeof own.outline === 'string' && Array.isArray(own.pageChecks) ? own : null;
  } catch {
    return null;
  }
}

/** The outline at `url` (relative to `doc`), or null when it cannot be had: the page then stays readable text. */
export async function fetchOutline(doc: Document, url: string): Promise<SharedOutline | null> {
  try {
    // Same request as the page's preload (credentials, mode), so the preloaded response is the one used.
    const response = await fetch(new URL(url, doc.baseURI), { credentials: 'same-origin' });
    return response.ok ? ((await response.json()) as SharedOutline) : null;
  } catch {
    return null;
  }
}
