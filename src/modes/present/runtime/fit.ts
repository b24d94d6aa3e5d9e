/**
 * A guard, not a layout: the theme's layouts and the split of dense seed
 * slides keep every slide within its 1280 × 720 box at full size. Should a
 * slide's body still overflow (a longer translation, a new slide), its type
 * is scaled down as a whole, but never so far that any text falls below
 * MIN_TEXT_PX: the floor is worked out per slide from the text that scales.
 * Everything in a slide's body is sized in em, so one custom property
 * (--fit) scales it all; titles keep their layout's size.
 */
import { MIN_TEXT_PX } from './config';

export interface FitOptions {
  /** Smallest scale allowed. */
  min?: number;
  /** Scale decrement once the first estimate is not enough. */
  step?: number;
}

/**
 * Largest scale ≤ 1 at which `measure(scale)` (content height) ≤ `available`,
 * or `min` if even that overflows. Pure: `measure` does the layout.
 *
 * First guess: height shrinks between linearly and quadratically with the
 * scale (smaller lines, and fewer of them as text reflows), so scaling by
 * √(available / height) never shrinks too far; then step down.
 */
export function fitScale(measure: (scale: number) => number, available: number, { min = 0.5, step = 0.03 }: FitOptions = {}): number {
  let scale = 1;
  let height = measure(scale);
  for (let i = 0; height > available && scale > min && i < 40; i++) {
    const guess = scale * Math.sqrt(available / height);
    scale = Math.max(min, Math.round(Math.min(guess, scale - step) * 1000) / 1000);
    height = measure(scale);
  }
  return scale;
}

/**
 * The smallest scale that keeps every text ≥ `minPx`: `sizes` are each
 * text's font size at scale 1 and at a smaller probe scale. A text still at
 * least `minPx` at the probe never limits (fixed px, or held by a max()
 * floor); any other shrinks in proportion, so it limits at minPx / its size.
 * Nothing that would fall below: 1 (shrinking gains nothing). Pure.
 */
export function fitFloor(sizes: ReadonlyArray<{ atOne: number; atProbe: number }>, minPx: number = MIN_TEXT_PX): number {
  let floor = 0;
  let scales = false;
  for (const { atOne, atProbe } of sizes) {
    if (atProbe >= minPx || !(atProbe < atOne - 0.01)) continue;
    scales = true;
    floor = Math.max(floor, minPx / atOne);
  }
  return scales ? Math.min(1, Math.ceil(floor * 1000) / 1000) : 1;
}

function textSizes(slide: HTMLElement): number[] {
  const sizes: number[] = [];
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent?.trim() || el.closest('aside.notes')) continue;
    sizes.push(Number.parseFloat(getComputedStyle(el).fontSize));
  }
  return sizes;
}

/**
 * Fit every slide to `available` px of height (the deck's slide height).
 * Slides reveal has hidden (display: none) are shown for the measurement
 * and hidden again; scrollHeight is in slide coordinates, unaffected by
 * reveal's scaling transform. Each slide carries the .deck-fitting class
 * while measured: it turns transitions off (reveal's fragments transition
 * `all`, so an inherited font-size change would still be mid-animation when
 * measured). On the slides, not the deck: a class on the deck would restyle
 * every slide of it, a cost that grows with the deck on each slide change.
 * A slide that overflows even at its floor is marked data-overflow, for the
 * tests and the author to see.
 */
export function fitSlides(slides: readonly HTMLElement[], available: number, options: FitOptions = {}): void {
  for (const slide of slides) slide.classList.add('deck-fitting');
  for (const slide of slides) {
    const display = slide.style.display;
    slide.style.display = 'block';
    slide.style.removeProperty('--fit');
    delete slide.dataset.overflow;
    if (slide.scrollHeight > available) {
      const atOne = textSizes(slide);
      const probe = 0.5;
      slide.style.setProperty('--fit', String(probe));
      const atProbe = textSizes(slide);
      const min = Math.max(options.min ?? 0, fitFloor(atOne.map((size, i) => ({ atOne: size, atProbe: atProbe[i] ?? size }))));
      const scale = fitScale((s) => {
        slide.style.setProperty('--fit', String(s));
        return slide.scrollHeight;
      }, available, { ...options, min });
      slide.dataset.fit = String(scale);
      if (slide.scrollHeight > available) slide.dataset.overflow = String(slide.scrollHeight - available);
      if (scale === 1) slide.style.removeProperty('--fit');
    } else {
      slide.dataset.fit = '1';
    }
    slide.style.display = display;
  }
  void slides[0]?.offsetHeight; // settle styles before transitions come back
  for (const slide of slides) slide.classList.remove('deck-fitting');
}
