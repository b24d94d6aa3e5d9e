/**
 * The chance of passing by guessing (src/cli/bench/guessing.ts): the
 * Poisson binomial tail, and the odds over draws of a pool.
 */
import { describe, expect, it } from 'vitest';
import { atLeast, guessingOdds } from '../../../src/cli/bench/guessing';
import type { AssessmentModel } from '../../../src/model/course';
import { trueFalseCheck } from '../../support/checks';

describe('guessing odds', () => {
  it('add up the binomial tail exactly', () => {
    expect(atLeast([0.5, 0.5], 0)).toBe(1);
    expect(atLeast([0.5, 0.5], 1)).toBeCloseTo(0.75);
    expect(atLeast([0.5, 0.5], 2)).toBeCloseTo(0.25);
    expect(atLeast([0.5, 0.5], 3)).toBe(0);
    expect(atLeast([1 / 3, 1 / 4], 2)).toBeCloseTo(1 / 12);
  });

  it('for a pool of true/false questions: passing 4 of 5 by coin toss is 6 in 32 per attempt', () => {
    const questions = Array.from({ length: 10 }, (_, i) => ({ check: { ...trueFalseCheck, id: `q${i}`, assesses: { objective: `o${i % 5}`, slide: 's' } }, track: i, key: '00' }));
    const assessment: AssessmentModel = { file: '', title: '', introduction: '', draw: 5, attempts: 3, keep: 'best', timeLimitMinutes: null, questions };
    const odds = guessingOdds(assessment, 80, 50);
    expect(odds.needed).toBe(4);
    expect(odds.meanPerAttempt).toBeCloseTo(6 / 32);
    expect(odds.worstPerAttempt).toBeCloseTo(6 / 32);
    expect(odds.withinAllAttempts).toBeCloseTo(1 - (26 / 32) ** 3);
    expect(odds.expectedRight).toBeCloseTo(2.5);
  });
});
