/**
 * Knowledge checks in the reader: check an answer, show the feedback for
 * each chosen option (or item) and the explanation, retry, and show a saved
 * answer again after a reload. Scoring and the form's response are the
 * check type's (src/questions/<type>/); this module knows only the
 * conventions every type's form keeps (src/questions/contract.ts
 * `FormBinding`): `[data-key]` parts named by `[data-subject]`, and a
 * `[data-incomplete]` message.
 */
import { translate, type Locale } from '../../../i18n';
import { own } from '../../../session/records';
import type { Answers } from '../../../questions/answers';
import type { Check, ScoreResult } from '../../../questions/registry';
import type { Session } from '../../../session/session';
import { pageRuntimeWords } from './strings/page';
import type { PageData } from './data';
import { all, h } from './dom';
import { leadIn } from './label';
import { showLoadFailure } from './on-demand';

/** What a feedback line is about, as the form names it (the option, item or True/False). */
function subject(form: HTMLFormElement, key: string): string {
  for (const part of form.querySelectorAll<HTMLElement>('[data-key]'))
    if (part.dataset.key === key) return part.querySelector('[data-subject]')?.textContent?.trim() ?? key;
  return key;
}

function renderFeedback(region: HTMLElement, form: HTMLFormElement, check: Check, result: ScoreResult, locale: Locale): void {
  const s = translate(pageRuntimeWords, locale);
  region.dataset.correct = String(result.correct);
  region.replaceChildren(
    h('p', { class: 'verdict' }, result.correct ? s.checkCorrect : s.checkIncorrect),
    h('ul', {}, ...result.feedback.map((f) => h('li', { class: f.correct ? 'feedback-right' : 'feedback-wrong' }, h('strong', {}, leadIn(subject(form, f.key))), f.text))),
    h('p', { class: 'explanation' }, check.explanation),
  );
}

/**
 * The page's checks, judged by `answers` (the question types of this page's checks, loading meanwhile:
 * questions/load.ts). A check submitted before they have come is judged when they do; if they cannot
 * load, the learner is told so in the check's feedback, where the verdict would be.
 */
export function enhanceChecks(root: ParentNode, data: PageData, session: Session, locale: Locale, onAnswer: () => void, answers: Promise<Answers>): void {
  const s = translate(pageRuntimeWords, locale);
  const byId = new Map(data.pageChecks.map((check) => [check.id, check]));
  for (const container of all<HTMLElement>('[data-check]', root)) {
    const check = byId.get(container.dataset.check ?? '');
    const form = container.querySelector<HTMLFormElement>('form.check-form');
    const region = container.querySelector<HTMLElement>('.check-feedback');
    const actions = container.querySelector<HTMLElement>('.check-actions');
    if (!check || !form || !region || !actions) continue;

    // Bound at once, so a submit never reloads the page while the question type is on its way.
    let submit: (() => void) | null = null;
    let submitted = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (submit) submit();
      else submitted = true;
    });
    // A learner who chose before the type came keeps that choice: the saved answer is not written over it.
    let touched = false;
    const touch = () => {
      touched = true;
    };
    form.addEventListener('input', touch);
    form.addEventListener('change', touch);
    // The form takes answers now, its type loading or not (tests wait for it before answering early).
    container.dataset.checkBound = '';

    answers.then(
      (kit) => {
        form.removeEventListener('input', touch);
        form.removeEventListener('change', touch);
        submit = bindCheck(kit, { container, check, form, region, actions }, { restoreSaved: !touched && !submitted }, session, locale, onAnswer);
        if (submitted) submit();
      },
      () => {
        delete region.dataset.correct;
        showLoadFailure(region, s.partNotLoaded);
        submit = () => showLoadFailure(region, s.partNotLoaded);
      },
    );
  }
}

/** A check's parts on the page. */
interface CheckParts {
  container: HTMLElement;
  check: Check;
  form: HTMLFormElement;
  region: HTMLElement;
  actions: HTMLElement;
}

/**
 * One check brought to life with its question type: a saved answer shown (unless the learner has
 * already chosen, `restoreSaved` false), submit and retry wired. Returns the submit handler.
 */
function bindCheck(
  { decodeAnswer, formOf, judge, scoreAnswer }: Answers,
  { container, check, form, region, actions }: CheckParts,
  { restoreSaved }: { restoreSaved: boolean },
  session: Session,
  locale: Locale,
  onAnswer: () => void,
): () => void {
  const s = translate(pageRuntimeWords, locale);
  const binding = formOf(check);
  binding.enhance(form);

  const retry = h('button', { type: 'button', class: 'button button-secondary', hidden: '' }, s.checkRetry);
  actions.append(retry);

  // A saved answer: show it with its feedback, as the learner left it.
  const saved = restoreSaved ? own(session.getState().answers, check.id) : undefined;
  const restored = saved ? decodeAnswer(check, saved.response) : null;
  if (restored) {
    binding.write(form, restored);
    renderFeedback(region, form, check, scoreAnswer(restored), locale);
    retry.hidden = false;
  }

  retry.addEventListener('click', () => {
    binding.clear(form);
    region.replaceChildren();
    delete region.dataset.correct;
    retry.hidden = true;
    form.querySelector<HTMLElement>('input, select, button[data-move]')?.focus();
  });
  // Its type has come and the form is live (tests wait for it; a page's checks are ready at different times).
  container.dataset.checkReady = '';

  return () => {
    const answered = binding.read(form);
    const judged = answered ? judge(answered) : null;
    if (!judged) {
      delete region.dataset.correct;
      region.replaceChildren(h('p', { class: 'verdict' }, form.querySelector<HTMLElement>('[data-incomplete]')?.dataset.incomplete ?? ''));
      return;
    }
    if (!session.answer(judged).ok) return;
    renderFeedback(region, form, check, judged.result, locale);
    retry.hidden = false;
    onAnswer();
  };
}
