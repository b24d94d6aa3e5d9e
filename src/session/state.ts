/**
 * The learner's state, with pure reducers, a merge and derived selectors.
 * Shared by the self-paced reader (stored on the device) and the LMS
 * packages (stored in `cmi.suspend_data` through codec.ts).
 *
 * Reducers never mutate: they return a new state, or the same object when
 * nothing changed, so callers can skip saving with `next === state`.
 */
import type { Check } from '../questions/registry';
import { own, record } from './records';
import type { CompletionStatus, Score, SuccessStatus } from '../standards/contract';
import { summarize, type AssessmentOutline, type AttemptRecord } from './assessment';

/** A practice check's latest answer. */
export interface AnswerRecord {
  /** The response, encoded by the check's QuestionType (`encode`). */
  readonly response: string;
  /** Whether that response was right. */
  readonly correct: boolean;
  /** How many times the learner has submitted this check, >= 1. */
  readonly attempts: number;
}

/** A reflection's text as the learner last left it. */
export interface ReflectionRecord {
  /** The text, exactly as typed (any Unicode, line breaks kept). */
  readonly text: string;
  /** When the text was last changed (ISO 8601). */
  readonly at: string;
}

/** The learner's record in memory; its serialized form, and that form's version, are codec.ts's. */
export interface LearnerState {
  /** Slide ids the learner has seen, in the order first seen (no duplicates). */
  readonly seen: readonly string[];
  /** Slide id of the learner's place, or null before the first slide. */
  readonly location: string | null;
  /** Latest answer per check id. */
  readonly answers: Readonly<Record<string, AnswerRecord>>;
  /** Reflection text per reflection id; a cleared reflection is absent. */
  readonly reflections: Readonly<Record<string, ReflectionRecord>>;
  /** When each cleared reflection was cleared (ISO 8601): so a merge with an older copy does not bring it back. */
  readonly cleared: Readonly<Record<string, string>>;
  /** Attempts at the final assessment, oldest first; the latest may be in progress (assessment.ts). */
  readonly assessment: readonly AttemptRecord[];
  /** When the learner first started the course (ISO 8601). */
  readonly startedAt: string;
}

export function initialState(now: Date): LearnerState {
  return { seen: [], location: null, answers: {}, reflections: {}, cleared: {}, assessment: [], startedAt: now.toISOString() };
}

// ---------------------------------------------------------------------------
// Reducers
// ---------------------------------------------------------------------------

export function markSeen(state: LearnerState, slideId: string): LearnerState {
  return state.seen.includes(slideId) ? state : { ...state, seen: [...state.seen, slideId] };
}

export function setLocation(state: LearnerState, slideId: string | null): LearnerState {
  return state.location === slideId ? state : { ...state, location: slideId };
}

/** Record a practice check's submitted answer; counts the attempt. */
export function answer(state: LearnerState, checkId: string, submitted: { response: string; correct: boolean }): LearnerState {
  const attempts = (own(state.answers, checkId)?.attempts ?? 0) + 1;
  return { ...state, answers: { ...state.answers, [checkId]: { response: submitted.response, correct: submitted.correct, attempts } } };
}

/** Store a reflection's text. An empty string clears the reflection. */
export function writeReflection(state: LearnerState, reflectionId: string, text: string, now: Date): LearnerState {
  if (text === '') return clearReflection(state, reflectionId, now);
  if (own(state.reflections, reflectionId)?.text === text) return state;
  const { [reflectionId]: _wasCleared, ...cleared } = state.cleared;
  return { ...state, reflections: { ...state.reflections, [reflectionId]: { text, at: now.toISOString() } }, cleared };
}

/**
 * The state without the given reflections, neither their texts nor their
 * clearings: what an LMS may hold when those reflections are private
 * (schema.ts `private`). The same object when none of them is in it.
 */
export function withoutReflections(state: LearnerState, ids: ReadonlySet<string>): LearnerState {
  const keep = <T>(record: Readonly<Record<string, T>>) => Object.fromEntries(Object.entries(record).filter(([id]) => !ids.has(id)));
  const held = Object.keys(state.reflections).some((id) => ids.has(id)) || Object.keys(state.cleared).some((id) => ids.has(id));
  return held ? { ...state, reflections: keep(state.reflections), cleared: keep(state.cleared) } : state;
}

export function clearReflection(state: LearnerState, reflectionId: string, now: Date): LearnerState {
  if (!Object.hasOwn(state.reflections, reflectionId)) return state;
  const { [reflectionId]: _removed, ...rest } = state.reflections;
  return { ...state, reflections: rest, cleared: { ...state.cleared, [reflectionId]: now.toISOString() } };
}

/**
 * One state from two copies of the same learner's record (two tabs of the
 * reader, or the LMS's copy and the one kept on the device), losing nothing
 * either holds: slides seen by either; per check, the answer with more
 * attempts (the later one); per reflection, the newer text or clearing;
 * the earlier start. `ours` wins ties and keeps the place.
 */
export function mergeStates(ours: LearnerState, theirs: LearnerState): LearnerState {
  const seen = [...ours.seen, ...theirs.seen.filter((id) => !ours.seen.includes(id))];
  const answers = record(ours.answers);
  for (const [id, a] of Object.entries(theirs.answers)) if (a.attempts > (own(answers, id)?.attempts ?? 0)) answers[id] = a;
  // Per reflection, the newest event wins: a text written, or a clearing.
  const reflections = record<ReflectionRecord>();
  const cleared = record<string>();
  const ids = new Set([...Object.keys(ours.reflections), ...Object.keys(theirs.reflections), ...Object.keys(ours.cleared), ...Object.keys(theirs.cleared)]);
  for (const id of ids) {
    const events: Array<{ at: string; text: string | null; ours: boolean }> = [];
    for (const [copy, isOurs] of [
      [ours, true],
      [theirs, false],
    ] as const) {
      const r = own(copy.reflections, id);
      if (r) events.push({ at: r.at, text: r.text, ours: isOurs });
      const c = own(copy.cleared, id);
      if (c) events.push({ at: c, text: null, ours: isOurs });
    }
    // Newest first; at the same moment ours first.
    events.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || Number(b.ours) - Number(a.ours));
    const last = events[0];
    if (!last) continue;
    if (last.text === null) cleared[id] = last.at;
    else reflections[id] = { text: last.text, at: last.at };
  }
  const startedAt = Date.parse(theirs.startedAt) < Date.parse(ours.startedAt) ? theirs.startedAt : ours.startedAt;
  return { seen, location: ours.location ?? theirs.location, answers, reflections, cleared, assessment: mergeAttempts(ours.assessment, theirs.assessment), startedAt };
}

/**
 * The assessment attempts of two copies: the copy that is further along
 * (more attempts; then the latest attempt handed in, or with more answers),
 * ours on a tie. Attempts are not merged answer by answer: two windows
 * answering one attempt is not a thing to reward.
 */
function mergeAttempts(ours: readonly AttemptRecord[], theirs: readonly AttemptRecord[]): readonly AttemptRecord[] {
  if (theirs.length !== ours.length) return theirs.length > ours.length ? theirs : ours;
  const a = ours.at(-1);
  const b = theirs.at(-1);
  if (!a || !b) return ours;
  const progress = (x: AttemptRecord) => (x.finished ? Infinity : Object.keys(x.answers).length);
  return progress(b) > progress(a) ? theirs : ours;
}

// ---------------------------------------------------------------------------
// Selectors
// ---------------------------------------------------------------------------

/**
 * What the selectors need to know about the course. A `CourseModel`
 * (src/model/course.ts) is one as it is.
 */
export interface CourseOutline {
  /** Modules in order, each with its slide ids in order. */
  readonly modules: ReadonlyArray<{ readonly id: string; readonly slideIds: readonly string[] }>;
  /** Slides in course order, each with its stable number in the learner's record (src/model/tracking.ts). */
  readonly slides: ReadonlyArray<{ readonly id: string; readonly track: number }>;
  /** Checks in course order, with the slide that embeds each (only ids and what they assess are needed), its number and answer key. */
  readonly checks: ReadonlyArray<{ readonly check: CheckRef; readonly slideId: string; readonly track: number; readonly key: string }>;
  /** Reflections in course order, with the slide that embeds each; a `private` one never goes to an LMS. */
  readonly reflections: ReadonlyArray<{ readonly reflection: { readonly id: string; readonly prompt: string; readonly private?: boolean }; readonly slideId: string }>;
  /** The final assessment, or null for a course of practice checks only. */
  readonly assessment: AssessmentOutline | null;
}

/** What the selectors need of a check: a page carries only these for the checks it does not show. */
export type CheckRef = Pick<Check, 'id' | 'assesses'>;

/** How success is judged. */
export interface MasteryPolicy {
  /** Percent of the final assessment needed to pass (course.yaml `masteryScore`). */
  readonly masteryScore: number;
}

/** Slide ids of the whole course, in course order. */
export function slideIdsOf(outline: CourseOutline): string[] {
  return outline.modules.flatMap((m) => m.slideIds);
}

export interface ModuleProgress {
  moduleId: string;
  /** Slides of this module the learner has seen. */
  seen: number;
  total: number;
  /** Every slide of the module seen. */
  complete: boolean;
}

export function moduleProgress(state: LearnerState, outline: CourseOutline): ModuleProgress[] {
  const seen = new Set(state.seen);
  return outline.modules.map((m) => {
    const n = m.slideIds.filter((id) => seen.has(id)).length;
    return { moduleId: m.id, seen: n, total: m.slideIds.length, complete: n === m.slideIds.length };
  });
}

export interface ScoreSummary {
  /** Questions right in the attempt that counts. */
  correct: number;
  /** Questions that attempt drew. */
  total: number;
  /** correct / total x 100, rounded to 2 decimals. Unanswered questions count as wrong. */
  percent: number;
}

export interface PracticeSummary {
  /** Practice checks whose latest answer is right. */
  correct: number;
  /** Practice checks answered at least once. */
  answered: number;
  /** Practice checks in the course. */
  total: number;
}

/** How the learner stands on the practice checks: shown to them, never reported as a score. */
export function practiceSummary(state: LearnerState, outline: CourseOutline): PracticeSummary {
  let correct = 0;
  let answered = 0;
  for (const { check } of outline.checks) {
    const a = own(state.answers, check.id);
    if (!a) continue;
    answered++;
    if (a.correct) correct++;
  }
  return { correct, answered, total: outline.checks.length };
}

/** Where the learner stands on the final assessment, or null for a course without one. */
export function assessmentStanding(state: LearnerState, outline: CourseOutline, policy: MasteryPolicy) {
  return outline.assessment ? summarize(state.assessment, outline.assessment, policy.masteryScore) : null;
}

/** The course score: the final assessment's attempt that counts (best or last), or null before one is handed in, or without an assessment. */
export function courseScore(state: LearnerState, outline: CourseOutline, policy: MasteryPolicy): ScoreSummary | null {
  const kept = assessmentStanding(state, outline, policy)?.kept;
  return kept ? { correct: kept.correct, total: kept.total, percent: kept.percent } : null;
}

/** The score in the adapter's terms: raw percent on a 0-100 scale. */
export function toLmsScore(summary: ScoreSummary): Score {
  return { raw: summary.percent, min: 0, max: 100, scaled: Math.round(summary.percent * 100) / 10000 };
}

/** Every slide of the course seen. */
export function allSlidesSeen(state: LearnerState, outline: CourseOutline): boolean {
  const seen = new Set(state.seen);
  return slideIdsOf(outline).every((id) => seen.has(id));
}

/** `completed` once every slide has been seen and, in a course with a final assessment, an attempt has been handed in. */
export function completionStatus(state: LearnerState, outline: CourseOutline): CompletionStatus {
  if (!allSlidesSeen(state, outline)) return 'incomplete';
  if (outline.assessment && !state.assessment.some((a) => a.finished)) return 'incomplete';
  return 'completed';
}

/**
 * Success against the mastery score, from the final assessment alone
 * (practice checks are never scored):
 *
 * 1. A course without an assessment has nothing to pass: `unknown` (the LMS
 *    goes by completion alone).
 * 2. `passed` once the attempt that counts is at or above the mastery score.
 * 3. `failed` only when every attempt is handed in below it: while an
 *    attempt remains the learner is `unknown`, not failed (some LMSs lock a
 *    learner out after `failed`; src/README.md "LMS lessons").
 */
export function successStatus(state: LearnerState, outline: CourseOutline, policy: MasteryPolicy): SuccessStatus {
  const standing = assessmentStanding(state, outline, policy);
  if (!standing) return 'unknown';
  if (standing.passed) return 'passed';
  return standing.failed ? 'failed' : 'unknown';
}

/**
 * Whether the learner is done with the course, so the LMS need not resume it
 * (exit `normal` rather than `suspend`): completed, and success decided (or
 * no assessment to decide it).
 */
export function isFinished(state: LearnerState, outline: CourseOutline, policy: MasteryPolicy): boolean {
  if (completionStatus(state, outline) !== 'completed') return false;
  return !outline.assessment || successStatus(state, outline, policy) !== 'unknown';
}

export interface RevisitItem {
  /** The check or assessment question answered wrong. */
  checkId: string;
  /** The slide that teaches what it assesses (`assesses.slide`). */
  slideId: string;
  /** The objective it assesses. */
  objectiveId: string;
}

/**
 * What to revisit: the questions the latest assessment attempt got wrong,
 * or, before any attempt, the practice checks whose latest answer is wrong;
 * in course (or draw) order, with the slide that teaches each.
 */
export function whatToRevisit(state: LearnerState, outline: CourseOutline, policy: MasteryPolicy): RevisitItem[] {
  const latest = assessmentStanding(state, outline, policy)?.latest;
  if (latest && outline.assessment) {
    const byId = new Map(outline.assessment.questions.map((q) => [q.check.id, q.check]));
    return latest.drawn.flatMap((id) => {
      const check = byId.get(id);
      return check && own(latest.attempt.answers, id)?.correct !== true ? [{ checkId: id, slideId: check.assesses.slide, objectiveId: check.assesses.objective }] : [];
    });
  }
  return outline.checks
    .filter(({ check }) => own(state.answers, check.id)?.correct === false)
    .map(({ check }) => ({ checkId: check.id, slideId: check.assesses.slide, objectiveId: check.assesses.objective }));
}
