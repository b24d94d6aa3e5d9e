/**
 * Driving the LMS preview (src/cli/preview-lms.ts) from Playwright: the host
 * page runs scorm-again as the LMS and launches the built package's SCO
 * (lms.html), which shows the reader pages in its own frame.
 *
 *   page                      the LMS host page (window.lmsPreview)
 *   └ iframe#sco              lms.html: the shell, holds the one session
 *     └ iframe[data-course-frame]   the reader page the learner is on
 *
 * What the LMS recorded is read on the LMS side: the host's call log (what
 * the SCO sent, in order, with the LMS's verdict on each call) and the
 * record the LMS persisted at the last successful Commit/Terminate. The
 * host plays an LMS quirk profile (`?lms=`, src/cli/lms-preview/quirks/).
 */
import { expect } from '@playwright/test';
import type { Frame, FrameLocator, Page } from '@playwright/test';
import { LMS_PREVIEW_URL } from '../../../playwright.config';
import type { CourseModel } from '../../../src/model/course';
import type { Check } from '../../../src/questions/registry';
import type { LearnerState } from '../../../src/session/state';
import { scormStandards } from '../../../src/standards/registry';
import { profiles } from '../../../src/cli/lms-preview/quirks/registry.ts';
import { correctResponse, wrongResponse, type Response } from '../assessment-driver';

export type Target = 'scorm12' | 'scorm2004';

export interface Version {
  target: Target;
  label: string;
  /** The SCORM version, as a quirk profile names the versions it plays. */
  version: '1.2' | '2004';
}

/** Both SCORM versions, from the registry of standards (its id is the host page's `?standard=`). */
export const VERSIONS: readonly Version[] = scormStandards.map((s) => ({ target: s.id, label: s.label, version: s.preview.dialect.version }));

/** An LMS quirk profile of the host (`?lms=<id>`) and the versions it plays. */
export interface Profile {
  id: string;
  label: string;
  versions: readonly Version[];
}

/** Every profile of the host's registry (src/cli/lms-preview/quirks/registry.ts), the default (scorm-again) first. */
export const PROFILES: readonly Profile[] = profiles.map((p) => ({
  id: p.id,
  label: p.label,
  versions: VERSIONS.filter((v) => (p.versions as readonly string[]).includes(v.version)),
}));

/** One call the SCO made, as the host logged it (src/cli/lms-preview/types.ts LogEntry). */
export interface LogEntry {
  seq: number;
  launch: number;
  kind: 'session' | 'get' | 'set' | 'note';
  fn: string;
  element?: string;
  value?: string;
  /** What the SCO was told. */
  result: string;
  /** The LMS's own error code for the call ('' when it accepted it), even when the profile told the SCO otherwise. */
  error: string;
  diagnostic?: string;
  /** The SCO's documents unloading when the call was made (paths in the package, e.g. "lms.html"). */
  unloading?: string[];
  /** What the profile did to the call. */
  quirk?: string;
}

export type CmiRecord = Record<string, string>;

/** Data-model element names per version, for the assertions that are the same in both. */
export const EL = {
  scorm12: {
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.core.exit',
    entry: 'cmi.core.entry',
    sessionTime: 'cmi.core.session_time',
    initialize: 'LMSInitialize',
    terminate: 'LMSFinish',
    commit: 'LMSCommit',
    setValue: 'LMSSetValue',
    getValue: 'LMSGetValue',
    scoreRaw: 'cmi.core.score.raw',
  },
  scorm2004: {
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.exit',
    entry: 'cmi.entry',
    sessionTime: 'cmi.session_time',
    initialize: 'Initialize',
    terminate: 'Terminate',
    commit: 'Commit',
    setValue: 'SetValue',
    getValue: 'GetValue',
    scoreRaw: 'cmi.score.raw',
  },
} as const;

// ---------------------------------------------------------------------------
// The host page
// ---------------------------------------------------------------------------

/** Open the host page for `version` (extra query parameters: faults, preloaded suspend data…) and wait for the launch. */
export async function openLms(page: Page, version: Version, query: Record<string, string> = {}): Promise<void> {
  const url = new URL(LMS_PREVIEW_URL);
  url.searchParams.set('standard', version.target);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  await page.goto(url.toString());
  await page.waitForFunction(() => (window as any).lmsPreview !== undefined);
  await page.evaluate(() => (window as any).lmsPreview.ready);
  await shellFrame(page);
}

export const hostLog = (page: Page): Promise<LogEntry[]> => page.evaluate(() => (window as any).lmsPreview.log);
/** What the LMS has persisted (last successful Commit or Terminate). */
export const stored = (page: Page): Promise<CmiRecord | null> => page.evaluate(() => (window as any).lmsPreview.stored);
/** The live data model of the open launch (set, perhaps not yet committed). */
export const live = (page: Page): Promise<CmiRecord | null> => page.evaluate(() => (window as any).lmsPreview.live());

export async function closeCourse(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).lmsPreview.close());
}

export async function relaunch(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).lmsPreview.relaunch());
  await shellFrame(page);
}

/** Launch the same attempt again whatever its exit, with the record the LMS holds (an LMS that lets the learner back into a completed attempt). */
export async function reopen(page: Page, entry: 'resume' | '' = 'resume'): Promise<void> {
  await page.evaluate((e) => (window as any).lmsPreview.reopen(e), entry);
  await shellFrame(page);
}

/** The activity completion a profile keeps (moodle-4.3), under the page's rule and under each rule. */
export const completion = (page: Page): Promise<{ state: string | null; byRule: Record<string, string> | null }> =>
  page.evaluate(() => ({ state: (window as any).lmsPreview.completion, byRule: (window as any).lmsPreview.completionByRule }));

export async function setFault(page: Page, fault: string, on: boolean): Promise<void> {
  await page.evaluate(([f, o]) => (window as any).lmsPreview.setFault(f, o), [fault, on] as const);
}

/** The calls of one launch, by API function name. */
export function calls(log: readonly LogEntry[], launch: number, fn: string): LogEntry[] {
  return log.filter((e) => e.launch === launch && e.fn === fn);
}

/** What the SCO successfully set in one launch: the last value per element. */
export function sent(log: readonly LogEntry[], launch: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of log) if (e.launch === launch && e.kind === 'set' && e.result === 'true' && e.element !== undefined) out.set(e.element, e.value ?? '');
  return out;
}

/**
 * The final Terminate, and the SetValues just before it (what waited, the
 * session time, the exit), made on the launch page's own pagehide: the only
 * calls that may ride on an unload.
 */
const finalUnloadCall = (e: LogEntry, target: Target) => e.unloading?.includes('lms.html') === true && (e.fn === EL[target].terminate || e.kind === 'set');

/** Calls of a launch made while a document of the SCO was unloading, but for the final Terminate and the SetValues just before it. */
export function unloadCalls(log: readonly LogEntry[], launch: number, target: Target): LogEntry[] {
  return log.filter((e) => e.launch === launch && e.kind !== 'note' && e.unloading !== undefined && !finalUnloadCall(e, target));
}

/**
 * Calls of a launch the LMS answered with an error: a SetValue, Commit or
 * Terminate that did not succeed, a GetValue answered with an error code,
 * or a call the LMS refused though the profile told the SCO "true". With
 * `finalUnloadMayFail`, the final Terminate and the SetValues just before it
 * on the launch page's pagehide are left out (an LMS whose calls fail during
 * unload refuses them by design; what was committed before is what counts).
 */
export function apiErrors(log: readonly LogEntry[], launch: number, target: Target, options: { finalUnloadMayFail?: boolean } = {}): LogEntry[] {
  return log.filter(
    (e) =>
      e.launch === launch &&
      e.kind !== 'note' &&
      (e.error !== '' || (e.kind !== 'get' && e.result !== 'true')) &&
      !(options.finalUnloadMayFail && finalUnloadCall(e, target)),
  );
}

/** A log entry, short, for an assertion's message. */
export const brief = (e: LogEntry): string =>
  `${e.fn}(${e.element ?? ''}${e.value !== undefined ? `, ${JSON.stringify(e.value.length > 60 ? `${e.value.slice(0, 60)}…` : e.value)}` : ''}) → ${JSON.stringify(e.result)}${e.error ? ` error ${e.error}` : ''}${e.unloading ? ` while ${e.unloading.join(', ')} unloads` : ''}${e.quirk ? ` [${e.quirk}]` : ''}`;

// ---------------------------------------------------------------------------
// The SCO's frames
// ---------------------------------------------------------------------------

/** lms.html, the shell in the host's frame, once its session is published. */
export async function shellFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(
      async () => {
        frame = page.frames().find((f) => SHELL_URL.test(f.url()));
        if (!frame) return false;
        return frame.evaluate(() => window.courseShell !== undefined).catch(() => false);
      },
      { intervals: POLL },
    )
    .toBe(true);
  return frame!;
}

/** Poll often: the page answers in milliseconds, and a slow first interval adds up over a course. */
const POLL = [50, 50, 100, 250];
/** The launch page in the host's frame. */
const SHELL_URL = /\/content\/scorm(12|2004)\/lms\.html/;

/** The reader page inside the shell, as a locator root that follows navigation. */
export const reader = (page: Page): FrameLocator => page.frameLocator('#sco').frameLocator('iframe[data-course-frame]');

/** The reader page's URL, from the shell's frame. */
export async function readerUrl(page: Page): Promise<string> {
  // Playwright knows the frames' URLs without asking the page.
  const shell = page.frames().find((f) => SHELL_URL.test(f.url()));
  return shell?.childFrames()[0]?.url() ?? '';
}

/** The learner state held by the shell's one session. */
export async function sessionState(page: Page): Promise<LearnerState> {
  const shell = await shellFrame(page);
  return shell.evaluate(() => window.courseShell!.session.getState());
}

export async function sessionKind(page: Page): Promise<string> {
  const shell = await shellFrame(page);
  return shell.evaluate(() => window.courseShell!.session.kind);
}

/** Wait until the reader shows `path` (e.g. "modules/x.html") and its runtime has reported in. */
export async function expectReaderAt(page: Page, path: string): Promise<void> {
  await expect.poll(() => readerUrl(page), { intervals: POLL, message: `the reader shows ${path}` }).toContain(`/${path}`);
  await expect(reader(page).locator('.page[data-page]')).toBeVisible();
}

// ---------------------------------------------------------------------------
// Taking the course through the reader's DOM contract
// ---------------------------------------------------------------------------

/** The reader page's frame (inside the shell's), once it shows a page. */
async function readerFrame(page: Page): Promise<Frame> {
  const shell = await shellFrame(page);
  const frame = shell.childFrames()[0];
  if (!frame) throw new Error('the launch page has no course frame');
  return frame;
}

/** Where a bookmark two slides into a module may be: past its first slide (or on it, when it is the only one). */
export const pastFirst = (slideIds: readonly string[]): readonly string[] => (slideIds.length > 1 ? slideIds.slice(1) : slideIds);

/**
 * Bring each slide of the page on screen in turn, as a reader scrolling
 * does, and wait, frame by frame, until the session has it as seen before
 * going on to the next (one round trip for the lot).
 */
export async function seeSlides(page: Page, slideIds: readonly string[]): Promise<void> {
  const frame = await readerFrame(page);
  await frame.evaluate(async (ids) => {
    const session = () => window.parent.courseShell?.session;
    for (const id of ids) {
      const slide = document.querySelector(`section[data-slide="${id}"]`);
      if (!slide) throw new Error(`no slide ${id} on ${location.pathname}`);
      slide.scrollIntoView({ block: 'start' });
      const since = performance.now();
      while (!session()?.getState().seen.includes(id)) {
        if (performance.now() - since > 10_000) throw new Error(`slide ${id} on screen for 10 s, not counted as seen`);
        await new Promise((r) => requestAnimationFrame(r));
      }
    }
  }, slideIds);
}

/**
 * Scroll on to the page's last slide, as a learner making for the pager
 * does, and wait until the session's bookmark is there. (From the top: a
 * slide becomes the bookmark when it comes on screen, and the last one may
 * have stayed there while the checks were answered.)
 */
async function readToEnd(page: Page, lastSlideId: string): Promise<void> {
  const frame = await readerFrame(page);
  await frame.evaluate(async (id) => {
    const frames = (n: number) => new Promise<void>((done) => (n === 0 ? done() : requestAnimationFrame(() => void frames(n - 1).then(done))));
    window.scrollTo(0, 0);
    await frames(2);
    document.querySelector(`section[data-slide="${id}"]`)?.scrollIntoView({ block: 'start' });
    const since = performance.now();
    while (window.parent.courseShell?.session.getState().location !== id) {
      if (performance.now() - since > 10_000) throw new Error(`slide ${id} on screen for 10 s, not the bookmark`);
      await new Promise((r) => requestAnimationFrame(r));
    }
  }, lastSlideId);
}

/** A check to answer in the page: where its box is, and what to give. */
interface Answering {
  id: string;
  where: 'practice' | 'assessment';
  selector: string;
  response: Response;
}

/**
 * Answer checks in the reader's frame as a learner does, all in one round
 * trip: for each, the options that have to change are clicked, the menus
 * set (with their input and change events), the ordering items moved with
 * their Up buttons, then its submit button clicked; the reader's own form
 * code reads the answer, as it does for a learner. Returns each check's
 * verdict as its feedback says it (`data-correct`), or '' when it has none
 * yet. (The keyboard and pointer path is the reader specs' to test; here
 * what matters is what reaches the LMS.)
 */
async function answerInPage(page: Page, answers: readonly Answering[]): Promise<string[]> {
  const frame = await readerFrame(page);
  // As a learner does, once the check is live: a practice check's type loads on demand (data-check-ready).
  // (Answering sooner is the reader specs' case: tests/e2e/builder/reader-on-demand.spec.ts.)
  for (const { where, selector } of answers) if (where === 'practice') await frame.locator(`${selector}[data-check-ready]`).waitFor({ state: 'attached' });
  return frame.evaluate((answers) => {
    return answers.map(({ id, selector, response }) => {
      const box = document.querySelector<HTMLElement>(selector);
      const form = box?.querySelector<HTMLFormElement>('form.check-form');
      if (!box || !form) throw new Error(`no check ${id} on ${location.pathname}`);
      box.scrollIntoView({ block: 'center' });
      if (response.kind === 'options') {
        for (const input of form.querySelectorAll<HTMLInputElement>('input')) {
          const wanted = response.values.includes(input.value);
          if (wanted ? !input.checked : input.checked && input.type === 'checkbox') input.click();
        }
      } else if (response.kind === 'matching') {
        for (const [item, category] of Object.entries(response.placed)) {
          const select = form.querySelector<HTMLSelectElement>(`select[name="${item}"]`);
          if (!select) throw new Error(`check ${id}: no menu for ${item}`);
          select.value = category;
          select.dispatchEvent(new Event('input', { bubbles: true }));
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
      } else {
        for (const [position, key] of response.ids.entries()) {
          for (let moves = 0; ; moves++) {
            const rows = [...form.querySelectorAll<HTMLElement>('[data-order-item]')];
            const at = rows.findIndex((r) => r.dataset.key === key);
            if (at <= position) break;
            if (moves > rows.length) throw new Error(`check ${id}: ${key} does not move up`);
            rows[at]!.querySelector<HTMLButtonElement>('[data-move="up"]')!.click();
          }
        }
      }
      const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
      if (!submit) throw new Error(`check ${id}: no submit button`);
      submit.click();
      return box.querySelector<HTMLElement>('.check-feedback')?.dataset.correct ?? '';
    });
  }, answers);
}

/** A practice check on a slide, or a question of the final assessment (assessment.html). */
const boxOf = (check: Check, where: 'practice' | 'assessment') =>
  where === 'practice' ? `div.check[data-check="${check.id}"]` : `li.assessment-question[data-question="${check.id}"]`;

/** Answer a check in the reader (right or wrong) and wait for its feedback. */
export async function answerCheck(page: Page, check: Check, correct: boolean, where: 'practice' | 'assessment' = 'practice'): Promise<void> {
  const selector = boxOf(check, where);
  await answerInPage(page, [{ id: check.id, where, selector, response: correct ? correctResponse(check) : wrongResponse(check) }]);
  await expect(reader(page).locator(`${selector} .check-feedback`)).toHaveAttribute('data-correct', String(correct));
}

/**
 * Take an attempt at the final assessment (assessment.html, the reader on
 * it): start it (or go on with the one in progress), answer every drawn
 * question not answered yet, right but for the first `wrong` ones, each
 * heard right or wrong, and hand it in. Returns the questions drawn, in the
 * attempt's order.
 */
export async function takeAssessment(page: Page, model: CourseModel, options: { wrong?: number } = {}): Promise<string[]> {
  const assessment = model.assessment;
  if (!assessment) throw new Error('the course has no final assessment');
  await expectReaderAt(page, 'assessment.html');
  const r = reader(page);
  const attempt = r.locator('[data-assessment-attempt]');
  await expect(r.locator('[data-assessment-start]:not([hidden]), [data-assessment-attempt]:not([hidden])').first()).toBeVisible();
  if (!(await attempt.isVisible())) await r.locator('[data-start-attempt]').click();
  await expect(attempt).toBeVisible();
  const drawn = await r.locator('li.assessment-question[data-question]:not([hidden])').evaluateAll((items) =>
    items.map((i) => ({ id: (i as HTMLElement).dataset.question ?? '', answered: i.querySelector('.check-feedback[data-correct]') !== null })),
  );
  expect(drawn, 'the attempt draws its questions').toHaveLength(assessment.draw);
  const pool = new Map(assessment.questions.map((q) => [q.check.id, q.check]));
  const toAnswer = drawn.flatMap(({ id, answered }, i) => {
    const check = pool.get(id);
    if (!check) throw new Error(`question ${id} is not in the pool`);
    const correct = i >= (options.wrong ?? 0);
    return answered ? [] : [{ answering: { id, where: 'assessment' as const, selector: boxOf(check, 'assessment'), response: correct ? correctResponse(check) : wrongResponse(check) }, correct }];
  });
  const verdicts = await answerInPage(page, toAnswer.map((a) => a.answering));
  expect(verdicts, 'each answer is heard right or wrong').toEqual(toAnswer.map((a) => String(a.correct)));
  await r.locator('[data-hand-in]').click();
  await expect(r.locator('[data-assessment-results]')).toBeVisible();
  return drawn.map((d) => d.id);
}

/** What the LMS should hold once the whole course is taken (every answer right): with a final assessment, passed at 100; without, completion only. */
export function expectedOutcome(model: CourseModel, target: Target): { status: Record<string, string>; score: string[] | null } {
  const scored = model.assessment !== null;
  if (target === 'scorm12') return { status: { lesson_status: scored ? 'passed' : 'completed' }, score: scored ? ['100', '0', '100'] : null };
  return { status: { completion: 'completed', success: scored ? 'passed' : 'unknown' }, score: scored ? ['100', '0', '100', '1'] : null };
}

/** An assessment answer's interaction id names its attempt: 1.2 `assessment-<n>-<question>`, 2004 `urn:<course>:assessment:<n>:<question>`. */
export function assessmentAnswerOf(interactionId: string): { attempt: number; questionId: string } | null {
  const m = /^(?:urn:[^:]+:assessment:(\d+):|assessment-(\d+)-)(.+)$/.exec(interactionId);
  return m ? { attempt: Number(m[1] ?? m[2]), questionId: m[3]! } : null;
}

/** Write a reflection and wait until the reader says it is saved. */
export async function writeReflection(page: Page, reflectionId: string, text: string): Promise<void> {
  const box = reader(page).locator(`div.reflection[data-reflection="${reflectionId}"]`);
  await box.locator('textarea').fill(text);
}

export async function expectReflectionSaved(page: Page, reflectionId: string): Promise<void> {
  const box = reader(page).locator(`div.reflection[data-reflection="${reflectionId}"]`);
  await expect(box.locator('.reflection-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
}

/** Reflection texts as learners write them: apostrophes, typographic quotes, an accented name, a line break. */
export function reflectionText(id: string, n: number): string {
  const texts = [
    `My grandmother's kitchen table was where I learned to listen (${id}).`,
    `With Renée I can say what I think “without rehearsing it”.\nShe tells me when I've hurt her, and we repair it (${id}).`,
    `A colleague asked how my mother's surgery went & really listened: I left with more energy (${id}).`,
  ];
  return texts[n % texts.length]!;
}

export interface TakeOptions {
  /** Answer this check wrong first, then right. */
  wrongFirst?: string;
  /** When the whole course is taken: take the final assessment too, if the course has one (default true), all right. */
  assessment?: boolean;
  /** Stop after this module (by its number, 1 for the first; default: all, ending on the summary). */
  modules?: number;
  /** Start at this module (its number), the reader already on its page (after a resume); default: from the course home. */
  from?: number;
  /**
   * Wait for the reader to say the reflections are saved: on every module
   * page, on the last one taken (default: the save reaches the LMS, and
   * what it holds is checked there), or never (to move on at once).
   */
  waitSaved?: 'each' | 'last' | 'none';
}

/** The text written in a reflection box, by its place in the course (so a course taken in two launches writes the same). */
export const reflectionTextOf = (model: CourseModel, reflectionId: string): string =>
  reflectionText(reflectionId, model.reflections.findIndex((r) => r.reflection.id === reflectionId));

/**
 * Take the course in the frame, from the course home (or from module
 * `from`): every slide of every module page seen, every check answered right
 * (one wrong first if asked), a reflection written in every box, moving on
 * by the pager's "next" link; after the last module, the final assessment
 * (if the course has one), all right, then the summary. Returns the
 * reflections written.
 */
export async function takeCourse(page: Page, model: CourseModel, options: TakeOptions = {}): Promise<Record<string, string>> {
  const written: Record<string, string> = {};
  const from = options.from ?? 1;
  const to = options.modules ?? model.modules.length;
  const waitSaved = options.waitSaved ?? 'last';
  if (from === 1) {
    await expectReaderAt(page, 'index.html');
    await reader(page).locator('a[data-continue]').click();
  }
  for (let n = from; n <= to; n++) {
    const module = model.modules[n - 1]!;
    await expectReaderAt(page, `modules/${module.id}.html`);
    await seeSlides(page, module.slideIds);
    for (const { check } of model.checks.filter((c) => c.moduleId === module.id)) {
      if (options.wrongFirst === check.id) await answerCheck(page, check, false);
      await answerCheck(page, check, true);
    }
    const reflections = model.reflections.filter((r) => r.moduleId === module.id);
    for (const { reflection } of reflections) {
      written[reflection.id] = reflectionTextOf(model, reflection.id);
      await writeReflection(page, reflection.id, written[reflection.id]!);
    }
    if (waitSaved === 'each' || (waitSaved === 'last' && n === to)) for (const { reflection } of reflections) await expectReflectionSaved(page, reflection.id);
    // Answering took the learner back up to the checks; the way on is the pager under the last slide.
    await readToEnd(page, module.slideIds.at(-1)!);
    if (n < to || to === model.modules.length) {
      await reader(page).locator('nav.pager a[rel="next"]').click();
    }
  }
  // The last module's "next" leads to the final assessment, when there is one; then the summary.
  if (to === model.modules.length && model.assessment) {
    if (options.assessment ?? true) await takeAssessment(page, model);
    await goTo(page, 'summary.html');
  }
  return written;
}

/** Bring the reader to a page of the course, as its links do (the shell's navigate). */
export async function goTo(page: Page, path: string): Promise<void> {
  const shell = await shellFrame(page);
  await shell.evaluate((p) => window.courseShell!.navigate(p), path);
  await expectReaderAt(page, path.split('#')[0]!);
}

// ---------------------------------------------------------------------------
// Reading the LMS record
// ---------------------------------------------------------------------------

/** The interactions in a flattened record, by index: `{ id, type, … }` with nested keys kept dotted. */
export function interactionsOf(record: CmiRecord): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const [key, value] of Object.entries(record)) {
    const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(key);
    if (!m) continue;
    const i = Number(m[1]);
    (out[i] ??= {})[m[2]!] = value;
  }
  return out;
}

export function commentsOf(record: CmiRecord): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const [key, value] of Object.entries(record)) {
    const m = /^cmi\.comments_from_learner\.(\d+)\.(.+)$/.exec(key);
    if (!m) continue;
    (out[Number(m[1])] ??= {})[m[2]!] = value;
  }
  return out;
}

/** SCORM 1.2 student_response and correct_responses.n.pattern: CMIFeedback, 255 characters (RTE 3.4). */
const FEEDBACK_12 = 255;

/**
 * The correct response of a check as the LMS should receive it (learner
 * response and pattern alike), written here from the check's own data,
 * independently of the runtime's code:
 * - SCORM 2004 names the author's ids: choice `idA[,]idB`, matching
 *   `item[.]category[,]…`, sequencing `id1[,]id2[,]…`, true-false `true`/`false`;
 * - SCORM 1.2 names ids for matching `item.category,…` and sequencing
 *   `id1,id2,…` when the whole response fits 255 characters, else positions
 *   (items as base-36 digits, categories as letters: `0.a,1.b`); choices
 *   stay single characters `0-9a-z` by position; true-false `t`/`f`.
 */
export function expectedResponses(check: Check, target: Target): { response: string; pattern: string; type: string } {
  const is12 = target === 'scorm12';
  const sep = is12 ? ',' : '[,]';
  const dot = is12 ? '.' : '[.]';
  const digit = (i: number) => i.toString(36);
  /** By ids, unless 1.2's 255 characters cannot hold them. */
  const named = (ids: string, positions: string) => (!is12 || ids.length <= FEEDBACK_12 ? ids : positions);
  const same = (type: string, v: string) => ({ response: v, pattern: v, type });
  switch (check.type) {
    case 'single':
    case 'multiple': {
      const correct = check.options.flatMap((o, i) => (o.correct ? [{ id: o.id, i }] : []));
      return same('choice', is12 ? correct.map((c) => digit(c.i)).join(sep) : correct.map((c) => c.id).join(sep));
    }
    case 'true-false':
      return same('true-false', is12 ? (check.answer ? 't' : 'f') : String(check.answer));
    case 'matching': {
      const ids = check.items.map((item) => `${item.id}${dot}${item.category}`).join(sep);
      const positions = check.items
        .map((item, i) => `${digit(i)}${dot}${String.fromCharCode(97 + check.categories.findIndex((c) => c.id === item.category))}`)
        .join(sep);
      return same('matching', named(ids, positions));
    }
    case 'ordering': {
      const ids = check.items.map((item) => item.id).join(sep);
      const positions = check.items.map((_, i) => digit(i)).join(sep);
      return same('sequencing', named(ids, positions));
    }
  }
}

/** Collect uncaught errors of the page and its frames. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
