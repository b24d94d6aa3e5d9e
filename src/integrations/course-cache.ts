/**
 * Astro keeps the content it loaded in its cache folder and reuses it: a
 * course built from another folder than this repository's gets a cache of
 * its own, or one course's slides would show up in the other.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** The cache folder for the course in `dir` (COURSE_DIR or COURSE_ROOT), or undefined for this repository's course (Astro's default). */
export function courseCacheDir(dir: string | undefined): string | undefined {
  return dir ? `./node_modules/.astro/course-${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12)}` : undefined;
}
