/**
 * The course data each reader page embeds (src/components/read/course-data.ts),
 * read once in the browser.
 */
import type { ReaderCourseData } from '../../components/read/course-data';

export type { ReaderCourseData };

export function readCourseData(doc: Document): ReaderCourseData | null {
  const el = doc.getElementById('course-data');
  if (!el?.textContent) return null;
  try {
    return JSON.parse(el.textContent) as ReaderCourseData;
  } catch {
    return null;
  }
}

export function moduleOfSlide(data: ReaderCourseData, slideId: string): string | undefined {
  return data.slides.find((s) => s.id === slideId)?.moduleId;
}

/** Site-root-relative path of the place a slide is read: its module page, at the slide. */
export function slidePath(data: ReaderCourseData, slideId: string): string | undefined {
  const moduleId = moduleOfSlide(data, slideId);
  return moduleId ? `modules/${moduleId}.html#${slideId}` : undefined;
}
