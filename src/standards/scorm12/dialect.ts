/**
 * SCORM 1.2 as data (scorm/dialect.ts). API: RTE 3.3 (`window.API`,
 * LMSInitialize…); data model: RTE 3.4, cited per element.
 */
import type { ScormDialect } from '../scorm/dialect';
import { formatScorm12TimeOfDay, formatScorm12Timespan } from '../scorm/time';

export const scorm12Dialect: ScormDialect = {
  version: '1.2',
  label: 'SCORM 1.2',
  api: {
    global: 'API',
    fn: {
      initialize: 'LMSInitialize',
      terminate: 'LMSFinish',
      getValue: 'LMSGetValue',
      setValue: 'LMSSetValue',
      commit: 'LMSCommit',
      getLastError: 'LMSGetLastError',
      getErrorString: 'LMSGetErrorString',
      getDiagnostic: 'LMSGetDiagnostic',
    },
    // RTE 3.3.6.1: the API is on a parent, up to 7 levels, or on the opener's.
    maxParents: 7,
  },
  el: {
    // cmi.core.entry: "ab-initio", "resume" or "".
    entry: 'cmi.core.entry',
    exit: 'cmi.core.exit',
    // cmi.core.lesson_location: CMIString255.
    location: 'cmi.core.lesson_location',
    learnerName: 'cmi.core.student_name',
    learnerId: 'cmi.core.student_id',
    // cmi.suspend_data: CMIString4096.
    suspendData: 'cmi.suspend_data',
    sessionTime: 'cmi.core.session_time',
    totalTime: 'cmi.core.total_time',
    credit: 'cmi.core.credit',
    mode: 'cmi.core.lesson_mode',
    // cmi.core.lesson_status: passed, completed, failed, incomplete, browsed, not attempted.
    status: { kind: 'lesson-status', lessonStatus: 'cmi.core.lesson_status' },
    // cmi.core.score.raw/min/max: CMIDecimal, 0..100.
    score: { raw: 'cmi.core.score.raw', min: 'cmi.core.score.min', max: 'cmi.core.score.max', scaled: null },
    // cmi.interactions.n: write-only but for _count; the id goes first and indexes run in order.
    interactions: {
      prefix: 'cmi.interactions',
      count: 'cmi.interactions._count',
      fields: {
        id: 'id',
        type: 'type',
        description: null,
        objective: 'objectives.0.id',
        time: 'time',
        response: 'student_response',
        correct: 'correct_responses.0.pattern',
        result: 'result',
        latency: 'latency',
        weighting: 'weighting',
      },
    },
    comments: null,
  },
  // No long-fill-in in 1.2 (fill-in holds 255 characters): reflections live in suspend_data only.
  limits: { suspendData: 4096, location: 255, text: null, description: null },
  // Choices as single characters 0-9a-z, comma-separated (RTE 3.4.2.6); true-false t/f; matching source.target.
  // Matching and sequencing name the author's ids when the response fits CMIFeedback's 255 characters, so an
  // administrator can read them; else positions. Choices stay positions: 1.2 allows single characters only.
  responses: {
    list: ',',
    pair: '.',
    true: 't',
    false: 'f',
    types: ['choice', 'true-false', 'matching', 'sequencing'],
    byId: { choice: false, matching: true, sequencing: true },
    limit: 255,
  },
  // cmi.interactions.n.result: correct, wrong, unanticipated, neutral (1.2 has no `incorrect`).
  results: { correct: 'correct', incorrect: 'wrong', neutral: 'neutral' },
  ids: 'plain',
  interactionsReadable: false,
  // cmi.core.exit: time-out, suspend, logout or "": no "normal" in 1.2.
  exit: { suspend: 'suspend', done: '' },
  // 401 "Not implemented error": an optional element this LMS does not keep (RTE 3.3.4).
  missingCodes: ['401'],
  // RTE 3.3.4: 101 General exception (1.2 has no finer codes for these).
  faultCodes: { initialize: '101', setValue: '101', commit: '101', terminate: '101' },
  // CMITimespan HHHH:MM:SS.SS for session time and latency; CMITime (time of day) for cmi.interactions.n.time.
  time: { duration: formatScorm12Timespan, moment: formatScorm12TimeOfDay },
};
