/**
 * The typed course model every output is built from: the validated course,
 * its modules in order and its slides in course order. Plain data (no Maps,
 * no classes) so it can be serialized into pages and manifests as is.
 */
import type { Check } from '../questions/registry';
import type { Chart, CourseData, Objective, Reflection, SlideData, Video } from './schema';
import type { GlossaryModel, ReferencesModel } from './reference-matter';
import type { Tracking } from './tracking';

/** A slide with its place in the course. */
export interface SlideModel extends SlideData {
  /** Source file, relative to the project root, e.g. "slides/05-five-good-things.mdx". */
  file: string;
  /** Id of the one module that lists this slide. */
  moduleId: string;
  /** 1-based position in the whole course. */
  number: number;
  /** Links to other sites in the body (http/https), which the packages may carry: followed, never fetched. */
  externalLinks: string[];
  /** Its stable number in the learner's record (tracking.ts). */
  track: number;
}

/** A module with its slides resolved. */
export interface ModuleModel {
  /** Module id. */
  id: string;
  /** Source file, e.g. "modules/01-why-relationships.yaml". */
  file: string;
  /** 1-based position of the module in the course. */
  number: number;
  title: string;
  summary: string;
  objectives: Objective[];
  /** Slide ids in order. */
  slideIds: string[];
}

/** A knowledge check with where it lives. */
export interface CheckModel {
  check: Check;
  /** Slide that embeds the check. */
  slideId: string;
  moduleId: string;
  /** Its stable number in the learner's record (tracking.ts). */
  track: number;
  /** Changes when what makes an answer right does (questions/encoding.ts `answerKey`): older answers are dropped, not misread. */
  key: string;
}

/** A reflection prompt with where it lives. */
export interface ReflectionModel {
  reflection: Reflection;
  slideId: string;
  moduleId: string;
}

/** A question of the final assessment's pool. */
export interface AssessmentQuestionModel {
  check: Check;
  /** Its stable number in the learner's record (tracking.ts). */
  track: number;
  /** Changes when what makes an answer right does (questions/encoding.ts `answerKey`). */
  key: string;
}

/** The final assessment: course.yaml `assessment` with the pool of modules/assessment.yaml. */
export interface AssessmentModel {
  file: string;
  title: string;
  introduction: string;
  /** Questions per attempt. */
  draw: number;
  /** Attempts a learner has. */
  attempts: number;
  /** Which attempt's score counts. */
  keep: 'best' | 'last';
  /** Minutes per attempt, or null for no limit. */
  timeLimitMinutes: number | null;
  /** The pool, in the order written. */
  questions: AssessmentQuestionModel[];
}

export interface CourseModel {
  course: CourseData;
  modules: ModuleModel[];
  /** All slides in course order (modules in order, then each module's slide order). */
  slides: SlideModel[];
  /** All checks in course order. */
  checks: CheckModel[];
  /** All reflections in course order. */
  reflections: ReflectionModel[];
  /** The final assessment, or null for a course of practice checks only (no score). */
  assessment: AssessmentModel | null;
  /** The glossary (modules/glossary.yaml), or null for a course without one. */
  glossary: GlossaryModel | null;
  /** The works cited (modules/references.yaml), or null for a course without a references page. */
  references: ReferencesModel | null;
  /** The stable numbers of every slide and check ever in the course, and the ids this build numbered first (the build writes them to modules/tracking.json). */
  tracking: { numbers: Tracking; added: string[] };
}

export function slidesOf(course: CourseModel, moduleId: string): SlideModel[] {
  return course.slides.filter((s) => s.moduleId === moduleId);
}

export function findSlide(course: CourseModel, id: string): SlideModel | undefined {
  return course.slides.find((s) => s.id === id);
}

export function findCheck(course: CourseModel, id: string): CheckModel | undefined {
  return course.checks.find((c) => c.check.id === id);
}

export function findReflection(course: CourseModel, id: string): ReflectionModel | undefined {
  return course.reflections.find((r) => r.reflection.id === id);
}

/** A video and the slide file it sits beside (its src and captions are paths from there). */
export interface VideoModel {
  video: Video;
  slideFile: string;
}

export function findVideo(course: CourseModel, id: string): VideoModel | undefined {
  for (const s of course.slides) {
    const video = s.videos.find((v) => v.id === id);
    if (video) return { video, slideFile: s.file };
  }
  return undefined;
}

export function findChart(course: CourseModel, id: string): Chart | undefined {
  for (const s of course.slides) {
    const chart = s.charts.find((c) => c.id === id);
    if (chart) return chart;
  }
  return undefined;
}
