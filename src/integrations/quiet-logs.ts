/**
 * Bundler logs that are known and harmless, filtered by their code and
 * their exact subject (astro.config.mjs passes this to Rolldown); every
 * other log passes through, so real problems stay visible. One for now:
 *
 * - MODULE_LEVEL_DIRECTIVE on "use astro:head-inject": @astrojs/mdx marks
 *   each slide module with that directive so Astro knows the slide's styles
 *   belong in the page head. Astro reads it before bundling; Rolldown then
 *   warns (once per slide, about ten lines each: ~330 lines a build) that
 *   bundling drops it, which changes nothing in the output.
 */

export interface BundlerLog {
  code?: string;
  message: string;
}

export function isKnownHarmless(log: BundlerLog): boolean {
  return log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"');
}

export function quietKnownLogs<L extends BundlerLog, Level>(level: Level, log: L, handler: (level: Level, log: L) => void): void {
  if (!isKnownHarmless(log)) handler(level, log);
}
