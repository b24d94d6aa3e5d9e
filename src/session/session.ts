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
 * - Adapter calls may answer now or later (src/standards/contract.ts). They
 *   are issued in order and each is settled when it answers, so a
 *   synchronous adapter (SCORM) is driven entirely synchronously: nothing
 *   waits for a microtask on a page that is going away.
 */
import type { JudgedAnswer } from '../questions/contract';
import type { InteractionRecord } from '../questions/interaction';
import type { AdapterKind, Awaitable, CompletionStatus, LaunchData, LmsAdapter, Outcome, StartResult, SuccessStatus } from '../standards/contract';
import { consoleLogger, type Logger } from '../standards/log';
import { codecCourseOf, decodeState, encodeState, type DecodeError } from './codec';
import * as reduce from './state';
import {
  completionStatus,
  courseScore,
  isFinished,
  moduleProgress,
  successStatus,
  toLmsScore,
  whatToRevisit,
  type CourseOutline,
  type LearnerState,
  type MasteryPolicy,
  type ModuleProgress,
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

export interface SessionOptions {
  adapter: LmsAdapter;
  /** The course's modules, checks and reflections; a CourseModel is one. */
  course: CourseOutline;
  /** Percent of checks right needed to pass (course.yaml `masteryScore`). */
  masteryScore: number;
  /** Submissions allowed per check; unlimited by default (see state.ts `successStatus`). */
  maxAttempts?: number;
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
  /** Reflections too long for the LMS's storage: offer them as a download. */
  | { code: 'reflections-too-long'; count: number };

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
  /** Reflections that did not fit the LMS's storage: offer them as a download. */
  omittedReflections: readonly string[];
};

export type AnswerOutcome = { ok: true; attempts: number } | { ok: false; reason: 'unknown-check' };

export interface CourseSummary {
  completion: CompletionStatus;
  success: SuccessStatus;
  score: ScoreSummary | null;
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
  /** The learner is on this slide: seen, bookmarked. */
  visit(slideId: string): void;
  /** Record an answer the page has judged (src/questions/registry.ts `judge`); returns how many times it has been submitted. */
  answer(judged: JudgedAnswer): AnswerOutcome;
  /** The reflection's text changed (call on input: saving is debounced). An empty text clears it. */
  writeReflection(reflectionId: string, text: string): void;
  clearReflection(reflectionId: string): void;
  /** Commit now if anything waits (page hidden). */
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

/** A call that throws (a broken adapter) or rejects becomes a failed Outcome: nothing above this line ever sees an exception. */
function guarded<T extends Outcome | StartResult>(call: () => Awaitable<T>): Awaitable<T | { ok: false; error: string }> {
  const failed = (e: unknown) => ({ ok: false as const, error: `the adapter threw: ${e instanceof Error ? e.message : String(e)}` });
  try {
    const r = call();
    return r instanceof Promise ? r.catch(failed) : r;
  } catch (e) {
    return failed(e);
  }
}

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
  const policy: MasteryPolicy =
    options.maxAttempts === undefined ? { masteryScore: options.masteryScore } : { masteryScore: options.masteryScore, maxAttempts: options.maxAttempts };
  const codecCourse = codecCourseOf(course);
  const slideIds = new Set(codecCourse.slideIds);
  const checks = new Map(course.checks.map((c) => [c.check.id, c]));
  const reflections = new Map(course.reflections.map((r) => [r.reflection.id, r]));

  // -- Restore ----------------------------------------------------------------
  const launch = started.ok ? started.launch : null;
  const decoded = decodeState(launch?.suspendData, codecCourse, now());
  let state = decoded.ok ? decoded.state : decoded.recovered;
  const restoreError = decoded.ok || decoded.error.kind === 'empty' ? null : decoded.error;
  if (restoreError) logger.warn('Saved progress could not be fully restored', { error: restoreError });
  if (state.location === null && launch?.location && slideIds.has(launch.location)) state = reduce.setLocation(state, launch.location);

  // -- What waits for the LMS -----------------------------------------------------
  // Each change bumps a version; a call that succeeds settles the version it sent.
  // What is pending is what changed after the last version the adapter accepted,
  // so a late answer to an old call can never mark newer work as saved.
  let stateVersion = 0;
  let savedStateVersion = 0;
  let locationVersion = 0;
  let savedLocationVersion = 0;
  /** Interaction records not yet accepted, by check or reflection id: the latest wins, each with the version it was made at. */
  const pendingRecords = new Map<string, { record: InteractionRecord; version: number }>();
  let recordVersion = 0;
  /** The score and status the adapter has accepted (or is being sent), as keys. */
  let acceptedScore: string | null = null;
  let acceptedStatus: string | null = null;
  let omitted: readonly string[] = [];

  let timer: unknown = null;
  let waitingSince: number | null = null;
  let ended = false;
  let endResult: Awaitable<Outcome> | null = null;

  /** When each slide was last shown, and when each check was last answered: for interaction latency. */
  const shownAt = new Map<string, number>();
  const answeredAt = new Map<string, number>();

  // -- Status -----------------------------------------------------------------------
  const listeners = new Set<(status: SessionStatus) => void>();
  const launchNotices: Notice[] = [];
  if (!started.ok) launchNotices.push({ code: 'not-connected', place });
  if (restoreError) launchNotices.push({ code: 'not-restored', reason: restoreError.kind === 'course-changed' ? 'course-changed' : 'unreadable' });
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
    if (omitted.length > 0) out.push({ code: 'reflections-too-long', count: omitted.length });
    return out;
  }

  /** Publish the outcome of a round of adapter calls. */
  function settle(results: readonly Outcome[], saving: 'saved' | 'pending') {
    const failed = results.find((r): r is { ok: false; error: string } => !r.ok);
    if (failed) publish({ saving: 'error', error: failed.error, notices: notices(true), omittedReflections: omitted });
    else publish({ saving, notices: notices(false), omittedReflections: omitted });
  }

  // -- Talking to the adapter -------------------------------------------------------------
  /** Issue one call; `accepted` runs when it succeeds. */
  function send(call: () => Awaitable<Outcome>, accepted: () => void): Awaitable<Outcome> {
    return after(guarded(call), (r) => {
      if (r.ok) accepted();
      return r;
    });
  }

  /** Send everything pending (SetValue-level calls, no commit); keep what fails for next time. */
  function push(): Array<Awaitable<Outcome>> {
    const results: Array<Awaitable<Outcome>> = [];
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
    const completion = completionStatus(state, course);
    const success = successStatus(state, course, policy);
    const score = courseScore(state, course);
    // The score goes to the LMS only once success is decided. An LMS that holds a
    // mastery score judges any reported score against it (SCORM 1.2 RTE 3.4.4
    // cmi.core.lesson_status with adlcp:masteryscore; 2004 RTE 4.2.22
    // success_status from cmi.scaled_passing_score), so a partial score would
    // record "failed" while the learner can still answer and retry.
    if (score && success !== 'unknown') {
      const lmsScore = toLmsScore(score);
      const key = JSON.stringify(lmsScore);
      if (key !== acceptedScore) {
        acceptedScore = key;
        results.push(
          after(guarded(() => adapter.setScore(lmsScore)), (r) => {
            if (!r.ok && acceptedScore === key) acceptedScore = null;
            return r;
          }),
        );
      }
    }
    const statusKey = `${completion}/${success}`;
    if (statusKey !== acceptedStatus) {
      acceptedStatus = statusKey;
      results.push(
        after(guarded(() => adapter.setStatus(completion, success)), (r) => {
          if (!r.ok && acceptedStatus === statusKey) acceptedStatus = null;
          return r;
        }),
      );
    }
    if (stateVersion > savedStateVersion) {
      const v = stateVersion;
      const encoded = encodeState(state, codecCourse, adapter.stateLimit);
      omitted = encoded.omittedReflections;
      if (omitted.length > 0) logger.warn('Reflections left out of the saved state (too long for the LMS)', { omitted });
      results.push(send(() => adapter.saveState(encoded.data), () => (savedStateVersion = Math.max(savedStateVersion, v))));
    }
    return results;
  }

  function hasPending(): boolean {
    return timer !== null || stateVersion > savedStateVersion || locationVersion > savedLocationVersion || pendingRecords.size > 0;
  }

  function cancelTimer() {
    if (timer !== null) schedule.clearTimeout(timer);
    timer = null;
    waitingSince = null;
  }

  const firstFailure = (results: readonly Outcome[]): Outcome => results.find((r) => !r.ok) ?? { ok: true };

  function commitNow(): Awaitable<Outcome> {
    cancelTimer();
    const calls = push();
    calls.push(guarded(() => adapter.commit()));
    return after(all(calls), (results) => {
      settle(results, hasPending() ? 'pending' : 'saved');
      return firstFailure(results);
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
    if (ended) return;
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
    else
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
      state = reduce.answer(state, judged.checkId, { response: judged.encoded, correct }, at);
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
      return { ok: true, attempts: state.answers[judged.checkId]?.attempts ?? 1 };
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
      const calls = push();
      calls.push(guarded(() => adapter.finish(isFinished(state, course, policy))));
      endResult = after(all(calls), (results) => {
        settle(results, 'saved');
        return firstFailure(results);
      });
      return endResult;
    },

    summary() {
      return {
        completion: completionStatus(state, course),
        success: successStatus(state, course, policy),
        score: courseScore(state, course),
        modules: moduleProgress(state, course),
        revisit: whatToRevisit(state, course),
        finished: isFinished(state, course, policy),
      };
    },
  };
}
