/**
 * The page's course data (src/model/outline.ts) and the page's own path,
 * read once in the browser.
 */
import type { PageData } from '../../../model/outline';

export type { PageData };

export function readPageData(doc: Document): PageData | null {
  const el = doc.getElementById('course-data');
  if (!el?.textContent) return null;
  try {
    return JSON.parse(el.textContent) as PageData;
  } catch {
    return null;
  }
}

export function slideOf(data: PageData, slideId: string): PageData['slides'][number] | undefined {
  return data.slides.find((s) => s.id === slideId);
}
