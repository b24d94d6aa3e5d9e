/**
 * The SCORM packages under an LMS: scorm-again in the LMS preview host
 * (src/cli/preview-lms.ts) runs the built zip's SCO, and every value is
 * checked on the LMS side, for SCORM 1.2 and SCORM 2004 alike.
 */
import { expect, test } from '@playwright/test';
import { loadCourseUnderTest } from '../course-under-test';
import { within, words } from '../ui-words';
import { codecCourseOf, decodeState } from '../../../src/session/codec';
import {
  EL,
  VERSIONS,
  answerCheck,
  assessmentAnswerOf,
  calls,
  closeCourse,
  commentsOf,
  expectReaderAt,
  expectReflectionSaved,
  expectedOutcome,
  expectedResponses,
  hostLog,
  interactionsOf,
  openLms,
  pageErrors,
  reader,
  readerUrl,
  relaunch,
  seeSlides,
  sent,
  sessionState,
  stored,
  takeCourse,
  writeReflection,
  pastFirst,
} from '../lms/host';
import type { CmiRecord } from '../lms/host';
import type { Check } from '../../../src/questions/registry';

const model = loadCourseUnderTest();
const courseId = model.course.id;
const codecCourse = codecCourseOf(model);
const lastSlide = model.slides[model.slides.length - 1]!.id;
const firstCheck = model.checks[0]!.check;

const CMI_TIMESPAN = /^\d{4}:\d{2}:\d{2}\.\d{2}$/; // 1.2 HHHH:MM:SS.SS as the runtime writes it
const CMI_TIME = /^\d{2}:\d{2}:\d{2}(\.\d{1,2})?$/; // 1.2 time of day
const ISO_DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/; // 2004 timeinterval
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2})?(Z|[+-]\d{2}(:\d{2})?)?$/; // 2004 time

test.use({ viewport: { width: 1400, height: 900 } });

for (const version of VERSIONS) {
  const el = EL[version.target];
  const is12 = version.target === 'scorm12';
  const interactionId = (kind: 'check' | 'reflection', id: string) => (is12 ? id : `urn:${courseId}:${kind}:${id}`);

  test.describe(`${version.label} package in an LMS`, () => {
    test('a learner completes the course: the LMS gets status, score, every answer, reflections, bookmark and time', async ({ page }, info) => {
      test.setTimeout(180_000);
      const errors = pageErrors(page);
      await openLms(page, version);
      const written = await takeCourse(page, model, { wrongFirst: firstCheck.id });
      await expectReaderAt(page, 'summary.html');
      // What the LMS may hold: every reflection but the private ones, which stay on the device.
      const privateIds = model.reflections.filter((r) => r.reflection.private).map((r) => r.reflection.id);
      const shared = Object.fromEntries(Object.entries(written).filter(([id]) => !privateIds.includes(id)));

      // Completion (and, with a final assessment, success) reaches the LMS with the next commit.
      const outcome = expectedOutcome(model, version.target);
      const done = is12 ? { 'cmi.core.lesson_status': outcome.status.lesson_status } : { 'cmi.completion_status': outcome.status.completion, 'cmi.success_status': outcome.status.success };
      await expect
        .poll(async () => {
          const r = (await stored(page)) ?? {};
          return Object.fromEntries(Object.keys(done).map((k) => [k, r[k]]));
        }, { timeout: 15_000 })
        .toEqual(done);

      // The learner leaves: the LMS closes the frame, the shell's pagehide ends the session.
      await closeCourse(page);
      const record = (await stored(page)) as CmiRecord;
      const log = await hostLog(page);
      const values = sent(log, 1);

      // One session for the whole launch, across the course home, six module pages and the summary.
      expect(calls(log, 1, el.initialize).map((c) => c.result)).toEqual(['true']);
      expect(calls(log, 1, el.terminate).map((c) => c.result)).toEqual(['true']);
      expect(log.filter((e) => e.launch === 1 && e.kind !== 'note' && e.kind !== 'get' && e.result !== 'true'), 'failed calls').toEqual([]);
      // DESIGN.md: no Commit right before Terminate.
      const last = log.filter((e) => e.launch === 1 && (e.kind === 'session' || e.kind === 'set'));
      expect(last[last.length - 2]?.fn).not.toBe(el.commit);

      // Status and score: the final assessment's, every answer right (a course without one has no score).
      if (is12) {
        expect(record['cmi.core.lesson_status']).toBe(outcome.status.lesson_status);
        if (outcome.score) expect([record['cmi.core.score.raw'], record['cmi.core.score.min'], record['cmi.core.score.max']]).toEqual(outcome.score);
        else expect(record['cmi.core.score.raw']).toBeUndefined();
      } else {
        expect([record['cmi.completion_status'], record['cmi.success_status']]).toEqual([outcome.status.completion, outcome.status.success]);
        if (outcome.score) expect([record['cmi.score.raw'], record['cmi.score.min'], record['cmi.score.max'], record['cmi.score.scaled']]).toEqual(outcome.score);
        else expect(record['cmi.score.raw']).toBeUndefined();
      }

      // Session time in the version's format; exit: finished, so no resume.
      expect(values.get(el.sessionTime)).toMatch(is12 ? CMI_TIMESPAN : ISO_DURATION);
      expect(record[el.exit] ?? '').toBe(is12 ? '' : 'normal');

      // Bookmark: the last slide the learner saw.
      expect(record[el.location]).toBe(lastSlide);

      // Suspend data: versioned, within the 1.2 limit, and holding the whole state.
      const suspend = record[el.suspendData]!;
      info.annotations.push({ type: 'suspend_data length', description: `${version.label}: ${suspend.length} characters (all slides, ${model.checks.length} checks, ${Object.keys(written).length} reflections)` });
      console.log(`[measure] ${version.label} suspend_data after the whole course: ${suspend.length} characters`);
      expect(suspend).toMatch(/^\d+~/); // versioned
      if (is12) expect(suspend.length).toBeLessThanOrEqual(4096);
      const decoded = decodeState(suspend, codecCourse, new Date());
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect([...decoded.state.seen].sort()).toEqual(model.slides.map((s) => s.id).sort());
      expect(Object.values(decoded.state.answers).every((a) => a.correct)).toBe(true);
      expect(decoded.state.answers[firstCheck.id]?.attempts).toBe(2);
      // 1.2 keeps reflections in suspend_data only; exactly as typed in both. A private one is never in it.
      expect(Object.fromEntries(Object.entries(decoded.state.reflections).map(([id, r]) => [id, r.text]))).toEqual(shared);
      // Each text written ends with its reflection's id in brackets (reflectionText): none of a private one's reached the LMS.
      for (const id of privateIds) {
        expect(written[id], `${id} was written`).toContain(`(${id})`);
        expect(JSON.stringify(log), `${id} in the LMS's log`).not.toContain(`(${id})`);
        expect(JSON.stringify(log), `${id} in the LMS's log`).not.toContain(`:${id}"`);
      }

      // One interaction per answered check, in the version's own format: practice weighs 0, an assessment answer 1.
      const interactions = interactionsOf(record);
      const expectInteraction = (it: Record<string, string>, check: Check, weighting: string) => {
        const expected = expectedResponses(check, version.target);
        expect(it.type, it.id).toBe(expected.type);
        expect(it[is12 ? 'student_response' : 'learner_response'], it.id).toBe(expected.response);
        expect(it['correct_responses.0.pattern'], it.id).toBe(expected.pattern);
        expect(it.result, it.id).toBe('correct');
        expect(it.weighting, it.id).toBe(weighting);
        expect(it['objectives.0.id'], it.id).toBe(is12 ? check.assesses.objective : `urn:${courseId}:objective:${check.assesses.objective}`);
        if (!is12) expect(it.description, it.id).toBeTruthy();
      };
      for (const { check } of model.checks) {
        const found = interactions.filter((i) => i.id === interactionId('check', check.id));
        expect(found, `interaction for ${check.id}`).toHaveLength(1);
        expectInteraction(found[0]!, check, '0');
      }
      const pool = new Map((model.assessment?.questions ?? []).map((q) => [q.check.id, q.check]));
      const answers = interactions.filter((i) => assessmentAnswerOf(i.id ?? '') !== null);
      expect(answers, 'an interaction per question of the attempt').toHaveLength(model.assessment?.draw ?? 0);
      for (const it of answers) {
        const { attempt, questionId } = assessmentAnswerOf(it.id!)!;
        expect(attempt, it.id).toBe(1);
        expect(pool.has(questionId), `${questionId} is a question of the pool`).toBe(true);
        expectInteraction(it, pool.get(questionId)!, '1');
      }
      // What the SCO sent for timestamps and latencies (the LMS may normalize what it stores).
      for (const [element, value] of values) {
        if (/^cmi\.interactions\.\d+\.(time|timestamp)$/.test(element)) expect(value, element).toMatch(is12 ? CMI_TIME : ISO_TIME);
        if (/^cmi\.interactions\.\d+\.latency$/.test(element)) expect(value, element).toMatch(is12 ? CMI_TIMESPAN : ISO_DURATION);
      }
      // The first check was answered wrong first: the LMS saw that result before the right one.
      const firstIndex = interactions.findIndex((i) => i.id === interactionId('check', firstCheck.id));
      const results = log.filter((e) => e.kind === 'set' && e.element === `cmi.interactions.${firstIndex}.result`).map((e) => e.value);
      expect(results).toEqual([is12 ? 'wrong' : 'incorrect', 'correct']);

      // Reflections in 2004: a long-fill-in interaction and a learner comment each.
      if (!is12) {
        const comments = commentsOf(record);
        for (const [id, text] of Object.entries(shared)) {
          const report = text.replace(/\n/g, ' ¶ ');
          const fill = interactions.filter((i) => i.id === interactionId('reflection', id));
          expect(fill, `long-fill-in for ${id}`).toHaveLength(1);
          expect(fill[0]).toMatchObject({ type: 'long-fill-in', learner_response: report, result: 'neutral' });
          const comment = comments.filter((c) => c.location === id);
          expect(comment, `comment for ${id}`).toHaveLength(1);
          expect(comment[0]!.comment).toBe(report);
          expect(comment[0]!.timestamp).toMatch(ISO_TIME);
        }
        expect(interactions).toHaveLength(model.checks.length + answers.length + Object.keys(shared).length);
      } else {
        expect(interactions).toHaveLength(model.checks.length + answers.length);
      }
      expect(errors).toEqual([]);
    });

    test('each reflection box in the package says its text goes to the LMS and who reads it there; a private one, that it never does', async ({ page }) => {
      const privateOne = model.reflections.find((r) => r.reflection.private)!;
      test.skip(!privateOne, 'the course has no private reflection');
      const shared = model.reflections.find((r) => !r.reflection.private && r.moduleId === privateOne.moduleId) ?? model.reflections.find((r) => !r.reflection.private)!;
      await openLms(page, version);
      await reader(page).locator(`a[href$="modules/${privateOne.moduleId}.html"]`).first().click();
      await expectReaderAt(page, `modules/${privateOne.moduleId}.html`);
      await expect(reader(page).locator(`div.reflection[data-reflection="${privateOne.reflection.id}"] .reflection-where`)).toHaveText(words.read.reflectionWherePrivate);
      if (shared.moduleId === privateOne.moduleId) {
        const where = reader(page).locator(`div.reflection[data-reflection="${shared.reflection.id}"] .reflection-where`);
        await expect(where.locator('[data-inside-lms]')).toHaveText(within(words.read.reflectionWhereLms));
        await expect(where.locator('[data-inside-lms]')).toBeVisible();
        await expect(where.locator('[data-outside-lms]')).toBeHidden();
      }
    });

    test('closed mid-course, it resumes at the bookmark with answers and reflections intact', async ({ page }) => {
      test.setTimeout(120_000);
      const errors = pageErrors(page);
      const [first, second] = model.modules;
      await openLms(page, version);
      const written = await takeCourse(page, model, { modules: 1, wrongFirst: firstCheck.id });
      // On to the next module, two slides in: that is where the learner stops.
      await reader(page).locator('nav.pager a[rel="next"]').click();
      await expectReaderAt(page, `modules/${second!.id}.html`);
      await seeSlides(page, second!.slideIds.slice(0, 2));
      // The bookmark is the latest slide the reader counted as seen (a short next slide may come into view
      // a moment later too): wait until the LMS holds the reader's current place, then take it.
      await expect
        .poll(
          async () => {
            const here = (await sessionState(page)).location;
            return here !== null && (await stored(page))?.[el.location] === here;
          },
          { timeout: 15_000, message: 'the LMS has the bookmark the reader is at' },
        )
        .toBe(true);
      const stopAt = (await sessionState(page)).location!;
      expect(pastFirst(second!.slideIds)).toContain(stopAt);

      await closeCourse(page);
      let log = await hostLog(page);
      expect(calls(log, 1, el.initialize)).toHaveLength(1);
      expect(calls(log, 1, el.terminate).map((c) => c.result)).toEqual(['true']);
      const record = (await stored(page)) as CmiRecord;
      // Unfinished: exit suspend, so the LMS resumes this attempt; the course reports incomplete.
      expect(record[el.exit]).toBe('suspend');
      const reported = sent(log, 1);
      if (is12) expect(reported.get('cmi.core.lesson_status')).toBe('incomplete');
      else expect([reported.get('cmi.completion_status'), reported.get('cmi.success_status') ?? 'unknown (as the LMS started it)']).toEqual(['incomplete', 'unknown (as the LMS started it)']);
      expect(reported.get(el.sessionTime)).toMatch(is12 ? CMI_TIMESPAN : ISO_DURATION);

      // The LMS relaunches: a new API instance, preloaded with what it stored.
      await relaunch(page);
      await expect.poll(() => readerUrl(page)).toMatch(new RegExp(`/modules/${second!.id}\\.html#${stopAt}$`));
      log = await hostLog(page);
      expect(calls(log, 2, el.initialize).map((c) => c.result)).toEqual(['true']);
      expect(log.find((e) => e.launch === 2 && e.fn.endsWith('GetValue') && e.element === el.entry)?.result).toBe('resume');
      const state = await sessionState(page);
      expect(state.location).toBe(stopAt);
      for (const id of [...first!.slideIds, ...second!.slideIds.slice(0, 2)]) expect(state.seen).toContain(id);
      for (const { check } of model.checks.filter((c) => c.moduleId === first!.id)) expect(state.answers[check.id]?.correct, check.id).toBe(true);

      // Back in the first module, the reader shows the answers and the reflection as left.
      await reader(page).locator('nav.pager a[rel="prev"]').click();
      await expectReaderAt(page, `modules/${first!.id}.html`);
      for (const [id, text] of Object.entries(written)) {
        await expect(reader(page).locator(`div.reflection[data-reflection="${id}"] textarea`)).toHaveValue(text);
      }
      for (const { check } of model.checks.filter((c) => c.moduleId === first!.id)) {
        await expect(reader(page).locator(`div.check[data-check="${check.id}"] .check-feedback`)).toHaveAttribute('data-correct', 'true');
      }

      // Carrying on adds to the same record: one more reflection edit reaches the LMS, still one session.
      const [reflectionId] = Object.keys(written);
      if (reflectionId) {
        await writeReflection(page, reflectionId, `${written[reflectionId]} And one more thought.`);
        await expectReflectionSaved(page, reflectionId);
      }
      await answerCheck(page, firstCheck, true);
      await closeCourse(page);
      log = await hostLog(page);
      expect(calls(log, 2, el.initialize)).toHaveLength(1);
      expect(calls(log, 2, el.terminate).map((c) => c.result)).toEqual(['true']);
      const after = (await stored(page)) as CmiRecord;
      // Re-answering in a new launch: 2004 updates the same interaction; 1.2 appends to its journal.
      const firstRecords = interactionsOf(after).filter((i) => i.id === interactionId('check', firstCheck.id));
      expect(firstRecords).toHaveLength(is12 ? 2 : 1);
      const decoded = decodeState(after[el.suspendData], codecCourse, new Date());
      expect(decoded.ok && reflectionId && decoded.state.reflections[reflectionId]?.text).toBe(`${written[reflectionId!]} And one more thought.`);
      expect(errors).toEqual([]);
    });
  });
}

/**
 * DESIGN.md: report "incomplete" rather than "failed" while retries remain
 * (some LMSs lock a learner out after "failed"). The course itself never
 * sends "failed"; but an LMS that applies the package's mastery score, as
 * the standards let it (1.2: cmi.student_data.mastery_score from
 * adlcp:masteryscore, judged against cmi.core.score.raw at LMSFinish; 2004:
 * cmi.scaled_passing_score from the primary objective's minNormalizedMeasure
 * with satisfiedByMeasure, judged against cmi.score.scaled, RTE 4.2.22),
 * records "failed" as soon as a partial score is reported mid-course.
 *
 * So the session reports the score only once success is decided.
 */
for (const version of VERSIONS) {
  const el = EL[version.target];
  test(`${version.label}: an LMS applying the manifest's mastery score does not record "failed" mid-course`, async ({ page }) => {
    await openLms(page, version);
    await takeCourse(page, model, { modules: 1, wrongFirst: firstCheck.id });
    await closeCourse(page);
    const record = (await stored(page)) as CmiRecord;
    expect(record[el.exit]).toBe('suspend');
    expect(record[version.target === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status']).not.toBe('failed');
  });
}
