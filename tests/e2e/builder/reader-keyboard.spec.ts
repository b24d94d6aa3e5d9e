/**
 * A keyboard-only learner reads the whole course, answers every practice
 * check, writes a reflection, takes the final assessment and reaches the
 * summary with the right score. Every action is a key press; the page is only
 * read to decide which key to press next.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadCourseUnderTest } from '../course-under-test';
import { words } from '../ui-words';
import type { Check } from '../../../src/questions/registry';

const model = loadCourseUnderTest();
const checks = new Map([...model.checks.map((c) => [c.check.id, c.check] as const), ...(model.assessment?.questions ?? []).map((q) => [q.check.id, q.check] as const)]);

/** What the focused element is, seen from the page. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | HTMLSelectElement | HTMLElement | null;
    if (!el || el === document.body) return null;
    return {
      tag: el.tagName.toLowerCase(),
      type: (el as HTMLInputElement).type ?? '',
      value: (el as HTMLInputElement).value ?? '',
      name: (el as HTMLInputElement).name ?? '',
      checked: (el as HTMLInputElement).checked ?? false,
      text: (el.textContent ?? '').trim(),
      rel: el.getAttribute('rel'),
      check: el.closest<HTMLElement>('[data-check]')?.dataset.check ?? el.closest<HTMLElement>('[data-question]')?.dataset.question ?? null,
      start: el.hasAttribute('data-start-attempt'),
      handIn: el.hasAttribute('data-hand-in'),
      href: el.getAttribute('href'),
      reflection: el.closest<HTMLElement>('[data-reflection]')?.dataset.reflection ?? null,
      options: el instanceof HTMLSelectElement ? [...el.options].map((o) => o.value) : [],
      move: el.dataset.move ?? null,
      row: el.closest<HTMLElement>('[data-order-item]')?.dataset.key ?? null,
      above: el.closest<HTMLElement>('[data-order-item]')?.previousElementSibling?.getAttribute('data-key') ?? null,
    };
  });
}

/** Read the page top to bottom with Page Down, as a keyboard user does. */
async function readThrough(page: Page) {
  await page.keyboard.press('Home');
  for (let i = 0; i < 200; i++) {
    const atEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
    if (atEnd) break;
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(60); // let the seen-observer see each screenful
  }
  await page.keyboard.press('Home');
}

function correctFor(check: Check, el: { type: string; value: string; name: string }) {
  switch (check.type) {
    case 'single':
    case 'multiple':
      return check.options.find((o) => o.id === el.value)?.correct ?? false;
    case 'true-false':
      return String(check.answer) === el.value;
    case 'matching':
      return check.items.find((i) => i.id === el.name)?.category;
    case 'ordering':
      return undefined;
  }
}

/** Whether an ordering check's row `row` belongs above the row `above` it (so Up should move it). */
function belongsAbove(check: Check, row: string | null, above: string | null): boolean {
  if (check.type !== 'ordering' || row === null || above === null) return false;
  const at = (id: string) => check.items.findIndex((i) => i.id === id);
  return at(row) < at(above);
}

type Focused = NonNullable<Awaited<ReturnType<typeof focused>>>;

/** Tab forward until `wanted` holds focus. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean) {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && wanted(f)) return;
  }
  throw new Error('tabbed 200 times without reaching the control looked for');
}

/**
 * Tab through the page answering every check or question right, until `done`
 * holds focus; `other` sees each focused control that is not a check's.
 */
async function answerByKeyboard(page: Page, done: (f: Focused) => boolean, other: (f: Focused) => Promise<void> = async () => {}) {
  const handledGroups = new Set<string>();
  for (let steps = 0; steps < 600; steps++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    if (done(f)) return;
    const check = f.check ? checks.get(f.check) : undefined;
    if (!check) {
      await other(f);
      continue;
    }
    if (f.tag === 'input' && f.type === 'radio' && !handledGroups.has(f.name)) {
      handledGroups.add(f.name);
      // Arrow keys move through a radio group and select as they go.
      let current = f;
      for (let n = 0; n < 12 && !(current.checked && correctFor(check, current)); n++) {
        await page.keyboard.press(n === 0 && !current.checked ? 'Space' : 'ArrowDown');
        current = (await focused(page)) ?? current;
      }
    } else if (f.tag === 'input' && f.type === 'checkbox') {
      if (Boolean(correctFor(check, f)) !== f.checked) await page.keyboard.press('Space');
    } else if (f.tag === 'select') {
      const target = correctFor(check, f);
      const at = f.options.indexOf(String(target));
      for (let n = 0; n < at; n++) await page.keyboard.press('ArrowDown');
    } else if (f.tag === 'button' && f.move === 'up') {
      // Up keeps focus on the moved item's button: press it until the item sits below one that comes before it.
      for (let current = f, n = 0; n < 12 && belongsAbove(check, current.row, current.above); n++) {
        await page.keyboard.press('Enter');
        current = (await focused(page)) ?? current;
      }
    } else if (f.tag === 'button' && f.text === words.read.checkSubmit) {
      await page.keyboard.press('Enter');
      await expect(page.locator(`[data-check="${check.id}"] .check-feedback .verdict`)).toHaveText(words.read.checkCorrect);
    } else if (f.tag === 'button' && f.text === words.read.submitAnswer) {
      await page.keyboard.press('Enter');
      await expect(page.locator(`[data-question="${check.id}"] .check-feedback`)).toHaveText(words.read.answerRight);
    }
  }
  throw new Error('tabbed 600 times without reaching the way on');
}

test('a keyboard-only learner completes the course, passes the final assessment and reaches the summary with the right score', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('index.html');
  await page.keyboard.press('Tab'); // skip link
  // From the home page, the start link takes the learner to module 1.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f?.tag === 'a' && (f.text === words.read.start || f.text.startsWith(words.read.continueWhere))) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/modules\//);

  let reflected = false;
  for (let moduleIndex = 0; moduleIndex < model.modules.length; moduleIndex++) {
    await readThrough(page);
    await answerByKeyboard(page, (f) => f.tag === 'a' && f.rel === 'next', async (f) => {
      if (f.reflection && f.tag === 'textarea' && !reflected) {
        await page.keyboard.type('What I take from this: connection grows people.');
        reflected = true;
      }
    });
    await page.keyboard.press('Enter');
    const last = moduleIndex + 1 === model.modules.length;
    await page.waitForURL(!last ? new RegExp(`modules/${model.modules[moduleIndex + 1]?.id}`) : model.assessment ? /assessment\.html/ : /summary\.html/);
  }

  if (model.assessment) {
    // The final assessment: start an attempt, answer each drawn question, hand it in.
    await tabTo(page, (f) => f.start);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-assessment-attempt]')).toBeVisible();
    await answerByKeyboard(page, (f) => f.handIn);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-assessment-results]')).toBeFocused();
    await expect(page.locator('[data-assessment-results]')).toContainText(words.read.resultLine(model.assessment.draw, model.assessment.draw, 100));
    await tabTo(page, (f) => f.tag === 'a' && f.href === 'summary.html');
    await page.keyboard.press('Enter');
    await page.waitForURL(/summary\.html/);
  }

  expect(reflected).toBe(true);
  await expect(page.locator('[data-score-line]')).toHaveText(words.read.scoreLine(100, model.course.masteryScore));
  await expect(page.locator('[data-score-detail]')).toContainText(words.read.passed);
  await expect(page.locator('[data-practice-line]')).toHaveText(words.read.practiceLine(model.checks.length, model.checks.length, model.checks.length));
  await expect(page.locator('[data-revisit]')).toHaveText(words.read.revisitNone);
  await page.goto('index.html');
  for (const m of model.modules) await expect(page.locator(`[data-progress-text="${m.id}"]`)).toContainText(words.read.progressLabel(m.slideIds.length, m.slideIds.length));
});
