/**
 * The deck obeys postMessage only from its own origin and the ones the
 * course names (course.yaml `present.controlOrigins`). reveal.js's
 * postMessage API (used by the speaker view to drive its two preview
 * copies) runs any method a message names, from any window; and the notes
 * plugin takes any window that sends it a heartbeat for the speaker view,
 * then sends it the notes. A listener registered before them, in the
 * capture phase, stops every message from any other origin before they see
 * it. Browser-safe; no DOM beyond EventTarget.
 */

/** Stop messages from any origin but `origins` from reaching the target's other listeners. */
export function acceptMessagesOnlyFrom(target: EventTarget, ...origins: string[]): void {
  const allowed = new Set(origins);
  target.addEventListener(
    'message',
    (event) => {
      if (!allowed.has((event as MessageEvent).origin)) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
