/**
 * The page's course data (src/model/outline.ts): the page's own part,
 * embedded in it, joined with the outline every page shares, fetched by its
 * relative URL (the page preloads it; the browser's cache serves the next
 * page). Read once in the browser.
 */
import type { PageData } from '../../../model/outline';
import { fetchOutline, readOwnData } from '../../common/course-data';

export type { PageData };

/** The page's own part joined with the shared outline. */
export async function readPageData(doc: Document, own = readOwnData(doc)): Promise<PageData | null> {
  if (!own) return null;
  const outline = await fetchOutline(doc, own.outline);
  if (!outline) {
    console.error(`[course] the course outline (${own.outline}) could not be loaded: checks, reflections and progress are off on this page`);
    return null;
  }
  return { ...outline, pageChecks: own.pageChecks };
}

export function slideOf(data: PageData, slideId: string): PageData['slides'][number] | undefined {
  return data.slides.find((s) => s.id === slideId);
}
