/**
 * Legible from the back of the room, measured: every slide and every
 * fragment step of the deck at 1280 × 720, as the course review's
 * scripts/deck-type.mjs measured it (the rendered size of each visible text,
 * SVG text scaled by its viewBox, times reveal's scale: screen px). No text
 * below 24 px, nothing overflowing its slide, one title size per layout, the
 * closing message the largest text of its slide, a credit line on every
 * slide, and every line of the seed deck on the projected slides.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RevealApi } from 'reveal.js';
import { loadCourseUnderTest } from '../course-under-test';
import { deckPlan } from '../../../src/modes/present/deck';
import { normalize, seedLines } from '../../support/seed';

declare global {
  interface Window {
    Reveal?: RevealApi;
  }
}

const model = loadCourseUnderTest();
const plan = deckPlan(model);
const MIN_PX = 24;

interface Step {
  id: string;
  step: number;
  /** Smallest visible text, screen px, and the text that has it. */
  minPx: number;
  minText: string;
  /** Largest visible text, screen px, and the text that has it. */
  maxPx: number;
  maxText: string;
  titlePx: number | null;
  credit: string;
  /** How far the slide's content runs past its height, slide px (0: it fits). */
  overflow: number;
  fit: string;
  text: string;
}

/** The measurement, in the page: every rendered text node of the current slide. */
function measure(): Omit<Step, 'step'> {
  const slide = window.Reveal!.getCurrentSlide() as HTMLElement;
  const scale = window.Reveal!.getScale();
  let minPx = Infinity;
  let minText = '';
  let maxPx = 0;
  let maxText = '';
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent?.trim() ?? '';
    if (!el || !text || el.closest('aside.notes')) continue;
    const style = getComputedStyle(el);
    // What is not painted is not read from the back: hidden fragments, screen-reader-only text.
    if (style.visibility !== 'visible' || el.getClientRects().length === 0 || Number(style.opacity) === 0 || el.closest('.sr-only, [hidden]')) continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    let px = Number.parseFloat(style.fontSize) * scale;
    const svg = el.closest('svg');
    if (svg && svg.viewBox.baseVal.width) px = (Number.parseFloat(style.fontSize) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width;
    if (px < minPx) [minPx, minText] = [px, text.slice(0, 40)];
    if (px > maxPx) [maxPx, maxText] = [px, text.slice(0, 40)];
  }
  const title = slide.querySelector('.slide-title');
  const height = window.Reveal!.getComputedSlideSize().height;
  return {
    id: slide.id,
    minPx,
    minText,
    maxPx,
    maxText,
    titlePx: title ? Math.round(Number.parseFloat(getComputedStyle(title).fontSize) * scale * 10) / 10 : null,
    credit: slide.querySelector('.slide-credit')?.textContent?.trim() ?? '',
    overflow: Math.max(0, slide.scrollHeight - height),
    fit: slide.dataset.fit ?? '',
    text: `${(slide.querySelector('.slide-inner') as HTMLElement | null)?.innerText ?? ''}\n${slide.querySelector('.slide-credit')?.textContent ?? ''}`,
  };
}

/** Every step of the deck: each slide, then each of its fragments shown in turn. */
async function everyStep(page: Page): Promise<Step[]> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('present.html');
  await page.waitForFunction(() => window.Reveal?.isReady() === true);
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', '');
  const steps: Step[] = [];
  for (let i = 0; i < plan.length; i++) {
    await page.evaluate((h) => window.Reveal?.slide(h, 0, -1), i);
    await expect.poll(() => page.evaluate(() => window.Reveal?.getCurrentSlide().id)).toBe(plan[i]!.id);
    for (let step = 0; ; step++) {
      steps.push({ ...(await page.evaluate(measure)), step });
      if (!(await page.evaluate(() => window.Reveal?.availableFragments().next))) break;
      await page.evaluate(() => window.Reveal?.nextFragment());
    }
  }
  return steps;
}

test.describe('the deck from the back of the room', () => {
  // One measurement of the whole deck, shared by the checks: keep them in one worker.
  test.describe.configure({ mode: 'default' });
  let steps: Step[] = [];

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await browser.newPage();
    steps = await everyStep(page);
    await page.close();
  });

  test('measures every slide and every fragment step', () => {
    const polls = plan.filter((e) => e.layout === 'poll').length;
    // A poll has three steps: the question, the answer, the explanation.
    expect(steps).toHaveLength(plan.length + 2 * polls);
    expect(new Set(steps.map((s) => s.id))).toEqual(new Set(plan.map((e) => e.id)));
  });

  test('has no text below 24 px at 1280 × 720 on any slide or fragment', () => {
    const small = steps.filter((s) => s.minPx < MIN_PX).map((s) => `${s.id} step ${s.step}: ${s.minPx.toFixed(1)} px "${s.minText}"`);
    expect(small).toEqual([]);
  });

  test('fits every slide in its 1280 × 720 box, by layout and split rather than by shrinking', () => {
    expect(steps.filter((s) => s.overflow > 0).map((s) => `${s.id} step ${s.step}: ${s.overflow} px over`)).toEqual([]);
    // The fit guard may touch a few dense slides, and then only a little.
    const fitted = [...new Set(steps.filter((s) => Number(s.fit) < 1).map((s) => `${s.id} (${s.fit})`))];
    expect(fitted.length, fitted.join(', ')).toBeLessThanOrEqual(4);
    for (const s of steps) expect(Number(s.fit), s.id).toBeGreaterThanOrEqual(0.75);
  });

  test('gives every layout one title size', () => {
    const byLayout = new Map<string, Set<number>>();
    for (const s of steps) {
      const layout = plan.find((e) => e.id === s.id)?.layout ?? '?';
      if (s.titlePx === null) continue;
      byLayout.set(layout, (byLayout.get(layout) ?? new Set()).add(s.titlePx));
    }
    const mixed = [...byLayout].filter(([, sizes]) => sizes.size > 1).map(([layout, sizes]) => `${layout}: ${[...sizes].join(', ')}`);
    expect(mixed).toEqual([]);
    expect(byLayout.size).toBeGreaterThanOrEqual(9);
  });

  test('makes the closing message the largest text on its slide', () => {
    const closing = plan.find((e) => e.layout === 'closing')!;
    const last = steps.find((s) => s.id === closing.id)!;
    expect(last.maxText).toMatch(/^\.\.\.is the growth of mutually/);
    expect(last.maxPx).toBeGreaterThan(last.titlePx ?? 0);
  });

  test("carries a credit line on every slide: the seed's copyright, or the course's own", () => {
    const copyright = `© ${model.course.copyright}`;
    for (const entry of plan) {
      const credit = steps.find((s) => s.id === entry.id)?.credit ?? '';
      if (entry.credit === 'seed') expect(credit, entry.id).toBe(copyright);
      else expect(credit, entry.id).toMatch(/^Written for this edition of /);
    }
  });

  test('shows every line of the seed deck on the projected slides, in order', () => {
    const text = normalize(steps.map((s) => s.text).join('\n'));
    const lines = seedLines();
    expect(lines.filter((line) => !text.includes(line))).toEqual([]);
    // In order: each line found after the one before (the seed's per-slide credit line included).
    let cursor = 0;
    const outOfOrder: string[] = [];
    for (const line of lines) {
      const at = text.indexOf(line, cursor);
      if (at < 0) outOfOrder.push(line);
      else cursor = at + 1;
    }
    expect(outOfOrder).toEqual([]);
  });
});
