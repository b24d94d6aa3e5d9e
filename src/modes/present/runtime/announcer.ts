/**
 * Announces each slide's title to screen readers when the slide changes.
 * The text ("Slide 3 of 32: Pause and reflect") is written at build time
 * on each section (data-announce), so the runtime carries no UI strings.
 */
import type { RevealApi } from 'reveal.js';
import type { SlideChangedEvent } from './events';

export function announceSlideTitles(deck: RevealApi, region: HTMLElement): void {
  deck.on('slidechanged', (event: Event) => {
    const slide = (event as SlideChangedEvent).currentSlide;
    const text = slide?.dataset.announce ?? slide?.querySelector('h2')?.textContent ?? '';
    if (text) region.textContent = text.trim();
  });
}
