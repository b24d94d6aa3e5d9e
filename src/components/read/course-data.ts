/**
 * The course data the reader runtime needs in the browser, derived from the
 * model at build time and embedded once per page as JSON. Only what the
 * runtime uses: ids, order, titles, checks (to score and give feedback) and
 * reflection prompts (for the export).
 */
import type { CourseModel } from '../../model/course';
import type { Check } from '../../model/schema';
import type { CheckRef } from '../../runtime/state';

export interface ReaderCourseData {
  course: { id: string; version: string; title: string; masteryScore: number };
  modules: Array<{ id: string; title: string; slideIds: string[] }>;
  slides: Array<{ id: string; title: string; moduleId: string }>;
  /** Every check, by id and what it assesses: enough for progress, score and what to revisit. */
  checks: Array<{ check: CheckRef; slideId: string; moduleId: string }>;
  /** The checks this page shows, in full: to score them and give feedback. */
  pageChecks: Check[];
  reflections: Array<{ reflection: { id: string; prompt: string; hint?: string | undefined }; slideId: string; moduleId: string }>;
}

/** The data for a page showing `pageSlideIds` (none for pages without checks). */
export function readerCourseData(model: CourseModel, pageSlideIds: readonly string[] = []): ReaderCourseData {
  const { course } = model;
  const onPage = new Set(pageSlideIds);
  return {
    course: { id: course.id, version: course.version, title: course.title, masteryScore: course.masteryScore },
    modules: model.modules.map((m) => ({ id: m.id, title: m.title, slideIds: m.slideIds })),
    slides: model.slides.map((s) => ({ id: s.id, title: s.title, moduleId: s.moduleId })),
    checks: model.checks.map(({ check, slideId, moduleId }) => ({ check: { id: check.id, assesses: check.assesses }, slideId, moduleId })),
    pageChecks: model.checks.filter((c) => onPage.has(c.slideId)).map((c) => c.check),
    reflections: model.reflections.map(({ reflection: { id, prompt, hint }, slideId, moduleId }) => ({ reflection: { id, prompt, hint }, slideId, moduleId })),
  };
}

/** JSON safe to put inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** "../" per folder level of a page path ("./" at the site root), for links built in the browser. */
export function rootPrefix(pathname: string): string {
  const depth = Math.max(0, pathname.split('/').filter(Boolean).length - 1);
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** The reader page of a module, from the site root. */
export const moduleHref = (moduleId: string) => `/modules/${moduleId}.html`;
