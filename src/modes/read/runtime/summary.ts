/**
 * The summary page: the final assessment's score against the mastery score
 * with the attempts used and left, the practice checks (never scored), what
 * to revisit, and the reflections as written (as text, never markup).
 */
import { translate, type Locale } from '../../../i18n';
import type { Session } from '../../../session/session';
import { linksFrom, paths, slidePath } from '../../../site/urls';
import { pageRuntimeWords } from './strings/page';
import { summaryWords } from './strings/summary';
import { slideOf, type PageData } from './data';
import { all, h } from './dom';

export function renderSummary(root: ParentNode, data: PageData, session: Session, path: string, locale: Locale): void {
  const strings = { ...translate(pageRuntimeWords, locale), ...translate(summaryWords, locale) };
  const link = linksFrom(path);
  const state = session.getState();
  const summary = session.summary();
  const line = root.querySelector('[data-score-line]');
  const detail = root.querySelector('[data-score-detail]');
  const mastery = data.course.masteryScore;
  const standing = summary.assessment;
  if (line && standing) {
    if (summary.score) {
      line.textContent = strings.scoreLine(Math.round(summary.score.percent), mastery);
      detail?.replaceChildren(
        strings.attemptsLine(standing.used, standing.left),
        ' ',
        data.assessment?.keep === 'last' ? strings.keptLast : strings.keptBest,
        ' ',
        h('strong', {}, standing.passed ? strings.passed : standing.failed ? strings.failedFinal : strings.notYetPassed),
      );
    } else {
      line.textContent = strings.scoreNone;
      detail?.replaceChildren(h('a', { href: link(paths.assessment) }, strings.takeAssessment));
    }
  }
  const practice = root.querySelector('[data-practice-line]');
  if (practice) practice.textContent = strings.practiceLine(summary.practice.correct, summary.practice.answered, summary.practice.total);

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
        ? [h('li', {}, standing?.latest || summary.practice.answered > 0 ? strings.revisitNone : strings.scoreNone)]
        : slides.map((slide) => h('li', {}, h('a', { href: link(slidePath(slide)) }, strings.revisitItem(slide.title))))),
    );
  }

  for (const dd of all('[data-reflection-text]', root)) {
    const record = state.reflections[dd.dataset.reflectionText ?? ''];
    dd.textContent = record ? record.text : strings.exportEmpty;
  }
}
