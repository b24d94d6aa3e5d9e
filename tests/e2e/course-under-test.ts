/**
 * Which course the builder suite (tests/e2e/builder/) tests, and where its
 * build is: $COURSE_DIR (default: this repository's course) built into
 * $COURSE_OUT_DIR (default: dist/), as `npm run build` reads and writes them.
 * Builder specs take every id, title and answer from this course's model, so
 * they pass on any course; tests/e2e/course/ holds this course's own tests.
 */
import { resolve } from 'node:path';
import { courseRoot, loadCourse } from '../../src/model/load';

export const courseDir = courseRoot();
/** The built site the servers in playwright.config.ts serve. */
export const distDir = resolve(process.env.COURSE_OUT_DIR ?? 'dist');

export const loadCourseUnderTest = () => loadCourse(courseDir);
