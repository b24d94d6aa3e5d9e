/**
 * The page's notice area: what the session has to tell the learner (storage
 * unavailable, the LMS refused a save, a reflection too long for the LMS).
 * Written once per change so screen readers announce it once.
 */
import type { SessionStatus } from '../session';
import { h } from './dom';

export function showNotice(region: Element | null, status: SessionStatus): void {
  if (!region) return;
  const text = status.notice ?? '';
  if ((region.textContent ?? '') === text) return;
  region.replaceChildren(...(text ? [h('p', {}, text)] : []));
}
