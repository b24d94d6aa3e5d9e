/** reveal.js's slide events as the deck's modules read them. */

/** `slidechanged`: reveal's event carries the slide it moved to. */
export interface SlideChangedEvent extends Event {
  currentSlide?: HTMLElement;
}
