/**
 * The final assessment in an LMS (scorm-again in the preview host, both
 * SCORM versions): the LMS learns mastery, not attendance. While attempts
 * remain, a failed attempt sends no score and never "failed"; the last
 * attempt used without a pass is "failed" with the best score; a pass on a
 * later attempt is "passed" with its score; closed in the middle of an
 * attempt, a relaunch resumes the same attempt with the answers given.
 * No API call fails along the way.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadCourseUnderTest } from '../course-under-test';
import { words } from '../ui-words';
import {
  VERSIONS,
  answerCheck,
  apiErrors,
  brief,
  closeCourse,
  goTo,
  hostLog,
  live,
  openLms,
  pageErrors,
  reader,
  relaunch,
  stored,
  takeAssessment,
  takeCourse,
  type CmiRecord,
  type Version,
} from '../lms/host';

const model = loadCourseUnderTest();
// Null only for a course without a final assessment, and then every test here is skipped.
const assessment = model.assessment!;
const mastery = model.course.masteryScore;
const passing = Math.ceil(((model.assessment?.draw ?? 0) * mastery) / 100);
/** The score the LMS gets for `right` answers: raw in percent to two decimals, scaled to four (src/session/assessment.ts percentOf, state.ts). */
const rawOf = (right: number) => String(Math.round((right * 10_000) / assessment.draw) / 100);
const scaledOf = (right: number) => String(Math.round((right * 10_000) / assessment.draw) / 10_000);
const pool = new Map((assessment?.questions ?? []).map((q) => [q.check.id, q.check]));

test.use({ viewport: { width: 1400, height: 900 } });

/** Success, completion and score as the LMS holds them, in either version's words. */
function outcomeOf(record: CmiRecord | null, version: Version) {
  const r = record ?? {};
  if (version.target === 'scorm12') return { status: r['cmi.core.lesson_status'] ?? '', score: r['cmi.core.score.raw'] ?? '' };
  return { status: `${r['cmi.completion_status'] ?? ''}/${r['cmi.success_status'] ?? ''}`, score: r['cmi.score.raw'] ?? '', scaled: r['cmi.score.scaled'] ?? '' };
}

/** Every module seen and every practice check answered, ending on the assessment page. */
async function takeModules(page: Page) {
  await takeCourse(page, model, { assessment: false, waitSaved: 'none' });
  await goTo(page, 'assessment.html');
}

/** The drawn questions of the attempt on screen, in order. */
const drawnInFrame = (page: Page) =>
  reader(page)
    .locator('li.assessment-question[data-question]:not([hidden])')
    .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.question ?? ''));

async function expectNoApiErrors(page: Page, version: Version, launches: number[]) {
  const log = await hostLog(page);
  for (const launch of launches) expect(apiErrors(log, launch, version.target).map(brief), `launch ${launch}: failed calls`).toEqual([]);
}

for (const version of VERSIONS) {
  const is12 = version.target === 'scorm12';

  test.describe(`${version.label}: the final assessment in an LMS`, () => {
    test.skip(!model.assessment, 'the course has no final assessment');
    test.describe.configure({ timeout: 180_000 });

    test('every attempt failed: no score and never "failed" while attempts remain, then "failed" with the best score', async ({ page }) => {
      const errors = pageErrors(page);
      await openLms(page, version);
      await takeModules(page);
      // Right answers per attempt: all below the pass mark, the best in the middle, so "best" is not "last".
      const rights = [passing - 3, passing - 1, 2].slice(0, assessment.attempts);
      for (const [n, right] of rights.entries()) {
        await takeAssessment(page, model, { wrong: assessment.draw - right });
        if (n < rights.length - 1) {
          // Attempts remain: nothing judges the learner yet, in what the LMS holds or what it was sent.
          await expect.poll(async () => outcomeOf(await live(page), version)).toMatchObject(is12 ? { status: 'completed', score: '' } : { status: 'completed/unknown', score: '' });
        }
      }
      const best = Math.max(...rights);
      const expected = is12 ? { status: 'failed', score: rawOf(best) } : { status: 'completed/failed', score: rawOf(best), scaled: scaledOf(best) };
      await expect.poll(async () => outcomeOf(await stored(page), version), { timeout: 15_000 }).toMatchObject(expected);
      await closeCourse(page);
      expect(outcomeOf(await stored(page), version)).toMatchObject(expected);
      await expectNoApiErrors(page, version, [1]);
      expect(errors).toEqual([]);
    });

    test('passed on the second attempt, after a relaunch in the middle of it that resumes the same attempt', async ({ page }) => {
      const errors = pageErrors(page);
      await openLms(page, version);
      await takeModules(page);
      await takeAssessment(page, model, { wrong: assessment.draw - 2 });

      // The second attempt: three answers, then the window closes.
      await reader(page).locator('[data-start-attempt]').click();
      const drawn = await drawnInFrame(page);
      for (const id of drawn.slice(0, 3)) await answerCheck(page, pool.get(id)!, true, 'assessment');
      await closeCourse(page);
      expect(outcomeOf(await stored(page), version).status).not.toMatch(/failed|passed/);

      await relaunch(page);
      await goTo(page, 'assessment.html');
      expect(await drawnInFrame(page), 'the same questions, in the same order').toEqual(drawn);
      for (const id of drawn.slice(0, 3)) await expect(reader(page).locator(`li.assessment-question[data-question="${id}"] .check-feedback`)).toHaveAttribute('data-correct', 'true');
      await takeAssessment(page, model);

      const expected = is12 ? { status: 'passed', score: '100' } : { status: 'completed/passed', score: '100', scaled: '1' };
      await expect.poll(async () => outcomeOf(await stored(page), version), { timeout: 15_000 }).toMatchObject(expected);
      await expect(reader(page).locator('[data-assessment-results]')).toContainText(words.read.resultPassed(mastery));
      await closeCourse(page);
      expect(outcomeOf(await stored(page), version)).toMatchObject(expected);
      await expectNoApiErrors(page, version, [1, 2]);
      expect(errors).toEqual([]);
    });
  });
}
