/**
 * The speaker view: reveal 6's notes plugin opens an about:blank window and
 * writes its own page into it (no notes.html); that page loads two copies of
 * the deck (?receiver) from the opener's own URL, so it works under any base
 * path. The copies are previews: their widgets stay inert.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RevealApi } from 'reveal.js';
import { loadCourse } from '../../src/model/load';
import { foreign, recordRequests } from './helpers';

declare global {
  interface Window {
    Reveal?: RevealApi;
  }
}

const model = loadCourse(process.cwd());
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const notesStart = (say: string) => squash(say).split(/(?<=[.!?])\s/)[0] ?? '';

async function openDeck(page: Page, hash = ''): Promise<void> {
  await page.goto(`present.html${hash}`);
  await page.waitForFunction(() => window.Reveal?.isReady() === true);
}

async function openSpeakerView(page: Page): Promise<Page> {
  // The notes plugin loads after the deck is up (off the first paint's path).
  await page.waitForSelector('html[data-speaker-view-ready]', { state: 'attached' });
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  return popup;
}

test.describe('the speaker view', () => {
  test('opens on S and shows the current slide, the next one, a timer and the notes', async ({ page, baseURL }) => {
    const slide = model.slides[3]!;
    const next = model.slides[4]!;
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
    const slide = model.slides.find((s) => s.reflections.length > 0)!;
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
    const slide = model.slides.find((s) => s.reflections.length > 0)!;
    await openDeck(page, `?receiver#/${slide.id}`);
    expect(await page.evaluate(() => window.Reveal?.isSpeakerNotes())).toBe(true);
    await expect(page.locator('.countdown-toggle').first()).toBeDisabled();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#deck-live')).toBeEmpty();
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  });
});
