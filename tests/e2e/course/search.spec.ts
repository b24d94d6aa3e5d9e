/**
 * Full-text search over the course's reader pages (src/modes/read/runtime/search.ts,
 * the index from src/integrations/search.ts): from any page, served under a
 * deep path and inside the packages under the LMS preview, "controlling
 * images" finds the glossary's term and the slide that teaches it, and each
 * result lands on its anchor. The index loads only when the learner
 * searches; the results are announced; the form works with keys alone and
 * is axe-clean; what a learner writes is never found.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { bundleCmi5Host, createCmi5Preview, type Cmi5Preview } from '../../../src/cli/preview-cmi5';
import { launchAu, reader as cmi5Reader } from '../../fixtures/cmi5/e2e';
import { axe } from '../helpers';
import { openLms, reader as scormReader, VERSIONS } from '../lms/host';
import type { AddressInfo } from 'node:net';

type Root = Page | FrameLocator;

const QUERY = 'controlling images';
const searchbox = (root: Root) => root.getByRole('search', { name: 'Search the course' }).getByRole('searchbox', { name: 'Search the course' });
const status = (root: Root) => root.getByRole('search').getByRole('status');
const results = (root: Root) => root.getByRole('search').getByRole('list');

/** Type the query as a learner does and wait for the announced results. */
async function search(root: Root, query: string): Promise<void> {
  await searchbox(root).fill(query);
  await expect(status(root)).toHaveText(new RegExp(`^\\d+ results? for "${query}"\\.$|^No results for "${query}"`));
}

/** The glossary entry and the slide section that teach controlling images are among the results, linked relatively. */
async function expectControllingImages(root: Root, fromFolder: '' | '../'): Promise<void> {
  const term = results(root).getByRole('link', { name: 'Controlling images', exact: true });
  await expect(term).toHaveAttribute('href', `${fromFolder}glossary.html#term-controlling-images`);
  await expect(results(root).getByRole('link', { name: 'Relational-Cultural Therapy in Practice', exact: true })).toHaveAttribute('href', `${fromFolder}modules/rct-in-practice.html#therapy-in-practice`);
  await expect(results(root).getByRole('link', { name: 'Collins, 2000', exact: true })).toHaveAttribute('href', `${fromFolder}references.html#ref-collins-2000`);
  await expect(results(root).locator('mark').first()).toHaveText(/controlling/i);
}

for (const start of ['index.html', 'modules/why-relationships.html', 'glossary.html', 'references.html']) {
  test(`from ${start}, "${QUERY}" finds the glossary term, the slide and the reference, and the term's link lands on its entry`, async ({ page }) => {
    await page.goto(start);
    await search(page, QUERY);
    await expectControllingImages(page, start.startsWith('modules/') ? '../' : '');
    await results(page).getByRole('link', { name: 'Controlling images', exact: true }).click();
    await expect(page).toHaveURL(/\/deep\/path\/course\/glossary\.html#term-controlling-images$/);
    await expect(page.locator('#term-controlling-images')).toBeInViewport();
  });
}

test("a slide's result lands on the slide's section of its module page", async ({ page }) => {
  await page.goto('glossary.html');
  await search(page, QUERY);
  await results(page).getByRole('link', { name: 'Relational-Cultural Therapy in Practice', exact: true }).click();
  await expect(page).toHaveURL(/\/modules\/rct-in-practice\.html#therapy-in-practice$/);
  await expect(page.locator('section#therapy-in-practice')).toBeInViewport();
});

test("a check's prompt and a reflection's prompt are found, on the slide that asks them", async ({ page }) => {
  await page.goto('index.html');
  await search(page, 'pair each good thing with the outcome it becomes');
  await expect(results(page).getByRole('link', { name: 'Check: each good thing and its opposite', exact: true })).toHaveAttribute('href', 'modules/connection-and-disconnection.html#check-good-things-or-disconnection');
  await search(page, 'recent interaction that left you with more energy');
  await expect(results(page).getByRole('link', { name: 'Pause and reflect: connection in daily life', exact: true })).toHaveAttribute('href', /^modules\/connection-and-disconnection\.html#/);
});

test('the index loads only when the learner searches, and nothing else is fetched for it', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('modules/why-relationships.html');
  await expect(searchbox(page)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
  await search(page, QUERY);
  const loaded = requests.filter((u) => u.includes('/pagefind/'));
  expect(loaded.some((u) => u.endsWith('/deep/path/course/pagefind/pagefind.js'))).toBe(true);
  expect(loaded.every((u) => u.startsWith(new URL('pagefind/', page.url().replace(/modules\/.*$/, '')).href))).toBe(true);
});

test('a query nothing matches says so in the live region, and shows no list', async ({ page }) => {
  await page.goto('index.html');
  await search(page, 'zyxwvut');
  await expect(status(page)).toHaveText('No results for "zyxwvut". Try fewer or other words.');
  await expect(status(page)).toHaveAttribute('aria-live', 'polite');
  await expect(results(page)).toBeHidden();
});

test("a learner's reflection and answers are never found: only the course's own text is indexed", async ({ page }) => {
  await page.goto('modules/why-relationships.html');
  await page.locator('textarea').first().fill('Quintessentialmarker from my own life.');
  await page.locator('textarea').first().blur();
  await page.goto('index.html');
  await search(page, 'Quintessentialmarker');
  await expect(status(page)).toHaveText(/^No results/);
  // Nor the interface's own words beside a reflection (where its text goes).
  await search(page, 'Nobody else can read it');
  await expect(results(page).locator('mark', { hasText: /nobody/i })).toHaveCount(0);
});

test('keyboard only: Tab to the field, type, Enter, Tab to a result and follow it; Escape clears', async ({ page }) => {
  await page.goto('index.html');
  // The skip link first, then the header's links, then the search field.
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await searchbox(page).evaluate((el) => el === document.activeElement);
  }
  expect(reached, 'the search field is reached with Tab').toBe(true);
  await page.keyboard.type(QUERY);
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(/results? for "controlling images"/);
  await page.keyboard.press('Tab'); // the Search button
  await page.keyboard.press('Tab'); // the first result
  await expect(results(page).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(searchbox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchbox(page)).toHaveValue('');
  await expect(results(page)).toBeHidden();
  await expect(status(page)).toBeEmpty();
  await page.keyboard.type(QUERY);
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(/results? for/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#[a-z-]+$/);
});

test('the search form and its results are axe-clean, in both colour schemes', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('modules/why-relationships.html');
    await search(page, QUERY);
    expect(await axe(page)).toEqual([]);
  }
});

for (const version of VERSIONS) {
  test(`inside the ${version.label} package, under the LMS preview: "${QUERY}" is found and the result opens the glossary entry in the course frame`, async ({ page }) => {
    await openLms(page, version);
    const frame = scormReader(page);
    await search(frame, QUERY);
    await expectControllingImages(frame, '');
    await results(frame).getByRole('link', { name: 'Controlling images', exact: true }).click();
    await expect(frame.locator('#term-controlling-images')).toBeInViewport();
    await expect(frame.locator('.page[data-page="glossary"]')).toBeVisible();
  });
}

test.describe('inside the cmi5 package', () => {
  let preview: Cmi5Preview;
  test.beforeAll(async () => {
    preview = createCmi5Preview({ dist: process.env.LMS_DIST ?? 'dist', hostScript: await bundleCmi5Host() });
    await new Promise<void>((resolve) => preview.server.listen(0, '127.0.0.1', resolve));
    expect((preview.server.address() as AddressInfo).port).toBeGreaterThan(0);
  });
  test.afterAll(() => new Promise<void>((resolve) => preview.server.close(() => resolve())));

  test(`"${QUERY}" is found from a module page and lands on the slide`, async ({ page }) => {
    await launchAu(page, preview);
    const frame = cmi5Reader(page);
    await frame.getByRole('link', { name: /Start the course|Continue/ }).first().click();
    await expect(frame.locator('.page[data-page="module"]')).toBeVisible();
    await search(frame, QUERY);
    await expectControllingImages(frame, '../');
    await results(frame).getByRole('link', { name: 'Relational-Cultural Therapy in Practice', exact: true }).click();
    await expect(frame.locator('section#therapy-in-practice')).toBeInViewport();
  });
});
