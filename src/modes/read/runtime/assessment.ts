/**
 * The final assessment page (assessment.html), in the browser: start or
 * resume an attempt, show its drawn questions in the attempt's order with
 * their options shuffled by its seed, take each answer once (the learner
 * hears right or wrong, never which answer is right), count time against an
 * optional limit the learner can extend (WCAG 2.2.1), hand the attempt in,
 * and show its results: the questions to revisit while attempts remain; the
 * answers once the learner has passed or used every attempt.
 *
 * Loaded only on that page (main.ts imports it on demand). The draw, the
 * reducers and the score are session/assessment.ts's; judging is the
 * question type's, loaded for the pool's types (questions/load.ts).
 */
import { translate, type Locale } from '../../../i18n';
import { own } from '../../../session/records';
import type { Answers } from '../../../questions/answers';
import type { Check } from '../../../questions/registry';
import { optionOrder, secondsLeft, seedFrom, type AssessmentOutline, type AssessmentSummary } from '../../../session/assessment';
import type { Session } from '../../../session/session';
import { linksFrom, paths, slidePath } from '../../../site/urls';
import { assessmentWords } from './strings/assessment';
import { pageRuntimeWords } from './strings/page';
import { slideOf, type PageData } from './data';
import { all, h } from './dom';

/** The learner is warned, and offered more time, this long before the limit (WCAG 2.2.1 asks for at least 20 seconds). */
const warnAtSeconds = 60;

/** Show the question's parts (options, items) in the attempt's order; the question type decides how (or that they keep theirs). */
function arrangeParts({ formOf }: Answers, form: HTMLFormElement, check: Check, seed: number): void {
  const keys = all<HTMLElement>('[data-key]', form).map((p) => p.dataset.key ?? '');
  formOf(check).arrange(form, optionOrder(seed, check.id, keys.length).flatMap((i) => keys[i] ?? []));
}

/** The assessment page's questions judged by `answers`: the question types of its pool, loaded (questions/load.ts). */
export function enhanceAssessment(root: ParentNode, data: PageData, session: Session, locale: Locale, onChange: () => void, answers: Answers): void {
  const outline: AssessmentOutline | null = data.assessment;
  if (!outline) return;
  const { decodeAnswer, formOf, judge, scoreAnswer } = answers;
  const s = { ...translate(pageRuntimeWords, locale), ...translate(assessmentWords, locale) };
  const link = linksFrom(paths.assessment);
  const checks = new Map(data.pageChecks.map((c) => [c.id, c]));
  const q = <E extends HTMLElement>(selector: string) => root.querySelector<E>(selector);
  const results = q('[data-assessment-results]');
  const resultsTitle = q('[data-results-title]');
  const resultsBody = q('[data-results-body]');
  const startBox = q('[data-assessment-start]');
  const startButton = q<HTMLButtonElement>('[data-start-attempt]');
  const attemptBox = q('[data-assessment-attempt]');
  const attemptTitle = q('[data-attempt-title]');
  const list = q('[data-assessment-questions]');
  const count = q('[data-answered-count]');
  const handIn = q<HTMLButtonElement>('[data-hand-in]');
  const timer = q('[data-timer]');
  const timerText = q('[data-timer-text]');
  const timerAlert = q('[data-timer-alert]');
  const extend = q<HTMLButtonElement>('[data-extend-time]');
  const timeUp = q<HTMLElement>('[data-time-up]');
  if (!results || !resultsTitle || !resultsBody || !startBox || !startButton || !attemptBox || !attemptTitle || !list || !count || !handIn) return;
  const mastery = data.course.masteryScore;
  const objectiveText = new Map(data.modules.flatMap((m) => m.objectives.map((o) => [o.id, o.text] as const)));

  /** The attempt whose questions are laid out now (its seed), so a redraw does not shuffle again. */
  let shownSeed: number | null = null;
  const standing = (): AssessmentSummary | null => session.summary().assessment;

  // -- One question ------------------------------------------------------------------
  for (const item of all<HTMLElement>('[data-question]', list)) {
    const check = checks.get(item.dataset.question ?? '');
    const form = item.querySelector<HTMLFormElement>('form.check-form');
    const region = item.querySelector<HTMLElement>('.check-feedback');
    if (!check || !form || !region) continue;
    formOf(check).enhance(form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const answered = formOf(check).read(form);
      const judged = answered ? judge(answered) : null;
      if (!judged) {
        region.replaceChildren(h('p', { class: 'verdict' }, form.querySelector<HTMLElement>('[data-incomplete]')?.dataset.incomplete ?? ''));
        return;
      }
      const outcome = session.answerAssessment(judged);
      if (!outcome.ok) return;
      lock(item, outcome.correct);
      render();
      onChange();
    });
  }

  /** An answered question: its answer stays as given, its verdict says right or wrong only. */
  function lock(item: HTMLElement, correct: boolean) {
    const fieldset = item.querySelector('fieldset');
    if (fieldset) fieldset.disabled = true;
    const actions = item.querySelector<HTMLElement>('.check-actions');
    if (actions) actions.hidden = true;
    const region = item.querySelector<HTMLElement>('.check-feedback');
    if (region) {
      region.dataset.correct = String(correct);
      region.replaceChildren(h('p', { class: 'verdict' }, correct ? s.answerRight : s.answerWrong));
    }
  }

  function unlock(item: HTMLElement) {
    const fieldset = item.querySelector('fieldset');
    if (fieldset) fieldset.disabled = false;
    const actions = item.querySelector<HTMLElement>('.check-actions');
    if (actions) actions.hidden = false;
    const region = item.querySelector<HTMLElement>('.check-feedback');
    if (region) {
      delete region.dataset.correct;
      region.replaceChildren();
    }
    const form = item.querySelector<HTMLFormElement>('form.check-form');
    const check = checks.get(item.dataset.question ?? '');
    if (form && check) formOf(check).clear(form);
  }

  // -- The attempt in progress --------------------------------------------------------------
  function layOut(current: NonNullable<AssessmentSummary['current']>) {
    const { attempt, drawn, number } = current;
    attemptTitle!.textContent = s.attemptHeading(number, outline!.attempts);
    if (shownSeed !== attempt.seed) {
      shownSeed = attempt.seed;
      const items = new Map(all<HTMLElement>('[data-question]', list!).map((item) => [item.dataset.question ?? '', item]));
      for (const item of items.values()) item.hidden = true;
      drawn.forEach((id, i) => {
        const item = items.get(id);
        const check = checks.get(id);
        const form = item?.querySelector<HTMLFormElement>('form.check-form');
        if (!item || !check || !form) return;
        unlock(item);
        arrangeParts(answers, form, check, attempt.seed);
        const heading = item.querySelector('[data-question-heading]');
        if (heading) heading.textContent = s.questionOf(i + 1, drawn.length);
        list!.append(item); // in the attempt's order
        item.hidden = false;
        const given = own(attempt.answers, id);
        const restored = given ? decodeAnswer(check, given.response) : null;
        if (given && restored) {
          formOf(check).write(form, restored);
          lock(item, given.correct);
        }
      });
    }
    const answered = drawn.filter((id) => Object.hasOwn(attempt.answers, id)).length;
    count!.textContent = s.answeredCount(answered, drawn.length);
  }

  // -- Results ---------------------------------------------------------------------------------
  function showResults(st: AssessmentSummary) {
    const latest = st.latest;
    if (!latest?.attempt.finished) {
      results!.hidden = true;
      return;
    }
    const { correct, total } = latest.attempt.finished;
    const percent = total === 0 ? 0 : Math.round((correct / total) * 100);
    const reveal = st.passed || st.left === 0;
    resultsTitle!.textContent = s.resultsHeading(latest.number);
    const verdict = st.passed ? s.resultPassed(mastery) : st.failed ? s.resultFailed(mastery) : s.resultNotPassed(mastery, st.left);
    const drawn = latest.drawn.flatMap((id) => checks.get(id) ?? []);
    const wrong = drawn.filter((c) => own(latest.attempt.answers, c.id)?.correct !== true);
    const revisit = (c: Check) => {
      const slide = slideOf(data, c.assesses.slide);
      return slide ? h('a', { href: link(slidePath(slide)) }, s.wrongRevisit(slide.title)) : null;
    };
    const parts: Node[] = [
      h('p', { class: 'result-line' }, s.resultLine(correct, total, percent)),
      h('p', { class: st.passed ? 'result-verdict result-correct' : 'result-verdict' }, h('strong', {}, verdict)),
    ];
    if (st.kept && st.used > 1) parts.push(h('p', {}, s.attemptsLine(st.used, st.left), ' ', outline!.keep === 'best' ? s.keptBest : s.keptLast));
    if (reveal) {
      // The attempt is over for good: each question with the learner's answer and the reasoning behind the key.
      parts.push(
        h('h3', {}, s.answersHeading),
        h(
          'ol',
          { class: 'assessment-answers' },
          ...drawn.map((c) => {
            const given = own(latest.attempt.answers, c.id);
            const answered = given ? decodeAnswer(c, given.response) : null;
            const result = answered ? scoreAnswer(answered) : null;
            return h(
              'li',
              {},
              h('p', { class: 'check-prompt' }, c.prompt),
              h('p', { class: given?.correct ? 'feedback-right' : 'feedback-wrong' }, given?.correct ? s.yourAnswerRight : s.yourAnswerWrong),
              result && !result.correct ? h('ul', {}, ...result.feedback.filter((f) => !f.correct).map((f) => h('li', { class: 'feedback-wrong' }, f.text))) : null,
              h('p', { class: 'explanation' }, c.explanation),
            );
          }),
        ),
      );
    } else if (wrong.length > 0) {
      // Attempts remain: where to go back to, never the key.
      parts.push(
        h('h3', {}, s.wrongHeading),
        h(
          'ul',
          { class: 'assessment-wrong' },
          ...wrong.map((c) => h('li', {}, h('p', { class: 'check-prompt' }, c.prompt), h('p', { class: 'muted' }, s.wrongItem(objectiveText.get(c.assesses.objective) ?? c.assesses.objective)), h('p', {}, revisit(c)))),
        ),
      );
    }
    parts.push(h('p', {}, h('a', { href: link(paths.summary) }, s.toSummaryAfter)));
    resultsBody!.replaceChildren(...parts);
    results!.hidden = false;
  }

  // -- The time limit ----------------------------------------------------------------------------
  let tick: ReturnType<typeof setInterval> | null = null;
  let shownSince = 0;
  let usedAtShow = 0;
  const used = () => usedAtShow + (document.visibilityState === 'visible' ? (Date.now() - shownSince) / 1000 : 0);

  function runClock() {
    const st = standing();
    const current = st?.current;
    const left = current ? secondsLeft(outline!, current.attempt, used()) : null;
    if (!timer || !timerText || !timerAlert || !extend || left === null || !current) {
      if (timer) timer.hidden = true;
      return;
    }
    timer.hidden = false;
    timerText.textContent = s.timeLeft(Math.floor(left / 60), Math.floor(left % 60));
    const warn = left <= warnAtSeconds;
    extend.hidden = !warn;
    extend.textContent = s.extendTime(outline!.timeLimitMinutes ?? 0);
    if (warn && timerAlert.textContent === '') timerAlert.textContent = s.timeAlmostUp;
    if (!warn) timerAlert.textContent = '';
    if (left <= 0) {
      session.spendAssessmentTime(used());
      void session.finishAssessment();
      timerAlert.textContent = '';
      if (timeUp) timeUp.textContent = s.timeUp;
      render();
      onChange();
      results?.focus();
    }
  }

  function startClock() {
    const current = standing()?.current;
    if (!current || outline!.timeLimitMinutes === null) return;
    usedAtShow = current.attempt.usedSeconds;
    shownSince = Date.now();
    if (tick === null) tick = setInterval(runClock, 1000);
    runClock();
  }

  function stopClock() {
    if (tick !== null) clearInterval(tick);
    tick = null;
  }

  // Time counts only while the page is shown: hidden, it is saved and the clock waits.
  document.addEventListener('visibilitychange', () => {
    if (!standing()?.current || outline.timeLimitMinutes === null) return;
    if (document.visibilityState === 'hidden') {
      usedAtShow = used();
      session.spendAssessmentTime(usedAtShow);
    } else shownSince = Date.now();
  });
  extend?.addEventListener('click', () => {
    session.extendAssessmentTime();
    if (timerAlert) timerAlert.textContent = '';
    runClock();
  });

  // -- The page as it stands ------------------------------------------------------------------------
  function render() {
    const st = standing();
    if (!st) return;
    showResults(st);
    const canStart = !st.current && !st.passed && st.left > 0;
    startBox!.hidden = !canStart;
    startButton!.textContent = s.startAttempt(st.used + 1, outline!.attempts);
    attemptBox!.hidden = !st.current;
    if (st.current) {
      layOut(st.current);
      startClock();
    } else {
      shownSeed = null;
      stopClock();
    }
  }

  startButton.addEventListener('click', () => {
    const random = new Uint32Array(1);
    crypto.getRandomValues(random);
    session.startAssessment(seedFrom((random[0] ?? 0) / 2 ** 32));
    results.hidden = true;
    if (timeUp) timeUp.textContent = '';
    render();
    onChange();
    attemptTitle.focus();
  });

  handIn.addEventListener('click', () => {
    const current = standing()?.current;
    if (!current) return;
    const unanswered = current.drawn.filter((id) => !Object.hasOwn(current.attempt.answers, id)).length;
    if (unanswered > 0 && !window.confirm(s.handInEarly(unanswered))) return;
    if (outline.timeLimitMinutes !== null) session.spendAssessmentTime(used());
    void session.finishAssessment();
    render();
    onChange();
    results.focus();
  });

  render();
}
