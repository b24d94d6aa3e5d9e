/**
 * The page's notice area: what the session has to tell the learner (storage
 * unavailable, a save refused, progress not restored, a reflection too long
 * for the LMS), in the reader's words. Written once per change so screen
 * readers announce it once.
 */
import type { SessionStatus } from '../../../session/session';
import { noticeText, type commonStrings } from '../../common/strings';
import { h } from './dom';

export function showNotices(region: Element | null, status: SessionStatus, words: (typeof commonStrings)['en']['notices']): void {
  if (!region) return;
  const texts = status.notices.map((n) => noticeText(n, words));
  if ([...region.children].map((p) => p.textContent).join('\n') === texts.join('\n')) return;
  region.replaceChildren(...texts.map((text) => h('p', {}, text)));
}
