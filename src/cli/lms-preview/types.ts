/**
 * The LMS preview's shapes: what the host page logs, keeps and exposes as
 * `window.lmsPreview` (the tests drive the preview through it:
 * tests/e2e/lms/host.ts). Types only, so a test can import them without
 * loading the page's code.
 */
import type { Scorm12API, Scorm2004API } from 'scorm-again';

/** A standard's id in the registry (src/standards/registry.ts). */
/** The standards the SCORM host plays (cmi5 has its own host under /cmi5/, src/cli/preview-cmi5.ts). */
export type Target = import('../../standards/registry').ScormStandard['id'];

/** The faults the preview can inject (query `fault=`, or the check boxes): no API object, or that function fails. */
export type Fault = 'no-api' | 'initialize' | 'setvalue' | 'commit' | 'terminate';

/** The API functions of both standards, by what they do. */
export type ApiFunction = 'initialize' | 'terminate' | 'getValue' | 'setValue' | 'commit' | 'getLastError' | 'getErrorString' | 'getDiagnostic';

/** A flattened data model: element → value (`cmi.core.lesson_location` → `"s3"`). */
export type CmiRecord = Record<string, string>;

/** One line of the call log: an API call the SCO made, or a note of the LMS. */
export interface LogEntry {
  /** 1, 2, 3… over the page's life. */
  seq: number;
  /** The launch it belongs to (0: before the first). */
  launch: number;
  /** ISO time of the call. */
  at: string;
  kind: 'session' | 'get' | 'set' | 'note';
  /** The API function's name in this standard (`LMSSetValue`, `SetValue`); '' for a note. */
  fn: string;
  element?: string;
  /** The value set, or a note's text. */
  value?: string;
  /** What the call returned to the SCO ('' for a note). */
  result: string;
  /**
   * The LMS's own error code when it refused the call, else ''. It stays
   * set when a profile tells the SCO otherwise (open-edx answers "true" to
   * everything): a strict LMS would have refused the call.
   */
  error: string;
  /** The error's diagnostic, when it failed. */
  diagnostic?: string;
  /** The SCO's documents that were unloading (dispatching pagehide/unload) when the call was made, by path in the package. */
  unloading?: string[];
  /** What the LMS profile did to this call, when it did something (refused it, answered otherwise). */
  quirk?: string;
}

/** One launch of the SCO. */
export interface Launch {
  n: number;
  /** `cmi.core.entry` / `cmi.entry` it started with: 'ab-initio', 'resume', or '' (an ended attempt reopened). */
  entry: string;
  /** Whether an API object was offered (not with the "no-api" fault). */
  api: boolean;
  /** Calls made, by API function (the error functions are not counted). */
  calls: Partial<Record<ApiFunction, number>>;
  /** Failed calls other than GetValue. */
  errors: number;
  open: boolean;
}

/** One package, as /packages.json lists it (src/cli/preview-lms.ts). */
export interface PackageInfo {
  target: Target;
  zip: string;
  bytes: number;
  files: number;
  title: string;
  launch: string;
  masteryScore: string | null;
  scaledPassingScore: string | null;
}

export type PackageListing = PackageInfo | { target: Target; missing: true };

/** scorm-again's API object of either standard. */
export type LmsApi = Scorm12API | Scorm2004API;

/** A quirk profile's id (src/cli/lms-preview/quirks/registry.ts). */
export type ProfileId = import('./quirks/registry.ts').ProfileId;

export type CompletionRule = import('./quirks/types.ts').CompletionRule;
export type CompletionState = import('./quirks/types.ts').CompletionState;

/** `window.lmsPreview`: for the tests and the console. */
export interface LmsPreview {
  readonly target: Target;
  /** The LMS quirk profile played (`?lms=`). */
  readonly profile: ProfileId;
  /** Whether the profile plays this standard; when not, nothing is launched. */
  readonly playable: boolean;
  /** The LMS's activity completion under the rule of `?completion=`, where the profile keeps one (moodle-4.3), else null. */
  readonly completion: CompletionState | null;
  /** The same under each rule. */
  readonly completionByRule: Readonly<Record<CompletionRule, CompletionState>> | null;
  /** Settles once the package is read and, unless `autolaunch=0`, launched. */
  readonly ready: Promise<void>;
  /** Every call and note since the page opened (the screen shows only the last ones). */
  readonly log: readonly LogEntry[];
  readonly launches: readonly Launch[];
  /** What the LMS has persisted (last successful Commit/Terminate), or null. */
  readonly stored: CmiRecord | null;
  /** The live data model of the current launch (set values not yet committed included). */
  live(): CmiRecord | null;
  /** The current launch's scorm-again API, or null. */
  readonly api: LmsApi | null;
  readonly faults: Fault[];
  launch(): Promise<void>;
  close(): Promise<void>;
  relaunch(): Promise<void>;
  /**
   * Close, then launch the same attempt again whatever its exit, with the
   * record the LMS holds and this entry (`resume` by default): an LMS that
   * lets the learner back into a completed attempt.
   */
  reopen(entry?: 'resume' | ''): Promise<void>;
  newAttempt(): Promise<void>;
  setFault(name: string, on: boolean): void;
}
