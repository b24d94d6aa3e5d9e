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
 * the SCO sent, in order) and the record the LMS persisted at the last
 * successful Commit/Terminate.
 */
import { expect } from '@playwright/test';
import type { Frame, FrameLocator, Locator, Page } from '@playwright/test';
import { LMS_PREVIEW_URL } from '../../../playwright.config';
import type { CourseModel } from '../../../src/model/course';
import type { Check } from '../../../src/questions/registry';
import type { LearnerState } from '../../../src/session/state';
import { standards } from '../../../src/standards/registry';

export type Target = 'scorm12' | 'scorm2004';

export interface Version {
  target: Target;
  label: string;
}

/** Both SCORM versions, from the registry of standards (its id is the host page's `?standard=`). */
export const VERSIONS: readonly Version[] = standards.map((s) => ({ target: s.id, label: s.label }));

/** One call the SCO made, as the host logged it. */
export interface LogEntry {
  seq: number;
  launch: number;
  kind: 'session' | 'get' | 'set' | 'note';
  fn: string;
  element?: string;
  value?: string;
  result: string;
  error: string;
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

// ---------------------------------------------------------------------------
// The SCO's frames
// ---------------------------------------------------------------------------

/** lms.html, the shell in the host's frame, once its session is published. */
export async function shellFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(async () => {
      frame = page.frames().find((f) => /\/content\/scorm(12|2004)\/lms\.html/.test(f.url()));
      if (!frame) return false;
      return frame.evaluate(() => window.courseShell !== undefined).catch(() => false);
    })
    .toBe(true);
  return frame!;
}

/** The reader page inside the shell, as a locator root that follows navigation. */
export const reader = (page: Page): FrameLocator => page.frameLocator('#sco').frameLocator('iframe[data-course-frame]');

/** The reader page's URL, from the shell's frame. */
export async function readerUrl(page: Page): Promise<string> {
  const shell = await shellFrame(page);
  return shell.childFrames()[0]?.url() ?? '';
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
  await expect.poll(() => readerUrl(page)).toContain(`/${path}`);
  await expect(reader(page).locator('.page[data-page]')).toBeVisible();
}

// ---------------------------------------------------------------------------
// Taking the course through the reader's DOM contract
// ---------------------------------------------------------------------------

/** Bring each slide of the page on screen, waiting until the session has it as seen. */
export async function seeSlides(page: Page, slideIds: readonly string[]): Promise<void> {
  for (const id of slideIds) {
    await reader(page)
      .locator(`section[data-slide="${id}"]`)
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(async () => (await sessionState(page)).seen.includes(id), { message: `slide ${id} seen` }).toBe(true);
  }
}

type Response =
  | { kind: 'options'; values: string[] }
  | { kind: 'matching'; placed: Record<string, string> }
  | { kind: 'order'; ids: string[] };

function correctResponse(check: Check): Response {
  switch (check.type) {
    case 'single':
    case 'multiple':
      return { kind: 'options', values: check.options.filter((o) => o.correct).map((o) => o.id) };
    case 'true-false':
      return { kind: 'options', values: [String(check.answer)] };
    case 'matching':
      return { kind: 'matching', placed: Object.fromEntries(check.items.map((i) => [i.id, i.category])) };
    case 'ordering':
      return { kind: 'order', ids: check.items.map((i) => i.id) };
  }
}

function wrongResponse(check: Check): Response {
  switch (check.type) {
    case 'single':
    case 'multiple':
      return { kind: 'options', values: [check.options.find((o) => !o.correct)!.id] };
    case 'true-false':
      return { kind: 'options', values: [String(!check.answer)] };
    case 'matching':
      return {
        kind: 'matching',
        placed: Object.fromEntries(check.items.map((i) => [i.id, check.categories.find((c) => c.id !== i.category)!.id])),
      };
    case 'ordering':
      return { kind: 'order', ids: check.items.map((i) => i.id).reverse() };
  }
}

/** Put an ordering check's items in `ids` order with its Up buttons, as a learner does. */
export async function arrange(box: Locator, ids: readonly string[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    const current = await box.locator('[data-order-item]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.key));
    for (let i = current.indexOf(id); i > position; i--) await box.locator(`[data-order-item][data-key="${id}"] [data-move="up"]`).click();
  }
  await expect(box.locator('[data-order-item]').first()).toHaveAttribute('data-key', ids[0] ?? '');
}

/** Answer a check in the reader (right or wrong) and wait for its feedback. */
export async function answerCheck(page: Page, check: Check, correct: boolean): Promise<void> {
  const box = reader(page).locator(`div.check[data-check="${check.id}"]`);
  await box.scrollIntoViewIfNeeded();
  const response = correct ? correctResponse(check) : wrongResponse(check);
  if (response.kind === 'options') {
    for (const input of await box.locator('form.check-form input').all()) {
      const value = await input.getAttribute('value');
      if (response.values.includes(value ?? '')) await input.check();
      else if ((await input.getAttribute('type')) === 'checkbox') await input.uncheck();
    }
  } else if (response.kind === 'matching') {
    for (const [item, category] of Object.entries(response.placed)) {
      await box.locator(`select[name="${item}"]`).selectOption(category);
    }
  } else {
    await arrange(box, response.ids);
  }
  await box.getByRole('button', { name: 'Check answer' }).click();
  await expect(box.locator('.check-feedback')).toHaveAttribute('data-correct', String(correct));
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
  /** Stop after these many modules (default: all). */
  modules?: number;
}

/**
 * Take the course in the frame from the course home: every slide of every
 * module page seen, every check answered right (one wrong first if asked),
 * a reflection written in every box, moving on by the pager's "next" link.
 * Returns the reflections written.
 */
export async function takeCourse(page: Page, model: CourseModel, options: TakeOptions = {}): Promise<Record<string, string>> {
  const written: Record<string, string> = {};
  await expectReaderAt(page, 'index.html');
  await reader(page).locator('a[data-continue]').click();
  const modules = model.modules.slice(0, options.modules ?? model.modules.length);
  for (const [i, module] of modules.entries()) {
    await expectReaderAt(page, `modules/${module.id}.html`);
    await seeSlides(page, module.slideIds);
    for (const { check } of model.checks.filter((c) => c.moduleId === module.id)) {
      if (options.wrongFirst === check.id) await answerCheck(page, check, false);
      await answerCheck(page, check, true);
    }
    const reflections = model.reflections.filter((r) => r.moduleId === module.id);
    for (const { reflection } of reflections) {
      written[reflection.id] = reflectionText(reflection.id, Object.keys(written).length);
      await writeReflection(page, reflection.id, written[reflection.id]!);
    }
    for (const { reflection } of reflections) await expectReflectionSaved(page, reflection.id);
    if (i < modules.length - 1 || modules.length === model.modules.length) {
      await reader(page).locator('nav.pager a[rel="next"]').click();
    }
  }
  return written;
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

/** A response in a version's interaction format, from option/item/category indexes (independent of the runtime's code). */
export function expectedResponses(check: Check, target: Target): { response: string; pattern: string; type: string } {
  const sep = target === 'scorm12' ? ',' : '[,]';
  const dot = target === 'scorm12' ? '.' : '[.]';
  switch (check.type) {
    case 'single':
    case 'multiple': {
      const idx = check.options.flatMap((o, i) => (o.correct ? [i.toString(36)] : []));
      return { response: idx.join(sep), pattern: idx.join(sep), type: 'choice' };
    }
    case 'true-false': {
      const v = target === 'scorm12' ? (check.answer ? 't' : 'f') : String(check.answer);
      return { response: v, pattern: v, type: 'true-false' };
    }
    case 'matching': {
      const pairs = check.items.map((item, i) => `${i.toString(36)}${dot}${String.fromCharCode(97 + check.categories.findIndex((c) => c.id === item.category))}`);
      return { response: pairs.join(sep), pattern: pairs.join(sep), type: 'matching' };
    }
    case 'ordering': {
      const order = check.items.map((_, i) => i.toString(36)).join(sep);
      return { response: order, pattern: order, type: 'sequencing' };
    }
  }
}

/** Collect uncaught errors of the page and its frames. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
