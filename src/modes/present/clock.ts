/** Countdown arithmetic, shared by the build (initial label) and the runtime. Pure. */

/** "m:ss", e.g. 125 → "2:05". Negative values read as 0:00. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Whole seconds left of `total` seconds started at `startedAt` (ms), at `now` (ms); never below 0. */
export function secondsLeft(total: number, startedAt: number, now: number): number {
  return Math.max(0, Math.ceil(total - (now - startedAt) / 1000));
}

/** Minutes a pause slide keeps after its timers for the debrief its notes ask for (a few answers, a discussion). */
export const DEBRIEF_MINUTES = 1;

/**
 * Suggested countdown for one reflection prompt: the slide's speaking time,
 * less a minute for the debrief when the slot has room for it, shared among
 * its prompts, in whole minutes, at least one. The timers then end before
 * the slot does (2 min slot: a 1:00 timer; 5 min and two prompts: 2:00 each).
 */
export function reflectionMinutes(slideMinutes: number, promptsOnSlide: number): number {
  const quiet = slideMinutes >= 2 ? slideMinutes - DEBRIEF_MINUTES : slideMinutes;
  return Math.max(1, Math.round(quiet / Math.max(1, promptsOnSlide)));
}

/** Fills "{clock}" in a message template. */
export function fillClock(template: string, seconds: number): string {
  return template.replaceAll('{clock}', formatClock(seconds));
}
