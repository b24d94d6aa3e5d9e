/** The deck's reveal.js configuration, by where the deck runs. Pure. */
import type { RevealConfig } from 'reveal.js';

/**
 * Which copy of the deck this page is:
 * - live: the projected deck;
 * - preview: a copy inside the speaker view (reveal loads those with `?receiver`);
 * - print: the handout (`?view=print`, or reveal's legacy `?print-pdf`).
 */
export type DeckView = 'live' | 'preview' | 'print';

export function deckView(search: string): DeckView {
  if (new URLSearchParams(search).get('view') === 'print' || /print-pdf/i.test(search)) return 'print';
  // The same test reveal's notes controller uses for isSpeakerNotes().
  if (/receiver/i.test(search)) return 'preview';
  return 'live';
}

/** Slide size: 16:9. Content is laid out at this size and scaled to the screen. */
export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;
/**
 * Print pages are the slide plus this margin on each axis: 1600 × 900 px,
 * still 16:9. deck.css lays the slide and its notes out on that page.
 */
export const PRINT_MARGIN = 0.25;

export interface DeckEnvironment {
  view: DeckView;
  /** prefers-reduced-motion: reduce */
  reducedMotion: boolean;
  /** Lets focused widgets keep their keys (see keys.ts). */
  keyboardCondition: (event: KeyboardEvent) => boolean;
}

/**
 * reveal's typings declare `defaultTiming?: null`, but the speaker view reads
 * it as seconds per slide; this type says what the deck really passes.
 */
export type DeckConfig = Omit<RevealConfig, 'defaultTiming'> & { defaultTiming: number };

export function deckConfig({ view, reducedMotion, keyboardCondition }: DeckEnvironment): DeckConfig {
  const print = view === 'print';
  return {
    width: SLIDE_WIDTH,
    height: SLIDE_HEIGHT,
    margin: print ? PRINT_MARGIN : 0.04,
    minScale: 0.2,
    maxScale: 3,
    // Content slides are top-aligned; title and closing slides carry class="center".
    center: false,
    // Each slide has a URL: present.html#/<slide-id> (sections carry the slide id).
    hash: true,
    history: false,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    controls: true,
    controlsTutorial: false,
    // Full-strength arrows (WCAG 1.4.11); reveal fades the back arrow by default.
    controlsBackArrows: 'visible',
    progress: true,
    overview: true,
    help: true,
    keyboardCondition,
    transition: reducedMotion ? 'none' : 'fade',
    backgroundTransition: reducedMotion ? 'none' : 'fade',
    autoAnimate: !reducedMotion,
    // The speaker view's pacing timer reads each section's data-timing (seconds, from notes.minutes).
    defaultTiming: 120,
    // Handout: notes beneath each slide on its page, all fragments shown, one page per slide.
    showNotes: print,
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
  };
}
