/**
 * The reader reads well: a table of contents whose entries can be told
 * apart, feedback whose lead-ins read as English, and a summary table
 * whose results are never broken inside a word on a phone.
 */
import { expect, test } from '@playwright/test';
import { loadCourse } from '../../../src/model/load';

const model = loadCourse(process.cwd());

test('every module page lists its slides under names that differ', async ({ page }) => {
  for (const m of model.modules) {
    await page.goto(`modules/${m.id}.html`);
    const entries = await page.locator('nav.toc li a').allInnerTexts();
    expect(entries, m.id).toHaveLength(m.slideIds.length);
    expect(new Set(entries).size, `${m.id}: ${entries.join(' | ')}`).toBe(entries.length);
  }
});

test('feedback on a sorted remark names it without a full stop before the colon', async ({ page }) => {
  const { check, moduleId } = model.checks.find((c) => c.check.id === 'two-views-of-growth')!;
  if (check.type !== 'matching') throw new Error('two-views-of-growth is a matching check');
  await page.goto(`modules/${moduleId}.html`);
  const box = page.locator(`[data-check="${check.id}"]`);
  // Every item sorted into the first category: some right, some wrong, each with its feedback line.
  for (const item of check.items) await box.locator(`select[name="${item.id}"]`).selectOption(check.categories[0]!.id);
  await box.getByRole('button', { name: 'Check answer' }).click();
  const leads = await box.locator('.check-feedback li strong').allInnerTexts();
  expect(leads).toHaveLength(check.items.length);
  for (const lead of leads) expect(lead).not.toMatch(/[.,;]["”’']?:\s*$/);
  expect(leads[0]).toMatch(/"[^"]+": $/);
});

test('the summary at 375 px keeps each result whole', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('summary.html');
  await expect(page.locator('td[data-result]').first()).toHaveText('Not answered yet');
  const cells = await page.locator('td[data-result]').evaluateAll((tds) =>
    tds.map((td) => ({ wrap: getComputedStyle(td).overflowWrap, overflow: td.scrollWidth - td.clientWidth })),
  );
  for (const c of cells) expect(c).toEqual({ wrap: 'normal', overflow: 0 });
  // Each question is named by its check slide's title, not by a vignette's whole prompt.
  await expect(page.locator('tr[data-result-row="practice-elements"] th a')).toHaveText('Check: RCT in the therapy room');
});

test('each check and reflection has one heading, its slide title; the kind is a label', async ({ page }) => {
  const m = model.modules[0]!;
  await page.goto(`modules/${m.id}.html`);
  await expect(page.locator('[data-check], [data-reflection]').first()).toBeVisible();
  const items = page.locator('section.slide:has([data-check], [data-reflection])');
  expect(await items.count()).toBeGreaterThan(0);
  for (const section of await items.all()) await expect(section.locator('h1, h2, h3, h4, h5, h6')).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Knowledge check' }).first()).toBeVisible();
});

test('all.html prints a long reflection whole, not the few lines its box shows', async ({ page }) => {
  await page.goto('all.html');
  const box = page.locator('[data-reflection]').first();
  const text = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of what I noticed.`).join('\n');
  await box.locator('textarea').fill(text);
  await page.emulateMedia({ media: 'print' });
  await expect(box.locator('textarea')).toBeHidden();
  const copy = box.locator('.reflection-print');
  await expect(copy).toBeVisible();
  expect(await copy.innerText()).toBe(text);
  const { scroll, client } = await copy.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(scroll).toBeLessThanOrEqual(client + 1);
  // An empty reflection keeps its box, to write in by hand.
  await expect(page.locator('[data-reflection]:not([data-written]) textarea').first()).toBeVisible();
});
