/**
 * The two standards as the preview LMS needs them: the API object's global
 * name and functions, the error codes of injected faults, the data-model
 * elements the LMS itself reads or fills in, and the suspend_data limit.
 */
import type { Scorm12API, Scorm2004API } from 'scorm-again';
import type { ApiFunction, Target } from './types.ts';

/** The element names the LMS side uses. */
export interface Elements {
  entry: string;
  exit: string;
  location: string;
  sessionTime: string;
  totalTime: string;
  learnerId: string;
  learnerName: string;
  credit: string;
  mode: string;
  suspendData: string;
}

/** The kinds of call a fault can make fail. */
export type FaultableFunction = 'initialize' | 'setValue' | 'commit' | 'terminate';

export interface StandardOf<Api extends Scorm12API | Scorm2004API> {
  label: string;
  /** Where the SCO looks for the API: `window.API` / `window.API_1484_11`. */
  global: 'API' | 'API_1484_11';
  /** The global scorm-again's browser bundle defines. */
  constructor: 'Scorm12API' | 'Scorm2004API';
  /** Its URL on the preview server. */
  bundle: string;
  /** Each API function's name in this standard. */
  fn: Record<ApiFunction, keyof Api & string>;
  /** The LMS error code a faulted call sets. */
  faultCode: Record<FaultableFunction, number>;
  el: Elements;
  /** The characters cmi.suspend_data holds. */
  suspendLimit: number;
}

const scorm12: StandardOf<Scorm12API> = {
  label: 'SCORM 1.2',
  global: 'API',
  constructor: 'Scorm12API',
  bundle: '/scorm-again/scorm12.min.js',
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
  // SCORM 1.2 RTE 3.3.4: 101 General exception (1.2 has no finer codes for these).
  faultCode: { initialize: 101, setValue: 101, commit: 101, terminate: 101 },
  el: {
    entry: 'cmi.core.entry',
    exit: 'cmi.core.exit',
    location: 'cmi.core.lesson_location',
    sessionTime: 'cmi.core.session_time',
    totalTime: 'cmi.core.total_time',
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    credit: 'cmi.core.credit',
    mode: 'cmi.core.lesson_mode',
    suspendData: 'cmi.suspend_data',
  },
  suspendLimit: 4096,
};

const scorm2004: StandardOf<Scorm2004API> = {
  label: 'SCORM 2004 4th Ed.',
  global: 'API_1484_11',
  constructor: 'Scorm2004API',
  bundle: '/scorm-again/scorm2004.min.js',
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
  // SCORM 2004 RTE 3.1.7: 102 General Initialization Failure, 351 General Set Failure,
  // 391 General Commit Failure, 111 General Termination Failure.
  faultCode: { initialize: 102, setValue: 351, commit: 391, terminate: 111 },
  el: {
    entry: 'cmi.entry',
    exit: 'cmi.exit',
    location: 'cmi.location',
    sessionTime: 'cmi.session_time',
    totalTime: 'cmi.total_time',
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    credit: 'cmi.credit',
    mode: 'cmi.mode',
    suspendData: 'cmi.suspend_data',
  },
  suspendLimit: 64000,
};

/** One of the two; its function names are checked against scorm-again's class of that standard. */
export type Standard = StandardOf<Scorm12API> | StandardOf<Scorm2004API>;

export const STANDARDS: { scorm12: StandardOf<Scorm12API>; scorm2004: StandardOf<Scorm2004API> } & Record<Target, Standard> = { scorm12, scorm2004 };

/** The functions whose calls are not logged or counted: the SCO asking about the last error. */
export const isErrorQuery = (kind: ApiFunction): boolean => kind === 'getLastError' || kind === 'getErrorString' || kind === 'getDiagnostic';
