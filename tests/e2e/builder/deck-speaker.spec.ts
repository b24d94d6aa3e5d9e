/**
 * The speaker view: reveal 6's notes plugin opens an about:blank window and
 * writes its own page into it (no notes.html); that page loads two copies of
 * the deck (?receiver) from the opener's own URL, so it works under any base
 * path. The copies are previews: their widgets stay inert.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RevealApi } from 'reveal.js';
import { loadCourseUnderTest } from '../course-under-test';
import type { SlideModel } from '../../../src/model/course';
import { deckPlan } from '../../../src/modes/present/deck';
import AxeBuilder from '@axe-core/playwright';
import { foreign, recordRequests } from '../helpers';
import { notesStart, openDeck } from '../deck-page';
import { words } from '../ui-words';

declare global {
  interface Window {
    Reveal?: RevealApi;
  }
}

const model = loadCourseUnderTest();
/** The model's slides the deck shows, in deck order (deck.ts adds generated slides between modules). */
const plan = deckPlan(model);
const shown = plan.flatMap((e) => (e.type === 'slide' ? [e.slide] : []));

async function openSpeakerView(page: Page): Promise<Page> {
  // The notes plugin loads after the deck is up (off the first paint's path).
  await page.waitForSelector('html[data-speaker-view-ready]', { state: 'attached' });
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  return popup;
}

test.describe('the speaker view', () => {
  test('opens on S and shows the current slide, the next one, a timer and the notes', async ({ page, baseURL }) => {
    // A content slide (no steps of its own) followed by another authored slide, which the upcoming preview then shows.
    const at = plan.findIndex((e, i) => e.type === 'slide' && e.layout === 'content' && i > 1 && plan[i + 1]?.type === 'slide');
    const [slide, next] = [plan[at], plan[at + 1]].map((e) => (e?.type === 'slide' ? e.slide : undefined)) as [SlideModel, SlideModel];
    expect(next, 'the deck has a content slide followed by another authored slide').toBeDefined();
    await openDeck(page, `#/${slide.id}`);
    const requests = recordRequests(page);
    const popup = await openSpeakerView(page);
    const popupRequests = recordRequests(popup);

    const notes = popup.locator('.speaker-controls-notes .value');
    await expect(notes).toContainText(notesStart(slide.notes.say));
    await expect(popup.locator('.speaker-controls-time .timer')).toBeVisible();
    await expect(popup.locator('.speaker-controls-time .pacing')).toBeVisible();

    // Both previews are the deck itself, loaded from the opener's folder.
    const frames = popup.locator('iframe');
    await expect(frames).toHaveCount(2);
    for (const src of await frames.evaluateAll((f) => f.map((el) => el.getAttribute('src') ?? '')))
      expect(src.startsWith(`${baseURL}present.html?receiver`), src).toBe(true);
    const current = popup.frameLocator('#current-slide iframe');
    const upcoming = popup.frameLocator('#upcoming-slide iframe');
    await expect(current.locator(`section#${slide.id}`)).toHaveClass(/\bpresent\b/);
    await expect(upcoming.locator(`section#${next.id}`)).toHaveClass(/\bpresent\b/);

    // The notes end with a link back to the reader, resolved against the deck's folder.
    const link = popup.locator('.speaker-controls-notes a');
    expect(await link.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${baseURL}modules/${slide.moduleId}.html#${slide.id}`);

    // Moving the deck moves the speaker view.
    await page.keyboard.press('ArrowRight');
    await expect(notes).toContainText(notesStart(next.notes.say));
    await expect(current.locator(`section#${next.id}`)).toHaveClass(/\bpresent\b/);

    const origin = new URL(baseURL ?? '').origin;
    expect(foreign([...requests, ...popupRequests], origin)).toEqual([]);
  });

  test('keeps the previews inert: no countdown to press, nothing announced', async ({ page }) => {
    const slide = shown.find((s) => s.reflections.length > 0)!;
    await openDeck(page, `#/${slide.id}`);
    const popup = await openSpeakerView(page);
    const current = popup.frameLocator('#current-slide iframe');
    await expect(current.locator(`section#${slide.id}`)).toHaveClass(/\bpresent\b/);
    await expect(current.locator('html')).toHaveAttribute('data-deck-view', 'preview');
    const toggle = current.locator(`section#${slide.id} .countdown-toggle`).first();
    await expect(toggle).toBeHidden();
    await expect(toggle).toBeDisabled();
    await expect(current.locator('#deck-live')).toBeEmpty();
    // The projected deck's countdown is live.
    await expect(page.locator(`section#${slide.id} .countdown-toggle`).first()).toBeEnabled();
  });

  test('a preview copy opened directly is inert too', async ({ page }) => {
    const slide = shown.find((s) => s.reflections.length > 0)!;
    await openDeck(page, `?receiver#/${slide.id}`);
    expect(await page.evaluate(() => window.Reveal?.isSpeakerNotes())).toBe(true);
    await expect(page.locator('.countdown-toggle').first()).toBeDisabled();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#deck-live')).toBeEmpty();
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  });

  test('is accessible: a titled page with a main landmark, named controls, visible focus, titled frames, timer digits at 4.5:1', async ({ page }) => {
    test.setTimeout(120_000);
    await openDeck(page, `#/${shown[1]!.id}`);
    const popup = await openSpeakerView(page);
    await expect(popup.locator('#current-slide iframe')).toHaveAttribute('title', words.present.speakerCurrent);
    await expect(popup.locator('#upcoming-slide iframe')).toHaveAttribute('title', words.present.speakerUpcoming);
    await expect(popup).toHaveTitle(words.present.speakerTitle(model.course.title));
    await expect(popup.locator('main')).toHaveCount(1);
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText(words.present.speakerHeading);
    await expect(popup.getByRole('combobox', { name: words.present.speakerLayout })).toBeVisible();
    await expect(popup.getByRole('button', { name: words.present.speakerReset })).toBeVisible();

    // Focus shows on the layout menu's box (the menu itself is an invisible overlay).
    await popup.getByRole('combobox', { name: words.present.speakerLayout }).focus();
    expect(await popup.locator('#speaker-layout').evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

    // The timer's muted digits and the pacing colours read at 4.5:1 or more on white.
    const ratios = await popup.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r = 0, g = 0, b = 0]: number[]) => {
        const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const contrast = (el: Element) => {
        const s = getComputedStyle(el);
        const [r = 0, g = 0, b = 0] = rgb(s.color);
        const a = Number(s.opacity);
        const fg = [r, g, b].map((v) => v * a + 255 * (1 - a));
        const [l1, l2] = [lum(fg), 1].sort((x, y) => y - x);
        return (l1! + 0.05) / (l2! + 0.05);
      };
      const muted = document.querySelector('.speaker-controls-time .timer .hours-value') as HTMLElement;
      muted.classList.add('mute');
      const pacing = document.querySelector('.speaker-controls-time .pacing') as HTMLElement;
      const out: Record<string, number> = { mute: contrast(muted) };
      for (const state of ['ahead', 'on-track', 'behind']) {
        pacing.className = `pacing ${state}`;
        out[state] = contrast(pacing);
      }
      return out;
    });
    for (const [name, ratio] of Object.entries(ratios)) expect(ratio, name).toBeGreaterThanOrEqual(4.5);

    // Enter on the reset button resets the timer and leaves the deck where it is.
    const before = await page.evaluate(() => window.Reveal?.getCurrentSlide().id);
    await popup.getByRole('button', { name: words.present.speakerReset }).focus();
    await popup.keyboard.press('Enter');
    await popup.waitForTimeout(700);
    expect(await page.evaluate(() => window.Reveal?.getCurrentSlide().id)).toBe(before);

    const results = await new AxeBuilder({ page: popup }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))).toEqual([]);
  });

  test('shows every slide of the deck with its notes, and stays axe-clean on a question slide', async ({ page }) => {
    test.setTimeout(180_000);
    await openDeck(page);
    const popup = await openSpeakerView(page);
    const notes = popup.locator('.speaker-controls-notes .value');
    const current = popup.frameLocator('#current-slide iframe');
    for (const [i, entry] of plan.entries()) {
      await page.evaluate((h) => window.Reveal?.slide(h), i);
      await expect(current.locator(`section#${entry.id}`), entry.id).toHaveClass(/\bpresent\b/);
      if (entry.type === 'slide') await expect(notes, entry.id).toContainText(notesStart(entry.slide.notes.say));
      else await expect(notes, entry.id).not.toBeEmpty();
      if (entry.layout === 'poll' && !plan.slice(0, i).some((e) => e.layout === 'poll')) {
        const results = await new AxeBuilder({ page: popup }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => v.id), entry.id).toEqual([]);
      }
    }
  });
});
