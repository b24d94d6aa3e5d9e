/**
 * The packages' launch page (lms.html) itself: it fills the window with the
 * course and no second scrollbar, its notice is visible, announced and above
 * the course, it passes axe, fetches nothing from another origin, and stays
 * small. Served here by the plain site server under a deep path, with no LMS
 * around it (standalone).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { axe, foreign, recordRequests } from '../helpers';
import { distDir, loadCourseUnderTest } from '../course-under-test';
import { words } from '../ui-words';
import { standards } from '../../../src/standards/registry';

const model = loadCourseUnderTest();
const dist = process.env.LMS_DIST ?? distDir;

const frameOf = (page: Page) => page.frameLocator('iframe[data-course-frame]');

async function layout(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-lms-bar]')!.getBoundingClientRect();
    const frame = document.querySelector('[data-course-frame]')!.getBoundingClientRect();
    const root = document.scrollingElement!;
    return {
      bar: { top: bar.top, bottom: bar.bottom, height: bar.height },
      frame: { top: frame.top, bottom: frame.bottom, left: frame.left, width: frame.width },
      viewport: { width: innerWidth, height: innerHeight },
      scrolls: root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth,
    };
  });
}

test.describe('the LMS launch page', () => {
  test('fills the window with the course, notice above it, no double scrollbars, no axe violations, nothing off-origin', async ({ page, baseURL }) => {
    const requests = recordRequests(page);
    await page.goto('lms.html');
    const notice = page.locator('[data-lms-notice]');
    await expect(notice).toHaveAttribute('role', 'status');
    await expect(notice).toContainText(words.lms.noApi);
    await expect(frameOf(page).locator('.page[data-page="home"]')).toBeVisible();
    await expect(page.locator('iframe[data-course-frame]')).toHaveAttribute('title', model.course.title);

    const l = await layout(page);
    expect(l.scrolls).toBe(false);
    expect(l.bar.top).toBe(0);
    expect(l.bar.height).toBeGreaterThan(0);
    expect(l.frame.top).toBeGreaterThanOrEqual(l.bar.bottom - 0.5);
    expect(Math.abs(l.frame.bottom - l.viewport.height)).toBeLessThanOrEqual(1);
    expect([l.frame.left, Math.round(l.frame.width)]).toEqual([0, l.viewport.width]);
    // The course scrolls inside the frame.
    const inner = await frameOf(page).locator('html').evaluate((html) => html.scrollHeight > html.clientHeight);
    expect(inner).toBe(true);

    expect(await axe(page)).toEqual([]);
    expect(foreign(requests, new URL(baseURL ?? '').origin)).toEqual([]);
  });

  test('the notice can be dismissed; then the course takes the whole window', async ({ page }) => {
    await page.goto('lms.html');
    await page.getByRole('button', { name: words.lms.dismiss }).click();
    await expect(page.locator('[data-lms-notice]')).toBeEmpty();
    await expect(page.getByRole('button', { name: words.lms.dismiss })).toBeHidden();
    const l = await layout(page);
    expect(l.bar.height).toBe(0);
    expect([l.frame.top, Math.round(l.frame.bottom)]).toEqual([0, l.viewport.height]);
  });

  test('on a 320 × 480 window (a phone, or 400% zoom): the notice scrolls within its bar, the course keeps most of the window', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 480 });
    await page.goto('lms.html');
    await expect(page.locator('[data-lms-notice]')).toContainText(words.lms.noApi);
    const l = await layout(page);
    expect(l.scrolls).toBe(false);
    expect(l.bar.height).toBeLessThanOrEqual(0.4 * l.viewport.height + 1);
    expect(l.frame.bottom - l.frame.top).toBeGreaterThanOrEqual(0.6 * l.viewport.height - 1);
  });

  test('standalone too, the frame opens at the bookmark on the next visit', async ({ page }) => {
    await page.goto('lms.html');
    const first = model.modules[0]!;
    await frameOf(page).locator('a[data-continue]').click();
    await expect(frameOf(page).locator('.page[data-page="module"]')).toBeVisible();
    const slide = first.slideIds[2]!;
    await frameOf(page).locator(`section[data-slide="${slide}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const location = () => page.evaluate(() => window.courseShell?.session.getState().location ?? null);
    await expect.poll(location).not.toBeNull();
    const bookmark = await location();
    // Leaving saves (pagehide ends the session); coming back opens the module page at the slide.
    await page.goto('about:blank');
    await page.goBack();
    await expect.poll(() => page.locator('iframe[data-course-frame]').getAttribute('src')).toBe(`modules/${first.id}.html#${bookmark}`);
  });
});

/** The module scripts a page loads, with every chunk they import, as paths under dist. */
function scriptsOf(htmlPath: string): string[] {
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => posix.normalize(posix.join(posix.dirname(htmlPath), m[1]!)));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const js = readFileSync(join(dist, file), 'utf8');
    for (const m of js.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) queue.push(posix.normalize(posix.join(posix.dirname(file), m[1]!)));
  }
  return [...seen];
}

test.describe('the LMS launch page and packages, measured', () => {
  test.skip(!existsSync(join(dist, 'lms.html')), `no ${dist}/lms.html: build first`);

  test('the launch page loads little JavaScript (gzipped), and the package sizes are reported', async ({}, info) => {
    const files = scriptsOf('lms.html');
    const bytes = files.map((f) => ({ file: f, raw: readFileSync(join(dist, f)).length, gzip: gzipSync(readFileSync(join(dist, f)), { level: 9 }).length }));
    const total = bytes.reduce((n, b) => n + b.gzip, 0);
    const line = `lms.html JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (${bytes.map((b) => `${b.file} ${(b.raw / 1024).toFixed(1)} KB → ${(b.gzip / 1024).toFixed(1)} KB`).join('; ')})`;
    const packagesDir = join(dist, 'packages');
    const zips = existsSync(packagesDir) ? readdirSync(packagesDir).filter((f) => f.endsWith('.zip')) : [];
    const sizes = zips.map((z) => `${z} ${(readFileSync(join(packagesDir, z)).length / 1024).toFixed(1)} KB`).join(', ');
    info.annotations.push({ type: 'shell JS', description: line }, { type: 'packages', description: sizes });
    console.log(`[measure] ${line}\n[measure] packages: ${sizes}`);
    // Adapters, session, codec, question types and the shell: a budget, so growth is noticed.
    expect(total).toBeLessThanOrEqual(20 * 1024);
    expect(zips.sort()).toEqual(standards.map((s) => `${model.course.id}-${s.id}.zip`).sort());
  });
});
