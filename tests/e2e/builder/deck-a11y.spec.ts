/**
 * The presenting view, accessible on every step: axe on every slide and
 * fragment, the navigation arrows at 3:1 or more in every state (reveal
 * dims them while fragments remain) and visible in forced colours, and
 * slide text that grows with browser zoom (WCAG 1.4.4): a 1280 × 720 window
 * at 200% and 400% zoom is a 640 × 360 and a 320 × 180 CSS px viewport at a
 * device pixel ratio of 2 and 4.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RevealApi } from 'reveal.js';
import { courseDir, loadCourseUnderTest } from '../course-under-test';
import { deckPlan, inDeck, layoutOf } from '../../../src/modes/present/deck';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { axe } from '../helpers';
import { openDeck as openSettledDeck } from '../deck-page';

/** axe-core itself, run in the page: one injection, then a run per step (AxeBuilder opens a page per run). */
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

declare global {
  interface Window {
    Reveal?: RevealApi;
  }
}

const model = loadCourseUnderTest();
const plan = deckPlan(model);
/** A content slide of the deck whose body is a list: its first item's size is what zoom must grow. */
const listSlide = model.slides.find((s) => inDeck(s) && layoutOf(s) === 'content' && /^\s*[-*] /m.test(readFileSync(join(courseDir, s.file), 'utf8').split(/^---$/m).slice(2).join('---')));

/** The deck without motion, so every measurement is of a settled state. */
async function openDeck(page: Page, hash = ''): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openSettledDeck(page, hash);
}

/** Go through every slide and fragment, calling `each` at every step. */
async function everyStep(page: Page, each: (label: string) => Promise<void>): Promise<void> {
  for (let i = 0; i < plan.length; i++) {
    await page.evaluate((h) => window.Reveal?.slide(h, 0, -1), i);
    await expect.poll(() => page.evaluate(() => window.Reveal?.getCurrentSlide().id)).toBe(plan[i]!.id);
    for (let step = 0; ; step++) {
      await each(`${plan[i]!.id} step ${step}`);
      if (!(await page.evaluate(() => window.Reveal?.availableFragments().next))) break;
      await page.evaluate(() => window.Reveal?.nextFragment());
    }
  }
}

/** The contrast of each visible navigation arrow against the deck's background, as painted (colour and opacities). */
function arrowContrasts(): Array<{ arrow: string; ratio: number }> {
  const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r = 0, g = 0, b = 0]: number[]) => {
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const viewport = document.querySelector('.reveal-viewport') ?? document.body;
  const bg = rgba(getComputedStyle(viewport).backgroundColor);
  const out: Array<{ arrow: string; ratio: number }> = [];
  for (const button of document.querySelectorAll<HTMLElement>('.reveal .controls button')) {
    const style = getComputedStyle(button);
    if (style.visibility !== 'visible' || style.display === 'none') continue;
    let opacity = 1;
    for (let el: HTMLElement | null = button; el; el = el.parentElement) opacity *= Number(getComputedStyle(el).opacity);
    const mark = getComputedStyle(button.querySelector('.controls-arrow') ?? button, '::before').backgroundColor;
    const [r = 0, g = 0, b = 0, a = 1] = rgba(mark);
    const alpha = a * opacity;
    const painted = [r, g, b].map((v, i) => v * alpha + (bg[i] ?? 255) * (1 - alpha));
    const [l1, l2] = [lum(painted), lum(bg)].sort((x, y) => y - x);
    out.push({ arrow: button.className.split(' ')[0] ?? '', ratio: (l1! + 0.05) / (l2! + 0.05) });
  }
  return out;
}

test.describe('the presenting view, on every step', () => {
  test('has no axe violations on any slide or fragment', async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDeck(page);
    // The whole page once (landmarks, headings, the chrome), then the slide on screen at every step.
    const found: Array<{ at: string; violations: unknown }> = [];
    const whole = await axe(page);
    if (whole.length > 0) found.push({ at: 'the page', violations: whole });
    // axe goes in as an inline script, which the deck's Content-Security-Policy refuses: evaluated instead (tests/e2e/csp.spec.ts tests the policy).
    await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
    await everyStep(page, async (at) => {
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const results = await axe.run(
          { include: [['.reveal .slides > section.present'], ['.reveal .controls']] },
          { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
        );
        return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      if (violations.length > 0) found.push({ at, violations });
    });
    expect(found).toEqual([]);
  });

  test('keeps the navigation arrows at 3:1 or more in every state', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDeck(page);
    const low: string[] = [];
    let states = 0;
    await everyStep(page, async (at) => {
      const arrows = await page.evaluate(arrowContrasts);
      states += arrows.length;
      for (const a of arrows) if (a.ratio < 3) low.push(`${at}: ${a.arrow} ${a.ratio.toFixed(2)}:1`);
    });
    expect(states).toBeGreaterThan(plan.length);
    expect(low).toEqual([]);
    // The state reveal dims: fragments still to come on a question slide.
    const poll = plan.findIndex((e) => e.layout === 'poll');
    await page.evaluate((h) => window.Reveal?.slide(h, 0, -1), poll);
    await expect(page.locator('.reveal .controls .navigate-right')).toHaveClass(/\bfragmented\b/);
    for (const a of await page.evaluate(arrowContrasts)) expect(a.ratio, a.arrow).toBeGreaterThanOrEqual(3);
  });

  test('draws the arrows in forced colours', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openDeck(page, '#/' + plan[3]!.id);
    // The controls fade in when the deck is ready: measure once both arrows are drawn, not mid-fade.
    await expect.poll(async () => (await page.evaluate(arrowContrasts)).map((a) => a.arrow).sort()).toEqual(['navigate-left', 'navigate-right']);
    const arrows = await page.evaluate(arrowContrasts);
    expect(arrows.map((a) => a.arrow).sort()).toEqual(['navigate-left', 'navigate-right']);
    for (const a of arrows) expect(a.ratio, a.arrow).toBeGreaterThanOrEqual(3);
  });
});

test.describe('browser zoom', () => {
  /** Rendered size of the first body text of a content slide, in device pixels. */
  async function bodyTextDevicePx(page: Page, id: string): Promise<number> {
    await page.goto(`present.html#/${id}`);
    await page.waitForFunction(() => window.Reveal?.isReady() === true);
    await expect(page.locator('html')).toHaveAttribute('data-deck-ready', '');
    return page.evaluate((slideId) => {
      const li = document.querySelector(`section#${slideId} .deck-body li`) as HTMLElement;
      return Number.parseFloat(getComputedStyle(li).fontSize) * (window.Reveal?.getScale() ?? 1) * window.devicePixelRatio;
    }, id);
  }

  test('makes slide text grow at 200% and 400%, and keeps every slide readable by scrolling, never sideways', async ({ browser }) => {
    test.setTimeout(120_000);
    const id = listSlide?.id;
    expect(id, 'the course has a content slide with a list').toBeDefined();
    const sizes: number[] = [];
    for (const [zoom, width, height] of [[1, 1280, 720], [2, 640, 360], [4, 320, 180]] as const) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: zoom });
      const page = await context.newPage();
      sizes.push(await bodyTextDevicePx(page, id!));
      if (zoom > 1) {
        await expect(page.locator('html')).toHaveClass(/\bdeck-reflow\b/);
        // Every slide: what does not fit scrolls, and nothing runs off to the side.
        const lost: string[] = [];
        for (let i = 0; i < plan.length; i++) {
          await page.evaluate((h) => window.Reveal?.slide(h), i);
          const state = await page.evaluate(() => {
            const s = window.Reveal?.getCurrentSlide() as HTMLElement;
            return { id: s.id, tall: s.scrollHeight > s.clientHeight + 1, scrolls: getComputedStyle(s).overflowY === 'auto', wide: s.scrollWidth > s.clientWidth + 1 };
          });
          if ((state.tall && !state.scrolls) || state.wide) lost.push(JSON.stringify(state));
        }
        expect(lost, `at ${zoom * 100}%`).toEqual([]);
        // The keyboard still drives the deck.
        await page.evaluate(() => window.Reveal?.slide(3));
        await page.keyboard.press('ArrowRight');
        expect(await page.evaluate(() => window.Reveal?.getIndices().h)).toBe(4);
      }
      await context.close();
    }
    const [at100, at200, at400] = sizes as [number, number, number];
    expect(at200).toBeGreaterThan(at100 * 1.5);
    expect(at400).toBeGreaterThan(at100 * 3);
  });
});
