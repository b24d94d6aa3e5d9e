/**
 * What the deck's specs share: opening the deck and waiting for it to be
 * laid out (reveal ready, then the deck's own `data-deck-ready`), and
 * recognising a slide's text and notes however the page wraps them.
 */
import { expect, type Page } from '@playwright/test';
import type { RevealApi } from 'reveal.js';

declare global {
  interface Window {
    Reveal?: RevealApi;
  }
}

/** Whitespace runs as one space, trimmed. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The first sentence of a slide's notes: enough to recognise them. */
export const notesStart = (say: string) => squash(say).split(/(?<=[.!?])\s/)[0] ?? '';

/** The deck at `hash`, once reveal is ready and every slide near it is fitted. */
export async function openDeck(page: Page, hash = ''): Promise<void> {
  await page.goto(`present.html${hash}`);
  await page.waitForFunction(() => window.Reveal?.isReady() === true);
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', '');
}
