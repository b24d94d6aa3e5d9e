/**
 * An LMS quirk profile: how one real LMS (or a kind of LMS) answers the
 * SCO differently from scorm-again, the strict runtime the preview plays by
 * default. Each profile is one file in this folder, citing where its
 * behaviour is documented or was observed, and one line of registry.ts.
 *
 * A profile changes the preview LMS at a few seams of each API call
 * (instrument.ts), never by replacing scorm-again's data model:
 *
 *   SCO calls ─► fault? ─► refuse? ─► scorm-again ─► answer? ─► the SCO
 *                                          │
 *                 accepted SetValue ─► accepted()      GetLastError ─► lastError()
 *                 accepted Commit/Terminate ─► persist(record, store)
 *
 * Faults (`?fault=`) are the LMS failing; a profile decides what the SCO is
 * told about it (Open edX says "true" to everything), so both compose.
 *
 * Every hook runs in constant time: the host's cost per call must not grow
 * with the length of the course (lms-preview.browser.test.ts).
 */
import type { Standard } from '../standards.ts';
import type { ApiFunction, CmiRecord, LmsApi } from '../types.ts';

export type ScormVersion = '1.2' | '2004';

/** One API call as the SCO made it. */
export interface ApiCall {
  kind: ApiFunction;
  /** GetValue / SetValue: the element. */
  element?: string;
  /** SetValue: the value. */
  value?: string;
}

/** A call the LMS refuses before it reaches its data model: the call fails with `code`, nothing is set or stored. */
export interface Refusal {
  code: number;
  /** Why, for the log (and GetDiagnostic). */
  why: string;
}

/** What the LMS answered: the return value, and its own error code for the call ('' when it accepted it). */
export interface Verdict {
  result: string;
  error: string;
}

/** How one launch's LMS behaves, hook by hook. Absent hooks behave as scorm-again does. */
export interface LaunchQuirks {
  /** Before scorm-again sees the call: refuse it, or null to let it through. */
  refuse?(call: ApiCall): Refusal | null;
  /**
   * What the SCO is told, given the LMS's verdict: e.g. "true" whatever
   * happened. Null leaves the answer as it is. The log keeps the LMS's own
   * error code either way, so a test still sees what a strict LMS refused.
   */
  answer?(call: ApiCall, verdict: Verdict): { result: string; why: string } | null;
  /** What GetLastError returns, given the code of the last call (scorm-again's). */
  lastError?(code: string): string;
  /** A SetValue the LMS accepted. */
  accepted?(element: string, value: string): void;
  /**
   * A Commit (`terminated` false) or Terminate the LMS accepted. `record`
   * is what its data model holds now; `store` persists a record, now or
   * later. Default: `store(record)` at once. A profile may change the data
   * model first (ctx.api).
   */
  persist?(record: CmiRecord, terminated: boolean, store: (record: CmiRecord) => void): void;
}

/** What a profile's launch knows about the LMS it plays. */
export interface LaunchContext {
  standard: Standard;
  /** scorm-again's API of this launch (its data model). */
  api: LmsApi;
  /** What the LMS has set at launch: the record it started the attempt with and the data model's initial values (element → value, no empty values). */
  start: CmiRecord;
  /** What the LMS holds now (its last persisted record), or null. */
  stored(): CmiRecord | null;
  /** The SCO's documents now dispatching pagehide/unload (paths in the package), or null: constant time. */
  unloading(): readonly string[] | null;
  /** A note of the LMS in the call log. */
  note(text: string): void;
  /** The host page's timers (fake ones in unit tests). */
  setTimeout(run: () => void, ms: number): void;
}

/** Moodle's activity completion rule (moodle-4.3.ts). */
export type CompletionRule = 'completed' | 'passed-or-completed';
export type CompletionState = 'complete' | 'incomplete';

/** The page-long options a profile reads (from the host's query, options.ts). */
export interface ProfileOptions {
  /** `?completion=`: the completion rule a Moodle activity is set to. */
  completion: CompletionRule;
}

/** A profile for one page of the host: its launches, and what outlives them. */
export interface ProfileRuntime {
  launch(ctx: LaunchContext): LaunchQuirks;
  /** The LMS's activity completion, where the profile keeps one (Moodle), else null. */
  completion?(): { rule: CompletionRule; state: CompletionState; byRule: Record<CompletionRule, CompletionState> } | null;
}

export interface QuirkProfile<Id extends string = string> {
  /** `?lms=<id>`. */
  readonly id: Id;
  /** For people: "Moodle 4.3". */
  readonly label: string;
  /** The SCORM versions this LMS plays. */
  readonly versions: readonly ScormVersion[];
  /** One line per behaviour, for the host page. */
  readonly quirks: readonly string[];
  /** Where each behaviour is documented or was observed. */
  readonly sources: readonly string[];
  /**
   * SCORM 1.2: whether the LMS judges `lesson_status` from the score and the
   * manifest's mastery score at LMSFinish (scorm-again's `mastery_override`).
   * Default true; `?mastery=off` turns it off for any profile.
   */
  readonly masteryOverride?: boolean;
  /**
   * A launch after an attempt that did not end in `suspend`: a new attempt
   * (default), or the same attempt again with its record and entry ""
   * (Moodle, unless the activity forces new attempts).
   */
  readonly afterFinish?: 'new-attempt' | 'same-attempt';
  create(options: ProfileOptions): ProfileRuntime;
}

/** A profile without per-launch behaviour beyond these hooks: most profiles. */
export const stateless = (launch: (ctx: LaunchContext) => LaunchQuirks): QuirkProfile['create'] => () => ({ launch });
