/**
 * The summary page: score against the mastery score, each check's result,
 * what to revisit, and the reflections as written (as text, never markup).
 */
import { translate, type Locale } from '../../../i18n';
import type { Session } from '../../../session/session';
import { linksFrom, slidePath } from '../../../site/urls';
import { readStrings } from '../strings';
import { slideOf, type PageData } from './data';
import { all, h } from './dom';

export function renderSummary(root: ParentNode, data: PageData, session: Session, path: string, locale: Locale): void {
  const strings = translate(readStrings, locale);
  const link = linksFrom(path);
  const state = session.getState();
  const summary = session.summary();
  const line = root.querySelector('[data-score-line]');
  const detail = root.querySelector('[data-score-detail]');
  const mastery = data.course.masteryScore;
  if (line && summary.score && summary.score.answered > 0) {
    line.textContent = strings.scoreLine(Math.round(summary.score.percent), mastery);
    if (detail)
      detail.replaceChildren(
        strings.answeredLine(summary.score.answered, summary.score.total, summary.score.correct),
        ' ',
        h('strong', {}, summary.success === 'passed' ? strings.passed : strings.notYetPassed),
      );
  }

  for (const cell of all('[data-result]', root)) {
    const answer = state.answers[cell.dataset.result ?? ''];
    if (!answer) continue;
    cell.replaceChildren(h('span', { class: answer.correct ? 'result-correct' : 'result-incorrect' }, answer.correct ? strings.correctLabel : strings.incorrectLabel));
  }

  const revisit = root.querySelector('[data-revisit]');
  if (revisit) {
    const slides = [...new Set(summary.revisit.map((r) => r.slideId))].flatMap((id) => slideOf(data, id) ?? []);
    revisit.replaceChildren(
      ...(slides.length === 0
        ? [h('li', {}, summary.score?.answered ? strings.revisitNone : strings.scoreNone)]
        : slides.map((slide) => h('li', {}, h('a', { href: link(slidePath(slide)) }, strings.revisitItem(slide.title))))),
    );
  }

  for (const dd of all('[data-reflection-text]', root)) {
    const record = state.reflections[dd.dataset.reflectionText ?? ''];
    dd.textContent = record ? record.text : strings.exportEmpty;
  }
}
