/**
 * Where the course being built is. A module of its own, importing nothing
 * of the model, so that the content collection (src/content.config.ts),
 * which Astro loads through Vite, does not load the whole model with it.
 */
import { resolve } from 'node:path';

/**
 * The folder of the course being built, holding its slides/ and modules/:
 * $COURSE_DIR, else $COURSE_ROOT (the name the tests first used), else the
 * project root. The one place that says where the course is: the build hook,
 * the content collections, the dev watcher and the commands all ask here.
 */
export function courseRoot(): string {
  const dir = process.env.COURSE_DIR || process.env.COURSE_ROOT;
  return dir ? resolve(dir) : process.cwd();
}

