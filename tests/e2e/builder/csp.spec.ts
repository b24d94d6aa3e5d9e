/**
 * Every page keeps its Content-Security-Policy and breaks none of it: the
 * reader (home with a search, a module with a check answered and a reflection written),
 * the deck and its speaker view, the LMS launch page, and the packaged
 * launch page under the LMS preview. Violations are collected in every
 * frame and window from before the first script runs.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { openLms, VERSIONS } from '../lms/host';
import { loadCourseUnderTest } from '../course-under-test';
import { pattern, words } from '../ui-words';

const model = loadCourseUnderTest();
/** A module with a single-choice check and a reflection, both written on one page. */
const moduleWithBoth = model.modules.find(
  (m) => model.checks.some((c) => c.moduleId === m.id && c.check.type === 'single') && model.reflections.some((r) => r.moduleId === m.id),
)!;

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Record every violation, in every document of the context (frames and popups included). */
async function watch(context: BrowserContext): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations?.push(`${e.violatedDirective} ${e.blockedURI} in ${e.sourceFile}:${e.lineNumber}`));
  });
  const console: string[] = [];
  context.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) console.push(m.text());
  });
  return async () => {
    const found = [...console];
    for (const page of context.pages())
      for (const frame of page.frames()) found.push(...((await frame.evaluate(() => window.cspViolations ?? []).catch(() => [])) as string[]));
    return found;
  };
}

const policy = (page: Page) => page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');

test('the reader keeps its policy and breaks none of it, with a check answered and a reflection written', async ({ page, context }) => {
  const violations = await watch(context);
  await page.goto('index.html');
  // Search compiles Pagefind's WebAssembly: the reader's pages allow that and no other eval.
  expect(await policy(page)).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await page.getByRole('searchbox', { name: words.read.searchLabel }).fill(model.modules[0]!.title);
  await expect(page.getByRole('search').getByRole('status')).toHaveText(pattern(words.read.searchResults, 0, model.modules[0]!.title));
  await page.goto(`modules/${moduleWithBoth.id}.html`);
  await page.locator('textarea').first().fill('What I think.');
  const check = page.locator('[data-check][data-type="single"]').first();
  await check.locator('input').first().check();
  await check.getByRole('button', { name: words.read.checkSubmit }).click();
  await expect(check.locator('.check-feedback')).not.toBeEmpty();
  await page.goto('summary.html');
  await expect(page.locator('main')).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("the deck and its speaker view break none of the deck's policy", async ({ page, context }) => {
  const violations = await watch(context);
  await page.goto('present.html');
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
  expect(await policy(page)).toContain("object-src 'none'");
  expect(await policy(page)).not.toContain('wasm');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.waitForSelector('html[data-speaker-view-ready]', { state: 'attached' });
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  await expect(popup.locator('.speaker-controls-notes .value')).not.toBeEmpty();
  await expect(popup.frameLocator('#current-slide iframe').locator('section.present').first()).toBeAttached();
  // The print view: reveal writes its @page size and print rules as <style> elements at run time.
  const print = await context.newPage();
  await print.goto('present.html?view=print');
  await print.waitForSelector('html[data-deck-ready]', { state: 'attached' });
  expect(await print.evaluate(() => [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.startsWith('@page'))))).toBe(true);
  expect(await violations()).toEqual([]);
});

test("the LMS launch page, alone and packaged under the LMS preview, breaks none of its policy", async ({ page, context }) => {
  const violations = await watch(context);
  await page.goto('lms.html');
  await expect(page.frameLocator('[data-course-frame]').locator('main')).toBeVisible();
  expect(await policy(page)).toContain("connect-src 'self' https: http:");
  expect(await policy(page)).not.toContain('wasm');
  await openLms(page, VERSIONS[0]!);
  await expect(page.frameLocator('iframe').first().frameLocator('[data-course-frame]').locator('main')).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('an inline script that reached a page anyway is blocked, and this test would see it', async ({ page, context }) => {
  const violations = await watch(context);
  await page.goto('index.html');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
  });
  // Seen twice: the browser's console message and the document's securitypolicyviolation event.
  await expect.poll(violations).toEqual([expect.stringMatching(/violates .*'script-src 'self'( 'wasm-unsafe-eval')?'/), expect.stringMatching(/^script-src-elem inline/)]);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
});
