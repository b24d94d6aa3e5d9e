/**
 * A keyboard-only learner reads the whole course, answers every check, writes
 * a reflection and reaches the summary with the right score. Every action is
 * a key press; the page is only read to decide which key to press next.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadCourse } from '../../src/model/load';
import type { Check } from '../../src/questions/registry';

const model = loadCourse(process.cwd());
const checks = new Map(model.checks.map((c) => [c.check.id, c.check]));

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
      check: el.closest<HTMLElement>('[data-check]')?.dataset.check ?? null,
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

test('a keyboard-only learner completes the course and reaches the summary with the right score', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('index.html');
  await page.keyboard.press('Tab'); // skip link
  // From the home page, the start link takes the learner to module 1.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f?.tag === 'a' && /Start the course|Continue/.test(f.text)) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/modules\//);

  let reflected = false;
  for (let moduleIndex = 0; moduleIndex < model.modules.length; moduleIndex++) {
    await readThrough(page);
    const handledGroups = new Set<string>();
    for (let steps = 0; steps < 400; steps++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (!f) continue;
      if (f.tag === 'a' && f.rel === 'next') break; // the way on
      if (f.reflection && f.tag === 'textarea' && !reflected) {
        await page.keyboard.type('What I take from this: connection grows people.');
        reflected = true;
        continue;
      }
      const check = f.check ? checks.get(f.check) : undefined;
      if (!check) continue;
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
        const steps = f.options.indexOf(String(target));
        for (let n = 0; n < steps; n++) await page.keyboard.press('ArrowDown');
      } else if (f.tag === 'button' && f.move === 'up') {
        // Up keeps focus on the moved item's button: press it until the item sits below one that comes before it.
        for (let current = f, n = 0; n < 12 && belongsAbove(check, current.row, current.above); n++) {
          await page.keyboard.press('Enter');
          current = (await focused(page)) ?? current;
        }
      } else if (f.tag === 'button' && f.text === 'Check answer') {
        await page.keyboard.press('Enter');
        await expect(page.locator(`[data-check="${check.id}"] .check-feedback .verdict`)).toHaveText('Correct.');
      }
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(moduleIndex + 1 < model.modules.length ? new RegExp(`modules/${model.modules[moduleIndex + 1]?.id}`) : /summary\.html/);
  }

  expect(reflected).toBe(true);
  await expect(page.locator('[data-score-line]')).toHaveText('Your score is 100%. The pass mark is 80%.');
  await expect(page.locator('[data-score-detail]')).toContainText(`${model.checks.length} of ${model.checks.length} checks correct`);
  await expect(page.locator('[data-score-detail]')).toContainText('Passed');
  await expect(page.locator('[data-revisit]')).toContainText('Nothing to revisit');
  await page.goto('index.html');
  for (const m of model.modules) await expect(page.locator(`[data-progress-text="${m.id}"]`)).toContainText(`${m.slideIds.length} of ${m.slideIds.length} slides seen`);
});
