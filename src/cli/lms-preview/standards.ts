/**
 * The standards as the preview LMS plays them, from the registry of
 * standards (src/standards/registry.ts): each entry's `preview` names the
 * dialect (the API object's global and functions, the data-model elements,
 * the general error code of each call, the suspend_data limit) and
 * scorm-again's class for it. Nothing here spells a standard a second time.
 */
import { scormStandards, type ScormStandard } from '../../standards/registry';
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
  /** 1.2: one `lesson_status`; 2004: `completion_status` and `success_status`. */
  status: { kind: 'lesson-status'; lessonStatus: string } | { kind: 'split'; completion: string; success: string };
  scoreRaw: string;
  /** `cmi.interactions` and the fields of one record (relative to `cmi.interactions.n.`). */
  interactions: { prefix: string; response: string; correct: string };
}

/** The kinds of call a fault can make fail. */
export type FaultableFunction = 'initialize' | 'setValue' | 'commit' | 'terminate';

export interface Standard {
  id: Target;
  label: string;
  /** Which SCORM: what the LMS takes from the manifest differs (1.2 mastery score, 2004 scaled passing score). */
  version: '1.2' | '2004';
  /** Where the SCO looks for the API: `window.API` / `window.API_1484_11`. */
  global: 'API' | 'API_1484_11';
  /** The global scorm-again's browser bundle defines. */
  constructor: string;
  /** Its URL on the preview server. */
  bundle: string;
  /** Each API function's name in this standard. */
  fn: Readonly<Record<ApiFunction, string>>;
  /** The LMS error code a faulted call sets. */
  faultCode: Record<FaultableFunction, number>;
  el: Elements;
  /** The characters cmi.suspend_data holds. */
  suspendLimit: number;
  /** The characters cmi.(core.lesson_)location holds. */
  locationLimit: number;
}

function previewOf(standard: ScormStandard): Standard {
  const { dialect, library } = standard.preview;
  const { el } = dialect;
  return {
    id: standard.id,
    label: standard.label,
    version: dialect.version,
    global: dialect.api.global,
    constructor: library.constructor,
    bundle: `/scorm-again/${library.bundle}`,
    fn: dialect.api.fn,
    faultCode: {
      initialize: Number(dialect.faultCodes.initialize),
      setValue: Number(dialect.faultCodes.setValue),
      commit: Number(dialect.faultCodes.commit),
      terminate: Number(dialect.faultCodes.terminate),
    },
    el: {
      entry: el.entry,
      exit: el.exit,
      location: el.location,
      sessionTime: el.sessionTime,
      totalTime: el.totalTime,
      learnerId: el.learnerId,
      learnerName: el.learnerName,
      credit: el.credit,
      mode: el.mode,
      suspendData: el.suspendData,
      status: el.status,
      scoreRaw: el.score.raw,
      interactions: { prefix: el.interactions.prefix, response: el.interactions.fields.response, correct: el.interactions.fields.correct },
    },
    suspendLimit: dialect.limits.suspendData,
    locationLimit: dialect.limits.location,
  };
}

export const STANDARDS = Object.fromEntries(scormStandards.map((s) => [s.id, previewOf(s)])) as Record<Target, Standard>;

/** The functions whose calls are not logged or counted: the SCO asking about the last error. */
export const isErrorQuery = (kind: ApiFunction): boolean => kind === 'getLastError' || kind === 'getErrorString' || kind === 'getDiagnostic';
