/**
 * The statements the AU sends, as pure functions of what happened and of
 * the launch: cmi5 defined ones (§9: initialized, completed, passed, failed,
 * terminated) and cmi5 allowed ones (§7.1.3: an answer, a reflection). Every
 * statement's context is the LMS's template with our additions, never over
 * it (§10.2.1 "MUST NOT overwrite any values provided in the
 * contextTemplate"). Ids and clocks are injected, so a test names them.
 */
import type { InteractionRecord } from '../../questions/interaction';
import type { Score } from '../contract';
import type { Agent } from './launch';
import type { ActivityRef, ContextTemplate } from './launch-data';
import { ALLOWED_VERBS, CATEGORIES, CONTEXT_EXTENSIONS, INTERACTION_TYPE, VERBS, verbDisplay, type AllowedVerb, type AuVerb } from './vocabulary';

export interface XapiScore {
  scaled: number;
  raw: number;
  min: number;
  max: number;
}

export interface XapiResult {
  score?: XapiScore;
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface XapiContext extends ContextTemplate {
  registration?: string;
  language?: string;
}

export interface Statement {
  id: string;
  actor: Agent;
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition?: Record<string, unknown> };
  result?: XapiResult;
  context: XapiContext;
  /** UTC, ISO 8601 with milliseconds (§9.7 "All timestamps MUST be recorded in UTC time"). */
  timestamp: string;
}

/** What every statement of one launch shares. */
export interface StatementScope {
  actor: Agent;
  /** §8.1.5: the object of every cmi5 defined statement. */
  activityId: string;
  registration: string;
  template: ContextTemplate;
  /** §10.2.4: scaled mastery score from LMS.LaunchData, or null. */
  masteryScore: number | null;
  /** Namespace of the ids of checks and reflections: the course id (`urn:<course>:check:<id>`, as SCORM 2004's interactions). */
  idNamespace: string;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** `list` with `activity` appended unless an activity with its id is already there. */
function withActivity(list: readonly ActivityRef[] | undefined, activity: ActivityRef): ActivityRef[] {
  const copy = [...(list ?? [])];
  if (!copy.some((a) => a.id === activity.id)) copy.push(activity);
  return copy;
}

/** What a statement's context adds to the template. */
type ContextKind =
  /** §9.6.2.1: cmi5 defined statements carry the cmi5 category. */
  | { kind: 'defined'; moveOn: boolean; masteryScore: boolean }
  /** §7.1.3: cmi5 allowed statements must not; they name the AU as their parent. */
  | { kind: 'allowed' };

/**
 * The statement's context: a copy of the template (§10.2.1), with the
 * registration (§9.6.1), the categories (§9.6.2.1, §9.6.2.2: moveOn only on
 * statements with `success` or `completion`), the masteryscore extension on
 * a judged passed/failed (§9.6.3.2), and for an allowed statement the AU as
 * parent. What the template sets is kept as it is.
 */
export function contextOf(scope: StatementScope, what: ContextKind): XapiContext {
  const context: XapiContext = clone(scope.template);
  context.registration ??= scope.registration;
  const activities = { ...(context.contextActivities ?? {}) };
  if (what.kind === 'defined') {
    let category = withActivity(activities.category, { id: CATEGORIES.cmi5, objectType: 'Activity' });
    if (what.moveOn) category = withActivity(category, { id: CATEGORIES.moveOn, objectType: 'Activity' });
    activities.category = category;
  } else {
    activities.parent = withActivity(activities.parent, { id: scope.activityId, objectType: 'Activity' });
  }
  context.contextActivities = activities;
  if (what.kind === 'defined' && what.masteryScore && scope.masteryScore !== null) {
    const extensions = { ...(context.extensions ?? {}) };
    if (!(CONTEXT_EXTENSIONS.masteryScore in extensions)) extensions[CONTEXT_EXTENSIONS.masteryScore] = scope.masteryScore;
    context.extensions = extensions;
  }
  return context;
}

/**
 * xAPI's duration: ISO 8601, to the hundredth of a second (xAPI 1.0.3
 * "Duration": precision 0.01 s), hours not folded into days, e.g. 65.4 s →
 * `PT1M5.4S`. Its own few lines rather than the SCORM one's: the cmi5
 * runtime is a chunk of its own, loaded only for a cmi5 launch, and sharing
 * a module with the launch page would pull Vite's preload helper in there.
 */
export function duration(ms: number): string {
  const hundredths = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0;
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor(hundredths / 6_000) % 60;
  const seconds = (hundredths % 6_000) / 100;
  const parts = [hours ? `${hours}H` : '', minutes ? `${minutes}M` : '', seconds || (!hours && !minutes) ? `${seconds}S` : ''];
  return `PT${parts.join('')}`;
}

/**
 * A score as cmi5 takes it (§9.5.1): `raw`, `min` and `max` integers, `min`
 * and `max` given with `raw`; `scaled` 0..1. The course reports a percentage
 * on 0–100 (session/state.ts `toLmsScore`), rounded here to whole points.
 */
export function xapiScore(score: Score): XapiScore {
  const scaled = Math.min(1, Math.max(0, Math.round(score.scaled * 10000) / 10000));
  const min = Math.round(score.min);
  const max = Math.round(score.max);
  return { scaled, raw: Math.min(max, Math.max(min, Math.round(score.raw))), min, max };
}

/** One cmi5 defined statement the AU sends, with what its verb needs in the result (§9.5). */
export type DefinedEvent =
  | { verb: 'initialized' }
  /** §9.5.3: completion true; §9.5.4.1: a duration. */
  | { verb: 'completed'; durationMs: number }
  /** §9.5.2: success; §9.5.1: a score when there is one; §9.5.4.1: a duration. */
  | { verb: 'passed' | 'failed'; durationMs: number; score: Score | null }
  /** §9.5.4.1: a duration, initialized to terminated. */
  | { verb: 'terminated'; durationMs: number };

/** A cmi5 defined statement (§9): the AU as object (§9.4, §8.1.5), the cmi5 category, the result its verb takes. */
export function definedStatement(scope: StatementScope, event: DefinedEvent, id: string, at: Date): Statement {
  const verb: AuVerb = event.verb;
  let result: XapiResult | undefined;
  let moveOn = false;
  let judged = false;
  switch (event.verb) {
    case 'initialized':
      break;
    case 'completed':
      result = { completion: true, duration: duration(event.durationMs) };
      moveOn = true;
      break;
    case 'passed':
    case 'failed':
      result = { success: event.verb === 'passed', duration: duration(event.durationMs), ...(event.score ? { score: xapiScore(event.score) } : {}) };
      moveOn = true;
      judged = true;
      break;
    case 'terminated':
      result = { duration: duration(event.durationMs) };
      break;
  }
  return {
    id,
    actor: scope.actor,
    verb: { id: VERBS[verb], display: verbDisplay(verb) },
    object: { objectType: 'Activity', id: scope.activityId },
    ...(result ? { result } : {}),
    context: contextOf(scope, { kind: 'defined', moveOn, masteryScore: judged }),
    timestamp: at.toISOString(),
  };
}

/** A response as xAPI writes it for the interaction type (xAPI 1.0.3 "Interaction Activities", response patterns). */
export function responsePattern(record: InteractionRecord, which: 'learner' | 'correct'): string {
  switch (record.type) {
    case 'choice':
      return (which === 'learner' ? record.chosen : record.correct).join('[,]');
    case 'true-false':
      return String(which === 'learner' ? record.chosen : record.correct);
    case 'matching':
      return (which === 'learner' ? record.pairs : record.correct).map(([s, t]) => `${s}[.]${t}`).join('[,]');
    case 'sequencing':
      return (which === 'learner' ? record.order : record.correct).join('[,]');
    case 'long-fill-in':
      return record.text;
  }
}

/** The interaction's components (xAPI 1.0.3: `choices`, `source`, `target`), named by the author's ids. */
function components(record: InteractionRecord): Record<string, unknown> {
  const list = (ids: readonly string[]) => ids.map((id) => ({ id, description: { und: id } }));
  switch (record.type) {
    case 'choice':
      return { choices: list(record.options) };
    case 'matching':
      return { source: list(record.sources), target: list(record.targets) };
    case 'sequencing':
      return { choices: list(record.items) };
    case 'true-false':
    case 'long-fill-in':
      return {};
  }
}

/**
 * An answered check or a written reflection as a cmi5 allowed statement
 * (§7.1.3): `answered` with the response, whether it was right and how long
 * it took; `commented` with the reflection's text. The object is the check
 * or reflection, an interaction activity named by the author's id; the
 * descriptions carry no language the course does not say, so they are
 * tagged `und` (RFC 5646 "undetermined").
 */
export function interactionStatement(scope: StatementScope, record: InteractionRecord, id: string, at: Date): Statement {
  const reflection = record.type === 'long-fill-in';
  const verb: AllowedVerb = reflection ? 'commented' : 'answered';
  const objectId = `urn:${scope.idNamespace}:${reflection ? 'reflection' : 'check'}:${record.id}`;
  const definition: Record<string, unknown> = {
    type: INTERACTION_TYPE,
    description: { und: record.description },
    interactionType: record.type,
    ...(reflection ? {} : { correctResponsesPattern: [responsePattern(record, 'correct')] }),
    ...components(record),
  };
  const result: XapiResult = reflection
    ? { response: record.text }
    : { response: responsePattern(record, 'learner'), success: record.result === 'correct', duration: duration(record.latencyMs) };
  return {
    id,
    actor: scope.actor,
    verb: { id: ALLOWED_VERBS[verb], display: verbDisplay(verb) },
    object: { objectType: 'Activity', id: objectId, definition },
    result,
    context: contextOf(scope, { kind: 'allowed' }),
    timestamp: at.toISOString(),
  };
}
