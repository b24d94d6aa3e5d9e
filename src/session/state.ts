/**
 * The learner's state, with pure reducers, a merge and derived selectors.
 * Shared by the self-paced reader (stored on the device) and the LMS
 * packages (stored in `cmi.suspend_data` through codec.ts).
 *
 * Reducers never mutate: they return a new state, or the same object when
 * nothing changed, so callers can skip saving with `next === state`.
 */
import type { Check } from '../questions/registry';
import type { CompletionStatus, Score, SuccessStatus } from '../standards/contract';

/** A check's latest answer. */
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
  /** When the learner first started the course (ISO 8601). */
  readonly startedAt: string;
}

export function initialState(now: Date): LearnerState {
  return { seen: [], location: null, answers: {}, reflections: {}, cleared: {}, startedAt: now.toISOString() };
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

/** Record a submitted answer; counts the attempt. */
export function answer(state: LearnerState, checkId: string, submitted: { response: string; correct: boolean }): LearnerState {
  const attempts = (state.answers[checkId]?.attempts ?? 0) + 1;
  return { ...state, answers: { ...state.answers, [checkId]: { response: submitted.response, correct: submitted.correct, attempts } } };
}

/** Store a reflection's text. An empty string clears the reflection. */
export function writeReflection(state: LearnerState, reflectionId: string, text: string, now: Date): LearnerState {
  if (text === '') return clearReflection(state, reflectionId, now);
  if (state.reflections[reflectionId]?.text === text) return state;
  const { [reflectionId]: _wasCleared, ...cleared } = state.cleared;
  return { ...state, reflections: { ...state.reflections, [reflectionId]: { text, at: now.toISOString() } }, cleared };
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
  const answers: Record<string, AnswerRecord> = { ...ours.answers };
  for (const [id, a] of Object.entries(theirs.answers)) if (a.attempts > (answers[id]?.attempts ?? 0)) answers[id] = a;
  // Per reflection, the newest event wins: a text written, or a clearing.
  const reflections: Record<string, ReflectionRecord> = {};
  const cleared: Record<string, string> = {};
  const ids = new Set([...Object.keys(ours.reflections), ...Object.keys(theirs.reflections), ...Object.keys(ours.cleared), ...Object.keys(theirs.cleared)]);
  for (const id of ids) {
    const events: Array<{ at: string; text: string | null; ours: boolean }> = [];
    for (const [copy, isOurs] of [
      [ours, true],
      [theirs, false],
    ] as const) {
      const r = copy.reflections[id];
      if (r) events.push({ at: r.at, text: r.text, ours: isOurs });
      const c = copy.cleared[id];
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
  return { seen, location: ours.location ?? theirs.location, answers, reflections, cleared, startedAt };
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
  /** Reflections in course order, with the slide that embeds each. */
  readonly reflections: ReadonlyArray<{ readonly reflection: { readonly id: string; readonly prompt: string }; readonly slideId: string }>;
}

/** What the selectors need of a check: a page carries only these for the checks it does not show. */
export type CheckRef = Pick<Check, 'id' | 'assesses'>;

/** How success is judged. */
export interface MasteryPolicy {
  /** Percent of checks answered correctly needed to pass (course.yaml `masteryScore`). */
  readonly masteryScore: number;
  /**
   * Submissions allowed per check. Unlimited (the default) in the reader and
   * in the LMS package: a learner can always retry.
   */
  readonly maxAttempts?: number;
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
  /** Checks whose latest answer is right. */
  correct: number;
  /** Checks answered at least once. */
  answered: number;
  /** Checks in the course. */
  total: number;
  /** correct / total x 100, rounded to 2 decimals. Unanswered checks count as wrong. */
  percent: number;
}

/** The course score, or null for a course without checks (nothing to score). */
export function courseScore(state: LearnerState, outline: CourseOutline): ScoreSummary | null {
  const total = outline.checks.length;
  if (total === 0) return null;
  let correct = 0;
  let answered = 0;
  for (const { check } of outline.checks) {
    const a = state.answers[check.id];
    if (!a) continue;
    answered++;
    if (a.correct) correct++;
  }
  return { correct, answered, total, percent: Math.round((correct / total) * 10000) / 100 };
}

/** The score in the adapter's terms: raw percent on a 0-100 scale. */
export function toLmsScore(summary: ScoreSummary): Score {
  return { raw: summary.percent, min: 0, max: 100, scaled: Math.round(summary.percent * 100) / 10000 };
}

/** `completed` once every slide of the course has been seen. */
export function completionStatus(state: LearnerState, outline: CourseOutline): CompletionStatus {
  const seen = new Set(state.seen);
  return slideIdsOf(outline).every((id) => seen.has(id)) ? 'completed' : 'incomplete';
}

/** Whether the learner can still submit some check they got wrong. */
export function retriesRemain(state: LearnerState, outline: CourseOutline, policy: MasteryPolicy): boolean {
  const max = policy.maxAttempts ?? Infinity;
  return outline.checks.some(({ check }) => {
    const a = state.answers[check.id];
    return !a || (!a.correct && a.attempts < max);
  });
}

/**
 * Success against the mastery score. The rule, in order:
 *
 * 1. A course without checks has nothing to pass: `unknown` (the LMS goes by
 *    completion alone).
 * 2. `passed` when every check is answered and the score is at least the
 *    mastery score.
 * 3. `failed` only when every check is answered, the score is below mastery,
 *    and no retries remain: every wrongly answered check has used
 *    `maxAttempts`. With unlimited attempts (the reader and the LMS package)
 *    retries always remain, so a learner is never reported `failed`: some LMSs
 *    lock a learner out after `failed` (src/README.md "LMS lessons").
 * 4. Otherwise `unknown`: not every check answered yet, or below mastery with
 *    retries left.
 */
export function successStatus(state: LearnerState, outline: CourseOutline, policy: MasteryPolicy): SuccessStatus {
  const score = courseScore(state, outline);
  if (!score || score.answered < score.total) return 'unknown';
  if (score.percent >= policy.masteryScore) return 'passed';
  return retriesRemain(state, outline, policy) ? 'unknown' : 'failed';
}

/**
 * Whether the learner is done with the course, so the LMS need not resume it
 * (exit `normal` rather than `suspend`): every slide seen and success decided,
 * or every slide seen in a course without checks.
 */
export function isFinished(state: LearnerState, outline: CourseOutline, policy: MasteryPolicy): boolean {
  if (completionStatus(state, outline) !== 'completed') return false;
  return outline.checks.length === 0 || successStatus(state, outline, policy) !== 'unknown';
}

export interface RevisitItem {
  /** The check answered wrong. */
  checkId: string;
  /** The slide that teaches what the check assesses (`assesses.slide`). */
  slideId: string;
  /** The objective the check assesses. */
  objectiveId: string;
}

/** Checks whose latest answer is wrong, in course order, with the slide to revisit for each. */
export function whatToRevisit(state: LearnerState, outline: CourseOutline): RevisitItem[] {
  return outline.checks
    .filter(({ check }) => state.answers[check.id]?.correct === false)
    .map(({ check }) => ({ checkId: check.id, slideId: check.assesses.slide, objectiveId: check.assesses.objective }));
}
