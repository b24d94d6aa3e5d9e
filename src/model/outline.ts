/**
 * The course data a page hands to the browser runtime, derived from the
 * model at build time and embedded once per page as JSON: only what the
 * runtime uses (ids, order, titles, what each check assesses, reflection
 * prompts), plus, in full, the checks the page shows (to score them and give
 * feedback). Pure. The runtime reads it with `readPageData`
 * (src/modes/read/runtime/data.ts); a CourseOutline (session/state.ts) is
 * part of it.
 */
import type { Check } from '../questions/registry';
import type { CourseModel } from './course';

export interface PageData {
  course: { id: string; version: string; title: string; masteryScore: number };
  modules: Array<{ id: string; title: string; slideIds: string[]; objectives: Array<{ id: string; text: string }> }>;
  /** Every slide, with its stable number in the learner's record (tracking.ts). */
  slides: Array<{ id: string; title: string; moduleId: string; track: number }>;
  /** Every check, by id and what it assesses (enough for progress, score and what to revisit), with its number and answer key. */
  checks: Array<{ check: Pick<Check, 'id' | 'assesses'>; slideId: string; moduleId: string; track: number; key: string }>;
  /** The checks this page shows, in full: to score them and give feedback. */
  pageChecks: Check[];
  reflections: Array<{ reflection: { id: string; prompt: string; hint?: string | undefined }; slideId: string; moduleId: string }>;
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
 * The data for a page showing `pageSlideIds` (none for pages without checks);
 * the assessment page (`withPool`) carries the pool's questions in full as its
 * `pageChecks`, to judge them.
 */
export function pageData(model: CourseModel, pageSlideIds: readonly string[] = [], options: { withPool?: boolean } = {}): PageData {
  const { course } = model;
  const onPage = new Set(pageSlideIds);
  return {
    course: { id: course.id, version: course.version, title: course.title, masteryScore: course.masteryScore },
    modules: model.modules.map((m) => ({ id: m.id, title: m.title, slideIds: m.slideIds, objectives: m.objectives.map(({ id, text }) => ({ id, text })) })),
    slides: model.slides.map((s) => ({ id: s.id, title: s.title, moduleId: s.moduleId, track: s.track })),
    checks: model.checks.map(({ check, slideId, moduleId, track, key }) => ({ check: { id: check.id, assesses: check.assesses }, slideId, moduleId, track, key })),
    pageChecks: [...model.checks.filter((c) => onPage.has(c.slideId)).map((c) => c.check), ...(options.withPool ? (model.assessment?.questions ?? []).map((q) => q.check) : [])],
    reflections: model.reflections.map(({ reflection: { id, prompt, hint }, slideId, moduleId }) => ({ reflection: { id, prompt, hint }, slideId, moduleId })),
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
