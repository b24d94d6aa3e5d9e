/**
 * What the LMS writes for the AU before the launch, read and checked: the
 * `LMS.LaunchData` State document (§10) and the learner's preferences in the
 * Agent Profile (§11). Pure: the client fetches the documents, this reads
 * them. A LaunchData without a context template or a launch mode is no
 * cmi5 launch the AU can report in (§10.2.1, §10.2.2 "LMS Required: Yes").
 */
import { CONTEXT_EXTENSIONS, LAUNCH_MODES, MOVE_ON, type LaunchMode, type MoveOn } from './vocabulary';

/** An xAPI Activity as context activities list them. */
export interface ActivityRef {
  id: string;
  objectType?: 'Activity';
  definition?: Record<string, unknown>;
}

/** The xAPI context the LMS gives as a template (§10.2.1): the AU copies it into every statement. */
export interface ContextTemplate {
  registration?: string;
  contextActivities?: { parent?: ActivityRef[]; grouping?: ActivityRef[]; category?: ActivityRef[]; other?: ActivityRef[] };
  extensions?: Record<string, unknown>;
  [property: string]: unknown;
}

export interface Cmi5LaunchData {
  contextTemplate: ContextTemplate;
  /** §9.6.3.1: from the template's extensions; every statement carries it. */
  sessionId: string;
  launchMode: LaunchMode;
  /** §10.2.4: scaled, 0..1, when the LMS gives one; passed/failed are judged against it. */
  masteryScore: number | null;
  moveOn: MoveOn;
  launchParameters: string | null;
  /** §10.2.6: where the learner goes when the AU terminates, when the LMS says. */
  returnUrl: string | null;
}

export type LaunchDataResult = { ok: true; data: Cmi5LaunchData } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Read the `LMS.LaunchData` document (§10.2). */
export function readLaunchData(doc: unknown): LaunchDataResult {
  if (!isObject(doc)) return { ok: false, error: 'LMS.LaunchData is not a JSON object' };
  const template = doc.contextTemplate;
  if (!isObject(template)) return { ok: false, error: 'LMS.LaunchData has no contextTemplate (cmi5 §10.2.1)' };
  const extensions = isObject(template.extensions) ? template.extensions : {};
  const sessionId = extensions[CONTEXT_EXTENSIONS.sessionId];
  if (typeof sessionId !== 'string' || sessionId === '') return { ok: false, error: 'the contextTemplate has no session id extension (cmi5 §9.6.3.1)' };
  const launchMode = doc.launchMode;
  if (!LAUNCH_MODES.includes(launchMode as LaunchMode)) return { ok: false, error: `LMS.LaunchData launchMode ${JSON.stringify(launchMode)} is none of ${LAUNCH_MODES.join(', ')} (cmi5 §10.2.2)` };
  const mastery = doc.masteryScore;
  if (mastery !== undefined && (typeof mastery !== 'number' || !(mastery >= 0 && mastery <= 1))) {
    return { ok: false, error: `LMS.LaunchData masteryScore ${JSON.stringify(mastery)} is not a decimal from 0 to 1 (cmi5 §10.2.4)` };
  }
  // §10.2.5: the LMS MUST give moveOn; an AU MAY use it. A missing or unknown one changes nothing the AU does.
  const moveOn = MOVE_ON.includes(doc.moveOn as MoveOn) ? (doc.moveOn as MoveOn) : 'NotApplicable';
  return {
    ok: true,
    data: {
      contextTemplate: template as ContextTemplate,
      sessionId,
      launchMode: launchMode as LaunchMode,
      masteryScore: typeof mastery === 'number' ? mastery : null,
      moveOn,
      launchParameters: typeof doc.launchParameters === 'string' ? doc.launchParameters : null,
      returnUrl: typeof doc.returnURL === 'string' && doc.returnURL !== '' ? doc.returnURL : null,
    },
  };
}

export interface LearnerPreferences {
  /** §11.1: RFC 5646 tags, in the learner's order of preference. */
  languages: string[];
  /** §11.2: on or off, or null when the learner has not said. */
  audio: 'on' | 'off' | null;
}

/** Read the `cmi5LearnerPreferences` document (§11); none (404) or anything malformed is "no preferences". */
export function readPreferences(doc: unknown): LearnerPreferences {
  if (!isObject(doc)) return { languages: [], audio: null };
  const languages =
    typeof doc.languagePreference === 'string'
      ? doc.languagePreference
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== '')
      : [];
  const audio = doc.audioPreference === 'on' || doc.audioPreference === 'off' ? doc.audioPreference : null;
  return { languages, audio };
}
