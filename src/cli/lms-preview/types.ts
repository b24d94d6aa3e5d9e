/**
 * The LMS preview's shapes: what the host page logs, keeps and exposes as
 * `window.lmsPreview` (the tests drive the preview through it:
 * tests/e2e/lms/host.ts). Types only, so a test can import them without
 * loading the page's code.
 */
import type { Scorm12API, Scorm2004API } from 'scorm-again';

/** A standard's id in the registry (src/standards/registry.ts). */
export type Target = import('../../standards/registry').StandardId;

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
  /** What the call returned ('' for a note). */
  result: string;
  /** The LMS error code when the call failed, else ''. */
  error: string;
  /** The error's diagnostic, when it failed. */
  diagnostic?: string;
}

/** One launch of the SCO. */
export interface Launch {
  n: number;
  /** `cmi.core.entry` / `cmi.entry` it started with: 'ab-initio' or 'resume'. */
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

/** `window.lmsPreview`: for the tests and the console. */
export interface LmsPreview {
  readonly target: Target;
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
  newAttempt(): Promise<void>;
  setFault(name: string, on: boolean): void;
}
