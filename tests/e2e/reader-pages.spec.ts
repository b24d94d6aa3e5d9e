/**
 * Every page of the self-paced course is accessible (axe, WCAG 2.2 AA),
 * fetches nothing from another origin, and fits a 320 px wide screen.
 */
import { expect, test } from '@playwright/test';
import { loadCourse } from '../../src/model/load';
import { axe, foreign, recordRequests } from './helpers';

const model = loadCourse(process.cwd());
const pages = ['index.html', 'summary.html', 'all.html', ...model.modules.map((m) => `modules/${m.id}.html`)];

// axe over a whole page (all.html holds the course) takes tens of seconds on two busy cores.
test.describe.configure({ timeout: 60_000 });

for (const path of pages) {
  test(`${path}: no axe violations, no foreign request, no sideways scrolling at 320 px`, async ({ page, baseURL }) => {
    const requests = recordRequests(page);
    await page.goto(path);
    // Show feedback too, so its markup is checked.
    const firstCheck = page.locator('[data-check] form').first();
    if (await firstCheck.count()) {
      await firstCheck.locator('input, select').first().focus();
      await firstCheck.getByRole('button', { name: 'Check answer' }).click();
    }
    expect(await axe(page)).toEqual([]);
    expect(foreign(requests, new URL(baseURL ?? '').origin)).toEqual([]);

    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('module pages read without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`modules/${model.modules[0]?.id}.html`);
  await expect(page.locator('h1')).toHaveText(model.modules[0]?.title ?? '');
  await expect(page.locator('section[data-slide]')).toHaveCount(model.modules[0]?.slideIds.length ?? 0);
  await context.close();
});

test('dark scheme keeps AA contrast', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`modules/${model.modules[1]?.id}.html`);
  expect(await axe(page)).toEqual([]);
  await context.close();
});
