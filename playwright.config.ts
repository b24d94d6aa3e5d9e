/**
 * Browser tests run against the built site (dist/, or $COURSE_OUT_DIR), served
 * under a deep base path so any absolute URL breaks them. Two projects:
 * `builder` (tests/e2e/builder/: the builder, on whichever course
 * $COURSE_DIR names, reading its ids from the course's model) and `course`
 * (tests/e2e/course/: this repository's course and its content).
 * `npm run test:builder` runs the first on any course. Browser: Playwright's
 * own Chromium when installed; otherwise a system one (src/cli/shared/chromium.ts).
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './src/cli/shared/chromium.ts';

export const BASE_PATH = '/deep/path/course/';
const port = Number(process.env.TEST_PORT ?? 4399);
/** The LMS preview (src/cli/preview-lms.ts): scorm-again as the LMS, the built packages as content (tests/e2e/lms*.spec.ts). */
const lmsPort = Number(process.env.LMS_TEST_PORT ?? 4398);
const dist = process.env.COURSE_OUT_DIR ?? 'dist';
export const LMS_PREVIEW_URL = `http://127.0.0.1:${lmsPort}/`;

export default defineConfig({
  testDir: 'tests/e2e',
  projects: [
    { name: 'builder', testDir: 'tests/e2e/builder' },
    { name: 'course', testDir: 'tests/e2e/course' },
  ],
  fullyParallel: true,
  // Two at least, as in CI: the tests mostly wait on a browser, and one worker on a two-core machine takes twice as long.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  // Two cores run the browser, axe and the server at once: give assertions room.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}${BASE_PATH}`,
    launchOptions: chromiumLaunch(),
  },
  webServer: [
    {
      command: `node src/cli/serve.ts --dir ${dist} --port ${port} --base ${BASE_PATH}`,
      url: `http://127.0.0.1:${port}${BASE_PATH}index.html`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `node src/cli/preview-lms.ts --dist ${process.env.LMS_DIST ?? dist} --port ${lmsPort}`,
      url: `${LMS_PREVIEW_URL}packages.json`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
