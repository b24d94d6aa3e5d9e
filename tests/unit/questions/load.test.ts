/**
 * The question types a reader page loads for its own checks
 * (src/questions/load.ts): only those it asks for, judging exactly as the
 * registry does, and a type it did not load refused by name rather than
 * judged wrongly.
 */
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../../src/questions/load';
import { checkTypeNames, decodeAnswer, encodeAnswer, judge } from '../../../src/questions/registry';
import { matchingCheck, multipleCheck, orderingCheck, rightResponse, singleCheck, trueFalseCheck } from '../../support/checks';

const checks = [singleCheck, multipleCheck, trueFalseCheck, matchingCheck, orderingCheck];

describe('question types loaded on demand', () => {
  it('loads every registered type, and judges and decodes each answer as the registry does', async () => {
    const answers = await loadAnswers(checkTypeNames);
    for (const check of checks) {
      // The right answer as the registry encodes it, read back by both.
      const right = decodeAnswer(check, encodeAnswer({ check, response: rightResponse(check) } as never));
      expect(right, check.type).not.toBeNull();
      expect(answers.decodeAnswer(check, encodeAnswer(right!)), check.type).toEqual(right);
      expect(answers.judge(right!), check.type).toEqual(judge(right!));
      expect(answers.judge(right!)?.result.correct, check.type).toBe(true);
    }
  });

  it('holds only the types it was asked for: another type is refused by name', async () => {
    const answers = await loadAnswers(['single', 'single']);
    expect(answers.decodeAnswer(singleCheck, 'zz')).toBeNull();
    expect(() => answers.decodeAnswer(matchingCheck, '')).toThrow('question type "matching" was not loaded on this page');
  });

  it('rejects when a type cannot be loaded, so the page can tell the learner', async () => {
    await expect(loadAnswers(['no-such-type' as never])).rejects.toThrow();
  });
});
