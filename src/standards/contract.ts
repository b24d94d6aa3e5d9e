/**
 * The LmsAdapter seam (src/README.md "Seams"): the course runtime speaks to
 * wherever the learner's record lives only in these semantic calls. One
 * adapter per standard (SCORM 1.2 and 2004 over one shared SCORM core in
 * scorm/; more through registry.ts), and the standalone adapter for the
 * open web (the device). No data-model element name appears outside a
 * standard's folder.
 *
 * Calls may answer now or later (`Awaitable`): SCORM's API is synchronous
 * and its adapters answer at once, so nothing waits on a page that is going
 * away; a standard that talks HTTP (cmi5) answers with promises. The
 * session (src/session/session.ts) runs calls in order either way and keeps
 * whatever has not been accepted until it is.
 */
import type { InteractionRecord } from '../questions/interaction';

export type Awaitable<T> = T | Promise<T>;

/** Completion: every slide seen or not. */
export type CompletionStatus = 'completed' | 'incomplete';
/**
 * Success against the mastery score. `unknown` while the learner can still
 * answer or retry checks: some LMSs lock a learner out after `failed`.
 */
export type SuccessStatus = 'passed' | 'failed' | 'unknown';

export interface Score {
  /** Points, 0..max. */
  raw: number;
  min: number;
  max: number;
  /** raw / max, 0..1 (2004 `score.scaled`). */
  scaled: number;
}

/** What the LMS holds of the learner's record at launch: what a relaunch must never lower. */
export interface StoredRecord {
  completion: CompletionStatus | 'unknown';
  success: SuccessStatus;
  /** The score stored, when there is one. */
  score: Score | null;
}

/** What the LMS gave us at launch. */
export interface LaunchData {
  /** Serialized learner state saved by a previous session, or null on a first launch. */
  suspendData: string | null;
  /** Bookmark (slide id) saved by a previous session. */
  location: string | null;
  /** Learner's name as the LMS knows it, if any. */
  learnerName: string | null;
  /** The learner's id in the LMS, if any: names the copy kept on the device. */
  learnerId: string | null;
  /** `resume` when the LMS says this continues an earlier attempt. */
  entry: 'ab-initio' | 'resume' | 'unknown';
  /**
   * `review`: the learner looks back at a finished attempt and nothing is
   * recorded (SCORM 2004 RTE 4.2.17 cmi.mode; 1.2 RTE 3.4 cmi.core.lesson_mode);
   * `browse`: taken without credit; `normal` otherwise.
   */
  mode: 'normal' | 'review' | 'browse';
  /** What the record already holds. */
  record: StoredRecord;
  /**
   * The mastery score this LMS judges success by, as a percentage, when it
   * names one that may differ from course.yaml's (cmi5 §10.2.4: LMS.LaunchData
   * `masteryScore` "MAY be different than the one in the course structure",
   * and passed/failed MUST be based on it). Absent: course.yaml's.
   */
  masteryScore?: number;
}

/**
 * Result of a call that can fail on the LMS side; `error` is the adapter's
 * own words, for logs and support. A `warning` is a part the LMS refused that
 * only copies what the learner's record already holds (e.g. a 2004 learner
 * comment): logged, never told as "not saved".
 */
export type Outcome = { ok: true; warning?: string } | { ok: false; error: string };

export type StartResult = { ok: true; launch: LaunchData } | { ok: false; error: string };

/** Where the record lives: a standard's id (registry.ts), or `standalone` for the device. */
export type AdapterKind = string;

export interface LmsAdapter {
  readonly kind: AdapterKind;
  /** Max characters `saveState` accepts (1.2: 4,096; 2004: 64,000; standalone: large). */
  readonly stateLimit: number;
  /** Initialize the session (once per launch) and read what the LMS has. */
  start(): Awaitable<StartResult>;
  /** Bookmark the learner's place. */
  setLocation(slideId: string): Awaitable<Outcome>;
  /** Store the serialized learner state (at most `stateLimit` characters). */
  saveState(serialized: string): Awaitable<Outcome>;
  /** Record one answered check or written reflection. */
  recordInteraction(record: InteractionRecord): Awaitable<Outcome>;
  setScore(score: Score): Awaitable<Outcome>;
  setStatus(completion: CompletionStatus, success: SuccessStatus): Awaitable<Outcome>;
  /** Persist what was set (debounced by the caller). */
  commit(): Awaitable<Outcome>;
  /** End the session (once per launch): exit `suspend` unless `finished`. */
  finish(finished: boolean): Awaitable<Outcome>;
  /**
   * What the store holds now, read back after a commit: an LMS that keeps
   * less than it was sent (cuts suspend_data short) is found out this way.
   */
  readBack?(): Awaitable<string | null>;
  /** What another writer (another tab) has stored since, to merge before writing over it. */
  peekState?(): string | null;
  /** Call `changed` when another writer (another tab) stores a new state; returns the unsubscribe function. */
  watch?(changed: () => void): () => void;
}

/** An adapter whose every call answers at once: SCORM's (over a synchronous API) and the device's. */
export type SyncLmsAdapter = {
  readonly [K in keyof LmsAdapter]: LmsAdapter[K] extends (...args: infer A) => Awaitable<infer R> ? (...args: A) => R : LmsAdapter[K];
};
