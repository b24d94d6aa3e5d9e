/**
 * The package when the LMS misbehaves, for SCORM 1.2 and 2004: no API at
 * all, Initialize / SetValue / Commit returning "false" with an error code
 * (the LMS preview wraps scorm-again's own API functions), and saved data
 * that is corrupt or from an older format. Each case: the course starts and
 * stays usable, nothing crashes, the learner sees a clear notice that does
 * not cover the course, and no data is lost once the LMS works again.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { loadCourseUnderTest } from '../course-under-test';
import { anyOf, words } from '../ui-words';

const notices = words.common.notices;
import { codecCourseOf, decodeState, encodeState } from '../../../src/session/codec';
import { answer, initialState, markSeen, setLocation, writeReflection as writeReflectionState } from '../../../src/session/state';
import {
  EL,
  VERSIONS,
  answerCheck,
  calls,
  expectReaderAt,
  hostLog,
  interactionsOf,
  openLms,
  pageErrors,
  reader,
  seeSlides,
  sessionKind,
  setFault,
  stored,
} from '../lms/host';

const model = loadCourseUnderTest();
const codecCourse = codecCourseOf(model);
const firstModule = model.modules[0]!;
const firstCheck = model.checks[0]!.check;
const firstReflection = model.reflections[0]!;

test.use({ viewport: { width: 1400, height: 900 } });

/** The shell's notice region (in lms.html). */
const notice = (page: Page) => page.frameLocator('#sco').locator('[data-lms-notice]');

/** The notice is on screen, announced (a status live region), and above the course frame, not over it. */
async function expectNotice(page: Page, text: string | RegExp): Promise<void> {
  const region = notice(page);
  await expect(region).toContainText(text);
  await expect(region).toBeVisible();
  await expect(region).toHaveAttribute('role', 'status');
  const layout = await page.frameLocator('#sco').locator('body').evaluate(() => {
    const bar = document.querySelector('[data-lms-bar]')!.getBoundingClientRect();
    const frame = document.querySelector('[data-course-frame]')!.getBoundingClientRect();
    return { barBottom: bar.bottom, frameTop: frame.top, frameBottom: frame.bottom, height: innerHeight };
  });
  expect(layout.barBottom).toBeLessThanOrEqual(layout.frameTop + 0.5);
  expect(Math.abs(layout.frameBottom - layout.height)).toBeLessThanOrEqual(1);
}

/** Start the course from the home page and work a little in the first module: see it, answer its first check. */
async function workInFirstModule(page: Page): Promise<void> {
  await expectReaderAt(page, 'index.html');
  await reader(page).locator('a[data-continue]').click();
  await expectReaderAt(page, `modules/${firstModule.id}.html`);
  await seeSlides(page, firstModule.slideIds.slice(0, 3));
  await answerCheck(page, firstCheck, true);
}

/** A saved state, encoded: the first module seen, its first check answered (wrong, once), a reflection written. */
function encodedSaved(): string {
  const t = new Date('2025-05-01T10:00:00Z');
  let state = initialState(t);
  for (const id of firstModule.slideIds) state = markSeen(state, id);
  state = setLocation(state, firstModule.slideIds[2]!);
  // Index 0 is one option (or item placement) in every QuestionType encoding: a real, decodable answer.
  state = answer(state, firstCheck.id, { response: '0', correct: false });
  state = writeReflectionState(state, firstReflection.reflection.id, 'Kept from last time: my grandmother’s table.', t);
  return encodeState(state, codecCourse).data;
}

for (const version of VERSIONS) {
  const el = EL[version.target];
  const is12 = version.target === 'scorm12';

  test.describe(`${version.label}: when the LMS fails`, () => {
    test('no API: the course runs standalone, says so, and keeps progress in the browser', async ({ page }) => {
      const errors = pageErrors(page);
      await openLms(page, version, { fault: 'no-api' });
      await expectNotice(page, words.lms.noApi);
      expect(await sessionKind(page)).toBe('standalone');
      await workInFirstModule(page);
      const key = `course:${model.course.id}`;
      const answered = async () => {
        const saved = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key)) ?? '{}');
        const decoded = decodeState(saved.suspendData, codecCourse, new Date());
        return decoded.ok && decoded.state.answers[firstCheck.id]?.correct;
      };
      await expect.poll(answered, { timeout: 15_000 }).toBe(true);
      expect((await hostLog(page)).filter((e) => e.kind !== 'note')).toEqual([]);
      expect(await stored(page)).toBeNull();
      expect(errors).toEqual([]);
    });

    test('Initialize returns false: a notice, and the course is still usable', async ({ page }) => {
      const errors = pageErrors(page);
      await openLms(page, version, { fault: 'initialize' });
      await expectNotice(page, notices.notConnected.lms);
      const log = await hostLog(page);
      const init = calls(log, 1, el.initialize);
      expect(init.map((c) => [c.result, c.error])).toEqual([['false', is12 ? '101' : '102']]);
      await workInFirstModule(page);
      await expect(reader(page).locator(`div.check[data-check="${firstCheck.id}"] .check-feedback`)).toContainText(words.read.checkCorrect);
      // Nothing is sent to an LMS session that never started (the adapter does not call SetValue before Initialize).
      expect((await hostLog(page)).filter((e) => e.kind === 'set' || e.fn === el.commit)).toEqual([]);
      await expectNotice(page, anyOf(notices.notConnected.lms, notices.notSaved.lms));
      expect(errors).toEqual([]);
    });

    test('SetValue errors: logged, a notice, no crash, and the data arrives once the LMS accepts it again', async ({ page }) => {
      const errors = pageErrors(page);
      await openLms(page, version, { fault: 'setvalue' });
      await workInFirstModule(page);
      await expectNotice(page, notices.notSaved.lms);
      const failed = (await hostLog(page)).filter((e) => e.kind === 'set' && e.result === 'false');
      expect(failed.length).toBeGreaterThan(0);
      expect(new Set(failed.map((e) => e.error))).toEqual(new Set([is12 ? '101' : '351']));

      await setFault(page, 'setvalue', false);
      // The next change sends everything that waited.
      await seeSlides(page, firstModule.slideIds.slice(3));
      await expect.poll(async () => interactionsOf((await stored(page)) ?? {}).map((i) => i.result), { timeout: 15_000 }).toContain('correct');
      const record = (await stored(page))!;
      const decoded = decodeState(record[el.suspendData], codecCourse, new Date());
      expect(decoded.ok && decoded.state.answers[firstCheck.id]?.correct).toBe(true);
      await expect(notice(page)).not.toContainText(notices.notSaved.lms);
      expect(errors).toEqual([]);
    });

    test('Commit fails: "could not save", and after the fault clears the next commit delivers the data', async ({ page }) => {
      const errors = pageErrors(page);
      await openLms(page, version, { fault: 'commit' });
      await workInFirstModule(page);
      await expectNotice(page, notices.notSaved.lms);
      let log = await hostLog(page);
      expect(calls(log, 1, el.commit).every((c) => c.result === 'false' && c.error === (is12 ? '101' : '391'))).toBe(true);
      expect(calls(log, 1, el.commit).length).toBeGreaterThan(0);
      // Nothing reached the LMS's store.
      expect(await stored(page)).toBeNull();

      await setFault(page, 'commit', false);
      await seeSlides(page, firstModule.slideIds.slice(3));
      await expect.poll(async () => (await stored(page))?.[el.suspendData] ?? '', { timeout: 15_000 }).toMatch(/^\d+~/);
      const record = (await stored(page))!;
      const decoded = decodeState(record[el.suspendData], codecCourse, new Date());
      expect(decoded.ok && decoded.state.answers[firstCheck.id]?.correct).toBe(true);
      expect(interactionsOf(record).map((i) => i.result)).toContain('correct');
      log = await hostLog(page);
      expect(calls(log, 1, el.commit).some((c) => c.result === 'true')).toBe(true);
      await expect(notice(page)).not.toContainText(notices.notSaved.lms);
      await expect(notice(page)).toContainText(words.lms.saved);
      expect(errors).toEqual([]);
    });

    test('corrupt suspend_data: the course starts, says so, and keeps the reflection it could read', async ({ page }) => {
      const errors = pageErrors(page);
      const good = encodedSaved();
      // Alter one character of the seen-slides field: the checksum no longer matches.
      const parts = good.split('~');
      parts[3] = parts[3] === '1' ? '2' : '1';
      await openLms(page, version, { suspend: parts.join('~'), location: firstModule.slideIds[2]! });
      await expectNotice(page, notices.notRestored.unreadable);
      await expectReaderAt(page, `modules/${firstModule.id}.html`);
      await expect(reader(page).locator(`div.reflection[data-reflection="${firstReflection.reflection.id}"] textarea`)).toHaveValue(
        'Kept from last time: my grandmother’s table.',
      );
      // The course goes on and saves a clean state.
      await answerCheck(page, firstCheck, true);
      await expect.poll(async () => decodeState((await stored(page))?.[el.suspendData], codecCourse, new Date()).ok, { timeout: 15_000 }).toBe(true);
      expect(errors).toEqual([]);
    });

    test('truncated or unknown-version suspend_data: the course starts afresh with a notice, nothing crashes', async ({ page }) => {
      const errors = pageErrors(page);
      const good = encodedSaved();
      await openLms(page, version, { suspend: good.slice(0, Math.floor(good.length / 2)) });
      await expectNotice(page, notices.notRestored.unreadable);
      await expect(reader(page).locator('.page[data-page]')).toBeVisible();
      await page.evaluate(() => (window as any).lmsPreview.close());

      await openLms(page, version, { suspend: `9~${good.slice(2)}` });
      await expectNotice(page, notices.notRestored.unreadable);
      await expectReaderAt(page, 'index.html');
      await workInFirstModule(page);
      expect(errors).toEqual([]);
    });
  });
}
