/**
 * The cmi5 package in a browser, under the local LRS as its LMS
 * (src/cli/preview-cmi5.ts, started here on a free port): the built zip's
 * AU launched with real launch parameters, the course taken through the
 * reader, every statement judged on arrival by the LMS-side rules (none may
 * be refused) and checked here by the requirement it answers to
 * (@cmi5/requirements): completion, relaunch and resume, the tab closed
 * mid-course, a reload, Browse mode, and the launch page loading the cmi5
 * runtime only for a cmi5 launch.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Json } from '../../../src/cli/lrs/lrs';
import { bundleCmi5Host, createCmi5Preview, type Cmi5Preview } from '../../../src/cli/preview-cmi5';
import { distDir, loadCourseUnderTest } from '../course-under-test';
import { words } from '../ui-words';
import { recordStateId } from '../../../src/standards/cmi5/adapter';
import { CATEGORIES, CONTEXT_EXTENSIONS } from '../../../src/standards/cmi5/vocabulary';
import { answerRight, auStatements, expectStatement, launchAu, passAssessment, reader, seeModule, takeModules, verbOf, writeReflection } from '../../fixtures/cmi5/e2e';
import { requirements } from '../../fixtures/cmi5/requirements';
import { LMS_PREVIEW_URL } from '../../../playwright.config';

const model = loadCourseUnderTest();
const dist = process.env.CMI5_DIST ?? process.env.LMS_DIST ?? distDir;
let preview: Cmi5Preview;

test.describe.configure({ mode: 'serial' });
const hasPackage = existsSync(join(dist, 'packages')) && readdirSync(join(dist, 'packages')).some((n) => n.endsWith('-cmi5.zip'));
test.skip(!hasPackage, `no ${dist}/packages/<course>-cmi5.zip: build first`);
test.use({ viewport: { width: 1200, height: 900 } });
// Each tab is a page of the test's browser context, which outlives it: closing a tab is then what it is for a
// learner (the browser goes on, and so do the tab's keepalive requests), not the end of the whole browser session.

test.beforeAll(async () => {
  if (!hasPackage) return;
  preview = createCmi5Preview({ dist, hostScript: await bundleCmi5Host() });
  await new Promise<void>((resolve) => preview.server.listen(Number(process.env.CMI5_TEST_PORT ?? 0), '127.0.0.1', resolve));
  expect((preview.server.address() as AddressInfo).port).toBeGreaterThan(0);
});
test.afterAll(() => new Promise<void>((resolve) => (preview ? preview.server.close(() => resolve()) : resolve())));
test.afterEach(() => {
  if (preview) expect(preview.lrs().rejections(), 'the LMS refused nothing').toEqual([]);
});

const categories = (s: Json) => (((s.context as Json).contextActivities as Json).category as Json[] | undefined)?.map((a) => a.id) ?? [];

test(
  requirements('7.1.1.0-1', '9.3.0.0-4', '9.3.0.0-5', '9.3.3.0-1', '9.5.4.1-1', '11.0.0.0-3') +
    ' | a learner completes the course: every answer and reflection, completed, "passed" with its score where the course has a final assessment (9.3.4.0-1, 9.3.4.0-2, 9.6.2.2-1, 9.6.3.2-2), terminated when the tab closes',
  async ({ context }) => {
    test.setTimeout(300_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const launched = await launchAu(page, preview);
    await takeModules(page, model);
    // Completion is every module seen and the final assessment taken; success is the assessment's. A course
    // without one is completed once its modules are seen, never passed (src/session/state.ts).
    const assessed = await passAssessment(page, model);
    await expectStatement(preview, launched.sessionId, 'completed', 30_000);
    if (assessed) await expectStatement(preview, launched.sessionId, 'passed', 30_000);
    await page.close({ runBeforeUnload: false });
    await expectStatement(preview, launched.sessionId, 'terminated');

    const statements = auStatements(preview, launched.sessionId);
    const verbs = statements.map(verbOf);
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    expect(verbs.filter((v) => !['answered', 'commented'].includes(v))).toEqual(['initialized', 'completed', ...(assessed ? ['passed'] : []), 'terminated']);
    expect(verbs.filter((v) => v === 'answered')).toHaveLength(model.checks.length + (model.assessment?.draw ?? 0));
    expect(new Set(statements.filter((s) => verbOf(s) === 'commented').map((s) => (s.object as Json).id))).toEqual(
      // Every reflection but the private ones, which stay on the learner's device.
      new Set(model.reflections.filter((r) => !r.reflection.private).map((r) => `urn:${model.course.id}:reflection:${r.reflection.id}`)),
    );
    const stamps = statements.map((s) => Date.parse(String(s.timestamp)));
    expect([...stamps].sort((a, b) => a - b), 'timestamps in the order sent').toEqual(stamps);
    // LMS.LaunchData and the preferences were read before the first statement (§10.2.1, §11.0).
    const requests = preview.lrs().requests().filter((r) => r.sessionId === launched.sessionId);
    const first = requests.findIndex((r) => r.resource === 'statements' && r.method === 'POST');
    expect(requests.slice(0, first).map((r) => `${r.method} ${r.resource}`)).toEqual(expect.arrayContaining(['POST fetch', 'GET activities/state', 'GET agents/profile']));
    expect(requests.filter((r) => r.resource === 'fetch')).toHaveLength(1);
    expect(errors).toEqual([]);
    if (assessed) {
      const passed = statements.find((s) => verbOf(s) === 'passed')!;
      expect(passed.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 }, duration: expect.stringMatching(/^PT/) });
      expect(((passed.context as Json).extensions as Json)[CONTEXT_EXTENSIONS.masteryScore]).toBe(model.course.masteryScore / 100);
      expect(categories(passed)).toEqual([CATEGORIES.cmi5, CATEGORIES.moveOn]);
    }
  },
);

test(requirements('10.2.1.0-5') + ' | a relaunch in the registration resumes at the bookmark with the reflections, and the record is never taken back', async ({ context }) => {
  test.setTimeout(120_000);
  const first = await context.newPage();
  const launched = await launchAu(first, preview);
  await takeModules(first, model, 1, 1);
  const module = model.modules[0]!;
  const reflection = model.reflections.find((r) => r.moduleId === module.id);
  await first.waitForTimeout(2_500); // past the debounced commit
  await first.close();
  await expectStatement(preview, launched.sessionId, 'terminated');
  const record = preview.lrs().stateDocument(launched, recordStateId(model.course.id)) as Json;
  expect(record).toMatchObject({ v: 1, location: module.slideIds.at(-1) });

  const again = await context.newPage();
  const relaunched = await launchAu(again, preview, { registration: launched.registration });
  expect(await again.evaluate(() => window.courseShell!.session.launch?.entry)).toBe('resume');
  await expect.poll(() => again.mainFrame().childFrames()[0]?.url() ?? '').toContain(`modules/${module.id}.html`);
  if (reflection) await expect(reader(again).locator(`div.reflection[data-reflection="${reflection.reflection.id}"] textarea`)).toHaveValue(/with my sister/);
  const state = await again.evaluate(() => window.courseShell!.session.getState());
  expect(state.seen).toEqual(expect.arrayContaining(module.slideIds));
  await again.close();
  await expectStatement(preview, relaunched.sessionId, 'terminated');
  // The second session reports no completion it has not earned, and a new session has its own initialized.
  expect(auStatements(preview, relaunched.sessionId).map(verbOf)).toEqual(['initialized', 'terminated']);
});

test(requirements('9.3.8.0-1', '9.3.8.0-2', '7.1.2.0-1') + ' | the tab closed mid-course at once after an answer: the answer, the record and "terminated" all arrive', async ({ context }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  const launched = await launchAu(page, preview);
  const module = model.modules.find((m) => model.checks.some((c) => c.moduleId === m.id))!;
  await seeModule(page, module);
  const check = model.checks.find((c) => c.moduleId === module.id)!.check;
  await answerRight(page, check);
  if (model.reflections.some((r) => r.moduleId === module.id)) await writeReflection(page, model.reflections.find((r) => r.moduleId === module.id)!.reflection.id, 'Typed just before closing the tab.');
  // No wait for the debounced commit: the tab closes now.
  await page.close();
  await expectStatement(preview, launched.sessionId, 'terminated');
  const verbs = auStatements(preview, launched.sessionId).map(verbOf);
  expect(verbs[0]).toBe('initialized');
  expect(verbs).toContain('answered');
  expect(verbs.at(-1)).toBe('terminated');
  await expect.poll(() => (preview.lrs().stateDocument(launched, recordStateId(model.course.id)) as Json | undefined)?.state ?? null).not.toBeNull();
});

test('a reload of the launch page keeps the token: no second fetch, no second "initialized"; the ended session opens read-only (cmi5 §8.2, §9.3.8)', async ({ context }) => {
  test.setTimeout(60_000);
  const page = await context.newPage();
  const launched = await launchAu(page, preview);
  await page.reload();
  await expect.poll(() => page.evaluate(() => window.courseShell?.session.launch?.mode)).toBe('review');
  await expect(page.locator('[data-lms-notice]')).toContainText(words.common.notices.review);
  await page.close();
  const requests = preview.lrs().requests().filter((r) => r.sessionId === launched.sessionId);
  expect(requests.filter((r) => r.resource === 'fetch')).toHaveLength(1);
  expect(auStatements(preview, launched.sessionId).map(verbOf)).toEqual(['initialized', 'terminated']);
});

test(requirements('10.2.2.0-2', '10.2.2.0-8', '10.2.2.0-9') + ' | a Browse launch: the learner looks around, nothing is judged', async ({ context }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  const launched = await launchAu(page, preview, { launchMode: 'Browse' });
  expect(await page.evaluate(() => window.courseShell!.session.launch?.mode)).toBe('browse');
  await takeModules(page, model, 1, 1);
  await page.waitForTimeout(2_500);
  await page.close();
  await expectStatement(preview, launched.sessionId, 'terminated');
  const defined = auStatements(preview, launched.sessionId).filter((s) => categories(s).includes(CATEGORIES.cmi5));
  expect(defined.map(verbOf)).toEqual(['initialized', 'terminated']);
});

test('the launch page loads the cmi5 runtime only for a cmi5 launch', async ({ context }) => {
  const scripts = async (url: string) => {
    const page = await context.newPage();
    const loaded: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') loaded.push(new URL(r.url()).pathname);
    });
    await page.goto(url);
    await expect.poll(() => page.evaluate(() => window.courseShell?.session.launch !== undefined)).toBe(true);
    const kind = await page.evaluate(() => window.courseShell!.session.kind);
    await page.close();
    return { loaded, kind };
  };
  const plain = await scripts(`${preview.origin()}/content/lms.html`);
  const au = preview.structure().aus[0]!;
  const launched = preview.lrs().launch({ au, auUrl: new URL(au.url, `${preview.origin()}/content/`).href, preferences: { languagePreference: 'en-US' } });
  const cmi5 = await scripts(launched.url);
  expect(plain.kind).toBe('standalone');
  expect(cmi5.kind).toBe('cmi5');
  const extra = cmi5.loaded.filter((s) => !plain.loaded.includes(s));
  expect(extra.length, 'a chunk only a cmi5 launch loads').toBeGreaterThan(0);
  await expectStatement(preview, launched.sessionId, 'terminated');
});

test('the preview host launches the AU in its frame and shows the statements as they arrive', async ({ page }) => {
  await page.goto(`${preview.origin()}/`);
  await page.getByRole('button', { name: 'Launch in a new registration' }).click();
  await expect(page.locator('[data-statements] li').filter({ hasText: /^initialized/ }).first()).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Close the AU' }).click();
  await expect(page.locator('[data-statements] li').filter({ hasText: /^terminated/ }).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-refused] li')).toHaveCount(0);
});

test('npm run preview:lms carries the cmi5 package too, at cmi5/ beside the SCORM host, linked from it', async ({ page }) => {
  await page.goto(LMS_PREVIEW_URL);
  await page.getByRole('link', { name: 'The cmi5 package, under the local LRS' }).click();
  await expect(page).toHaveURL(`${LMS_PREVIEW_URL}cmi5/`);
  await page.getByRole('button', { name: 'Launch in a new registration' }).click();
  await expect(page.locator('[data-statements] li').filter({ hasText: /^initialized/ }).first()).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Close the AU' }).click();
  await expect(page.locator('[data-statements] li').filter({ hasText: /^terminated/ }).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-refused] li')).toHaveCount(0);
});
