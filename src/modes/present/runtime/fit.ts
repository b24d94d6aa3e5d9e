/**
 * Fit each slide's content to the 16:9 slide: dense slides from the seed
 * deck (long reference lists, ten-item questions) get a smaller type scale
 * instead of running off the projected slide. Everything inside a slide is
 * sized in em, so one custom property (--fit) scales it all.
 */

export interface FitOptions {
  /** Smallest scale allowed (type stays readable from the back of the room). */
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
 * Fit every slide to `available` px of height (the deck's slide height).
 * Slides reveal has hidden (display: none) are shown for the measurement
 * and hidden again; scrollHeight is in slide coordinates, unaffected by
 * reveal's scaling transform. `container` carries the .deck-fitting class
 * while measuring: it turns transitions off (reveal's fragments transition
 * `all`, so an inherited font-size change would still be mid-animation when
 * measured).
 */
export function fitSlides(container: HTMLElement, slides: Iterable<HTMLElement>, available: number, options?: FitOptions): void {
  container.classList.add('deck-fitting');
  for (const slide of slides) {
    const display = slide.style.display;
    slide.style.display = 'block';
    const scale = fitScale((s) => {
      slide.style.setProperty('--fit', String(s));
      return slide.scrollHeight;
    }, available, options);
    if (scale === 1) slide.style.removeProperty('--fit');
    slide.dataset.fit = String(scale);
    slide.style.display = display;
  }
  void container.offsetHeight; // settle styles before transitions come back
  container.classList.remove('deck-fitting');
}
