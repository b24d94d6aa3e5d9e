/**
 * The LmsAdapter seam (DESIGN.md "Seams"): the course runtime speaks only in
 * these semantic calls. One file per standard implements it (standalone on
 * localStorage, SCORM 1.2, SCORM 2004). No `cmi.*` string appears outside an
 * adapter file.
 */

export type AdapterKind = 'standalone' | 'scorm12' | 'scorm2004';

/** Completion: every slide seen or not. */
export type CompletionStatus = 'completed' | 'incomplete';
/**
 * Success against the mastery score. `unknown` while the learner can still
 * answer or retry checks: some LMSs lock a learner out after `failed`.
 */
export type SuccessStatus = 'passed' | 'failed' | 'unknown';

/** Question types as the LMS data models name them (SCORM 2004 RTE 4.2.9.1; 1.2 RTE 3.4.2.6.1). */
export type InteractionType = 'choice' | 'true-false' | 'matching' | 'long-fill-in';

/**
 * One answered check or written reflection, standard-neutral. Adapters render
 * it in their own format (1.2 single-character choices and `wrong`; 2004
 * `[,]` delimiters and `incorrect`).
 */
export interface InteractionRecord {
  /** Check or reflection id (unique across the course). */
  id: string;
  type: InteractionType;
  /** Question text, for 2004 `description`. */
  description: string;
  /** Learner response, standard-neutral: choice -> option indexes; true-false -> boolean; matching -> [itemIndex, categoryIndex] pairs; long-fill-in -> text. */
  response: InteractionResponse;
  /** Correct response, same shape as `response`; absent for reflections. */
  correct?: InteractionResponse;
  /** `correct` | `incorrect` | `neutral` (reflections). */
  result: 'correct' | 'incorrect' | 'neutral';
  /** When the learner submitted. */
  timestamp: Date;
  /** Milliseconds from first seeing the check to submitting. */
  latencyMs: number;
  /** Objective id the check assesses. */
  objectiveId?: string;
}

export type InteractionResponse =
  | { kind: 'choice'; indexes: number[] }
  | { kind: 'true-false'; value: boolean }
  | { kind: 'matching'; pairs: Array<[item: number, category: number]> }
  | { kind: 'text'; text: string };

export interface Score {
  /** Points, 0..max. */
  raw: number;
  min: number;
  max: number;
  /** raw / max, 0..1 (2004 `score.scaled`). */
  scaled: number;
}

/** What the LMS gave us at launch. */
export interface LaunchData {
  /** Serialized learner state saved by a previous session, or null on a first launch. */
  suspendData: string | null;
  /** Bookmark (slide id) saved by a previous session. */
  location: string | null;
  /** Learner's name as the LMS knows it, if any. */
  learnerName: string | null;
  /** `resume` when the LMS says this continues an earlier attempt. */
  entry: 'ab-initio' | 'resume' | 'unknown';
}

/** Result of a call that can fail on the LMS side. */
export type Outcome = { ok: true } | { ok: false; error: string };

export interface LmsAdapter {
  readonly kind: AdapterKind;
  /** Max characters `saveState` accepts (1.2: 4,096; 2004: 64,000; standalone: large). */
  readonly stateLimit: number;
  /** Max characters of one reflection the LMS can store as an interaction/comment. */
  readonly reflectionLimit: number;
  /** Initialize the session (once per launch) and read what the LMS has. */
  start(): { ok: true; launch: LaunchData } | { ok: false; error: string };
  /** Bookmark the learner's place. */
  setLocation(slideId: string): Outcome;
  /** Store the serialized learner state (must be <= stateLimit). */
  saveState(serialized: string): Outcome;
  /** Record one answered check or written reflection. */
  recordInteraction(record: InteractionRecord): Outcome;
  setScore(score: Score): Outcome;
  setStatus(completion: CompletionStatus, success: SuccessStatus): Outcome;
  /** Persist what was set (debounced by the caller). */
  commit(): Outcome;
  /** End the session (once per launch): exit `suspend` unless `finished`. */
  finish(finished: boolean): Outcome;
}
