/**
 * The IRIs cmi5 (AICC cmi5 "Quartz") and xAPI 1.0.3 define, spelled once.
 * Section numbers are the cmi5 specification's.
 */

/** The xAPI version every request names (xAPI 1.0.3 "Versioning"; cmi5 §2.0 references xAPI 1.0.3). */
export const XAPI_VERSION = '1.0.3';

/** cmi5 defined verbs the AU sends (§9.3.2–9.3.5, §9.3.8) and the LMS's own (§9.3.1, §9.3.6, §9.3.7, §9.3.9). */
export const VERBS = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
  waived: 'https://w3id.org/xapi/adl/verbs/waived',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
} as const;

/** A verb the AU itself sends as a cmi5 defined statement. */
export type AuVerb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated';
export type DefinedVerb = keyof typeof VERBS;

/**
 * Verbs of the "cmi5 allowed" statements the AU sends (§7.1.3: any verb, the
 * context template, no cmi5 category): ADL's vocabulary for an answered
 * question and for a written comment.
 */
export const ALLOWED_VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  commented: 'http://adlnet.gov/expapi/verbs/commented',
} as const;

export type AllowedVerb = keyof typeof ALLOWED_VERBS;

/** Context activities cmi5 names (§9.6.2.1 cmi5 category, §9.6.2.2 moveOn category). */
export const CATEGORIES = {
  cmi5: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
} as const;

/** Context extensions (§9.6.3). */
export const CONTEXT_EXTENSIONS = {
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
  launchUrl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
  moveOn: 'https://w3id.org/xapi/cmi5/context/extensions/moveon',
  launchParameters: 'https://w3id.org/xapi/cmi5/context/extensions/launchparameters',
} as const;

/** Result extensions (§9.5.5). */
export const RESULT_EXTENSIONS = {
  progress: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
  reason: 'https://w3id.org/xapi/cmi5/result/extensions/reason',
} as const;

/** The activity type of a question or reflection (xAPI 1.0.3 "Interaction Activities"). */
export const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';

/** The State API document the LMS writes before launch (§10.1). */
export const LAUNCH_DATA_STATE_ID = 'LMS.LaunchData';
/** The Agent Profile document of the learner's preferences (§11.0). */
export const PREFERENCES_PROFILE_ID = 'cmi5LearnerPreferences';

/** launchMode values (§10.2.2). */
export const LAUNCH_MODES = ['Normal', 'Browse', 'Review'] as const;
export type LaunchMode = (typeof LAUNCH_MODES)[number];

/** moveOn values (§13.1.4). */
export const MOVE_ON = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'] as const;
export type MoveOn = (typeof MOVE_ON)[number];

/** The display of a verb, in the language ADL's vocabulary gives (display is for people; the id is what counts). */
export const verbDisplay = (name: string) => ({ 'en-US': name });

/** Every IRI above: identifiers the runtime writes into statements, never fetched (the package guard accepts them, package.ts). */
export const CMI5_IRIS: readonly string[] = [
  ...Object.values(VERBS),
  ...Object.values(ALLOWED_VERBS),
  ...Object.values(CATEGORIES),
  ...Object.values(CONTEXT_EXTENSIONS),
  ...Object.values(RESULT_EXTENSIONS),
  INTERACTION_TYPE,
];
