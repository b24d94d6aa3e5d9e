/**
 * Far slides out of the browser's way, so a slide change costs less the
 * longer the deck grows.
 *
 * On every change reveal.js walks each slide's subtree several times
 * (fragments to show or hide, nested sections, lazy media to unload) and
 * toggles classes and attributes on every slide and its background, which
 * the browser then restyles: costs that grow with everything in the deck,
 * not with what is on screen. A slide reveal does not display (further than
 * its viewDistance from the current one: display none) loses nothing by
 * being out of the way twice over:
 *
 * - its content is parked: its children move to a DocumentFragment, the
 *   section itself stays (its id, classes and data attributes, which reveal
 *   and the URL read), and they move back, the same nodes with their
 *   listeners and state, before reveal shows the slide again
 *   ('beforeslidechange' comes before reveal sets the slides' fragments and
 *   visibility); parked sections carry data-parked;
 * - it is not rendered: the slides' and the backgrounds' containers each get
 *   a shadow root whose one slot is assigned only the near slides (manual
 *   slot assignment), and an element in no slot is not in the flat tree, so
 *   the browser does not restyle it however reveal toggles its classes. Both
 *   stay in the document, where reveal and every query find them.
 *
 * A slide's fragments come back as reveal leaves a passed or a coming
 * slide (all shown before the current slide, none after it): reveal sets
 * them only on slides it visits, and a slide change visits the slides
 * between the old and the new index (patches/README.md), so a slide that
 * was parked while a jump carried it from one side to the other has its
 * fragments set as it comes back.
 *
 * Print shows every slide, so it parks nothing (init.ts).
 */
import type { RevealApi } from 'reveal.js';

/** The slides whose content stays in the document: those within `distance` of `index`, as [from, to]. Pure. */
export function keptRange(count: number, index: number, distance: number): [number, number] {
  if (count === 0) return [0, -1];
  const at = Math.min(Math.max(0, Math.trunc(index) || 0), count - 1);
  const d = Math.max(1, Math.trunc(distance) || 1);
  return [Math.max(0, at - d), Math.min(count - 1, at + d)];
}

/** Fragments as reveal leaves them on a slide before (`past`) or after (`future`) the current one. */
export function settleFragments(content: ParentNode, side: 'past' | 'future'): void {
  for (const fragment of content.querySelectorAll('.fragment')) {
    fragment.classList.toggle('visible', side === 'past');
    fragment.classList.remove('current-fragment');
  }
}

export interface Parking {
  /** Keep the content of slides within `distance` of slide `index` (and of `also`: the slide fading out), park the others'. */
  keep(index: number, distance: number, also?: Element | null): void;
  isParked(slide: Element): boolean;
  /** Every element of the deck matching `selector`, parked content included (live.ts updates boxes on any slide). */
  queryAll<T extends Element = HTMLElement>(selector: string): T[];
  /** The slide an element of the deck is on, parked or not. */
  slideOf(el: Element): HTMLElement | null;
  /** The first element matching `selector` in a slide's content, parked or not. */
  within<T extends Element = HTMLElement>(slide: HTMLElement, selector: string): T | null;
}

/**
 * Render only some of `host`'s children: those `show` is given, and any
 * child that is no slide (`isSlide`). Null where the browser has no manual
 * slot assignment: then everything renders, as before.
 */
function renderOnly(host: Element | null, isSlide: (el: Element) => boolean): ((show: readonly Element[]) => void) | null {
  if (!host || host.shadowRoot || typeof HTMLSlotElement === 'undefined' || !('assign' in HTMLSlotElement.prototype)) return null;
  const slot = document.createElement('slot');
  host.attachShadow({ mode: 'open', slotAssignment: 'manual' }).append(slot);
  const others = Array.from(host.children).filter((el) => !isSlide(el));
  return (show) => slot.assign(...others, ...show);
}

export function parkSlides(slides: readonly HTMLElement[], root: ParentNode): Parking {
  const index = new Map(slides.map((s, i) => [s, i]));
  // Set up on the first keep(), once reveal has built the backgrounds.
  let render: { slides: ReturnType<typeof renderOnly>; backgrounds: ReturnType<typeof renderOnly> } | null = null;
  const parked = new Map<HTMLElement, DocumentFragment>();
  // Slides whose content is in the document: all of them until the first keep().
  const kept = new Set<HTMLElement>(slides);

  const park = (slide: HTMLElement) => {
    const content = document.createDocumentFragment();
    content.append(...slide.childNodes);
    parked.set(slide, content);
    kept.delete(slide);
    slide.dataset.parked = '';
  };
  const unpark = (slide: HTMLElement, at: number) => {
    const content = parked.get(slide);
    if (!content) return;
    const i = index.get(slide) ?? at;
    if (i !== at) settleFragments(content, i < at ? 'past' : 'future');
    slide.append(content);
    parked.delete(slide);
    kept.add(slide);
    delete slide.dataset.parked;
  };

  return {
    keep(at, distance, also) {
      const [from, to] = keptRange(slides.length, at, distance);
      // Only the kept slides are visited: a constant number once the first call has parked the rest.
      for (const slide of [...kept]) {
        const i = index.get(slide) ?? -1;
        if ((i < from || i > to) && slide !== also) park(slide);
      }
      for (let i = from; i <= to; i++) unpark(slides[i]!, at);
      render ??= {
        slides: renderOnly(slides[0]?.parentElement ?? null, (el) => index.has(el as HTMLElement)),
        backgrounds: renderOnly(root.querySelector('.backgrounds'), (el) => el.classList.contains('slide-background')),
      };
      // In deck order: later slides paint over earlier ones, as in the document.
      const shown = [...kept].sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
      render.slides?.(shown);
      // reveal keeps each slide's background element on the slide.
      render.backgrounds?.(shown.map((s) => (s as HTMLElement & { slideBackgroundElement?: Element }).slideBackgroundElement).filter((el): el is Element => !!el));
    },
    isParked: (slide) => parked.has(slide as HTMLElement),
    queryAll<T extends Element>(selector: string) {
      const found = [...root.querySelectorAll<T>(selector)];
      for (const content of parked.values()) found.push(...content.querySelectorAll<T>(selector));
      return found;
    },
    slideOf(el) {
      const section = el.closest<HTMLElement>('section[data-slide]');
      if (section) return section;
      for (const [slide, content] of parked) if (content.contains(el)) return slide;
      return null;
    },
    within<T extends Element>(slide: HTMLElement, selector: string) {
      return (parked.get(slide) ?? slide).querySelector<T>(selector);
    },
  };
}

/**
 * Park the deck's far slides once it is up, and bring each slide's
 * neighbourhood back before reveal shows it: reveal's own view distance on
 * screen, 10 in the overview (as reveal shows it).
 */
export function parkFarSlides(deck: RevealApi, slides: readonly HTMLElement[], root: ParentNode): Parking & { again(): void } {
  const parking = parkSlides(slides, root);
  const distance = () => (deck.isOverview() ? 10 : Number(deck.getConfig().viewDistance ?? 3));
  const current = () => deck.getIndices().h ?? 0;
  const again = () => parking.keep(current(), distance());
  deck.on('ready', again);
  deck.on('beforeslidechange', (event: Event) => {
    const target = (event as Event & { indexh?: number }).indexh;
    parking.keep(target ?? current(), distance(), deck.getCurrentSlide());
  });
  deck.on('overviewshown', again);
  // again(): after reveal rebuilt its backgrounds (configure() does), so the near ones render.
  return { ...parking, again };
}
