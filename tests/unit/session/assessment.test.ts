/**
 * The final assessment, pure (src/session/assessment.ts): the draw, the
 * attempt's reducers and what they add up to.
 */
import { describe, expect, it } from 'vitest';
import * as A from '../../../src/session/assessment';
import type { AssessmentOutline } from '../../../src/session/assessment';
import { outline } from '../../support/course';

const pool = outline.assessment!;
const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, s));

/** A pool of `objectives` objectives with `per` questions each, drawing `draw`. */
function poolOf(objectives: number, per: number, draw: number): AssessmentOutline {
  const questions = Array.from({ length: objectives * per }, (_, i) => ({
    check: { id: `q${i}`, assesses: { objective: `o${i % objectives}`, slide: 's' } },
    track: i,
    key: '00',
  }));
  return { draw, attempts: 3, keep: 'best', timeLimitMinutes: null, questions };
}

describe('the draw', () => {
  it('is the same for the same seed on every device, and differs between seeds', () => {
    expect(A.drawQuestions(pool, 12345)).toEqual(A.drawQuestions(pool, 12345));
    const draws = new Set(Array.from({ length: 20 }, (_, seed) => A.drawQuestions(pool, seed).join()));
    expect(draws.size).toBeGreaterThan(10);
  });

  it('covers every objective once before any twice', () => {
    const big = poolOf(13, 2, 13);
    for (let seed = 0; seed < 50; seed++) {
      const drawn = A.drawQuestions(big, seed);
      expect(drawn).toHaveLength(13);
      expect(new Set(drawn.map((id) => Number(id.slice(1)) % 13)).size).toBe(13);
    }
    const more = A.drawQuestions(poolOf(3, 3, 5), 9);
    const perObjective = [0, 1, 2].map((o) => more.filter((id) => Number(id.slice(1)) % 3 === o).length);
    expect(perObjective.sort()).toEqual([1, 2, 2]);
  });

  it('gives every question of the pool its chance', () => {
    const big = poolOf(13, 2, 13);
    const seen = new Set(Array.from({ length: 200 }, (_, seed) => A.drawQuestions(big, seed)).flat());
    expect(seen.size).toBe(26);
  });

  it('asks in a second attempt the questions the first did not, wherever the pool has them', () => {
    const big = poolOf(13, 2, 13);
    for (let seed = 0; seed < 20; seed++) {
      let attempts: readonly A.AttemptRecord[] = [];
      for (const s of [seed, seed + 100, seed + 200]) attempts = A.finishAttempt(A.startAttempt(attempts, big, 101, s, t(0)), big, t(1));
      const [first, second, third] = A.attemptDraws(big, attempts);
      expect(second!.filter((id) => first!.includes(id))).toEqual([]);
      expect(new Set([...first!, ...second!]).size).toBe(26);
      // Every question has been shown: a third attempt draws from the whole pool again, one per objective.
      expect(new Set(third!.map((id) => Number(id.slice(1)) % 13)).size).toBe(13);
    }
  });

  it('shuffles each question\'s options by the seed: a permutation, stable, different per question', () => {
    const order = A.optionOrder(99, 'q1', 5);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(A.optionOrder(99, 'q1', 5)).toEqual(order);
    const orders = new Set(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map((id) => A.optionOrder(99, id, 5).join()));
    expect(orders.size).toBeGreaterThan(3);
  });
});

describe('an attempt', () => {
  const start = (attempts: readonly A.AttemptRecord[] = [], seed = 1) => A.startAttempt(attempts, pool, 75, seed, t(0));

  it('starts once: a second start while one is in progress changes nothing', () => {
    const one = start();
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ seed: 1, answers: {}, finished: null, usedSeconds: 0, extensions: 0 });
    expect(start(one, 2)).toBe(one);
  });

  it('takes each drawn question\'s answer once, and nothing for a question it did not draw', () => {
    const one = start();
    const [first] = A.drawQuestions(pool, 1);
    const answered = A.answerQuestion(one, pool, first!, { response: '1', correct: true });
    expect(answered[0]?.answers).toEqual({ [first!]: { response: '1', correct: true } });
    expect(A.answerQuestion(answered, pool, first!, { response: '0', correct: false })).toBe(answered);
    const notDrawn = pool.questions.map((q) => q.check.id).find((id) => !A.drawQuestions(pool, 1).includes(id))!;
    expect(A.answerQuestion(answered, pool, notDrawn, { response: '0', correct: true })).toBe(answered);
    expect(A.answerQuestion([], pool, first!, { response: '0', correct: true })).toEqual([]);
  });

  it('is handed in with unanswered questions counted wrong; earlier attempts then keep only their score', () => {
    let attempts = start();
    const drawn = A.drawQuestions(pool, 1);
    attempts = A.answerQuestion(attempts, pool, drawn[0]!, { response: '1', correct: true });
    attempts = A.finishAttempt(attempts, pool, t(60));
    expect(attempts[0]?.finished).toEqual({ at: t(60).toISOString(), correct: 1, total: 4 });
    expect(A.finishAttempt(attempts, pool, t(70))).toBe(attempts);
    attempts = A.finishAttempt(start(attempts, 5), pool, t(120));
    expect(attempts[0]?.answers).toEqual({});
    expect(attempts[0]?.finished?.correct).toBe(1);
  });

  it('cannot start after a pass, or once every attempt is used', () => {
    let passed = start();
    for (const id of A.drawQuestions(pool, 1)) passed = A.answerQuestion(passed, pool, id, { response: '0', correct: true });
    passed = A.finishAttempt(passed, pool, t(10));
    expect(start(passed, 2)).toBe(passed);
    let failed: readonly A.AttemptRecord[] = [];
    for (let i = 0; i < 3; i++) failed = A.finishAttempt(start(failed, i), pool, t(i));
    expect(failed).toHaveLength(3);
    expect(start(failed, 9)).toBe(failed);
  });

  it('counts time spent and extensions against a limit', () => {
    const timed = { ...pool, timeLimitMinutes: 10 };
    let attempts = A.startAttempt([], timed, 75, 1, t(0));
    expect(A.secondsLeft(timed, attempts[0]!)).toBe(600);
    attempts = A.spendTime(attempts, 590.7);
    expect(A.spendTime(attempts, 100)).toBe(attempts); // time never runs back
    expect(A.secondsLeft(timed, attempts[0]!)).toBe(10);
    attempts = A.extendTime(attempts);
    expect(A.secondsLeft(timed, attempts[0]!)).toBe(610);
    expect(A.secondsLeft(pool, attempts[0]!)).toBeNull();
  });
});

describe('what the attempts add up to', () => {
  function attempts(...rights: number[]): readonly A.AttemptRecord[] {
    let all: readonly A.AttemptRecord[] = [];
    rights.forEach((right, n) => {
      all = A.startAttempt(all, pool, 101, n + 10, t(n)); // mastery 101: never passed, so every attempt can start
      A.attemptDraws(pool, all).at(-1)!.forEach((id, i) => {
        all = A.answerQuestion(all, pool, id, { response: '0', correct: i < right });
      });
      all = A.finishAttempt(all, pool, t(n + 1));
    });
    return all;
  }

  it('keeps the best score, says what is left, and is failed only when every attempt is used below mastery', () => {
    const two = A.summarize(attempts(3, 1), pool, 100);
    expect(two).toMatchObject({ used: 2, left: 1, scores: [75, 25], kept: { correct: 3, total: 4, percent: 75 }, passed: false, failed: false, current: null });
    expect(two.latest?.number).toBe(2);
    const three = A.summarize(attempts(3, 1, 2), pool, 100);
    expect(three).toMatchObject({ used: 3, left: 0, passed: false, failed: true, kept: { percent: 75 } });
    expect(A.summarize(attempts(3, 1, 2), pool, 75)).toMatchObject({ passed: true, failed: false });
  });

  it('keeps the last score when the course says so', () => {
    expect(A.summarize(attempts(3, 1), { ...pool, keep: 'last' }, 100).kept?.percent).toBe(25);
  });

  it('shows the attempt in progress with its number and draw', () => {
    const inProgress = A.startAttempt(attempts(1), pool, 101, 77, t(5));
    const s = A.summarize(inProgress, pool, 75);
    expect(s.current).toMatchObject({ number: 2, drawn: A.attemptDraws(pool, inProgress)[1] });
    expect(s.left).toBe(1);
    expect(s.failed).toBe(false);
  });
});
