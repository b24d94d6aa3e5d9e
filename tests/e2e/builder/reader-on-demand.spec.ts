/**
 * The parts of the reader's script that load on demand (src/modes/read/runtime/on-demand.ts):
 * a page loads the question types of its own checks and no other, and any part whose chunk
 * cannot load (here: its request aborted) tells the learner so where the part would be,
 * while what the learner writes is still saved.
 */
import { expect, test, type Page } from '@playwright/test';
import { localeOf, translate } from '../../../src/i18n';
import { pageRuntimeWords } from '../../../src/modes/read/runtime/strings/page';
import { paths } from '../../../src/site/urls';
import { loadCourseUnderTest } from '../course-under-test';
import { axe } from '../helpers';

const model = loadCourseUnderTest();
const words = translate(pageRuntimeWords, localeOf(model.course.language));
/** A chunk of the reader's script, by the module it holds (Vite names a chunk after its file: `_astro/<name>.<hash>.js`). */
const chunk = (...names: string[]) => new RegExp(`/_astro/(?:${names.join('|')})\\.[\\w-]+\\.js$`);
/** Each question type's chunk holds its answer behaviour, src/questions/<type>/answer.ts. */
const typeChunk = chunk('answer');

const moduleOf = (slideId: string) => model.slides.find((s) => s.id === slideId)?.moduleId;
/** The module with the most checks (and a reflection, when one has). */
const modules = model.modules
  .map((m) => ({ id: m.id, checks: model.checks.filter((c) => moduleOf(c.slideId) === m.id).map((c) => c.check), reflections: model.reflections.filter((r) => moduleOf(r.slideId) === m.id) }))
  .filter((m) => m.checks.length > 0)
  .sort((a, b) => b.reflections.length - a.reflections.length || b.checks.length - a.checks.length);
const target = modules[0];
if (!target) throw new Error('the course has no module with a knowledge check');

async function open(page: Page) {
  await page.goto(paths.module(target!.id));
}

test('a module page loads the question types of its own checks, and no other', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await open(page);
  await expect(page.locator('[data-check][data-check-ready]')).toHaveCount(target.checks.length);
  // One chunk per type on the page, each once.
  const typeChunks = requested.filter((url) => typeChunk.test(url));
  expect(new Set(typeChunks).size).toBe(typeChunks.length);
  expect(typeChunks.length).toBe(new Set(target.checks.map((c) => c.type)).size);
});

test('when the question types cannot load, each check says so, submitting reloads nothing, and a reflection is still saved', async ({ page }) => {
  await page.route(typeChunk, (route) => route.abort());
  await open(page);
  for (const check of target.checks) await expect(page.locator(`[data-check="${check.id}"] [role="alert"]`)).toHaveText(words.partNotLoaded);
  const first = page.locator(`[data-check="${target.checks[0]!.id}"]`);
  const url = page.url();
  await first.locator('button[type="submit"]').click();
  await expect(first.locator('[role="alert"]')).toHaveText(words.partNotLoaded);
  expect(page.url()).toBe(url);
  expect(await axe(page)).toEqual([]);

  const reflection = target.reflections[0];
  test.skip(!reflection, 'the module has no reflection');
  const box = page.locator(`[data-reflection="${reflection!.reflection.id}"] textarea`);
  await box.fill('Written while part of the page was missing');
  await expect(page.locator(`[data-reflection="${reflection!.reflection.id}"] .reflection-status[data-state="saved"]`)).toBeAttached();
  await page.unroute(typeChunk);
  await page.reload();
  await expect(box).toHaveValue('Written while part of the page was missing');
  await expect(page.locator('[data-check][data-check-ready]')).toHaveCount(target.checks.length);
});

test('the reflections download says so when its code cannot load, and works once it can', async ({ page }) => {
  test.skip(model.reflections.length === 0, 'the course has no reflection');
  await page.route(chunk('download'), (route) => route.abort());
  await page.goto(paths.summary);
  const button = page.locator('[data-download-reflections]');
  await button.click();
  await expect(page.getByRole('alert')).toHaveText(words.downloadNotLoaded);
  await page.unroute(chunk('download'));
  await page.reload();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/-reflections-\d{4}-\d{2}-\d{2}\.md$/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the summary and the assessment pages say so when their code cannot load', async ({ page }) => {
  await page.route(chunk('summary', 'assessment'), (route) => route.abort());
  await page.goto(paths.summary);
  await expect(page.locator('.page [role="alert"]').first()).toHaveText(words.partNotLoaded);
  expect(await axe(page)).toEqual([]);
  test.skip(!model.assessment, 'the course has no final assessment');
  await page.goto(paths.assessment);
  await expect(page.locator('.page [role="alert"]').first()).toHaveText(words.partNotLoaded);
});

test('a notice whose words cannot load still tells the learner something is wrong', async ({ page }) => {
  // Storage refused: the session has a notice for the page (the course tests check its words, tests/e2e/course/reader-state.spec.ts).
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.route(chunk('notices'), (route) => route.abort());
  await open(page);
  await expect(page.locator('[data-notices] [role="alert"]')).toHaveText(words.partNotLoaded);
});

test('an answer chosen before its question type has loaded is the one judged, not the saved answer', async ({ page }) => {
  const holder = modules.find((m) => m.checks.some((c) => c.type === 'single' || c.type === 'true-false'));
  const check = holder?.checks.find((c) => c.type === 'single' || c.type === 'true-false');
  test.skip(!holder || !check, 'the course has no single-choice or true/false check');
  const values = check!.type === 'single' ? { right: check!.options.find((o) => o.correct)!.id, wrong: check!.options.find((o) => !o.correct)!.id } : { right: String(check!.answer), wrong: String(!check!.answer) };
  const box = page.locator(`[data-check="${check!.id}"]`);
  const option = (value: string) => box.locator(`input[value="${value}"]`);

  // Answered right and saved.
  await page.goto(paths.module(holder!.id));
  await expect(box).toHaveAttribute('data-check-ready', '');
  await option(values.right).check();
  await box.locator('button[type="submit"]').click();
  await expect(box.locator('.check-feedback')).toHaveAttribute('data-correct', 'true');

  // Back on a slow connection: the learner picks another answer and submits before the type arrives.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(typeChunk, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  // The page's script has bound the form (its type is still held back).
  await expect(box).toHaveAttribute('data-check-bound', '');
  await expect(box).not.toHaveAttribute('data-check-ready');
  await option(values.wrong).check();
  await box.locator('button[type="submit"]').click();
  release();
  await expect(box).toHaveAttribute('data-check-ready', '');
  await expect(box.locator('.check-feedback')).toHaveAttribute('data-correct', 'false');
  await expect(option(values.wrong)).toBeChecked();
});

test('a check submitted before the page script has run keeps the page and the learner’s choice', async ({ page }) => {
  const holder = modules.find((m) => m.checks.some((c) => c.type === 'single' || c.type === 'true-false'));
  const check = holder?.checks.find((c) => c.type === 'single' || c.type === 'true-false');
  test.skip(!holder || !check, 'the course has no single-choice or true/false check');
  const value = check!.type === 'single' ? check!.options[0]!.id : 'true';
  // The reader's own script (Layout.astro's), held back as on a slow device.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(chunk('Layout\\.astro_astro_type_script_index_0_lang'), async (route) => {
    await held;
    await route.continue();
  });
  // Not 'domcontentloaded': that waits for the module script, which is held.
  await page.goto(paths.module(holder!.id), { waitUntil: 'commit' });
  const box = page.locator(`[data-check="${check!.id}"]`);
  await expect(box.locator('button[type="submit"]')).toBeVisible();
  const url = page.url();
  await box.locator(`input[value="${value}"]`).check();
  await box.locator('button[type="submit"]').click();
  // Nothing navigates: the form's method is "dialog" (CheckForm.astro).
  await page.waitForTimeout(300);
  expect(page.url()).toBe(url);
  release();
  await expect(box).toHaveAttribute('data-check-ready', '');
  expect(page.url()).toBe(url);
  await expect(box.locator(`input[value="${value}"]`)).toBeChecked();
});
