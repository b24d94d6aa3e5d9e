/** The deck's reveal.js configuration, by where the deck runs. Pure. */
import type { RevealConfig } from 'reveal.js';

/**
 * Which copy of the deck this page is:
 * - live: the projected deck;
 * - preview: a copy inside the speaker view (reveal loads those with `?receiver`);
 * - print: the handout (`?view=print`, or reveal's legacy `?print-pdf`).
 */
export type DeckView = 'live' | 'preview' | 'print';

/**
 * What a print view prints: `notes`, the presenter's handout (each slide
 * with its notes, every answer shown), or `slides`, the attendees' PDF
 * (`&slides-only`: the slides alone, no notes, no answers).
 */
export type PrintKind = 'notes' | 'slides';

export function printKind(search: string): PrintKind {
  return new URLSearchParams(search).has('slides-only') ? 'slides' : 'notes';
}

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
/** Screen margin reveal keeps round the slide: at 1280 × 720 the slide is scaled by 1 / 1.04 ≈ 0.96. */
export const SCREEN_MARGIN = 0.04;
/**
 * The smallest text a slide may carry, in slide px: 25.5 px is 24.5 px on a
 * 1280 × 720 screen. The theme's sizes keep to it; fitting (fit.ts) never
 * shrinks text below it; a browser test measures every slide and fragment.
 */
export const MIN_TEXT_PX = 25.5;

export interface DeckEnvironment {
  view: DeckView;
  /** In print: the handout with notes (default) or the slides alone. */
  print?: PrintKind;
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

export function deckConfig({ view, print: kind = 'notes', reducedMotion, keyboardCondition }: DeckEnvironment): DeckConfig {
  const print = view === 'print';
  const notes = print && kind === 'notes';
  return {
    width: SLIDE_WIDTH,
    height: SLIDE_HEIGHT,
    // The slides-only PDF: one 1280 × 720 page per slide; the handout: 1600 × 900 with the notes.
    margin: print ? (notes ? PRINT_MARGIN : 0) : SCREEN_MARGIN,
    minScale: 0.2,
    maxScale: 3,
    // Each layout places its own content (styles.css); reveal centres nothing.
    center: false,
    // Each slide has a URL: present.html#/<slide-id> (sections carry the slide id).
    hash: true,
    history: false,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    controls: true,
    controlsTutorial: false,
    // Full-strength arrows (WCAG 1.4.11); reveal fades the back arrow by default (styles.css keeps the rest at full strength).
    controlsBackArrows: 'visible',
    progress: true,
    overview: true,
    help: true,
    keyboardCondition,
    // No switch to reveal's scroll view in narrow windows: zoom.ts lays a small window out itself.
    scrollActivationWidth: 0,
    transition: reducedMotion ? 'none' : 'fade',
    backgroundTransition: reducedMotion ? 'none' : 'fade',
    autoAnimate: !reducedMotion,
    // The speaker view's pacing timer reads each section's data-timing (seconds, from notes.minutes).
    defaultTiming: 120,
    // Handout: notes beneath each slide on its page, all fragments shown, one page per slide.
    showNotes: notes,
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
  };
}
