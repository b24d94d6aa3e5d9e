/**
 * Knowledge checks in the reader: check an answer, show the feedback for
 * each chosen option (or item) and the explanation, retry, and show a saved
 * answer again after a reload. Scoring is the QuestionType's (src/questions).
 */
import type { Check, CheckType } from '../../model/schema';
import { decodeAnswer, isAnswerComplete, scoreAnswer, type ScoreResult } from '../../questions';
import { strings } from '../../i18n/en';
import type { Session } from '../session';
import type { ReaderCourseData } from './data';
import { all, h } from './dom';
import { clearForm, readResponse, writeResponse } from './check-form';

/** Label of what a feedback line is about: the option or item text, or True/False. */
function feedbackSubject(check: Check, key: string): string {
  switch (check.type) {
    case 'single':
    case 'multiple':
      return check.options.find((o) => o.id === key)?.text ?? key;
    case 'true-false':
      return key === 'true' ? strings.trueLabel : strings.falseLabel;
    case 'matching': {
      const item = check.items.find((i) => i.id === key);
      return item?.text ?? key;
    }
  }
}

function renderFeedback(region: HTMLElement, check: Check, result: ScoreResult): void {
  region.dataset.correct = String(result.correct);
  region.replaceChildren(
    h('p', { class: 'verdict' }, result.correct ? strings.checkCorrect : strings.checkIncorrect),
    h(
      'ul',
      {},
      ...result.feedback.map((f) =>
        h('li', { class: f.correct ? 'feedback-right' : 'feedback-wrong' }, h('strong', {}, `${feedbackSubject(check, f.key)}: `), f.text),
      ),
    ),
    h('p', { class: 'explanation' }, check.explanation),
  );
}

export function enhanceChecks(root: ParentNode, data: ReaderCourseData, session: Session, onAnswer: () => void): void {
  const byId = new Map(data.pageChecks.map((check) => [check.id, check]));
  for (const container of all<HTMLElement>('[data-check]', root)) {
    const check = byId.get(container.dataset.check ?? '');
    const form = container.querySelector<HTMLFormElement>('form.check-form');
    const region = container.querySelector<HTMLElement>('.check-feedback');
    const actions = container.querySelector<HTMLElement>('.check-actions');
    if (!check || !form || !region || !actions) continue;

    const retry = h('button', { type: 'button', class: 'button button-secondary', hidden: '' }, strings.checkRetry);
    actions.append(retry);

    // A saved answer: show it with its feedback, as the learner left it.
    const saved = session.getState().answers[check.id];
    const restored = saved ? decodeAnswer(check, saved.response) : null;
    if (restored) {
      writeResponse(form, restored);
      renderFeedback(region, check, scoreAnswer(restored));
      retry.hidden = false;
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const answered = readResponse(form, check);
      if (!answered || !isAnswerComplete(answered)) {
        delete region.dataset.correct;
        region.replaceChildren(h('p', { class: 'verdict' }, check.type === 'matching' ? strings.checkIncompleteMatching : strings.checkIncomplete));
        return;
      }
      const outcome = session.answer<CheckType>(answered.check, answered.response);
      if (!outcome.ok) return;
      renderFeedback(region, check, outcome.result);
      retry.hidden = false;
      onAnswer();
    });

    retry.addEventListener('click', () => {
      clearForm(form);
      region.replaceChildren();
      delete region.dataset.correct;
      retry.hidden = true;
      form.querySelector<HTMLElement>('input, select')?.focus();
    });
  }
}
