/**
 * The final assessment, pure: which questions an attempt draws and in what
 * order its options show, the attempt's reducers, and what it adds up to.
 * Practice checks (on slides) teach and are never scored; the assessment is
 * the score (src/README.md "The learner's record").
 *
 * An attempt is drawn from a seed the page picks when the learner starts it,
 * and stored with the seed, so a resumed attempt shows the same questions in
 * the same order. Its answers are final once given: feedback during an
 * attempt says right or wrong, never which answer is right.
 */
import type { CheckRef } from './state';
import { own } from './records';
import { fnv1a, mulberry32, shuffled } from '../core/random';

/** What the session and the pages need to know of the assessment (a CourseModel's `assessment` is one). */
export interface AssessmentOutline {
  /** Questions per attempt. */
  readonly draw: number;
  /** Attempts a learner has. */
  readonly attempts: number;
  /** Which finished attempt's score counts. */
  readonly keep: 'best' | 'last';
  /** Minutes per attempt, or null for no limit. */
  readonly timeLimitMinutes: number | null;
  /** The pool, in the order written, each with its number in the learner's record and its answer key. */
  readonly questions: ReadonlyArray<{ readonly check: CheckRef; readonly track: number; readonly key: string }>;
}

/** One answer in an attempt: final once given. */
export interface AttemptAnswer {
  /** The response, encoded by its QuestionType. */
  readonly response: string;
  readonly correct: boolean;
}

/** One attempt at the assessment. */
export interface AttemptRecord {
  /** Seeds the draw and the option order (`drawQuestions`, `optionOrder`). */
  readonly seed: number;
  /** When it was started (ISO 8601). */
  readonly startedAt: string;
  /** Answers by question id. A finished attempt that is not the latest keeps only its score. */
  readonly answers: Readonly<Record<string, AttemptAnswer>>;
  /** Seconds spent on the assessment page in this attempt: the time limit counts only these. */
  readonly usedSeconds: number;
  /** Times the learner extended the time limit (WCAG 2.2.1). */
  readonly extensions: number;
  /** Set when the attempt is handed in: when, and how many of the drawn questions were right. */
  readonly finished: { readonly at: string; readonly correct: number; readonly total: number } | null;
}

// ---------------------------------------------------------------------------
// The draw
// ---------------------------------------------------------------------------

/**
 * The question ids an attempt shows, in order: `draw` of them, spread over
 * the objectives (one question of each objective before a second of any),
 * shuffled by the seed. Questions in `shown` (earlier attempts') come only
 * after those of their objective not yet shown: a second attempt asks other
 * questions wherever the pool has them, so what the first one's results
 * said cannot simply be copied.
 */
export function drawQuestions(assessment: AssessmentOutline, seed: number, shown: ReadonlySet<string> = new Set()): string[] {
  const next = mulberry32(seed);
  const byObjective = new Map<string, string[]>();
  for (const { check } of assessment.questions) byObjective.set(check.assesses.objective, [...(byObjective.get(check.assesses.objective) ?? []), check.id]);
  const fresh = (ids: string[]) => [...ids.filter((id) => !shown.has(id)), ...ids.filter((id) => shown.has(id))];
  const groups = shuffled([...byObjective.values()], next).map((ids) => fresh(shuffled(ids, next)));
  const drawn: string[] = [];
  for (let round = 0; drawn.length < assessment.draw && groups.some((g) => g.length > round); round++)
    for (const group of groups) {
      const id = group[round];
      if (id !== undefined && drawn.length < assessment.draw) drawn.push(id);
    }
  return shuffled(drawn, next);
}

/** The draw of each attempt in `attempts`, in order: each from its seed and what the attempts before it showed. */
export function attemptDraws(assessment: AssessmentOutline, attempts: readonly AttemptRecord[]): string[][] {
  const shown = new Set<string>();
  return attempts.map((a) => {
    const drawn = drawQuestions(assessment, a.seed, shown);
    for (const id of drawn) shown.add(id);
    return drawn;
  });
}

/** The order an attempt shows a question's `count` options (or items) in: a permutation of 0..count-1. */
export function optionOrder(seed: number, questionId: string, count: number): number[] {
  return shuffled(
    Array.from({ length: count }, (_, i) => i),
    mulberry32((seed ^ fnv1a(questionId)) >>> 0),
  );
}

/** A seed for a new attempt: any 31-bit number (the page passes crypto randomness). */
export const seedFrom = (random01: number) => Math.floor(random01 * 0x7fffffff);

// ---------------------------------------------------------------------------
// Reducers (they return the same array when nothing changes)
// ---------------------------------------------------------------------------

type Attempts = readonly AttemptRecord[];

/** The attempt in progress, if any: always the latest. */
export function currentAttempt(attempts: Attempts): AttemptRecord | null {
  const last = attempts.at(-1);
  return last && !last.finished ? last : null;
}

/** Start an attempt, unless one is in progress, the learner has passed, or no attempts are left. */
export function startAttempt(attempts: Attempts, assessment: AssessmentOutline, masteryScore: number, seed: number, now: Date): Attempts {
  const s = summarize(attempts, assessment, masteryScore);
  if (s.current || s.passed || s.left === 0) return attempts;
  return [...attempts, { seed, startedAt: now.toISOString(), answers: {}, usedSeconds: 0, extensions: 0, finished: null }];
}

/** Record the answer to a drawn question of the attempt in progress; an answer already given stays. */
export function answerQuestion(attempts: Attempts, assessment: AssessmentOutline, questionId: string, answer: AttemptAnswer): Attempts {
  const current = currentAttempt(attempts);
  if (!current || Object.hasOwn(current.answers, questionId) || !attemptDraws(assessment, attempts).at(-1)?.includes(questionId)) return attempts;
  return replaceLast(attempts, { ...current, answers: { ...current.answers, [questionId]: { response: answer.response, correct: answer.correct } } });
}

/** Time spent on the attempt in progress, in whole seconds (never less than before). */
export function spendTime(attempts: Attempts, usedSeconds: number): Attempts {
  const current = currentAttempt(attempts);
  const used = Math.floor(usedSeconds);
  if (!current || used <= current.usedSeconds) return attempts;
  return replaceLast(attempts, { ...current, usedSeconds: used });
}

/** The learner asked for more time. */
export function extendTime(attempts: Attempts): Attempts {
  const current = currentAttempt(attempts);
  return current ? replaceLast(attempts, { ...current, extensions: current.extensions + 1 }) : attempts;
}

/**
 * Hand in the attempt in progress: unanswered questions count as wrong.
 * Earlier finished attempts then keep only their score (the learner's
 * record stays small; only the latest attempt's answers are shown again).
 */
export function finishAttempt(attempts: Attempts, assessment: AssessmentOutline, now: Date): Attempts {
  const current = currentAttempt(attempts);
  if (!current) return attempts;
  const drawn = attemptDraws(assessment, attempts).at(-1) ?? [];
  const correct = drawn.filter((id) => own(current.answers, id)?.correct === true).length;
  const earlier = attempts.slice(0, -1).map((a) => (Object.keys(a.answers).length === 0 ? a : { ...a, answers: {} }));
  return [...earlier, { ...current, finished: { at: now.toISOString(), correct, total: drawn.length } }];
}

function replaceLast(attempts: Attempts, last: AttemptRecord): Attempts {
  return [...attempts.slice(0, -1), last];
}

// ---------------------------------------------------------------------------
// What it adds up to
// ---------------------------------------------------------------------------

export interface AssessmentSummary {
  /** Attempts handed in. */
  used: number;
  /** Attempts the learner can still start (an attempt in progress is not counted as left). */
  left: number;
  /** The attempt in progress, with its number (1-based) and its draw. */
  current: { number: number; attempt: AttemptRecord; drawn: string[] } | null;
  /** The latest finished attempt, with its number and draw: what the results page and the summary show. */
  latest: { number: number; attempt: AttemptRecord; drawn: string[] } | null;
  /** Percent of each finished attempt, in order. */
  scores: number[];
  /** The score that counts (best or last, as the course says), or null before the first attempt is handed in. */
  kept: { correct: number; total: number; percent: number } | null;
  /** The kept score is at or above the mastery score. */
  passed: boolean;
  /** Every attempt is used and none passed. */
  failed: boolean;
}

const percentOf = (correct: number, total: number) => (total === 0 ? 0 : Math.round((correct / total) * 10000) / 100);

export function summarize(attempts: Attempts, assessment: AssessmentOutline, masteryScore: number): AssessmentSummary {
  const draws = attemptDraws(assessment, attempts);
  const finished = attempts.flatMap((attempt, i) => (attempt.finished ? [{ attempt, number: i + 1, finished: attempt.finished }] : []));
  const scores = finished.map((f) => percentOf(f.finished.correct, f.finished.total));
  const keptIndex =
    finished.length === 0 ? -1 : assessment.keep === 'last' ? finished.length - 1 : scores.reduce((best, s, i) => (s > (scores[best] ?? -1) ? i : best), 0);
  const keptAttempt = finished[keptIndex];
  const kept = keptAttempt ? { correct: keptAttempt.finished.correct, total: keptAttempt.finished.total, percent: scores[keptIndex] ?? 0 } : null;
  const passed = kept !== null && kept.percent >= masteryScore;
  const inProgress = currentAttempt(attempts);
  const left = Math.max(0, assessment.attempts - attempts.length);
  const last = finished.at(-1);
  return {
    used: finished.length,
    left,
    current: inProgress ? { number: attempts.length, attempt: inProgress, drawn: draws.at(-1) ?? [] } : null,
    latest: last ? { number: last.number, attempt: last.attempt, drawn: draws[last.number - 1] ?? [] } : null,
    scores,
    kept,
    passed,
    failed: !passed && left === 0 && !inProgress && finished.length > 0,
  };
}

/** Seconds left in the attempt in progress, or null without a time limit: the limit, plus as much again per extension, less the time spent. */
export function secondsLeft(assessment: AssessmentOutline, attempt: AttemptRecord, usedSeconds = attempt.usedSeconds): number | null {
  if (assessment.timeLimitMinutes === null) return null;
  return Math.max(0, assessment.timeLimitMinutes * 60 * (1 + attempt.extensions) - usedSeconds);
}
