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

/**
 * Suggested countdown for one reflection prompt: the slide's speaking time
 * shared among its prompts, in whole minutes, at least one.
 */
export function reflectionMinutes(slideMinutes: number, promptsOnSlide: number): number {
  return Math.max(1, Math.round(slideMinutes / Math.max(1, promptsOnSlide)));
}

/** Fills "{clock}" in a message template. */
export function fillClock(template: string, seconds: number): string {
  return template.replaceAll('{clock}', formatClock(seconds));
}
