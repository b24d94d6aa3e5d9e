/**
 * What the local LRS refuses of the statements an AU sends: xAPI's basic
 * shape, and cmi5's LMS-side rules, each named by its id in the published
 * list of cmi5 requirements (@cmi5/requirements; the "(d)" entries are what
 * an LMS must reject). Pure: a statement and the session it arrives in go
 * in, a verdict comes out; the session moves on only for statements stored.
 *
 * Written from the requirements, not from the AU's own rules
 * (src/standards/cmi5/rules.ts), so a mistake in one is caught by the other.
 */
import { CATEGORIES, CONTEXT_EXTENSIONS, VERBS, type LaunchMode } from '../../standards/cmi5/vocabulary.ts';

/** What the LMS knows of the session a statement belongs to, and of its registration. */
export interface SessionFacts {
  sessionId: string;
  registration: string;
  activityId: string;
  actor: Record<string, unknown>;
  launchMode: LaunchMode;
  /** Scaled, from LMS.LaunchData. */
  masteryScore: number | null;
  /** The context template the LMS wrote (§10.2.1). */
  template: { contextActivities?: Record<string, Array<{ id: string }>>; extensions?: Record<string, unknown> };
  preferencesRead: boolean;
  /** cmi5 defined verbs received in this session (verb ids). */
  verbs: ReadonlySet<string>;
  terminated: boolean;
  abandoned: boolean;
  /** In the registration, for this AU. */
  registrationVerbs: ReadonlySet<string>;
}

export type Verdict = { ok: true; defined: boolean } | { ok: false; requirement: string; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An ISO 8601 timestamp in UTC (a `Z` or a zero offset). */
const UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]00:?00)$/;
const ISO_DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const no = (requirement: string, reason: string): Verdict => ({ ok: false, requirement, reason });

/** Same JSON value, whatever the key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return sameJson(ka, kb) && ka.every((k) => sameJson(a[k], b[k]));
  }
  return a === b;
}

const categoriesOf = (context: Json | undefined): string[] => {
  const ca = isObject(context?.contextActivities) ? (context.contextActivities as Json) : {};
  return Array.isArray(ca.category) ? (ca.category as unknown[]).filter(isObject).map((a) => String(a.id)) : [];
};

/** xAPI 1.0.3's shape of a statement, as far as the cmi5 rules lean on it. */
function xapiShape(s: Json): Verdict | null {
  if (typeof s.id !== 'string' || !UUID.test(s.id)) return no('9.1.0.0-1 (d)', 'the statement has no UUID id');
  if (!isObject(s.actor)) return no('4.2.0.0-1', 'the statement has no actor');
  if (!isObject(s.verb) || typeof s.verb.id !== 'string') return no('4.2.0.0-1', 'the statement has no verb id');
  if (!isObject(s.object) || typeof s.object.id !== 'string') return no('4.2.0.0-1', 'the statement has no object id');
  if (typeof s.timestamp !== 'string') return no('9.7.0.0-1 (d)', 'the statement has no timestamp');
  if (!UTC.test(s.timestamp) || Number.isNaN(Date.parse(s.timestamp))) return no('9.7.0.0-2 (d)', `timestamp ${s.timestamp} is not UTC`);
  if (s.result !== undefined && !isObject(s.result)) return no('4.2.0.0-1', 'result is not an object');
  if (isObject(s.result) && s.result.duration !== undefined && (typeof s.result.duration !== 'string' || !ISO_DURATION.test(s.result.duration))) {
    return no('4.2.0.0-1', `result.duration ${String(s.result.duration)} is not an ISO 8601 duration`);
  }
  return null;
}

/** The context template's values, all there and none overwritten (§10.2.1, §9.6.2). */
function keepsTemplate(context: Json, template: SessionFacts['template']): Verdict | null {
  const activities = isObject(context.contextActivities) ? (context.contextActivities as Json) : {};
  for (const [list, wanted] of Object.entries(template.contextActivities ?? {})) {
    const have = Array.isArray(activities[list]) ? (activities[list] as unknown[]).filter(isObject).map((a) => a.id) : [];
    for (const activity of wanted) if (!have.includes(activity.id)) return no('9.6.2.0-1 (d)', `contextActivities.${list} lacks ${activity.id} from the context template`);
  }
  const extensions = isObject(context.extensions) ? context.extensions : {};
  for (const [key, value] of Object.entries(template.extensions ?? {})) {
    if (!(key in extensions)) return no('10.2.1.0-6 (d)', `context.extensions lacks ${key} from the context template`);
    if (!sameJson(extensions[key], value)) return no('10.2.1.0-7 (d)', `context.extensions ${key} overwrites the context template's value`);
  }
  return null;
}

const AU_VERBS = new Set<string>([VERBS.initialized, VERBS.completed, VERBS.passed, VERBS.failed, VERBS.terminated]);
const SATISFACTION = new Set<string>([VERBS.completed, VERBS.passed, VERBS.failed]);

/** Whether `statement`, from the AU, may be stored in `session` now. */
export function judgeStatement(statement: unknown, session: SessionFacts): Verdict {
  if (!isObject(statement)) return no('4.2.0.0-1', 'a statement is a JSON object');
  const shape = xapiShape(statement);
  if (shape) return shape;
  const s = statement;
  const verb = String((s.verb as Json).id);
  const context = isObject(s.context) ? s.context : undefined;
  const result = isObject(s.result) ? s.result : {};

  if (!sameJson(s.actor, session.actor)) return no('8.1.3.0-3 (d)', 'the actor is not the one given at launch');
  if (session.abandoned) return no('9.3.6.0-2 (d2)', 'the session was abandoned');
  if (session.terminated) return no('9.3.0.0-5 (d2)', 'the session has terminated');
  if (!context) return no('10.2.1.0-6 (d)', 'the statement has no context');
  const extensions = isObject(context.extensions) ? context.extensions : {};
  if (extensions[CONTEXT_EXTENSIONS.sessionId] === undefined) return no('9.6.3.1-4 (d)', 'the session id extension is missing');
  // The template holds the session id too: a different one overwrites it.
  const template = keepsTemplate(context, session.template);
  if (template) return template;
  if (extensions[CONTEXT_EXTENSIONS.sessionId] !== session.sessionId) return no('9.6.3.1-4 (d)', 'the session id extension is not this session\'s');

  const categories = categoriesOf(context);
  const defined = categories.includes(CATEGORIES.cmi5);
  const initialized = session.verbs.has(VERBS.initialized);
  if (!initialized && !(defined && verb === VERBS.initialized)) return no('9.3.0.0-4 (d2)', 'nothing before "initialized"');

  const hasOutcome = result.success !== undefined || result.completion !== undefined;
  if (!defined) {
    if (categories.includes(CATEGORIES.moveOn)) return no('9.6.2.2-2 (d)', 'the moveOn category on a statement that is not cmi5 defined');
    return { ok: true, defined: false };
  }

  if (context.registration !== session.registration) return no('9.6.1.0-1 (d)', 'context.registration is not the launch\'s');
  if ((s.object as Json).id !== session.activityId) return no('8.1.5.0-6 (d)', 'a cmi5 defined statement\'s object is not the AU (activityId)');
  if (!AU_VERBS.has(verb)) return no('9.3.0.0-2 (d)', `${verb} is no cmi5 defined verb an AU sends`);
  if (verb === VERBS.initialized && initialized) return no('9.3.2.0-3 (d)', 'a second "initialized" in the session');
  if (verb === VERBS.initialized && !session.preferencesRead) return no('11.0.0.0-3 (d2)', '"initialized" before the learner preferences were read');
  if (session.verbs.has(verb)) return no('9.3.0.0-2 (d)', `"${verb}" was used in this session already`);
  if ((verb === VERBS.passed || verb === VERBS.failed) && (session.verbs.has(VERBS.passed) || session.verbs.has(VERBS.failed))) {
    return no('9.3.0.0-3 (d)', 'a second "passed" or "failed" in the session');
  }
  if (verb === VERBS.completed && session.registrationVerbs.has(VERBS.completed)) return no('9.3.0.0-6 (d2)', 'a second "completed" in the registration');
  if (verb === VERBS.passed && session.registrationVerbs.has(VERBS.passed)) return no('9.3.0.0-7 (d2)', 'a second "passed" in the registration');
  if (verb === VERBS.failed && session.registrationVerbs.has(VERBS.passed)) return no('9.3.0.0-8 (d)', '"failed" after "passed" in the registration');
  if (SATISFACTION.has(verb) && session.launchMode !== 'Normal') {
    return no(session.launchMode === 'Browse' ? '10.2.2.0-2 (d)' : '10.2.2.0-3 (d)', `"${verb}" in a ${session.launchMode} launch`);
  }

  const judged = verb === VERBS.passed || verb === VERBS.failed;
  if (result.score !== undefined && !judged) return no('9.5.1.0-2 (d)', 'a score on a statement other than passed or failed');
  if (isObject(result.score) && result.score.raw !== undefined) {
    if (result.score.min === undefined) return no('9.5.1.0-3 (d1)', 'score.raw without score.min');
    if (result.score.max === undefined) return no('9.5.1.0-3 (d2)', 'score.raw without score.max');
  }
  if (verb === VERBS.passed && result.success !== true) return no('9.5.2.0-1 (d1)', '"passed" without result.success true');
  if (verb === VERBS.failed && result.success !== false) return no('9.5.2.0-2 (d)', '"failed" without result.success false');
  if (!judged && result.success !== undefined) return no('9.5.2.0-3 (d)', 'result.success on a statement other than passed or failed');
  if (verb === VERBS.completed && result.completion !== true) return no('9.5.3.0-1 (d1)', '"completed" without result.completion true');
  if (verb !== VERBS.completed && result.completion !== undefined) return no('9.5.3.0-2 (d)', 'result.completion on a statement other than completed');
  const durationRule = { [VERBS.terminated]: '9.5.4.1-1 (d)', [VERBS.completed]: '9.5.4.1-2 (d)', [VERBS.passed]: '9.5.4.1-3 (d)', [VERBS.failed]: '9.5.4.1-4 (d)' }[verb];
  if (durationRule && typeof result.duration !== 'string') return no(durationRule, `"${verb}" without result.duration`);
  const moveOn = categories.includes(CATEGORIES.moveOn);
  if (hasOutcome && !moveOn) {
    return no(verb === VERBS.completed ? '9.6.2.2-1 (d1)' : verb === VERBS.passed ? '9.6.2.2-1 (d2)' : '9.6.2.2-1 (d3)', 'result.success or result.completion without the moveOn category');
  }
  if (!hasOutcome && moveOn) return no('9.6.2.2-2 (d)', 'the moveOn category without result.success or result.completion');
  if (judged && isObject(result.score) && typeof result.score.scaled === 'number' && session.masteryScore !== null) {
    if (extensions[CONTEXT_EXTENSIONS.masteryScore] === undefined) return no('9.6.3.2-2 (d)', `a scored "${verb}" without the masteryscore extension`);
    if (verb === VERBS.passed && result.score.scaled < session.masteryScore) return no('9.3.4.0-2 (d2)', `"passed" at ${result.score.scaled}, below the mastery score ${session.masteryScore}`);
    if (verb === VERBS.failed && result.score.scaled >= session.masteryScore) return no('9.3.5.0-2 (d)', `"failed" at ${result.score.scaled}, at or above the mastery score ${session.masteryScore}`);
  }
  return { ok: true, defined: true };
}
