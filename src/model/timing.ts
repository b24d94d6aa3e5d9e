/**
 * The course's stated duration against its speaker notes: course.yaml
 * `durationMinutes` is what the home page, the LMS catalogue and the
 * manifests promise, and the notes' `minutes` are what running the course
 * takes. When they disagree by more than the tolerance, the build fails, so
 * the course never advertises a time it cannot be run in. Pure.
 */
import type { AuthoringError } from './errors';

const COURSE_FILE = 'modules/course.yaml';

/** How far the stated duration may be from the notes' total: 10% of the total, and never less than 5 minutes. */
export function durationTolerance(notesMinutes: number): number {
  return Math.max(5, Math.round(notesMinutes * 0.1));
}

/** Sum of the notes' minutes, as the deck's timing and the agenda count them. */
export function notesMinutes(slides: ReadonlyArray<{ notes: { minutes: number } }>): number {
  return Math.round(slides.reduce((n, s) => n + s.notes.minutes, 0) * 10) / 10;
}

export function durationProblem(durationMinutes: number, slides: ReadonlyArray<{ notes: { minutes: number } }>): AuthoringError | null {
  const total = notesMinutes(slides);
  const tolerance = durationTolerance(total);
  if (Math.abs(durationMinutes - total) <= tolerance) return null;
  return {
    file: COURSE_FILE,
    field: 'durationMinutes',
    message: `says ${durationMinutes} minutes, but the slides' notes add up to ${total} minutes (more than ${tolerance} apart): set durationMinutes to about ${Math.round(total)}, or change the notes' minutes to the time the course really takes`,
  };
}
