/**
 * Progress on the page: each module's bar and count, the table of contents'
 * seen marks, and the home page's "continue where you left off".
 */
import { translate, type Locale } from '../../../i18n';
import { moduleProgress, type LearnerState } from '../../../session/state';
import { linksFrom, slidePath } from '../../../site/urls';
import { pageRuntimeWords } from './strings/page';
import { slideOf, type PageData } from './data';
import { all } from './dom';

export function renderProgress(root: ParentNode, data: PageData, state: LearnerState, path: string, locale: Locale): void {
  const strings = translate(pageRuntimeWords, locale);
  for (const p of moduleProgress(state, data)) {
    const label = strings.progressLabel(p.seen, p.total);
    for (const bar of all<HTMLProgressElement>(`progress[data-progress="${p.moduleId}"]`, root)) {
      bar.value = p.seen;
      const title = data.modules.find((m) => m.id === p.moduleId)?.title;
      bar.setAttribute('aria-label', title && bar.closest('[data-module-card]') ? `${title}: ${label}` : label);
    }
    for (const text of all(`[data-progress-text="${p.moduleId}"]`, root)) text.textContent = p.complete ? `${label}. ${strings.moduleComplete}` : label;
    for (const card of all(`[data-module-card="${p.moduleId}"]`, root)) card.dataset.complete = String(p.complete);
  }

  const seen = new Set(state.seen);
  for (const item of all('[data-toc]', root)) {
    const id = item.dataset.toc ?? '';
    const isSeen = seen.has(id);
    item.dataset.seen = String(isSeen);
    const hidden = item.querySelector('.visually-hidden');
    if (hidden) hidden.textContent = `(${isSeen ? strings.seen : strings.notSeen})`;
  }

  const here = state.location ? slideOf(data, state.location) : undefined;
  if (!here) return;
  for (const link of all<HTMLAnchorElement>('a[data-continue]', root)) {
    link.href = linksFrom(path)(slidePath(here));
    link.textContent = strings.continueWhere;
    link.setAttribute('aria-description', strings.continueAt(here.title));
  }
}
