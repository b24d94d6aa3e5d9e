/**
 * The learner's answers and reflections survive a reload and a new page, two
 * tabs, the back/forward cache and a new version of the course; their text
 * stays text everywhere; the export holds it; without storage the learner is
 * told and the course still works.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loadCourse } from '../../../src/model/load';
import { codecCourseOf, encodeState } from '../../../src/session/codec';
import { answer, initialState, markSeen, writeReflection as writeReflectionState } from '../../../src/session/state';

const MODULE = 'modules/connection-and-disconnection.html';
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> and my real words`;

async function answerMissingGoodThing(page: Page, optionLabel: string) {
  const check = page.locator('[data-check="missing-good-thing"]');
  await check.getByLabel(optionLabel, { exact: true }).check();
  await check.getByRole('button', { name: 'Check answer' }).click();
  return check;
}

async function writeReflection(page: Page, text: string) {
  const box = page.locator('[data-reflection="connection-in-daily-life"] textarea');
  await box.fill(text);
  await expect(page.locator('[data-reflection="connection-in-daily-life"] .reflection-status')).toContainText('Saved');
  return box;
}

test('answers, reflections and progress survive a reload and a new page', async ({ page, context }) => {
  await page.goto(MODULE);
  const check = await answerMissingGoodThing(page, 'A greater sense of worth');
  await expect(check.locator('.check-feedback .verdict')).toHaveText('Correct.');
  await writeReflection(page, 'First line\nSecond line, with “quotes” and é');

  await page.reload();
  await expect(page.locator('[data-check="missing-good-thing"] .check-feedback .verdict')).toHaveText('Correct.');
  await expect(page.locator('[data-check="missing-good-thing"]').getByLabel('A greater sense of worth', { exact: true })).toBeChecked();
  await expect(page.locator('[data-reflection="connection-in-daily-life"] textarea')).toHaveValue('First line\nSecond line, with “quotes” and é');

  const other = await context.newPage();
  await other.goto('summary.html');
  await expect(other.locator('[data-result="missing-good-thing"]')).toHaveText('Correct');
  await expect(other.locator('[data-reflection-text="connection-in-daily-life"]')).toHaveText('First line\nSecond line, with “quotes” and é');
  await other.goto('index.html');
  await expect(other.locator('a[data-continue]')).toHaveText('Continue where you left off');
  await other.locator('a[data-continue]').click();
  await expect(other).toHaveURL(/modules\/connection-and-disconnection\.html#/);
});

test('a wrong answer gives feedback that teaches, and the learner can retry', async ({ page }) => {
  await page.goto(MODULE);
  const check = await answerMissingGoodThing(page, 'A feeling of safety');
  await expect(check.locator('.check-feedback .verdict')).toHaveText('Not quite.');
  await expect(check.locator('.check-feedback .explanation')).not.toBeEmpty();
  await check.getByRole('button', { name: 'Try again' }).click();
  await expect(check.getByLabel('A feeling of safety', { exact: true })).not.toBeChecked();
  await answerMissingGoodThing(page, 'A greater sense of worth');
  await expect(check.locator('.check-feedback .verdict')).toHaveText('Correct.');
  await page.goto('summary.html');
  await expect(page.locator('[data-result="missing-good-thing"]')).toHaveText('Correct');
});

test('learner text stays inert on screen, after reload, on the summary and in the export', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(MODULE);
  await writeReflection(page, XSS);
  await page.reload();
  await expect(page.locator('[data-reflection="connection-in-daily-life"] textarea')).toHaveValue(XSS);
  await page.goto('summary.html');
  await expect(page.locator('[data-reflection-text="connection-in-daily-life"]')).toHaveText(XSS);
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my reflections' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^rct-intro-reflections-\d{4}-\d{2}-\d{2}\.md$/);
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  expect(text).toContain('Recall a recent interaction that left you with more energy');
  // Escaped for Markdown: no viewer renders the learner's words as HTML, and they read back exactly.
  expect(text).not.toMatch(/(^|[^\\])<img/);
  expect(text).toContain('\\<img src=x onerror="window.\\_\\_xss=1"\\>');
  expect(text).toContain('and my real words');
  expect(dialogs).toEqual([]);
});

test('clearing a reflection asks first', async ({ page }) => {
  await page.goto(MODULE);
  const box = await writeReflection(page, 'Something to clear');
  const clear = page.locator('[data-reflection="connection-in-daily-life"]').getByRole('button', { name: 'Clear' });
  page.once('dialog', (d) => void d.dismiss());
  await clear.click();
  await expect(box).toHaveValue('Something to clear');
  page.once('dialog', (d) => void d.accept());
  await clear.click();
  await expect(box).toHaveValue('');
  await page.reload();
  await expect(page.locator('[data-reflection="connection-in-daily-life"] textarea')).toHaveValue('');
});

test('a reflection typed just before the tab is hidden is saved', async ({ page, context }) => {
  await page.goto(MODULE);
  const box = page.locator('[data-reflection="connection-in-daily-life"] textarea');
  await box.pressSequentially('typed fast', { delay: 5 });
  // Hide the page before the debounce fires: visibilitychange must save.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const other = await context.newPage();
  await other.goto(MODULE);
  await expect(other.locator('[data-reflection="connection-in-daily-life"] textarea')).toHaveValue('typed fast');
});

test('without storage the learner is told, and the course still works', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  await page.goto(MODULE);
  await expect(page.locator('[data-notices]')).toContainText('cannot be saved on this device');
  const check = await answerMissingGoodThing(page, 'A greater sense of worth');
  await expect(check.locator('.check-feedback .verdict')).toHaveText('Correct.');
  await page.locator('[data-reflection="connection-in-daily-life"] textarea').fill('kept in memory');
  await expect(page.locator('[data-reflection="connection-in-daily-life"] .reflection-status')).toContainText('Not saved');
  await context.close();
});

test('two tabs of the course: each keeps what the other saved, and shows it', async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await one.goto(MODULE);
  await two.goto(MODULE);
  // Tab two answers; tab one, opened before, writes a reflection: neither overwrites the other.
  const check = await answerMissingGoodThing(two, 'A greater sense of worth');
  await expect(check.locator('.check-feedback .verdict')).toHaveText('Correct.');
  await expect.poll(() => two.evaluate(() => localStorage.getItem('course:rct-intro') ?? '')).toContain('suspendData');
  await writeReflection(one, 'Written in tab one.');
  // Tab two hears of it and shows the text without a reload.
  await expect(two.locator('[data-reflection="connection-in-daily-life"] textarea')).toHaveValue('Written in tab one.');

  const three = await context.newPage();
  await three.goto(MODULE);
  await expect(three.locator('[data-check="missing-good-thing"] .check-feedback .verdict')).toHaveText('Correct.');
  await expect(three.locator('[data-reflection="connection-in-daily-life"] textarea')).toHaveValue('Written in tab one.');
});

test('a page restored from the back/forward cache saves what is typed on it', async ({ page, context }) => {
  await page.goto(MODULE);
  await writeReflection(page, 'Before leaving.');
  await page.goto('summary.html');
  await page.goBack();
  const box = page.locator('[data-reflection="connection-in-daily-life"] textarea');
  await expect(box).toHaveValue('Before leaving.');
  await box.fill('Typed after coming back.');
  await expect(page.locator('[data-reflection="connection-in-daily-life"] .reflection-status')).toContainText('Saved');
  const other = await context.newPage();
  await other.goto(MODULE);
  await expect(other.locator('[data-reflection="connection-in-daily-life"] textarea')).toHaveValue('Typed after coming back.');
});

test('a new version of the course keeps the record an older one left, and says which answers start afresh', async ({ page }) => {
  const model = loadCourse(process.cwd());
  const course = codecCourseOf(model);
  const check = model.checks.find((c) => c.check.id === 'missing-good-thing')!;
  const other = model.checks.find((c) => c.check.id !== check.check.id)!;
  // The older version: one more slide (since removed), and the missing-good-thing check in an older form (another answer key).
  const older = {
    slides: [...course.slides, { id: 'a-removed-slide', track: 900 }],
    checks: course.checks.map((c) => (c.id === check.check.id ? { ...c, key: c.key === 'zz' ? 'yy' : 'zz' } : c)),
  };
  const moduleSlides = model.modules.find((m) => `modules/${m.id}.html` === MODULE)!.slideIds;
  let state = initialState(new Date('2026-01-10T10:00:00Z'));
  for (const id of [...moduleSlides, 'a-removed-slide']) state = markSeen(state, id);
  state = answer(state, check.check.id, { response: '0', correct: true });
  state = answer(state, other.check.id, { response: '0', correct: false });
  state = writeReflectionState(state, 'connection-in-daily-life', 'Written for the older version.', new Date('2026-01-10T10:05:00Z'));
  // The first release kept the record under a key per version.
  const record = { v: 1, suspendData: encodeState(state, older).data, location: moduleSlides[1], score: null, completion: 'incomplete', success: 'unknown', finished: false };
  // On this device before the course's first page runs, as the older version left it.
  await page.addInitScript((r) => {
    if (localStorage.getItem('seeded') === null) {
      localStorage.setItem('seeded', '1');
      localStorage.setItem('course:rct-intro@0.9.0', r);
    }
  }, JSON.stringify(record));

  await page.goto(MODULE);
  await expect(page.locator('[data-notices]')).toContainText('The course has been updated since your last visit');
  await expect(page.locator('[data-notices]')).toContainText('one answer starts afresh');
  await expect(page.locator('[data-reflection="connection-in-daily-life"] textarea')).toHaveValue('Written for the older version.');
  await expect(page.locator('[data-check="missing-good-thing"] .check-feedback .verdict')).toHaveCount(0);
  await page.goto('summary.html');
  await expect(page.locator(`[data-result="${other.check.id}"]`)).toHaveText('Not correct yet');
});
