/**
 * The course data the browser runtime uses, derived from the model at build
 * time, in two parts so that a page's weight does not grow with the course:
 *
 * - the outline (`SharedOutline`): what every page's runtime uses (ids,
 *   order, titles, what each check assesses, reflection prompts), written
 *   once as its own file (`paths.outline`), which every page and the LMS
 *   launch page fetch by one relative URL and the browser caches;
 * - the page's own part (`PageOwnData`), embedded in the page as JSON: the
 *   outline's URL (with its version, so a cache never serves an older
 *   outline to a newer page) and, in full, the checks the page shows (to
 *   score them and give feedback).
 *
 * Pure. The runtime joins the two with `readPageData`
 * (src/modes/read/runtime/data.ts); a CourseOutline (session/state.ts) is
 * part of the result.
 */
import type { Check } from '../questions/registry';
import type { CourseModel } from './course';

/** What the runtime has once the page's part and the shared outline are joined. */
export interface PageData extends SharedOutline {
  /** The checks this page shows, in full: to score them and give feedback. */
  pageChecks: Check[];
}

/** The part embedded in each page. */
export interface PageOwnData {
  /** The shared outline's URL, relative to the page, with `?v=` its version. */
  outline: string;
  pageChecks: Check[];
}

/** The course outline every page shares (one file, `paths.outline`). */
export interface SharedOutline {
  course: { id: string; version: string; title: string; masteryScore: number };
  modules: Array<{ id: string; title: string; slideIds: string[]; objectives: Array<{ id: string; text: string }> }>;
  /** Every slide, with its stable number in the learner's record (tracking.ts). */
  slides: Array<{ id: string; title: string; moduleId: string; track: number }>;
  /** Every check, by id and what it assesses (enough for progress, score and what to revisit), with its number and answer key. */
  checks: Array<{ check: Pick<Check, 'id' | 'assesses'>; slideId: string; moduleId: string; track: number; key: string }>;
  reflections: Array<{ reflection: { id: string; prompt: string; hint?: string | undefined; private?: boolean }; slideId: string; moduleId: string }>;
  /** The final assessment's settings and pool, by id and what each question assesses; null without one. */
  assessment: {
    title: string;
    draw: number;
    attempts: number;
    keep: 'best' | 'last';
    timeLimitMinutes: number | null;
    questions: Array<{ check: Pick<Check, 'id' | 'assesses'>; track: number; key: string }>;
  } | null;
}

/**
 * The checks a page showing `pageSlideIds` carries in full (none for pages
 * without checks); the assessment page (`withPool`) carries the pool's
 * questions, to judge them.
 */
export function pageChecks(model: CourseModel, pageSlideIds: readonly string[] = [], options: { withPool?: boolean } = {}): Check[] {
  const onPage = new Set(pageSlideIds);
  return [...model.checks.filter((c) => onPage.has(c.slideId)).map((c) => c.check), ...(options.withPool ? (model.assessment?.questions ?? []).map((q) => q.check) : [])];
}

/** The page's embedded part: `outlineUrl` is `paths.outline` made relative to the page. */
export function pageOwnData(model: CourseModel, outlineUrl: string, pageSlideIds: readonly string[] = [], options: { withPool?: boolean } = {}): PageOwnData {
  return { outline: `${outlineUrl}?v=${outlineVersion(model)}`, pageChecks: pageChecks(model, pageSlideIds, options) };
}

const written = new WeakMap<CourseModel, string>();
/** The outline file's text (once per model: every page names its version). */
export function outlineJson(model: CourseModel): string {
  let text = written.get(model);
  if (text === undefined) written.set(model, (text = JSON.stringify(sharedOutline(model))));
  return text;
}

/** A short digest of the outline: it changes whenever the outline does. */
export function outlineVersion(model: CourseModel): string {
  const text = outlineJson(model);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** The runtime's data for a page: what `readPageData` returns once the page's part and the outline are joined. */
export function pageData(model: CourseModel, pageSlideIds: readonly string[] = [], options: { withPool?: boolean } = {}): PageData {
  return { ...sharedOutline(model), pageChecks: pageChecks(model, pageSlideIds, options) };
}

/** The outline every page shares. */
export function sharedOutline(model: CourseModel): SharedOutline {
  const { course } = model;
  return {
    course: { id: course.id, version: course.version, title: course.title, masteryScore: course.masteryScore },
    modules: model.modules.map((m) => ({ id: m.id, title: m.title, slideIds: m.slideIds, objectives: m.objectives.map(({ id, text }) => ({ id, text })) })),
    slides: model.slides.map((s) => ({ id: s.id, title: s.title, moduleId: s.moduleId, track: s.track })),
    checks: model.checks.map(({ check, slideId, moduleId, track, key }) => ({ check: { id: check.id, assesses: check.assesses }, slideId, moduleId, track, key })),
    reflections: model.reflections.map(({ reflection: { id, prompt, hint, private: isPrivate }, slideId, moduleId }) => ({ reflection: { id, prompt, hint, private: isPrivate }, slideId, moduleId })),
    assessment: model.assessment
      ? {
          title: model.assessment.title,
          draw: model.assessment.draw,
          attempts: model.assessment.attempts,
          keep: model.assessment.keep,
          timeLimitMinutes: model.assessment.timeLimitMinutes,
          questions: model.assessment.questions.map(({ check, track, key }) => ({ check: { id: check.id, assesses: check.assesses }, track, key })),
        }
      : null,
  };
}

/** JSON safe to put inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
