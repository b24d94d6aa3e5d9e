/**
 * The deck obeys postMessage only from its own origin. reveal.js's
 * postMessage API (used by the speaker view to drive its two preview
 * copies) runs any method a message names, from any window; and the notes
 * plugin takes any window that sends it a heartbeat for the speaker view,
 * then sends it the notes. A listener registered before them, in the
 * capture phase, stops every message from another origin before they see
 * it. Browser-safe; no DOM beyond EventTarget.
 */

/** Stop messages from any origin but `origin` from reaching the target's other listeners. */
export function acceptMessagesOnlyFrom(target: EventTarget, origin: string): void {
  target.addEventListener(
    'message',
    (event) => {
      if ((event as MessageEvent).origin !== origin) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
