/**
 * The learner's session: the glue between the page, the pure state and the
 * LMS adapter. Still DOM-light: the page wires `flush()` to
 * `visibilitychange` (hidden) and `end()` to `pagehide`, and renders the
 * status this module publishes.
 *
 * - Holds the learner state and applies the reducers (state.ts).
 * - Saves through the adapter: learner state via the codec within the
 *   adapter's `stateLimit`, bookmark, score and status only when they change,
 *   one interaction record per answer (and per reflection, debounced).
 * - Commits debounced: `commitDelayMs` after the last change, at most
 *   `maxCommitDelayMs` after the first unsaved one, so an LMS never gets a
 *   commit per keystroke yet a long typing spell is still saved.
 * - Nothing is lost on a failed call: what did not reach the LMS stays
 *   pending in memory and is sent again with the next commit (the next
 *   change, `flush()` or `end()`); the status tells the learner meanwhile.
 */
import { consoleLogger } from './adapters/log';
import type { Logger } from './adapters/log';
import type { AdapterKind, CompletionStatus, InteractionRecord, LaunchData, LmsAdapter, Outcome, SuccessStatus } from './adapters/types';
import { codecCourseOf, decodeState, encodeState } from './codec';
import type { DecodeError } from './codec';
import * as reduce from './state';
import {
  completionStatus,
  courseScore,
  isFinished,
  moduleProgress,
  successStatus,
  toLmsScore,
  whatToRevisit,
} from './state';
import type { CourseOutline, LearnerState, MasteryPolicy, ModuleProgress, RevisitItem, ScoreSummary } from './state';
import type { CheckType } from '../model/schema';
import { questionTypeOf } from '../questions';
import type { CheckOf, ResponseOf, ScoreResult } from '../questions';
import { strings } from '../i18n/en';

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

export type SavingState = 'idle' | 'pending' | 'saved' | 'error';

export interface SessionStatus {
  /** `pending`: changes wait for the next commit; `saved`: the last commit succeeded; `error`: it did not. */
  saving: SavingState;
  /** A sentence for the learner (a live region), when there is something to tell. */
  notice?: string;
  /** Reflections that did not fit the LMS's storage: offer them as a download. */
  omittedReflections: readonly string[];
  /** The adapter's own words for the last failure, for logs and support. */
  error?: string;
}

export type AnswerOutcome =
  | { ok: true; result: ScoreResult; attempts: number }
  | { ok: false; reason: 'unknown-check' | 'incomplete' };

export interface CourseSummary {
  completion: CompletionStatus;
  success: SuccessStatus;
  score: ScoreSummary | null;
  modules: ModuleProgress[];
  revisit: RevisitItem[];
  finished: boolean;
}

export interface Session {
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
  /** Submit an answer; returns the verdict and feedback to show. */
  answer<T extends CheckType>(check: CheckOf<T>, response: ResponseOf<T>): AnswerOutcome;
  /** The reflection's text changed (call on input: saving is debounced). An empty text clears it. */
  writeReflection(reflectionId: string, text: string): void;
  clearReflection(reflectionId: string): void;
  /** Commit now if anything waits (page hidden). */
  flush(): Outcome;
  /** Finish the LMS session (page hide). Once: later calls return the first result. */
  end(): Outcome;
  summary(): CourseSummary;
}

// The learner-facing sentences live with every other UI string (src/i18n/en.ts).
const NOTICES = strings.session;

const audience = (kind: AdapterKind) => (kind === 'standalone' ? 'standalone' : 'lms');

export function createSession(options: SessionOptions): Session {
  const { adapter, course } = options;
  const now = options.now ?? (() => new Date());
  const schedule = options.schedule ?? browserScheduler;
  const commitDelay = options.commitDelayMs ?? 2000;
  const maxCommitDelay = options.maxCommitDelayMs ?? 10000;
  const logger = options.logger ?? consoleLogger;
  const policy: MasteryPolicy =
    options.maxAttempts === undefined ? { masteryScore: options.masteryScore } : { masteryScore: options.masteryScore, maxAttempts: options.maxAttempts };
  const codecCourse = codecCourseOf(course);
  const slideIds = new Set(codecCourse.slideIds);
  const checks = new Map(course.checks.map((c) => [c.check.id, c]));
  const reflections = new Map(course.reflections.map((r) => [r.reflection.id, r]));

  // -- Start and restore ------------------------------------------------------
  const started = adapter.start();
  const launch = started.ok ? started.launch : null;
  const decoded = decodeState(launch?.suspendData, codecCourse, now());
  let state = decoded.ok ? decoded.state : decoded.recovered;
  const restoreError = decoded.ok || decoded.error.kind === 'empty' ? null : decoded.error;
  if (restoreError) logger.warn('Saved progress could not be fully restored', { error: restoreError });
  if (state.location === null && launch?.location && slideIds.has(launch.location)) {
    state = reduce.setLocation(state, launch.location);
  }

  // -- What waits for the LMS ---------------------------------------------------
  /** State changed since the last successful saveState; a migrated state is rewritten in the current format. */
  let stateDirty = decoded.ok && decoded.migratedFrom !== null;
  let locationDirty = false;
  /** Interaction records not yet accepted by the adapter, by check or reflection id (the latest wins). */
  const pendingRecords = new Map<string, InteractionRecord>();
  let pushedScore: string | null = null;
  let pushedStatus: string | null = null;
  let omitted: readonly string[] = [];

  let timer: unknown = null;
  let waitingSince: number | null = null;
  let ended = false;
  let endResult: Outcome | null = null;

  /** When each slide was last shown, and when each check was last answered: for interaction latency. */
  const shownAt = new Map<string, number>();
  const answeredAt = new Map<string, number>();

  // -- Status -------------------------------------------------------------------
  const listeners = new Set<(status: SessionStatus) => void>();
  let status: SessionStatus = { saving: 'idle', omittedReflections: [] };
  if (!started.ok) {
    status = { saving: 'error', notice: NOTICES.startFailed[audience(adapter.kind)], error: started.error, omittedReflections: [] };
  } else if (restoreError) {
    status = { saving: 'idle', notice: NOTICES.restore[restoreError.kind === 'course-changed' ? 'course-changed' : 'other'], omittedReflections: [] };
  }

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

  function omittedNotice(): string | undefined {
    if (omitted.length === 0) return undefined;
    return omitted.length === 1 ? NOTICES.omitted.one : NOTICES.omitted.many;
  }

  /** Publish the outcome of a round of adapter calls. */
  function settle(results: readonly Outcome[], saving: 'saved' | 'pending') {
    const failed = results.find((r): r is { ok: false; error: string } => !r.ok);
    const omittedText = omittedNotice();
    if (failed) {
      const notice = [NOTICES.saveFailed[audience(adapter.kind)], omittedText].filter(Boolean).join(' ');
      publish({ saving: 'error', notice, error: failed.error, omittedReflections: omitted });
    } else {
      publish({ saving, ...(omittedText ? { notice: omittedText } : {}), omittedReflections: omitted });
    }
  }

  // -- Talking to the adapter -------------------------------------------------------
  /** Send everything pending (SetValue-level calls, no commit); keep what fails for next time. */
  function push(): Outcome[] {
    const results: Outcome[] = [];
    if (locationDirty && state.location !== null) {
      const r = adapter.setLocation(state.location);
      if (r.ok) locationDirty = false;
      results.push(r);
    }
    for (const [id, record] of pendingRecords) {
      const r = adapter.recordInteraction(record);
      if (r.ok) pendingRecords.delete(id);
      results.push(r);
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
      if (key !== pushedScore) {
        const r = adapter.setScore(lmsScore);
        if (r.ok) pushedScore = key;
        results.push(r);
      }
    }
    const statusKey = `${completion}/${success}`;
    if (statusKey !== pushedStatus) {
      const r = adapter.setStatus(completion, success);
      if (r.ok) pushedStatus = statusKey;
      results.push(r);
    }
    if (stateDirty) {
      const encoded = encodeState(state, codecCourse, adapter.stateLimit);
      omitted = encoded.omittedReflections;
      if (omitted.length > 0) logger.warn('Reflections left out of the saved state (too long for the LMS)', { omitted });
      const r = adapter.saveState(encoded.data);
      if (r.ok) stateDirty = false;
      results.push(r);
    }
    return results;
  }

  function hasPending(): boolean {
    return timer !== null || stateDirty || locationDirty || pendingRecords.size > 0;
  }

  function cancelTimer() {
    if (timer !== null) schedule.clearTimeout(timer);
    timer = null;
    waitingSince = null;
  }

  function commitNow(): Outcome {
    cancelTimer();
    const results = push();
    results.push(adapter.commit());
    settle(results, 'saved');
    return results.find((r) => !r.ok) ?? { ok: true };
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
      commitNow();
    }, wait);
    // An error stays on show until a commit succeeds: the learner is not told "saving" over "could not save".
    if (status.saving === 'idle' || status.saving === 'saved') publish({ ...status, saving: 'pending' });
  }

  function writeReflection(reflectionId: string, text: string) {
    const at = now();
    const next = reduce.writeReflection(state, reflectionId, text, at);
    if (next === state) return;
    state = next;
    stateDirty = true;
    const entry = reflections.get(reflectionId);
    if (!entry) logger.warn(`writeReflection(): "${reflectionId}" is not a reflection of this course; kept in the state only`);
    else {
      pendingRecords.set(reflectionId, {
        id: reflectionId,
        type: 'long-fill-in',
        description: entry.reflection.prompt,
        response: { kind: 'text', text },
        result: 'neutral',
        timestamp: at,
        latencyMs: Math.max(0, at.getTime() - (shownAt.get(entry.slideId) ?? at.getTime())),
      });
    }
    changed();
  }

  // Report where the learner stands from the start (e.g. 1.2 "not attempted" -> "incomplete").
  if (started.ok) {
    const results = push();
    if (results.some((r) => !r.ok)) settle(results, 'pending');
    changed();
  }

  // -- The session ----------------------------------------------------------------
  return {
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
      if (next.location !== state.location) locationDirty = true;
      state = next;
      stateDirty = true;
      changed();
    },

    answer(check, response) {
      const entry = checks.get(check.id);
      if (!entry) return { ok: false, reason: 'unknown-check' };
      const type = questionTypeOf(check);
      if (!type.isComplete(check, response)) return { ok: false, reason: 'incomplete' };

      const at = now();
      const result = type.score(check, response);
      state = reduce.answer(state, check.id, { response: type.encode(check, response), correct: result.correct }, at);
      stateDirty = true;

      const since = Math.max(shownAt.get(entry.slideId) ?? at.getTime(), answeredAt.get(check.id) ?? -Infinity);
      answeredAt.set(check.id, at.getTime());
      const shape = type.toInteraction(check, response);
      pendingRecords.set(check.id, {
        id: check.id,
        type: shape.type,
        description: check.prompt,
        response: shape.response,
        correct: shape.correct,
        result: result.correct ? 'correct' : 'incorrect',
        timestamp: at,
        latencyMs: Math.max(0, at.getTime() - since),
        objectiveId: check.assesses.objective,
      });
      // The record goes to the LMS now (a SetValue, no commit); the commit follows debounced.
      const results = push();
      if (results.some((r) => !r.ok)) settle(results, 'pending');
      changed();
      return { ok: true, result, attempts: state.answers[check.id]?.attempts ?? 1 };
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
      // SetValues, then finish: no Commit right before Terminate (DESIGN.md; Terminate persists).
      const results = push();
      const finished = isFinished(state, course, policy);
      results.push(adapter.finish(finished));
      settle(results, 'saved');
      endResult = results.find((r) => !r.ok) ?? { ok: true };
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
