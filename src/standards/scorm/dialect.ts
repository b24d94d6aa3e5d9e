/**
 * What differs between SCORM 1.2 and SCORM 2004 4th Edition, stated once as
 * data: the API's names, the data-model elements, the delimiters and
 * vocabularies of responses and results, the limits and the error codes.
 * The one SCORM adapter (adapter.ts), the API search (discover.ts) and the
 * LMS preview (src/cli/lms-preview) read a dialect instead of asking which
 * version they are in. The two dialects are scorm12/dialect.ts and
 * scorm2004/dialect.ts; comments there cite the sections of each standard.
 */

/** The eight API functions, by their neutral names. */
export type ApiFunction = 'initialize' | 'terminate' | 'getValue' | 'setValue' | 'commit' | 'getLastError' | 'getErrorString' | 'getDiagnostic';

/** The fields of one `cmi.interactions.n` record, relative to its prefix; null where the version has none. */
export interface InteractionElements {
  id: string;
  type: string;
  description: string | null;
  objective: string;
  time: string;
  response: string;
  correct: string;
  result: string;
  latency: string;
  /** How much the interaction counts (1.2 RTE 3.4.2.7.4, 2004 RTE 4.2.9.1): 0 for practice, 1 for the assessment. */
  weighting: string;
}

export interface ScormDialect {
  /** The version as the manifest's `schemaversion` family says it: `1.2` or `2004`. */
  version: '1.2' | '2004';
  /** For messages, e.g. "SCORM 1.2". */
  label: string;
  api: {
    /** The window property the LMS's API object sits on. */
    global: 'API' | 'API_1484_11';
    /** The function name of each API call. */
    fn: Readonly<Record<ApiFunction, string>>;
    /** How many parents the search climbs from each start window. */
    maxParents: number;
  };
  el: {
    entry: string;
    exit: string;
    location: string;
    learnerName: string;
    learnerId: string;
    suspendData: string;
    sessionTime: string;
    totalTime: string;
    credit: string;
    mode: string;
    /** 1.2 folds completion and success into one element; 2004 has two. */
    status: { kind: 'lesson-status'; lessonStatus: string } | { kind: 'split'; completion: string; success: string };
    score: { raw: string; min: string; max: string; scaled: string | null };
    interactions: { prefix: string; count: string; fields: InteractionElements };
    /** Learner comments (2004 cmi.comments_from_learner), or null. */
    comments: { prefix: string; count: string; comment: string; location: string; timestamp: string } | null;
  };
  limits: {
    /** cmi.suspend_data. */
    suspendData: number;
    /** cmi.(core.lesson_)location. */
    location: number;
    /** A long-fill-in response or a comment, or null when the version has no such element. */
    text: number | null;
    /** An interaction's description, or null when the version has none. */
    description: number | null;
  };
  /** How a response is written (learner response and correct-response pattern). */
  responses: {
    /** Between the identifiers of a list. */
    list: string;
    /** Between source and target of a matching pair. */
    pair: string;
    true: string;
    false: string;
    /** Interaction types the version can record; others are kept in suspend_data only. */
    types: readonly string[];
    /** Which kinds name options, items and categories by the author's ids (else by position, one character each). */
    byId: Readonly<Record<'choice' | 'matching' | 'sequencing', boolean>>;
    /** Longest response the element holds; a response by ids that would not fit is written by position. */
    limit: number | null;
  };
  /** Interaction results. */
  results: { correct: string; incorrect: string; neutral: string };
  /** Interaction and objective ids: as the author wrote them, or as URNs (`urn:<course>:<kind>:<id>`). */
  ids: 'plain' | 'urn';
  /** Whether interactions can be read back on resume (2004) or are write-only (1.2). */
  interactionsReadable: boolean;
  /** cmi.(core.)exit values. */
  exit: { suspend: string; done: string };
  /** Error codes that mean "no value here" on a read, not a failure. */
  missingCodes: readonly string[];
  /** The general failure code of each call, for an LMS that fails it (the preview's faults). */
  faultCodes: Readonly<Record<'initialize' | 'setValue' | 'commit' | 'terminate', string>>;
  /** Time formats: a duration (session time, latency) and a moment (interaction time). */
  time: { duration(ms: number): string; moment(date: Date): string };
}
