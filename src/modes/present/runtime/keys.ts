/**
 * Which keys belong to a focused widget rather than to the deck. Pure.
 *
 * reveal.js listens for keydown on the whole document and already leaves
 * text inputs alone, but not buttons: Space on a focused button would
 * advance the slide instead of pressing it. Passed to reveal as
 * `keyboardCondition` (returning false makes reveal ignore the event, so
 * the browser's own behaviour runs).
 */

/** What the check needs to know about the focused element (an Element satisfies it). */
export interface KeyTarget {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute(name: string): string | null;
}

/** Elements that take every key while focused (typing, choosing, arrowing). */
const TAKES_ALL_KEYS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Elements that Space and Enter press. */
const PRESSABLE = new Set(['BUTTON', 'SUMMARY']);
const PRESSABLE_ROLES = new Set(['button', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'option']);

function isTarget(value: unknown): value is KeyTarget {
  return typeof value === 'object' && value !== null && typeof (value as KeyTarget).tagName === 'string' && typeof (value as KeyTarget).getAttribute === 'function';
}

/** True when `key` pressed on `target` should do what the widget does, not move the deck. */
export function widgetOwnsKey(key: string | undefined, target: unknown): boolean {
  if (!isTarget(target)) return false; // e.g. keys the speaker view forwards: { keyCode } only
  const tag = target.tagName.toUpperCase();
  if (TAKES_ALL_KEYS.has(tag) || target.isContentEditable === true) return true;
  const presses = key === ' ' || key === 'Spacebar' || key === 'Enter';
  if (!presses) return false;
  if (PRESSABLE.has(tag)) return true;
  if (tag === 'A' && target.getAttribute('href') !== null) return key === 'Enter';
  const role = target.getAttribute('role');
  return role !== null && PRESSABLE_ROLES.has(role);
}

/** reveal.js `keyboardCondition`: false lets the focused widget have the key. */
export function deckMayHandleKey(event: { key?: string; target?: unknown }): boolean {
  return !widgetOwnsKey(event.key, event.target);
}
