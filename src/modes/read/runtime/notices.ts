/**
 * The page's notice area: what the session has to tell the learner (storage
 * unavailable, a save refused, progress not restored, a reflection too long
 * for the LMS), in the reader's words. Written once per change so screen
 * readers announce it once.
 *
 * Loaded on demand, when the session first has something to say (main.ts):
 * most visits have no notice, so the page's first script carries neither
 * this nor the notices' words.
 */
import { translate, type Locale } from '../../../i18n';
import type { SessionStatus } from '../../../session/session';
import { commonStrings, noticeText } from '../../common/strings';
import { h } from './dom';

export function showNotices(region: Element, status: SessionStatus, locale: Locale): void {
  const words = translate(commonStrings, locale).notices;
  const texts = status.notices.map((n) => noticeText(n, words));
  if ([...region.children].map((p) => p.textContent).join('\n') === texts.join('\n')) return;
  region.replaceChildren(...texts.map((text) => h('p', {}, text)));
}
