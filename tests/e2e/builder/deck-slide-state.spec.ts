/**
 * Every slide ends each change as reveal's full pass over the deck would
 * leave it, though a change now visits only the slides whose state can
 * differ (patches/reveal.js+6.0.2.patch, patches/README.md) and far slides'
 * content is parked (src/modes/present/runtime/park.ts): step by step, a
 * jump to the far end and back, the overview, a URL, a return to the start.
 * The state is read off every slide after each change: its class (past,
 * present, future), hidden and aria-hidden, inert, loaded (display) within
 * the view distance, its background's class, the fragments of every slide
 * whose content is in the document (all shown before the current slide,
 * none after it), and the slide number.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RevealApi } from 'reveal.js';
import { openDeck } from '../deck-page';

declare global {
  interface Window {
    Reveal?: RevealApi;
  }
}

interface Wrong {
  slide: number;
  what: string;
}

/** Every way a slide's state differs from what reveal's full pass gives it at the current index. */
function wrongStates(page: Page): Promise<Wrong[]> {
  return page.evaluate(() => {
    const deck = window.Reveal!;
    const slides = [...document.querySelectorAll<HTMLElement>('.reveal .slides > section')];
    const h = deck.getIndices().h ?? 0;
    const overview = deck.isOverview();
    const distance = overview ? 10 : Number(deck.getConfig().viewDistance);
    const wrong: Wrong[] = [];
    slides.forEach((slide, i) => {
      const want = i < h ? 'past' : i > h ? 'future' : 'present';
      const add = (what: string) => wrong.push({ slide: i, what });
      const classes = ['past', 'present', 'future'].filter((c) => slide.classList.contains(c));
      if (classes.join() !== want) add(`class ${classes.join() || 'none'}, not ${want}`);
      if (slide.hasAttribute('hidden') !== (i !== h)) add('hidden');
      if ((slide.getAttribute('aria-hidden') === 'true') !== (i !== h)) add('aria-hidden');
      if (slide.hasAttribute('inert') !== (!overview && i !== h)) add('inert');
      const loaded = Math.abs(i - h) < distance;
      if ((slide.style.display !== 'none') !== loaded) add(`display ${slide.style.display || 'unset'} at distance ${Math.abs(i - h)}`);
      const background = deck.getSlideBackground(i);
      const bgClasses = ['past', 'present', 'future'].filter((c) => background?.classList.contains(c));
      if (bgClasses.join() !== want) add(`background class ${bgClasses.join() || 'none'}, not ${want}`);
      if (i !== h && !slide.hasAttribute('data-parked')) {
        const fragments = [...slide.querySelectorAll('.fragment')];
        const shown = fragments.filter((f) => f.classList.contains('visible')).length;
        if (shown !== (i < h ? fragments.length : 0)) add(`${shown} of ${fragments.length} fragments shown on a ${want} slide`);
        if (slide.querySelector('.current-fragment')) add('a current fragment on a slide not current');
      }
    });
    const number = document.querySelector('.reveal .slide-number')?.textContent?.replace(/\s+/g, '') ?? '';
    if (number !== `${h + 1}/${slides.length}`) wrong.push({ slide: h, what: `slide number ${number}` });
    // The progress bar: the slides before this one, and 90% of one slide's share for its fragments shown (reveal's getProgress).
    const fragments = slides[h]?.querySelectorAll('.fragment').length ?? 0;
    const shown = slides[h]?.querySelectorAll('.fragment.visible').length ?? 0;
    const progress = Math.min((h + (fragments > 0 ? (shown / fragments) * 0.9 : 0)) / (slides.length - 1), 1);
    const bar = document.querySelector<HTMLElement>('.reveal .progress span')?.style.transform ?? '';
    const scale = Number(/^scaleX\(([^)]+)\)$/.exec(bar)?.[1] ?? NaN);
    if (!(Math.abs(scale - progress) < 1e-5)) wrong.push({ slide: h, what: `progress bar ${bar || 'none'}, not scaleX(${progress})` });
    return wrong;
  });
}

const index = (page: Page) => page.evaluate(() => window.Reveal!.getIndices().h ?? 0);
const count = (page: Page) => page.evaluate(() => window.Reveal!.getTotalSlides());

/** Go to slide `h` as a click in the overview or a jump does (reveal API). */
async function jump(page: Page, h: number): Promise<void> {
  await page.evaluate((h) => window.Reveal!.slide(h), h);
  await expect.poll(() => index(page)).toBe(h);
}

test.describe('the deck after each slide change', () => {
  test('leaves every slide in the state reveal gives it, however the change came', async ({ page }) => {
    await openDeck(page);
    const total = await count(page);
    const distance = await page.evaluate(() => Number(window.Reveal!.getConfig().viewDistance));
    expect(total).toBeGreaterThan(4 * distance);
    expect(await wrongStates(page)).toEqual([]);
    // Step by step, with the keyboard: fragments first, then the next slide.
    for (let k = 0; k < 6; k++) {
      await page.keyboard.press('ArrowRight');
      expect(await wrongStates(page)).toEqual([]);
    }
    // A jump to the far end and steps back from there.
    await jump(page, total - 2);
    expect(await wrongStates(page)).toEqual([]);
    for (let k = 0; k < 3; k++) {
      await page.keyboard.press('ArrowLeft');
      expect(await wrongStates(page)).toEqual([]);
    }
    // The overview loads more slides round the current one, and lets them go when it closes.
    await page.keyboard.press('o');
    await expect(page.locator('.reveal.overview')).toBeAttached();
    expect(await wrongStates(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.locator('.reveal.overview')).not.toBeAttached();
    expect(await wrongStates(page)).toEqual([]);
    // A slide's URL, then back to the start.
    const middle = Math.floor(total / 2);
    const id = await page.evaluate((h) => window.Reveal!.getSlide(h)!.id, middle);
    await page.evaluate((id) => (window.location.hash = `#/${id}`), id);
    await expect.poll(() => index(page)).toBe(middle);
    expect(await wrongStates(page)).toEqual([]);
    await page.keyboard.press('Home');
    await expect.poll(() => index(page)).toBe(0);
    expect(await wrongStates(page)).toEqual([]);
  });

  test('a slide passed while its content was parked comes back with all its fragments shown', async ({ page }) => {
    await openDeck(page);
    const distance = await page.evaluate(() => Number(window.Reveal!.getConfig().viewDistance));
    // The first slide with fragments far enough from the start to be parked there (read from the built deck).
    const withFragments = await page.evaluate(async (distance) => {
      const html = await (await fetch('present.html')).text();
      const built = new DOMParser().parseFromString(html, 'text/html');
      return [...built.querySelectorAll('.reveal .slides > section')].findIndex((s, i) => i > distance + 1 && s.querySelector('.fragment') !== null);
    }, distance);
    expect(withFragments).toBeGreaterThan(distance + 1);
    const parked = () => page.evaluate((k) => window.Reveal!.getSlide(k)!.hasAttribute('data-parked'), withFragments);
    expect(await parked()).toBe(true);
    // Jump past it by more than the view distance, so it stays parked, then back one slide: it returns.
    await jump(page, withFragments + distance + 1);
    expect(await parked()).toBe(true);
    await jump(page, withFragments + distance);
    expect(await parked()).toBe(false);
    const fragments = await page.evaluate((k) => {
      const all = [...window.Reveal!.getSlide(k)!.querySelectorAll('.fragment')];
      return { all: all.length, shown: all.filter((f) => f.classList.contains('visible')).length };
    }, withFragments);
    expect(fragments.all).toBeGreaterThan(0);
    expect(fragments.shown).toBe(fragments.all);
    expect(await wrongStates(page)).toEqual([]);
  });
});
