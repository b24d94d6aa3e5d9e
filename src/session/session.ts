/**
 * The learner's session: the glue between a page, the pure learner state
 * and the LMS adapter. DOM-free: the page wires `flush()` to
 * `visibilitychange` (hidden) and `end()` to `pagehide` (lifecycle.ts), and
 * turns the status this module publishes into words (status codes, never
 * sentences: src/modes/*).
 *
 * - Holds the learner state and applies the reducers (state.ts).
 * - Saves through the adapter: the state via the codec within the adapter's
 *   `stateLimit`, the bookmark, score and status only when they change, one
 *   interaction record per answer (and per reflection, debounced).
 * - Commits debounced: `commitDelayMs` after the last change, at most
 *   `maxCommitDelayMs` after the first unsaved one, so an LMS never gets a
 *   commit per keystroke yet a long typing spell is still saved.
 * - Nothing is lost on a failed call: what did not reach the LMS stays
 *   pending in memory and is sent again with the next commit (the next
 *   change, `flush()` or `end()`); the status tells the learner meanwhile.
 *   What the LMS cannot hold (reflections over its limit, a suspend_data it
 *   cuts short) is kept on the device (`backup`) and the learner is told.
 * - Records move forward only: a status the LMS has is never taken back
 *   (the adapters), a passed score is never lowered, the status reaches the
 *   LMS in a commit of its own before the score (an LMS may decide completion
 *   on the status it had stored before a request: Moodle 4.3), and a review
 *   launch records nothing.
 * - Adapter calls may answer now or later (src/standards/contract.ts). They
 *   are issued in order and each is settled when it answers, by version, so
 *   a synchronous adapter (SCORM) is driven entirely synchronously and a late
 *   answer to an old call never marks newer work as saved.
 */
import type { JudgedAnswer } from '../questions/contract';
import { own } from './records';
import type { InteractionRecord } from '../questions/interaction';
import type { AdapterKind, Awaitable, CompletionStatus, LaunchData, LmsAdapter, Outcome, StartResult, SuccessStatus } from '../standards/contract';
import { consoleLogger, type Logger } from '../standards/log';
import * as assessment from './assessment';
import { codecCourseOf, decodeState, encodeState, type DecodeError } from './codec';
import * as reduce from './state';
import {
  assessmentStanding,
  completionStatus,
  courseScore,
  isFinished,
  mergeStates,
  moduleProgress,
  successStatus,
  toLmsScore,
  whatToRevisit,
  type CourseOutline,
  type LearnerState,
  type MasteryPolicy,
  type ModuleProgress,
  type PracticeSummary,
  practiceSummary,
  type RevisitItem,
  type ScoreSummary,
} from './state';

/** Timers, injected so tests can drive time. */
export interface Scheduler {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserScheduler: Scheduler = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Where the full record is kept when the LMS cannot hold all of it: a slot in the device's storage (the launch page makes one per course and learner). */
export interface DeviceBackup {
  read(): string | null;
  /** False when the device refused (storage full or unavailable). */
  write(data: string): boolean;
  clear(): void;
}

export interface SessionOptions {
  adapter: LmsAdapter;
  /** The course's modules, slides, checks and reflections; a CourseModel or a page's data is one. */
  course: CourseOutline;
  /** Percent of the final assessment needed to pass (course.yaml `masteryScore`). */
  masteryScore: number;
  /** Where to keep what the LMS cannot hold, for the learner the LMS names at launch (none: the standalone adapter is the device already). */
  backup?: (launch: LaunchData) => DeviceBackup | undefined;
  now?: () => Date;
  schedule?: Scheduler;
  /** Quiet time after the last change before committing. Default 2,000 ms. */
  commitDelayMs?: number;
  /** Longest a change waits for a commit while changes keep coming. Default 10,000 ms. */
  maxCommitDelayMs?: number;
  logger?: Logger;
}

/** Where the learner's record is kept, as the learner should hear it. */
export type RecordPlace = 'device' | 'lms';

/**
 * What the learner must be told, as codes; each page says it in its own
 * words (src/modes/read/runtime/notices.ts, src/modes/lms/runtime/shell.ts).
 */
export type Notice =
  /** The LMS (or the device's storage) could not be reached at launch: nothing is being recorded there. */
  | { code: 'not-connected'; place: RecordPlace }
  /** A save was refused: the work is kept in this window and retried with the next change. */
  | { code: 'not-saved'; place: RecordPlace }
  /** What an earlier session saved could not be read back (whole or in part). */
  | { code: 'not-restored'; reason: 'course-changed' | 'unreadable' }
  /** The course changed since the last visit: progress and reflections are kept, these answers start afresh. */
  | { code: 'course-updated'; answersReset: number }
  /** Part of the record is kept on this device only: reflections too long for the LMS, or a record the LMS cut short. */
  | { code: 'kept-on-device'; reflections: number; reason: 'too-long' | 'lms-cut' }
  /** The LMS opened the course to review a finished attempt: nothing is recorded. */
  | { code: 'review' };

/** How saving stands: an error always says what went wrong, and only an error does. */
export type SavingStatus =
  /** Nothing to save yet, or waiting for the next change. */
  | { saving: 'idle' }
  /** Changes wait for the next commit. */
  | { saving: 'pending' }
  /** The last commit succeeded. */
  | { saving: 'saved' }
  /** The last round failed; `error` is the adapter's words, for logs and support. */
  | { saving: 'error'; error: string };

export type SessionStatus = SavingStatus & {
  /** What to tell the learner now, most important first. */
  notices: readonly Notice[];
  /** Reflections kept on the device only (the LMS cannot hold them): offer them as a download. */
  omittedReflections: readonly string[];
};

export type AnswerOutcome = { ok: true; attempts: number } | { ok: false; reason: 'unknown-check' };

/** What an assessment answer did: recorded (right or wrong, which is all the learner hears during an attempt), or why not. */
export type AssessmentAnswerOutcome = { ok: true; correct: boolean } | { ok: false; reason: 'no-attempt' | 'not-drawn' | 'already-answered' };

export interface CourseSummary {
  completion: CompletionStatus;
  success: SuccessStatus;
  /** The score that counts (the final assessment's), or null. */
  score: ScoreSummary | null;
  /** The practice checks, for the learner: never reported as a score. */
  practice: PracticeSummary;
  /** The final assessment, or null for a course without one. */
  assessment: assessment.AssessmentSummary | null;
  modules: ModuleProgress[];
  revisit: RevisitItem[];
  finished: boolean;
}

export interface Session {
  /** Which adapter the session reports through: a standard's id, or `standalone`. */
  readonly kind: AdapterKind;
  /** Where the record is kept, for the learner. */
  readonly place: RecordPlace;
  /** What the LMS (or the device) had at launch; null when the adapter could not start. */
  readonly launch: LaunchData | null;
  /** Why saved progress could not be (fully) restored, or null. */
  readonly restoreError: DecodeError | null;
  getState(): LearnerState;
  getStatus(): SessionStatus;
  /** Listen to status changes, starting with the current status (which may carry a launch notice); returns the unsubscribe function. */
  subscribe(listener: (status: SessionStatus) => void): () => void;
  /** Listen to the state changing from elsewhere (another tab of the reader): redraw what shows it. */
  onExternalChange(listener: (state: LearnerState) => void): () => void;
  /** The learner is on this slide: seen, bookmarked. */
  visit(slideId: string): void;
  /** Record a practice check's answer the page has judged (src/questions/registry.ts `judge`); returns how many times it has been submitted. */
  answer(judged: JudgedAnswer): AnswerOutcome;
  /** Start an attempt at the final assessment with this seed (ignored while one is in progress, after a pass, or with none left). */
  startAssessment(seed: number): void;
  /** Record an answer to a question of the attempt in progress: final once given. */
  answerAssessment(judged: JudgedAnswer): AssessmentAnswerOutcome;
  /** Seconds spent on the attempt in progress (the page counts them while it is shown). */
  spendAssessmentTime(usedSeconds: number): void;
  /** The learner asked for more time (WCAG 2.2.1). */
  extendAssessmentTime(): void;
  /** Hand in the attempt in progress and save at once. */
  finishAssessment(): Awaitable<Outcome>;
  /** The reflection's text changed (call on input: saving is debounced). An empty text clears it. */
  writeReflection(reflectionId: string, text: string): void;
  clearReflection(reflectionId: string): void;
  /** Commit now if anything waits (page hidden, or the launch page after the frame moved on). */
  flush(): Awaitable<Outcome>;
  /** Finish the LMS session (page hide). Once: later calls return the first result. */
  end(): Awaitable<Outcome>;
  summary(): CourseSummary;
}

/** `next(value)` now when `value` is here, after it arrives when it is a promise. */
function after<T, U>(value: Awaitable<T>, next: (value: T) => Awaitable<U>): Awaitable<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** All of `values`, without waiting when none is a promise. */
function all<T>(values: ReadonlyArray<Awaitable<T>>): Awaitable<T[]> {
  return values.some((v) => v instanceof Promise) ? Promise.all(values) : (values as T[]);
}

/** A call that throws (a broken adapter) or rejects becomes a failure: nothing above this line ever sees an exception. */
function guarded<T>(call: () => Awaitable<T>): Awaitable<T | { ok: false; error: string }> {
  const failed = (e: unknown) => ({ ok: false as const, error: `the adapter threw: ${e instanceof Error ? e.message : String(e)}` });
  try {
    const r = call();
    return r instanceof Promise ? r.catch(failed) : r;
  } catch (e) {
    return failed(e);
  }
}

const firstFailure = (results: readonly Outcome[]): Outcome => results.find((r) => !r.ok) ?? { ok: true };

/** Open the learner's session: start the adapter, restore what it has, report where the learner stands. */
export async function createSession(options: SessionOptions): Promise<Session> {
  const started = await guarded(() => options.adapter.start());
  return sessionFrom(options, started);
}

/** The session over an adapter that has been started (`started` is its answer). */
function sessionFrom(options: SessionOptions, started: StartResult): Session {
  const { adapter, course } = options;
  const now = options.now ?? (() => new Date());
  const schedule = options.schedule ?? browserScheduler;
  const commitDelay = options.commitDelayMs ?? 2000;
  const maxCommitDelay = options.maxCommitDelayMs ?? 10000;
  const logger = options.logger ?? consoleLogger;
  const place: RecordPlace = adapter.kind === 'standalone' ? 'device' : 'lms';
  const codecCourse = codecCourseOf(course);
  const slideIds = new Set(codecCourse.slides.map((s) => s.id));
  const checks = new Map(course.checks.map((c) => [c.check.id, c]));
  const reflections = new Map(course.reflections.map((r) => [r.reflection.id, r]));
  /** Reflections the author marked private: kept on the device (and in the download), never sent to an LMS. */
  const privateIds = new Set(course.reflections.filter((r) => r.reflection.private === true).map((r) => r.reflection.id));
  /** What the LMS may hold of a state: all of it, less the private reflections. */
  const forLms = (s: LearnerState) => (place === 'lms' ? reduce.withoutReflections(s, privateIds) : s);
  /** Whether the state holds what only the device may keep: a private reflection's text or clearing. */
  const holdsPrivate = (s: LearnerState) => place === 'lms' && reduce.withoutReflections(s, privateIds) !== s;
  const decode = (data: string | null | undefined) => decodeState(data, codecCourse, now());
  /** Whether two states hold the same record (their encodings are canonical). */
  const same = (a: LearnerState, b: LearnerState) => encodeState(a, codecCourse).data === encodeState(b, codecCourse).data;

  // -- Restore ----------------------------------------------------------------
  const launch = started.ok ? started.launch : null;
  // Success is judged by the mastery score the LMS names, where it names one (cmi5 LMS.LaunchData), else course.yaml's.
  const masteryScore = launch?.masteryScore ?? options.masteryScore;
  const policy: MasteryPolicy = { masteryScore };
  const backup = launch ? options.backup?.(launch) : undefined;
  const decoded = decode(launch?.suspendData);
  let state = decoded.ok ? decoded.state : decoded.recovered;
  const restoreError = decoded.ok || decoded.error.kind === 'empty' ? null : decoded.error;
  if (restoreError) logger.warn('Saved progress could not be fully restored', { error: restoreError });
  // What an earlier launch had to keep on this device (the LMS could not hold it): merged back.
  const backedUp = backup ? decode(backup.read()) : null;
  let restoredFromDevice = false;
  if (backedUp?.ok) {
    const merged = mergeStates(state, backedUp.state);
    restoredFromDevice = !same(merged, state);
    state = merged;
  }
  if (state.location === null && launch?.location && slideIds.has(launch.location)) state = reduce.setLocation(state, launch.location);
  /** A review launch records nothing (cmi.mode / cmi.core.lesson_mode `review`). */
  const readOnly = launch?.mode === 'review';
  /** What the LMS already holds for this learner: never reported lower (a lost or cut record must not undo a pass). */
  const heldCompleted = launch?.record.completion === 'completed';
  const heldPassed = launch?.record.success === 'passed';
  const passedScore = heldPassed ? launch.record.score : null;

  // -- What waits for the LMS -----------------------------------------------------
  // Each change bumps a version; a call that succeeds settles the version it sent.
  // What is pending is what changed after the last version the adapter accepted,
  // so a late answer to an old call can never mark newer work as saved.
  let stateVersion = decoded.ok && decoded.migrated ? 1 : 0;
  let savedStateVersion = 0;
  if (restoredFromDevice) stateVersion++;
  let locationVersion = 0;
  let savedLocationVersion = 0;
  /** Interaction records not yet accepted, by check or reflection id: the latest wins, each with the version it was made at. */
  const pendingRecords = new Map<string, { record: InteractionRecord; version: number }>();
  let recordVersion = 0;
  /** The score and status the adapter has accepted (or is being sent), as keys; the status committed. */
  let acceptedScore: string | null = null;
  let acceptedStatus: string | null = null;
  let committedStatus: string | null = null;
  /** What this session last wrote as the state, and the limit the LMS turned out to keep (it may cut short). */
  let lastWritten: string | null = launch?.suspendData ?? null;
  let stateLimit = adapter.stateLimit;
  /** Whether the LMS has cut a saved state short this launch. */
  let cutByLms = false;
  /** Reflections left out of the LMS's copy: kept on the device only. */
  let onDevice: readonly string[] = [];

  let timer: unknown = null;
  let waitingSince: number | null = null;
  let ended = false;
  let endResult: Awaitable<Outcome> | null = null;

  /** When each slide was last shown, and when each check was last answered: for interaction latency. */
  const shownAt = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  /** When the attempt in progress was started here, and its last answer: for the latency of assessment answers. */
  let assessmentShownAt: number | null = null;
  let lastAssessmentAnswerAt: number | null = null;

  // -- Status -----------------------------------------------------------------------
  const listeners = new Set<(status: SessionStatus) => void>();
  const externalListeners = new Set<(state: LearnerState) => void>();
  const launchNotices: Notice[] = [];
  if (!started.ok) launchNotices.push({ code: 'not-connected', place });
  if (restoreError) launchNotices.push({ code: 'not-restored', reason: restoreError.kind === 'course-changed' ? 'course-changed' : 'unreadable' });
  if (decoded.ok && decoded.resetAnswers.length > 0) launchNotices.push({ code: 'course-updated', answersReset: decoded.resetAnswers.length });
  if (readOnly) launchNotices.push({ code: 'review' });
  let status: SessionStatus = started.ok
    ? { saving: 'idle', notices: launchNotices, omittedReflections: [] }
    : { saving: 'error', error: started.error, notices: launchNotices, omittedReflections: [] };

  function publish(next: SessionStatus) {
    status = next;
    for (const listener of listeners) {
      try {
        listener(status);
      } catch (e) {
        logger.error('A session status listener threw', { error: String(e) });
      }
    }
  }

  function notices(failed: boolean): Notice[] {
    const out = [...launchNotices];
    // Not connected already says nothing is being recorded: "not saved" would say it twice.
    if (failed && !launchNotices.some((n) => n.code === 'not-connected')) out.push({ code: 'not-saved', place });
    if (onDevice.length > 0 || cutByLms) out.push({ code: 'kept-on-device', reflections: onDevice.length, reason: cutByLms ? 'lms-cut' : 'too-long' });
    return out;
  }

  /** Publish the outcome of a round of adapter calls. */
  function settle(results: readonly Outcome[], saving: 'saved' | 'pending') {
    for (const r of results) if (r.ok && r.warning) logger.warn(r.warning);
    const failed = results.find((r): r is { ok: false; error: string } => !r.ok);
    if (failed) publish({ saving: 'error', error: failed.error, notices: notices(true), omittedReflections: onDevice });
    else publish({ saving, notices: notices(false), omittedReflections: onDevice });
  }

  // -- Talking to the adapter -------------------------------------------------------------
  /** Issue one call; `accepted` runs when it succeeds. */
  function send(call: () => Awaitable<Outcome>, accepted: () => void): Awaitable<Outcome> {
    return after(guarded(call), (r) => {
      if (r.ok) accepted();
      return r;
    });
  }

  /** Keep on the device what the LMS cannot hold (`omitted`, or all of it once the LMS has cut a state); forget the copy once the LMS holds everything. */
  function keepOnDevice(omitted: readonly string[]) {
    onDevice = omitted;
    if (!backup) return;
    if (omitted.length === 0 && !cutByLms && !holdsPrivate(state)) backup.clear();
    else if (!backup.write(encodeState(state, codecCourse).data)) logger.warn('The device refused the copy of what the LMS cannot hold');
  }

  /** Another writer (another tab) stored a state since ours: merge it in before writing over it. */
  function mergeExternal(): boolean {
    const theirs = adapter.peekState?.() ?? null;
    if (theirs === null || theirs === lastWritten) return false;
    lastWritten = theirs;
    const other = decode(theirs);
    const merged = mergeStates(state, other.ok ? other.state : other.recovered);
    if (same(merged, state)) return false;
    state = merged;
    stateVersion++;
    return true;
  }

  /** The status and score as the LMS should have them now. */
  function reportable() {
    const completion: CompletionStatus = heldCompleted ? 'completed' : completionStatus(state, course);
    const earned = successStatus(state, course, policy);
    const success: SuccessStatus = heldPassed ? 'passed' : earned;
    const summary = courseScore(state, course, policy);
    // The score goes to the LMS only once success is decided. An LMS that holds a
    // mastery score judges any reported score against it (SCORM 1.2 RTE 3.4.4
    // cmi.core.lesson_status with adlcp:masteryscore; 2004 RTE 4.2.22
    // success_status from cmi.scaled_passing_score), so a partial score would
    // record "failed" while the learner can still answer and retry.
    let score = summary && earned !== 'unknown' ? toLmsScore(summary) : null;
    // A score the LMS holds as passed is never lowered: a relaunch or retry cannot take it back.
    if (score && heldPassed && (earned !== 'passed' || (passedScore !== null && score.raw <= passedScore.raw))) score = null;
    return { completion, success, statusKey: `${completion}/${success}`, score };
  }

  /** Send everything pending (SetValue-level calls, no commit); keep what fails for next time. */
  function push(): Array<Awaitable<Outcome>> {
    const results: Array<Awaitable<Outcome>> = [];
    if (readOnly) return results;
    if (locationVersion > savedLocationVersion && state.location !== null) {
      const v = locationVersion;
      const location = state.location;
      results.push(send(() => adapter.setLocation(location), () => (savedLocationVersion = Math.max(savedLocationVersion, v))));
    }
    for (const [id, entry] of pendingRecords) {
      results.push(
        send(
          () => adapter.recordInteraction(entry.record),
          () => {
            if (pendingRecords.get(id)?.version === entry.version) pendingRecords.delete(id);
          },
        ),
      );
    }
    const { completion, success, statusKey, score } = reportable();
    if (statusKey !== acceptedStatus) {
      acceptedStatus = statusKey;
      results.push(
        after(guarded(() => adapter.setStatus(completion, success)), (r) => {
          if (!r.ok && acceptedStatus === statusKey) acceptedStatus = null;
          return r;
        }),
      );
    }
    // The status goes first, in a commit of its own: only then the score (Moodle 4.3 decides
    // completion from the status it had stored before the request that brings the score).
    if (score && committedStatus === statusKey) {
      const key = JSON.stringify(score);
      if (key !== acceptedScore) {
        acceptedScore = key;
        results.push(
          after(guarded(() => adapter.setScore(score)), (r) => {
            if (!r.ok && acceptedScore === key) acceptedScore = null;
            return r;
          }),
        );
      }
    }
    mergeExternal();
    if (stateVersion > savedStateVersion) {
      const v = stateVersion;
      const encoded = encodeState(forLms(state), codecCourse, stateLimit);
      if (encoded.omittedReflections.length > 0) logger.warn('Reflections left out of the saved state (too long for the LMS)', { omitted: encoded.omittedReflections });
      keepOnDevice(encoded.omittedReflections);
      results.push(
        send(
          () => adapter.saveState(encoded.data),
          () => {
            savedStateVersion = Math.max(savedStateVersion, v);
            lastWritten = encoded.data;
          },
        ),
      );
    }
    return results;
  }

  /** Whether the score waits only for the status to be committed first. */
  function scoreWaits(): boolean {
    const { statusKey, score } = reportable();
    return !readOnly && score !== null && acceptedStatus === statusKey && committedStatus === statusKey && JSON.stringify(score) !== acceptedScore;
  }

  /**
   * After a commit: read back what the LMS stored. When it keeps less than it
   * was sent (an LMS that cuts suspend_data short), write within what it
   * keeps, keep the full record on the device, and say so.
   */
  function verify(): Array<Awaitable<Outcome>> {
    if (!adapter.readBack || lastWritten === null) return [];
    const sent = lastWritten;
    return [
      after(guarded(() => adapter.readBack!()), (stored) => {
        if (stored === null || typeof stored !== 'string' || stored === sent) return { ok: true } as Outcome;
        logger.warn(`The LMS kept ${stored.length} of the ${sent.length} characters of the saved state: the full record stays on this device`);
        stateLimit = Math.min(stateLimit, stored.length);
        cutByLms = true;
        const fitted = encodeState(forLms(state), codecCourse, stateLimit);
        keepOnDevice(fitted.omittedReflections);
        const again = [guarded(() => adapter.saveState(fitted.data)), guarded(() => adapter.commit())];
        return after(all(again), (results) => {
          if (results.every((r) => r.ok)) lastWritten = fitted.data;
          return firstFailure(results);
        });
      }),
    ];
  }

  function hasPending(): boolean {
    return timer !== null || stateVersion > savedStateVersion || locationVersion > savedLocationVersion || pendingRecords.size > 0 || scoreWaits();
  }

  function cancelTimer() {
    if (timer !== null) schedule.clearTimeout(timer);
    timer = null;
    waitingSince = null;
  }

  /** One round: SetValues then Commit; the status the LMS accepted counts as committed once the commit succeeds. */
  function round(): Awaitable<Outcome[]> {
    const calls = push();
    calls.push(guarded(() => adapter.commit()));
    return after(all(calls), (results) => {
      if (results.at(-1)?.ok) committedStatus = acceptedStatus;
      return results;
    });
  }

  function commitNow(): Awaitable<Outcome> {
    cancelTimer();
    if (readOnly) return { ok: true };
    return after(round(), (first) => {
      // A second round carries the score the first one's committed status was waiting for.
      const second = scoreWaits() ? round() : [];
      return after(second, (more) => {
        const results = [...first, ...more];
        return after(all(results.every((r) => r.ok) ? verify() : []), (checked) => {
          const everything = [...results, ...checked];
          settle(everything, hasPending() ? 'pending' : 'saved');
          return firstFailure(everything);
        });
      });
    });
  }

  /** Send what an answer made pending at once (SetValues, no commit); say so only if it failed. */
  function pushNow() {
    void after(all(push()), (results) => {
      if (results.some((r) => !r.ok)) settle(results, 'pending');
      return results;
    });
  }

  /** A change happened: commit after a quiet spell, but not later than the cap. */
  function changed() {
    // After the end, or in review: changes stay in memory and nothing is sent.
    if (ended || readOnly) return;
    const t = now().getTime();
    waitingSince ??= t;
    const wait = Math.max(0, Math.min(commitDelay, waitingSince + maxCommitDelay - t));
    if (timer !== null) schedule.clearTimeout(timer);
    timer = schedule.setTimeout(() => {
      timer = null;
      waitingSince = null;
      void commitNow();
    }, wait);
    // An error stays on show until a commit succeeds: the learner is not told "saving" over "could not save".
    if (status.saving === 'idle' || status.saving === 'saved') publish({ ...status, saving: 'pending' });
  }

  function writeReflection(reflectionId: string, text: string) {
    const at = now();
    const next = reduce.writeReflection(state, reflectionId, text, at);
    if (next === state) return;
    state = next;
    stateVersion++;
    const entry = reflections.get(reflectionId);
    if (!entry) logger.warn(`writeReflection(): "${reflectionId}" is not a reflection of this course; kept in the state only`);
    // A private reflection is no interaction: the LMS never hears of it.
    else if (!privateIds.has(reflectionId))
      pendingRecords.set(reflectionId, {
        version: ++recordVersion,
        record: {
          id: reflectionId,
          type: 'long-fill-in',
          description: entry.reflection.prompt,
          text,
          result: 'neutral',
          timestamp: at,
          latencyMs: Math.max(0, at.getTime() - (shownAt.get(entry.slideId) ?? at.getTime())),
        },
      });
    changed();
  }

  // Another tab stored a state: merge it in, and let the page redraw.
  adapter.watch?.(() => {
    if (!mergeExternal()) return;
    for (const listener of externalListeners) listener(state);
    changed();
  });

  // Report where the learner stands from the start (e.g. 1.2 "not attempted" -> "incomplete").
  if (started.ok) {
    pushNow();
    changed();
  }

  // -- The session ---------------------------------------------------------------------
  return {
    kind: adapter.kind,
    place,
    launch,
    restoreError,

    getState: () => state,
    getStatus: () => status,

    subscribe(listener) {
      listeners.add(listener);
      listener(status);
      return () => {
        listeners.delete(listener);
      };
    },

    onExternalChange(listener) {
      externalListeners.add(listener);
      return () => {
        externalListeners.delete(listener);
      };
    },

    visit(slideId) {
      if (!slideIds.has(slideId)) {
        logger.warn(`visit(): "${slideId}" is not a slide of this course`);
        return;
      }
      shownAt.set(slideId, now().getTime());
      const next = reduce.setLocation(reduce.markSeen(state, slideId), slideId);
      if (next === state) return;
      if (next.location !== state.location) locationVersion++;
      state = next;
      stateVersion++;
      changed();
    },

    answer(judged) {
      const entry = checks.get(judged.checkId);
      if (!entry) return { ok: false, reason: 'unknown-check' };
      const at = now();
      const correct = judged.result.correct;
      state = reduce.answer(state, judged.checkId, { response: judged.encoded, correct });
      stateVersion++;

      const since = Math.max(shownAt.get(entry.slideId) ?? at.getTime(), answeredAt.get(judged.checkId) ?? -Infinity);
      answeredAt.set(judged.checkId, at.getTime());
      pendingRecords.set(judged.checkId, {
        version: ++recordVersion,
        record: {
          ...judged.interaction,
          id: judged.checkId,
          description: judged.prompt,
          result: correct ? 'correct' : 'incorrect',
          timestamp: at,
          latencyMs: Math.max(0, at.getTime() - since),
          objectiveId: judged.objectiveId,
        },
      });
      // The record goes to the LMS now (a SetValue, no commit); the commit follows debounced.
      pushNow();
      changed();
      return { ok: true, attempts: own(state.answers, judged.checkId)?.attempts ?? 1 };
    },

    startAssessment(seed) {
      if (!course.assessment || ended) return;
      const next = assessment.startAttempt(state.assessment, course.assessment, masteryScore, seed, now());
      if (next === state.assessment) return;
      state = { ...state, assessment: next };
      assessmentShownAt = now().getTime();
      stateVersion++;
      changed();
    },

    answerAssessment(judged) {
      const pool = course.assessment;
      const current = pool ? assessment.currentAttempt(state.assessment) : null;
      if (!pool || !current) return { ok: false, reason: 'no-attempt' };
      if (Object.hasOwn(current.answers, judged.checkId)) return { ok: false, reason: 'already-answered' };
      const next = assessment.answerQuestion(state.assessment, pool, judged.checkId, { response: judged.encoded, correct: judged.result.correct });
      if (next === state.assessment) return { ok: false, reason: 'not-drawn' };
      state = { ...state, assessment: next };
      stateVersion++;
      const at = now();
      const number = state.assessment.length;
      const since = Math.max(assessmentShownAt ?? at.getTime(), lastAssessmentAnswerAt ?? -Infinity);
      lastAssessmentAnswerAt = at.getTime();
      pendingRecords.set(`${number}:${judged.checkId}`, {
        version: ++recordVersion,
        record: {
          ...judged.interaction,
          id: judged.checkId,
          attempt: number,
          description: judged.prompt,
          result: judged.result.correct ? 'correct' : 'incorrect',
          timestamp: at,
          latencyMs: Math.max(0, at.getTime() - since),
          objectiveId: judged.objectiveId,
        },
      });
      pushNow();
      changed();
      return { ok: true, correct: judged.result.correct };
    },

    spendAssessmentTime(usedSeconds) {
      const next = assessment.spendTime(state.assessment, usedSeconds);
      if (next === state.assessment) return;
      state = { ...state, assessment: next };
      stateVersion++;
      changed();
    },

    extendAssessmentTime() {
      const next = assessment.extendTime(state.assessment);
      if (next === state.assessment) return;
      state = { ...state, assessment: next };
      stateVersion++;
      changed();
    },

    finishAssessment() {
      if (!course.assessment || ended) return { ok: true };
      const next = assessment.finishAttempt(state.assessment, course.assessment, now());
      if (next === state.assessment) return { ok: true };
      state = { ...state, assessment: next };
      stateVersion++;
      lastAssessmentAnswerAt = null;
      // A result the learner has just seen is saved now, not after a quiet spell.
      return readOnly ? { ok: true } : commitNow();
    },

    writeReflection,

    clearReflection(reflectionId) {
      writeReflection(reflectionId, '');
    },

    flush() {
      if (ended || !hasPending()) return { ok: true };
      return commitNow();
    },

    end() {
      if (endResult) return endResult;
      ended = true;
      cancelTimer();
      // SetValues, then finish: no Commit right before Terminate (src/README.md; Terminate persists).
      // Only a status that changed with a score waiting gets its commit first (Moodle 4.3, above).
      const { score, statusKey } = reportable();
      const statusFirst: Awaitable<Outcome[]> = !readOnly && score && statusKey !== committedStatus ? round() : [];
      const finishing = (first: readonly Outcome[]) => {
        const calls = push();
        calls.push(guarded(() => adapter.finish(isFinished(state, course, policy))));
        return after(all(calls), (results) => {
          const everything = [...first, ...results];
          settle(everything, 'saved');
          return firstFailure(everything);
        });
      };
      if (statusFirst instanceof Promise) {
        // An adapter that answers later (cmi5, over HTTP) has taken the status with its commit; the end must not wait
        // for the network to answer before sending the score and finishing: on pagehide the page may be gone by then.
        committedStatus = acceptedStatus;
        endResult = after(all<Outcome[] | Outcome>([statusFirst, finishing([])]), ([first, last]) =>
          firstFailure([...(first as Outcome[]), last as Outcome]),
        );
      } else endResult = after(statusFirst, finishing);
      return endResult;
    },

    summary() {
      return {
        completion: completionStatus(state, course),
        success: successStatus(state, course, policy),
        score: courseScore(state, course, policy),
        practice: practiceSummary(state, course),
        assessment: assessmentStanding(state, course, policy),
        modules: moduleProgress(state, course),
        revisit: whatToRevisit(state, course, policy),
        finished: isFinished(state, course, policy),
      };
    },
  };
}
