/**
 * The reader reads well: a table of contents whose entries can be told
 * apart, feedback whose lead-ins read as English, and a summary table
 * whose results are never broken inside a word on a phone.
 */
import { expect, test } from '@playwright/test';
import { loadCourse } from '../../src/model/load';

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
