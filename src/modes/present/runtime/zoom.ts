/**
 * Text that grows with browser zoom (WCAG 1.4.4) in the presenting view.
 *
 * reveal.js fits a fixed 1280 × 720 slide into the window; zooming the
 * browser to 200% halves the window in CSS px, so reveal halves the slide's
 * scale and the text stays the same size on screen. Here the slide is never
 * scaled below REFLOW_SCALE: a window too small for that (zoomed in, or a
 * small screen) gets a smaller slide, laid out at the window's shape and
 * scaled by REFLOW_SCALE, so text grows with zoom and reflows; a slide that
 * no longer fits scrolls (styles.css, html.deck-reflow). At 1280 × 720 and
 * on any projector down to 1024 × 768 nothing changes.
 */
import type { RevealApi } from 'reveal.js';
import { SCREEN_MARGIN, SLIDE_HEIGHT, SLIDE_WIDTH } from './config';

/** The least the slide is scaled by before the deck reflows it instead. */
export const REFLOW_SCALE = 0.75;
/** Below this slide width the layouts' columns stack (html.deck-narrow). */
export const NARROW_WIDTH = 900;

export interface SlideSize {
  width: number;
  height: number;
  /** True when the slide is smaller than 1280 × 720 and its content reflows. */
  reflow: boolean;
}

/** The slide size for a window of `width` × `height` CSS px. Pure. */
export function slideSizeFor(width: number, height: number, margin: number = SCREEN_MARGIN): SlideSize {
  const w = width * (1 - margin);
  const h = height * (1 - margin);
  const scale = Math.min(w / SLIDE_WIDTH, h / SLIDE_HEIGHT);
  if (!(scale < REFLOW_SCALE) || w <= 0 || h <= 0) return { width: SLIDE_WIDTH, height: SLIDE_HEIGHT, reflow: false };
  return { width: Math.floor(w / REFLOW_SCALE), height: Math.floor(h / REFLOW_SCALE), reflow: true };
}

/** Keep the slide size right for the window on every resize (the deck starts at slideSizeFor's size); `changed` runs after a change (to re-fit). */
export function followZoom(deck: RevealApi, slides: () => HTMLElement[], changed: (size: SlideSize) => void): SlideSize {
  const html = document.documentElement;
  let current = slideSizeFor(window.innerWidth, window.innerHeight);
  const apply = (size: SlideSize) => {
    html.classList.toggle('deck-reflow', size.reflow);
    html.classList.toggle('deck-narrow', size.width < NARROW_WIDTH);
    // A reflowed slide may scroll: the keyboard can reach it to scroll it.
    for (const s of slides()) {
      if (size.reflow) s.tabIndex = 0;
      else s.removeAttribute('tabindex');
    }
  };
  apply(current); // the deck was created at this size (init.ts)
  window.addEventListener('resize', () => {
    const next = slideSizeFor(window.innerWidth, window.innerHeight);
    if (next.width === current.width && next.height === current.height) return;
    current = next;
    apply(next);
    deck.configure({ width: next.width, height: next.height });
    changed(next);
  });
  return current;
}
