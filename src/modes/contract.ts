/**
 * An output mode (src/README.md "Modes"): one folder under src/modes/ with
 * its pages, layout, slide renderer, embed-component map, runtime, styles
 * and strings, and one line in registry.ts. Its pages are routes the build
 * injects, so a mode's pages live with the mode rather than in Astro's
 * src/pages/.
 */
import type { CourseModel } from '../model/course';

export interface ModeRoute {
  /** Astro's route pattern (build.format 'file' writes `/summary` as summary.html: src/site/urls.ts `paths` names each file). */
  pattern: string;
  /** The page component. */
  entrypoint: URL;
  /** Build the page only for a course this says yes to (e.g. the assessment page, for a course with an assessment). */
  when?: (course: CourseModel) => boolean;
}

export interface Mode {
  /** One word: `read`, `present`, `lms`. */
  id: string;
  routes: readonly ModeRoute[];
}

export const defineMode = (mode: Mode): Mode => mode;
