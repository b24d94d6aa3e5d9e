/**
 * The whole course under each LMS quirk profile of the preview
 * (src/cli/lms-preview/quirks/: Moodle 4.3, Open edX, Chamilo, ILIAS, a
 * strict 1.2 LMS, one that cuts suspend_data, one whose GetLastError
 * sticks, and scorm-again as it is), in each SCORM version the LMS plays.
 * Everything is checked on the LMS side: what it stored, and the LMS's
 * verdict on every call the SCO made.
 *
 * One test per profile and version takes the course across three launches:
 *   1. the first module and into the second, then the learner leaves
 *      (suspend): no API error, nothing sent from a page that unloads;
 *   2. the LMS relaunches (resume): the learner's state is back, the rest
 *      of the course is taken: completion, success, score, every answer as
 *      an interaction in the version's format, the bookmark, the status
 *      committed before the score; no API error;
 *   3. the learner reopens the completed attempt and answers a check wrong:
 *      the stored score and status stay as they were.
 * The LMS-side checks are soft (`expect.soft`), so one run reports every
 * expectation that fails, not only the first.
 *
 * Then the cases the profiles exist for: a module-to-module move under
 * Moodle 4.3 (synchronous calls fail while a page unloads) loses nothing;
 * an LMS that cuts suspend_data short leaves the learner told what is kept
 * only on this device, with the full reflections in the browser.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { KEPT } from '../../../src/cli/lms-preview/quirks/cuts-suspend-data';
import { loadCourseUnderTest } from '../course-under-test';
import { anyOf, pattern, words } from '../ui-words';

/** Any of the notices that say what is kept only on this device. */
const keptOnDevice = anyOf(words.common.notices.keptOnDevice.one, pattern(words.common.notices.keptOnDevice.many, 0), words.common.notices.keptOnDevice.cut);
import { codecCourseOf, decodeState } from '../../../src/session/codec';
import {
  EL,
  PROFILES,
  VERSIONS,
  answerCheck,
  apiErrors,
  assessmentAnswerOf,
  brief,
  closeCourse,
  completion,
  expectReaderAt,
  expectedOutcome,
  expectedResponses,
  goTo,
  hostLog,
  interactionsOf,
  openLms,
  pageErrors,
  reader,
  relaunch,
  reopen,
  seeSlides,
  sessionKind,
  sessionState,
  stored,
  takeCourse,
  unloadCalls,
  writeReflection,
  pastFirst,
} from '../lms/host';
import type { CmiRecord, LogEntry, Target, Version } from '../lms/host';
import type { Check } from '../../../src/questions/registry';

const model = loadCourseUnderTest();
const courseId = model.course.id;
const codecCourse = codecCourseOf(model);
const lastSlide = model.slides[model.slides.length - 1]!.id;
const firstCheck = model.checks[0]!.check;
const [firstModule, secondModule] = model.modules as [(typeof model.modules)[number], (typeof model.modules)[number]];
const firstModuleChecks = model.checks.filter((c) => c.moduleId === firstModule.id);
const firstModuleReflections = model.reflections.filter((r) => r.moduleId === firstModule.id);

test.use({ viewport: { width: 1400, height: 900 } });

/** The launch page's notice bar. */
const notice = (page: Page) => page.frameLocator('#sco').locator('[data-lms-notice]');

const statusOf = (target: Target, record: CmiRecord) =>
  target === 'scorm12' ? { lesson_status: record['cmi.core.lesson_status'] } : { completion: record['cmi.completion_status'], success: record['cmi.success_status'] };
const scoreOf = (target: Target, record: CmiRecord) =>
  target === 'scorm12'
    ? [record['cmi.core.score.raw'], record['cmi.core.score.min'], record['cmi.core.score.max']]
    : [record['cmi.score.raw'], record['cmi.score.min'], record['cmi.score.max'], record['cmi.score.scaled']];

/** Wait until the LMS holds the bookmark the reader is at (the debounced commit has landed). */
async function waitForStoredBookmark(page: Page, target: Target): Promise<string> {
  await expect
    .poll(
      async () => {
        const here = (await sessionState(page)).location;
        return here !== null && (await stored(page))?.[EL[target].location] === here;
      },
      { timeout: 15_000, message: 'the LMS has the bookmark the reader is at' },
    )
    .toBe(true);
  return (await sessionState(page)).location!;
}

/**
 * The status reaches the LMS in a commit before the one that first carries
 * the score (an LMS that decides on the stored status, Moodle, then sees the
 * new status when the score arrives): the entries between the SetValue of
 * the final status and the first SetValue of the score include a successful
 * Commit. Returns what was found, for the message.
 */
function statusCommittedBeforeScore(log: readonly LogEntry[], launch: number, version: Version): { ok: boolean; said: string } {
  const el = EL[version.target];
  const calls = log.filter((e) => e.launch === launch && e.kind !== 'note');
  const score = calls.findIndex((e) => e.kind === 'set' && e.element === el.scoreRaw && e.result === 'true');
  const statusElement = version.target === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status';
  const status = calls.findIndex((e) => e.kind === 'set' && e.element === statusElement && e.value === 'passed' && e.result === 'true');
  if (score < 0 || status < 0) return { ok: false, said: `score set at ${score}, status "passed" set at ${status}` };
  const commit = calls.findIndex((e, i) => i > status && i < score && e.fn === el.commit && e.result === 'true');
  return { ok: status < score && commit >= 0, said: `status at call ${status}, a commit at ${commit}, score at ${score}` };
}

const describeErrors = (entries: readonly LogEntry[]) => entries.map(brief).join('\n');

/**
 * A clean launch, as the LMS saw it: no call it answered with an error and
 * no call made from a page that was unloading (but the final Terminate and
 * the SetValues just before it). Soft: every launch's account is reported.
 */
function expectCleanLaunch(log: readonly LogEntry[], launch: number, target: Target, options: { finalUnloadMayFail?: boolean } = {}): void {
  const refused = apiErrors(log, launch, target, options);
  expect.soft(refused, `launch ${launch}: calls the LMS answered with an error:\n${describeErrors(refused)}`).toEqual([]);
  const unloading = unloadCalls(log, launch, target);
  expect.soft(unloading, `launch ${launch}: calls made while a page unloaded:\n${describeErrors(unloading)}`).toEqual([]);
}

for (const profile of PROFILES) {
  for (const version of profile.versions) {
    const el = EL[version.target];
    const is12 = version.target === 'scorm12';
    const moodle = profile.id === 'moodle-4.3';
    const interactionId = (id: string) => (is12 ? id : `urn:${courseId}:check:${id}`);
    /** Under Moodle, the activity completion is judged with the rule an administrator should pick for a package with a mastery score. */
    const query: Record<string, string> = { lms: profile.id, ...(moodle ? { completion: 'passed-or-completed' } : {}) };
    /**
     * An LMS that fails calls during unload loses the final Terminate: there
     * the learner leaves only once what matters is committed (the debounced
     * commit has landed). Elsewhere Terminate persists what waits, and the
     * test does not wait for commits it does not need.
     */
    const finalUnloadMayFail = moodle;

    test(`${profile.label}, ${version.label}: the whole course across a suspend and a resume, with no API error, and a wrong retry lowers nothing`, async ({ page }) => {
      test.setTimeout(150_000);
      const errors = pageErrors(page);
      const soft = expect.soft;
      await openLms(page, version, query);

      // -- Launch 1: the first module, two slides into the second; the learner leaves. -----------------
      const written = await takeCourse(page, model, { modules: 1, wrongFirst: firstCheck.id, waitSaved: 'none' });
      await reader(page).locator('nav.pager a[rel="next"]').click();
      await expectReaderAt(page, `modules/${secondModule.id}.html`);
      await seeSlides(page, secondModule.slideIds.slice(0, 2));
      if (finalUnloadMayFail) await waitForStoredBookmark(page, version.target);
      await closeCourse(page);
      let log = await hostLog(page);
      expectCleanLaunch(log, 1, version.target, { finalUnloadMayFail });
      const suspended = (await stored(page)) ?? {};
      const stopAt = suspended[el.location];
      // The last slide in view: the second one seen, or one after it when the slides are short enough to share the window.
      soft(pastFirst(secondModule.slideIds), 'the LMS holds the bookmark in the second module').toContain(stopAt);
      soft(suspended[el.exit], 'launch 1 ends suspended, so the LMS resumes it').toBe('suspend');
      soft(Object.values(statusOf(version.target, suspended)), 'never "failed" while retries remain').not.toContain('failed');

      // -- Launch 2: the LMS resumes; the learner's state is back; the rest of the course. -------------
      await relaunch(page);
      await expectReaderAt(page, `modules/${secondModule.id}.html`);
      log = await hostLog(page);
      soft(log.find((e) => e.launch === 2 && e.fn === el.getValue && e.element === el.entry)?.result, 'the SCO reads the entry').toBe('resume');
      soft(await sessionKind(page), 'the launch is connected to the LMS, not treated as failed').toBe(version.target);
      const state = await sessionState(page);
      soft(state.location, 'back at the bookmark').toBe(stopAt);
      soft(firstModule.slideIds.filter((id) => !state.seen.includes(id)), 'slides seen before').toEqual([]);
      soft(firstModuleChecks.filter(({ check }) => state.answers[check.id]?.correct !== true).map(({ check }) => check.id), 'answers given before').toEqual([]);
      soft(Object.fromEntries(firstModuleReflections.map(({ reflection }) => [reflection.id, state.reflections[reflection.id]?.text])), 'reflections written before').toEqual(written);
      await soft(notice(page), 'no notice of a failure').not.toContainText(anyOf(words.common.notices.notConnected.lms, words.common.notices.notSaved.lms, words.common.notices.notRestored.unreadable));

      Object.assign(written, await takeCourse(page, model, { from: 2, waitSaved: 'none' }));
      await expectReaderAt(page, 'summary.html');
      // With a final assessment taken all right: passed at 100; without one, completion alone.
      const outcome = expectedOutcome(model, version.target);
      const done = outcome.status;
      if (finalUnloadMayFail) {
        await soft.poll(async () => statusOf(version.target, (await stored(page)) ?? {}), { timeout: 15_000, message: 'completion and success reach the LMS' }).toEqual(done);
        // Everything else too: the bookmark on the summary's last slide.
        await waitForStoredBookmark(page, version.target);
      }
      if (moodle && outcome.score) {
        await soft
          .poll(async () => (await completion(page)).state, { timeout: 15_000, message: 'Moodle marks the activity complete (rule "passed or completed") before the learner leaves' })
          .toBe('complete');
        // Moodle's default rule wants "completed": a 1.2 package with a mastery score ends "passed", so under it
        // the activity ends incomplete in 1.2, whatever the course does (the administrator must require "passed");
        // in 2004 completion_status "completed" satisfies it.
        soft((await completion(page)).byRule?.completed, `Moodle's default rule ("completed") in ${version.label}`).toBe(is12 ? 'incomplete' : 'complete');
      }
      await closeCourse(page);
      // Open edX stores queued saves later; Terminate flushed them. Elsewhere the record is there now.
      const record = (await stored(page)) ?? {};
      log = await hostLog(page);

      expectCleanLaunch(log, 2, version.target, { finalUnloadMayFail });
      if (outcome.score) {
        const order = statusCommittedBeforeScore(log, 2, version);
        soft(order.ok, `the status is committed before the score (${order.said})`).toBe(true);
      }
      if (finalUnloadMayFail) {
        // What the LMS refused on the way out (no beacon fallback) was only the session's end: session time,
        // exit, or values it already held. Everything that matters had been committed.
        const lost = log.filter(
          (e) => e.launch === 2 && e.kind === 'set' && e.error !== '' && e.element !== el.sessionTime && e.element !== el.exit && record[e.element ?? ''] !== e.value,
        );
        soft(lost.map(brief), 'nothing that matters waited for the final Terminate').toEqual([]);
      }
      soft(statusOf(version.target, record), 'status').toEqual(done);
      if (outcome.score) soft(scoreOf(version.target, record), 'score').toEqual(outcome.score);
      else soft(record[el.scoreRaw], 'no score without an assessment').toBeUndefined();
      soft(record[el.location], 'bookmark: the last slide').toBe(lastSlide);
      soft(record[el.exit] ?? '', 'exit').toBe(moodle ? 'suspend' : is12 ? '' : 'normal');

      const decoded = decodeState(record[el.suspendData], codecCourse, new Date());
      soft(decoded.ok, 'suspend_data reads back whole').toBe(true);
      if (decoded.ok) {
        soft(model.slides.map((s) => s.id).filter((id) => !decoded.state.seen.includes(id)), 'every slide seen').toEqual([]);
        soft(model.checks.filter(({ check }) => decoded.state.answers[check.id]?.correct !== true).map(({ check }) => check.id), 'every check right').toEqual([]);
        // Every reflection but the private ones, which never go to the LMS.
        const privateIds = new Set(model.reflections.filter((r) => r.reflection.private).map((r) => r.reflection.id));
        const shared = Object.fromEntries(Object.entries(written).filter(([id]) => !privateIds.has(id)));
        soft(Object.fromEntries(Object.entries(decoded.state.reflections).map(([id, r]) => [id, r.text])), 'every shared reflection, exactly').toEqual(shared);
      }

      // Every answer as an interaction, in the version's format, by the author's ids where it can:
      // practice checks weigh 0, the final assessment's answers 1.
      const interactions = interactionsOf(record);
      const as = (it: Record<string, string>) => ({
        type: it.type,
        response: it[is12 ? 'student_response' : 'learner_response'],
        pattern: it['correct_responses.0.pattern'],
        result: it.result,
        weighting: it.weighting,
      });
      const expectedFor = (check: Check, weighting: string) => ({ ...expectedResponses(check, version.target), result: 'correct', weighting });
      for (const { check } of model.checks) {
        const found = interactions.filter((i) => i.id === interactionId(check.id));
        if (is12) soft(found.length, `interactions for ${check.id} (1.2 appends a record per launch)`).toBeGreaterThanOrEqual(1);
        else soft(found, `one interaction for ${check.id}`).toHaveLength(1);
        const it = found[found.length - 1];
        if (it) soft(as(it), `interaction for ${check.id}`).toEqual(expectedFor(check, '0'));
      }
      const pool = new Map((model.assessment?.questions ?? []).map((q) => [q.check.id, q.check]));
      const answers = interactions.filter((i) => assessmentAnswerOf(i.id ?? '') !== null);
      soft(answers.length, 'an interaction per question of the assessment attempt').toBe(model.assessment?.draw ?? 0);
      for (const it of answers) {
        const check = pool.get(assessmentAnswerOf(it.id!)!.questionId);
        soft(check, `${it.id} answers a question of the pool`).toBeDefined();
        if (check) soft(as(it), `interaction ${it.id}`).toEqual(expectedFor(check, '1'));
      }
      if (!is12) soft(interactions.filter((i) => !i.description).map((i) => i.id), 'a description on every interaction').toEqual([]);

      // -- Launch 3: back into the completed attempt; one check answered wrong. ------------------------
      const scoreBefore = scoreOf(version.target, record);
      const statusBefore = statusOf(version.target, record);
      await reopen(page, 'resume');
      await goTo(page, `modules/${firstModule.id}.html`);
      await answerCheck(page, firstCheck, false);
      if (finalUnloadMayFail) {
        // A commit after the answer: what an LMS that fails the final Terminate keeps of this launch.
        const answeredAt = (await hostLog(page)).length;
        await soft
          .poll(async () => (await hostLog(page)).slice(answeredAt).some((e) => e.launch === 3 && e.fn === el.commit && e.result === 'true'), {
            timeout: 15_000,
            message: 'a commit after the wrong answer',
          })
          .toBe(true);
      }
      await closeCourse(page);
      log = await hostLog(page);
      const after = (await stored(page)) ?? {};
      soft(
        log.some((e) => e.launch === 3 && e.kind === 'set' && /^cmi\.interactions\.\d+\.result$/.test(e.element ?? '') && e.value === (is12 ? 'wrong' : 'incorrect')),
        'the LMS receives the wrong answer as an interaction',
      ).toBe(true);
      soft(scoreOf(version.target, after), 'the stored score is not lowered').toEqual(scoreBefore);
      soft(statusOf(version.target, after), 'the stored status is not lowered').toEqual(statusBefore);
      soft(log.filter((e) => e.launch === 3 && e.kind === 'set' && e.element === el.scoreRaw && e.value !== '100').map(brief), 'no lower score sent').toEqual([]);
      expectCleanLaunch(log, 3, version.target, { finalUnloadMayFail });
      expect(errors).toEqual([]);
    });
  }
}

/**
 * Moodle 4.3 without its sendBeacon fallback: every synchronous call fails
 * while the SCO's page or a frame in it unloads. Moving from one module to
 * the next is a navigation of the launch page's frame; the launch page
 * commits what waits after it. Nothing is lost, and nothing rides on the
 * unload: the learner moves on at once, without waiting for a save.
 */
for (const version of VERSIONS) {
  test(`Moodle 4.3, ${version.label}: moving from module to module at once loses nothing, and no call rides on the unload`, async ({ page }) => {
    const el = EL[version.target];
    const is12 = version.target === 'scorm12';
    const errors = pageErrors(page);
    await openLms(page, version, { lms: 'moodle-4.3' });
    const written = await takeCourse(page, model, { modules: 1, waitSaved: 'none' });
    await reader(page).locator('nav.pager a[rel="next"]').click();
    await expectReaderAt(page, `modules/${secondModule.id}.html`);

    // What was answered and written before the move is stored after it.
    const arrived = async () => {
      const record = (await stored(page)) ?? {};
      const decoded = decodeState(record[el.suspendData], codecCourse, new Date());
      if (!decoded.ok) return 'suspend_data unreadable or absent';
      const missing = [
        ...firstModuleChecks.filter(({ check }) => decoded.state.answers[check.id]?.correct !== true).map(({ check }) => `answer ${check.id}`),
        ...Object.entries(written).filter(([id, text]) => decoded.state.reflections[id]?.text !== text).map(([id]) => `reflection ${id}`),
        ...firstModuleChecks
          .filter(({ check }) => !interactionsOf(record).some((i) => i.id === (is12 ? check.id : `urn:${courseId}:check:${check.id}`) && i.result === 'correct'))
          .map(({ check }) => `interaction ${check.id}`),
      ];
      return missing.length ? missing.join(', ') : 'all there';
    };
    await expect.poll(arrived, { timeout: 15_000 }).toBe('all there');
    expectCleanLaunch(await hostLog(page), 1, version.target);
    expect(errors).toEqual([]);
  });
}

/**
 * An LMS that keeps only part of a long suspend_data and says "true"
 * (1.2: 4,000 characters, below CMIString4096; 2004: 4,096). The course
 * reads suspend_data back after a commit; what the LMS cut is kept on the
 * device, and the learner is told, after a close and a relaunch too.
 */
for (const version of VERSIONS) {
  test(`cuts-suspend-data, ${version.label}: after a relaunch the learner is told what is kept only on this device, and the reflections are whole`, async ({ page }) => {
    test.setTimeout(90_000);
    const el = EL[version.target];
    const kept = KEPT[version.version];
    const errors = pageErrors(page);
    const { reflection, moduleId } = model.reflections[0]!;
    await openLms(page, version, { lms: 'cuts-suspend-data' });
    await expectReaderAt(page, 'index.html');
    await goTo(page, `modules/${moduleId}.html`);
    await seeSlides(page, model.modules.find((m) => m.id === moduleId)!.slideIds.slice(0, 2));

    /** The length of the first suspend_data the SCO sent with `marker` in it (in full: what the LMS got before it cut it). */
    const sentState = async (marker: string) => {
      let value = '';
      await expect
        .poll(
          async () => {
            value = (await hostLog(page)).find((e) => e.kind === 'set' && e.element === el.suspendData && e.result === 'true' && e.value?.includes(marker))?.value ?? '';
            return value !== '';
          },
          { timeout: 15_000, message: 'the state with the reflection is sent' },
        )
        .toBe(true);
      return value.length;
    };
    // A long reflection, plain words: the state must be longer than what the LMS keeps, and within
    // SCORM 1.2's 4,096 (else the course itself leaves text out, and the LMS has nothing to cut).
    const words = (n: number, marker: string) => `${'I keep coming back to that table. '.repeat(Math.ceil(n / 34)).slice(0, n)} ${marker}`;
    let text = words(3000, 'end-one');
    await writeReflection(page, reflection.id, text);
    let length = await sentState('end-one');
    const target = version.version === '1.2' ? 4050 : 5000;
    text = words(3000 + (target - length), 'end-two');
    await writeReflection(page, reflection.id, text);
    length = await sentState('end-two');
    expect(length, 'the state the course sends is longer than what the LMS keeps').toBeGreaterThan(kept);
    if (version.version === '1.2') expect(length, 'and fits SCORM 1.2').toBeLessThanOrEqual(4096);
    // The LMS cut it (its note in the log); the course may then leave the reflection out of what it sends.
    await expect
      .poll(async () => (await hostLog(page)).some((e) => e.kind === 'note' && e.value?.startsWith(`cuts-suspend-data: stored ${kept} of the ${length} characters`)), {
        timeout: 15_000,
        message: 'the LMS cut what it stored',
      })
      .toBe(true);
    await expect.soft(notice(page), 'the learner is told at once').toContainText(keptOnDevice, { timeout: 15_000 });

    await closeCourse(page);
    await relaunch(page);
    await expectReaderAt(page, `modules/${moduleId}.html`);
    await expect.soft(notice(page), 'after a relaunch, the notice says what is kept only on this device').toContainText(keptOnDevice, { timeout: 15_000 });
    await expect.soft(reader(page).locator(`div.reflection[data-reflection="${reflection.id}"] textarea`), 'the reflection, whole').toHaveValue(text);
    expect.soft((await sessionState(page)).reflections[reflection.id]?.text, 'in the session too').toBe(text);
    expect(errors).toEqual([]);
  });
}
