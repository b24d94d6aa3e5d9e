/**
 * Every page of the self-paced course is accessible (axe, WCAG 2.2 AA),
 * fetches nothing from another origin, and fits a 320 px wide screen.
 */
import { expect, test } from '@playwright/test';
import { loadCourseUnderTest } from '../course-under-test';
import { words } from '../ui-words';
import { axe, foreign, recordRequests } from '../helpers';

const model = loadCourseUnderTest();
const pages = [
  'index.html',
  'summary.html',
  'all.html',
  ...(model.glossary ? ['glossary.html'] : []),
  ...(model.references ? ['references.html'] : []),
  ...model.modules.map((m) => `modules/${m.id}.html`),
];

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
      await firstCheck.getByRole('button', { name: words.read.checkSubmit }).click();
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

test('a page carries what it shows plus ids; the course outline is one shared file, fetched once per page, the same for every page', async ({ page }) => {
  const outlineRequests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/course-outline.json')) outlineRequests.push(r.url());
  });
  const first = model.modules[0]!;
  const second = model.modules[1]!;
  const own = async () => JSON.parse((await page.locator('#course-data').textContent()) ?? '{}') as { outline: string; pageChecks: Array<{ id: string }> };

  await page.goto(`modules/${first.id}.html`);
  const onFirst = await own();
  expect(Object.keys(onFirst).sort()).toEqual(['outline', 'pageChecks']);
  expect(onFirst.pageChecks.map((c) => c.id)).toEqual(model.checks.filter((c) => c.moduleId === first.id).map((c) => c.check.id));
  // The runtime has joined the two: the page's first check gives feedback.
  const check = page.locator('[data-check] form').first();
  await check.locator('input, select').first().focus();
  await check.getByRole('button', { name: words.read.checkSubmit }).click();
  await expect(page.locator('[data-check] .check-feedback').first()).not.toBeEmpty();

  await page.goto(`modules/${second.id}.html`);
  const onSecond = await own();
  // One URL for one file, which the browser's cache can serve to every page; the page's preload is the fetch its script uses.
  expect(onSecond.outline).toBe(onFirst.outline);
  expect(new Set(outlineRequests).size).toBe(1);
  expect(outlineRequests).toHaveLength(2);
});
