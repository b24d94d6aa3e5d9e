/**
 * The final assessment on the open web (assessment.html): the score means
 * mastery. A learner who fails every attempt is failed with the best score;
 * one who passes on the second attempt has passed; a reload mid-attempt
 * resumes it; the key is never shown while attempts remain; practice never
 * changes the score. Keyboard-only and axe-clean.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadCourseUnderTest } from '../course-under-test';
import { axe } from '../helpers';
import { answerQuestion, drawnOnScreen, fillForm, poolOf, takeAttempt } from '../assessment-driver';
import { words } from '../ui-words';

const t = words.read;

const model = loadCourseUnderTest();
// Null only for a course without a final assessment, and then every test here is skipped.
const assessment = model.assessment!;
const mastery = model.course.masteryScore;
/** The fewest right answers that pass, and the most that do not. */
const passing = Math.ceil(((model.assessment?.draw ?? 0) * mastery) / 100);
const failing = passing - 1;
const percent = (right: number) => Math.round((right / assessment.draw) * 100);

async function openAssessment(page: Page) {
  await page.goto('assessment.html');
  await expect(page.locator('[data-start-attempt], [data-assessment-attempt]:not([hidden])').first()).toBeVisible();
}

test.describe('the final assessment', () => {
  test.skip(!model.assessment, 'the course has no final assessment');
  // Three attempts of 13 questions, each answered as a learner does: longer than one page's test.
  test.describe.configure({ timeout: 120_000 });

  test('failing every attempt ends "not passed" with the best score, and only then shows the answers', async ({ page }) => {
    await openAssessment(page);
    const first = await takeAttempt(page, model, failing);
    const results = page.locator('[data-assessment-results]');
    await expect(results).toBeFocused();
    await expect(results).toContainText(t.resultLine(failing, assessment.draw, percent(failing)));
    await expect(results).toContainText(t.resultNotPassed(mastery, assessment.attempts - 1));
    // Attempts remain: the questions to revisit with their objective and slide, never the key.
    await expect(results.locator('.assessment-wrong > li')).toHaveCount(assessment.draw - failing);
    await expect(results.locator('.explanation')).toHaveCount(0);
    const revisit = results.locator('.assessment-wrong a').first();
    await expect(revisit).toHaveAttribute('href', /^modules\/[a-z0-9-]+\.html#[a-z0-9-]+$/);

    // The next attempt asks other questions: the pool has two per objective.
    const second = await takeAttempt(page, model, failing - 2);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    await takeAttempt(page, model, 1);
    await expect(results).toContainText(t.resultFailed(mastery));
    await expect(page.locator('[data-start-attempt]')).toBeHidden();
    // The attempt is over for good: each question with the reasoning behind its key.
    await expect(results.locator('.assessment-answers > li')).toHaveCount(assessment.draw);
    await expect(results.locator('.explanation')).toHaveCount(assessment.draw);

    await page.goto('summary.html');
    await expect(page.locator('[data-score-line]')).toHaveText(t.scoreLine(percent(failing), mastery));
    await expect(page.locator('[data-score-detail]')).toContainText(t.attemptsLine(assessment.attempts, 0));
    await expect(page.locator('[data-score-detail]')).toContainText(t.failedFinal);
    await expect(page.locator('[data-revisit] a').first()).toBeVisible();
  });

  test('passing on the second attempt is a pass, and ends the attempts', async ({ page }) => {
    await openAssessment(page);
    await takeAttempt(page, model, 2);
    await takeAttempt(page, model, passing);
    const results = page.locator('[data-assessment-results]');
    await expect(results).toContainText(t.resultPassed(mastery));
    await expect(page.locator('[data-start-attempt]')).toBeHidden();
    await page.goto('summary.html');
    await expect(page.locator('[data-score-line]')).toHaveText(t.scoreLine(percent(passing), mastery));
    await expect(page.locator('[data-score-detail]')).toContainText(t.passed);
  });

  test('a reload mid-attempt resumes the same attempt: its questions, their order and the answers given', async ({ page }) => {
    await openAssessment(page);
    const drawn = await takeAttempt(page, model, 3, { stopAfter: 3, handIn: false });
    const options = await page.locator(`[data-question="${drawn[0]}"] [data-key]`).evaluateAll((parts) => parts.map((p) => (p as HTMLElement).dataset.key));
    await page.reload();
    await expect(page.locator('[data-assessment-attempt]')).toBeVisible();
    expect(await drawnOnScreen(page)).toEqual(drawn);
    // The same option order, and the answers given stay given: final, with their verdict.
    expect(await page.locator(`[data-question="${drawn[0]}"] [data-key]`).evaluateAll((parts) => parts.map((p) => (p as HTMLElement).dataset.key))).toEqual(options);
    for (const id of drawn.slice(0, 3)) {
      await expect(page.locator(`[data-question="${id}"] .check-feedback`)).toHaveText(t.answerRight);
      await expect(page.locator(`[data-question="${id}"] fieldset :is(input, select, button)`).first()).toBeDisabled();
    }
    await expect(page.locator('[data-answered-count]')).toHaveText(t.answeredCount(3, assessment.draw));
    // A shuffled ordering question is a working form: its first row cannot move up, every other row can.
    for (const id of drawn.filter((d) => poolOf(model).get(d)?.type === 'ordering')) {
      const ups = await page.locator(`[data-question="${id}"] [data-move="up"]`).evaluateAll((b) => b.map((x) => x.getAttribute('aria-disabled')));
      expect(ups).toEqual(['true', ...ups.slice(1).map(() => 'false')]);
    }
    await takeAttempt(page, model, assessment.draw);
    await expect(page.locator('[data-assessment-results]')).toContainText(t.resultPassed(mastery));
  });

  test('shows each drawn question\'s options in the attempt\'s own order, except True before False', async ({ page }) => {
    await openAssessment(page);
    await page.locator('[data-start-attempt]').click();
    await expect(page.locator('[data-question]:not([hidden])')).toHaveCount(assessment.draw);
    const drawn = await drawnOnScreen(page);
    let moved = 0;
    for (const id of drawn) {
      const check = poolOf(model).get(id)!;
      const shown = await page.locator(`[data-question="${id}"] [data-key]`).evaluateAll((parts) => parts.map((p) => (p as HTMLElement).dataset.key));
      if (check.type === 'true-false') expect(shown, id).toEqual(['true', 'false']);
      else if (check.type === 'single' || check.type === 'multiple') {
        const authored = check.options.map((o) => o.id);
        expect([...shown].sort(), id).toEqual([...authored].sort());
        if (shown.join() !== authored.join()) moved++;
      }
    }
    // Chance leaves an option list as written now and then, not across a whole draw.
    expect(moved).toBeGreaterThan(0);
  });

  test('handing in early asks first, and counts what is unanswered as wrong', async ({ page }) => {
    await openAssessment(page);
    await takeAttempt(page, model, 2, { stopAfter: 2, handIn: false });
    page.once('dialog', (d) => {
      expect(d.message()).toBe(t.handInEarly(assessment.draw - 2));
      void d.dismiss();
    });
    await page.locator('[data-hand-in]').click();
    await expect(page.locator('[data-assessment-results]')).toBeHidden();
    page.once('dialog', (d) => void d.accept());
    await page.locator('[data-hand-in]').click();
    await expect(page.locator('[data-assessment-results]')).toContainText(t.resultLine(2, assessment.draw, percent(2)));
  });

  test('practice never changes the score', async ({ page }) => {
    const check = model.checks[0]!;
    await page.goto(`modules/${check.moduleId}.html`);
    const box = page.locator(`div.check[data-check="${check.check.id}"]`);
    await fillForm(box, check.check, true);
    await box.getByRole('button', { name: t.checkSubmit }).click();
    await page.goto('summary.html');
    await expect(page.locator('[data-score-line]')).toHaveText(t.scoreNone);
    await expect(page.locator('[data-practice-line]')).toHaveText(t.practiceLine(1, 1, model.checks.length));

    await openAssessment(page);
    await takeAttempt(page, model, 4);
    await page.goto(`modules/${check.moduleId}.html`);
    await page.locator(`div.check[data-check="${check.check.id}"]`).getByRole('button', { name: t.checkRetry }).click();
    await fillForm(page.locator(`div.check[data-check="${check.check.id}"]`), check.check, false);
    await page.locator(`div.check[data-check="${check.check.id}"]`).getByRole('button', { name: t.checkSubmit }).click();
    await page.goto('summary.html');
    await expect(page.locator('[data-score-line]')).toHaveText(t.scoreLine(percent(4), mastery));
  });

  test('can be taken with the keyboard alone, and has no axe violations before, during and after an attempt', async ({ page }) => {
    await openAssessment(page);
    expect(await axe(page)).toEqual([]);
    await page.locator('[data-start-attempt]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-attempt-title]')).toBeFocused();
    expect(await axe(page)).toEqual([]);
    // A choice question by keys: Tab into its options, arrows or Space to choose, Tab to its button, Enter.
    const pool = poolOf(model);
    const drawn = await drawnOnScreen(page);
    const choice = drawn.find((id) => ['single', 'true-false'].includes(pool.get(id)!.type));
    if (choice) {
      const box = page.locator(`[data-question="${choice}"]`);
      await box.locator('input').first().focus();
      await page.keyboard.press('Space');
      await box.getByRole('button', { name: t.submitAnswer }).focus();
      await page.keyboard.press('Enter');
      await expect(box.locator('.check-feedback')).toHaveAttribute('data-correct', /true|false/);
    }
    for (const id of drawn) if (id !== choice) await answerQuestion(page, pool.get(id)!, false);
    await page.locator('[data-hand-in]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-assessment-results]')).toBeFocused();
    expect(await axe(page)).toEqual([]);
  });

  /**
   * The course sets no time limit (the default); an author may. The built
   * page, served with its outline's settings saying two minutes, shows the
   * clock that Playwright's controls: WCAG 2.2.1, warned before the end and
   * free to extend, and "time is up" said where it stays visible.
   */
  test('an author-set time limit warns a minute before the end, can be extended, and hands the attempt in when it runs out', async ({ page }) => {
    await page.clock.install();
    // The settings travel in the course outline every page shares (course-outline.json).
    await page.route('**/course-outline.json*', async (route) => {
      const response = await route.fetch();
      const json = await response.text();
      expect(json, 'the outline carries the assessment settings').toContain('"timeLimitMinutes":null');
      await route.fulfill({ response, body: json.replace('"timeLimitMinutes":null', '"timeLimitMinutes":2') });
    });
    await openAssessment(page);
    // Time stands still but for runFor(): the clock reads exactly what the learner has spent.
    await page.clock.pauseAt(Date.now() + 1_000);
    await page.locator('[data-start-attempt]').click();
    const timer = page.locator('[data-timer]');
    await expect(timer.getByRole('timer')).toHaveText(t.timeLeft(2, 0));
    await expect(page.locator('[data-extend-time]')).toBeHidden();
    const [first] = await drawnOnScreen(page);
    await answerQuestion(page, poolOf(model).get(first!)!, true);

    await page.clock.runFor(61_000);
    await expect(timer.getByRole('timer')).toHaveText(t.timeLeft(0, 59));
    await expect(timer.getByRole('alert')).toHaveText(t.timeAlmostUp);
    await page.getByRole('button', { name: t.extendTime(2) }).click();
    await expect(timer.getByRole('timer')).toHaveText(t.timeLeft(2, 59));
    await expect(page.locator('[data-timer-alert]')).toBeEmpty();
    // axe waits on timers of its own: let time run for it, then stand still again.
    await page.clock.resume();
    expect(await axe(page)).toEqual([]);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);

    await page.clock.runFor(3 * 60_000);
    await expect(page.locator('[data-assessment-attempt]')).toBeHidden();
    await expect(page.locator('[data-time-up]')).toHaveText(t.timeUp);
    await expect(page.locator('[data-assessment-results]')).toBeFocused();
    await expect(page.locator('[data-assessment-results]')).toContainText(t.resultLine(1, assessment.draw, percent(1)));
  });
});
