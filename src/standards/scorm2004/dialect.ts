/**
 * SCORM 2004 4th Edition as data (scorm/dialect.ts). API: RTE 3.1
 * (`window.API_1484_11`, Initialize…); data model: RTE 4.2, cited per element.
 */
import type { ScormDialect } from '../scorm/dialect';
import { formatIsoDuration, formatScorm2004Timestamp } from '../scorm/time';

export const scorm2004Dialect: ScormDialect = {
  version: '2004',
  label: 'SCORM 2004',
  api: {
    global: 'API_1484_11',
    fn: {
      initialize: 'Initialize',
      terminate: 'Terminate',
      getValue: 'GetValue',
      setValue: 'SetValue',
      commit: 'Commit',
      getLastError: 'GetLastError',
      getErrorString: 'GetErrorString',
      getDiagnostic: 'GetDiagnostic',
    },
    // RTE 3.1.5.1 and ADL's sample search: up to 500 parents.
    maxParents: 500,
  },
  el: {
    // cmi.entry (RTE 4.2.7): "ab-initio", "resume" or "".
    entry: 'cmi.entry',
    // cmi.exit (RTE 4.2.8).
    exit: 'cmi.exit',
    // cmi.location (RTE 4.2.14): characterstring, SPM 1,000.
    location: 'cmi.location',
    learnerName: 'cmi.learner_name',
    learnerId: 'cmi.learner_id',
    // cmi.suspend_data (RTE 4.2.23): characterstring, SPM 64,000.
    suspendData: 'cmi.suspend_data',
    // cmi.session_time (RTE 4.2.21): timeinterval.
    sessionTime: 'cmi.session_time',
    totalTime: 'cmi.total_time',
    credit: 'cmi.credit',
    mode: 'cmi.mode',
    // cmi.completion_status (RTE 4.2.4) and cmi.success_status (RTE 4.2.22).
    status: { kind: 'split', completion: 'cmi.completion_status', success: 'cmi.success_status' },
    // cmi.score (RTE 4.2.20): scaled -1..1, raw/min/max real.
    score: { raw: 'cmi.score.raw', min: 'cmi.score.min', max: 'cmi.score.max', scaled: 'cmi.score.scaled' },
    // cmi.interactions.n (RTE 4.2.9): readable, so re-answering updates the same record.
    interactions: {
      prefix: 'cmi.interactions',
      count: 'cmi.interactions._count',
      fields: {
        id: 'id',
        type: 'type',
        description: 'description',
        objective: 'objectives.0.id',
        time: 'timestamp',
        response: 'learner_response',
        correct: 'correct_responses.0.pattern',
        result: 'result',
        latency: 'latency',
        weighting: 'weighting',
      },
    },
    // cmi.comments_from_learner (RTE 4.2.2).
    comments: {
      prefix: 'cmi.comments_from_learner',
      count: 'cmi.comments_from_learner._count',
      comment: 'comment',
      location: 'location',
      timestamp: 'timestamp',
    },
  },
  // long-fill-in learner_response and comments: SPM 4,000 (RTE 4.2.9, 4.2.2); description: localized_string_type, SPM 250.
  limits: { suspendData: 64000, location: 1000, text: 4000, description: 250 },
  // learner_response and correct_responses.n.pattern by interaction type (RTE 4.2.9): `[,]` and `[.]` delimiters.
  // Identifiers are short_identifier_type (RTE 4.1): the author's ids, as an administrator reads them.
  responses: {
    list: '[,]',
    pair: '[.]',
    true: 'true',
    false: 'false',
    types: ['choice', 'true-false', 'matching', 'sequencing', 'long-fill-in'],
    byId: { choice: true, matching: true, sequencing: true },
    limit: null,
  },
  results: { correct: 'correct', incorrect: 'incorrect', neutral: 'neutral' },
  // Interaction and objective ids are long_identifier_type, URIs (RTE 4.1).
  ids: 'urn',
  interactionsReadable: true,
  exit: { suspend: 'suspend', done: 'normal' },
  // 403 "Data Model Element Value Not Initialized": e.g. cmi.location on a first launch (RTE 3.1.7.4).
  missingCodes: ['403'],
  // RTE 3.1.7: 102 General Initialization Failure, 351 General Set Failure, 391 General Commit Failure, 111 General Termination Failure.
  faultCodes: { initialize: '102', setValue: '351', commit: '391', terminate: '111' },
  // timeinterval (ISO 8601 duration) for session time and latency; time (second,10,0) for timestamps.
  time: { duration: formatIsoDuration, moment: formatScorm2004Timestamp },
};
