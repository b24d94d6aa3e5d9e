/**
 * Every step of the deck measured at 1280 × 720, as the course review's
 * scripts/deck-type.mjs measured it: for each slide and each fragment shown
 * in turn, the rendered size of each visible text (SVG text scaled by its
 * viewBox, times reveal's scale: screen px), the title's size, the credit
 * line, the overflow and the slide's text. Shared by the builder's type
 * checks (builder/deck-type.spec.ts) and this course's seed text on the deck
 * (course/deck-seed-text.spec.ts).
 */
import { expect, type Page } from '@playwright/test';
import type { RevealApi } from 'reveal.js';
import type { DeckSlide } from '../../src/modes/present/deck';

declare global {
  interface Window {
    Reveal?: RevealApi;
  }
}

export interface Step {
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
export async function everyStep(page: Page, plan: DeckSlide[]): Promise<Step[]> {
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

