/**
 * The speaker view's upcoming preview shows the slide after the current
 * one. reveal.js's notes plugin loads it at the current slide's hash and
 * then posts it `setState` and `next`; when the preview starts more slowly
 * than the notes window (a busy machine), those messages arrive before its
 * deck listens and are lost, and the preview shows the current slide
 * instead of the next. So: if no state has come by the time the preview's
 * deck is ready, it steps ahead itself, as the plugin's `next` would have;
 * a state that comes later still sets it, as the plugin means.
 */
interface Steppable {
  on(event: 'ready', listener: () => void): void;
  next(): void;
}

/** Call before the deck initialises, so that a state posted early is seen. */
export function stepAheadUnlessTold(deck: Steppable, messages: EventTarget = window): void {
  let told = false;
  const listen = (event: Event) => {
    const data = (event as MessageEvent).data;
    if (typeof data === 'string' && data.includes('"setState"')) told = true;
  };
  messages.addEventListener('message', listen);
  deck.on('ready', () => {
    messages.removeEventListener('message', listen);
    if (!told) deck.next();
  });
}
