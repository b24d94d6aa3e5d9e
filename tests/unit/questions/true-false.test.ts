import { describe, expect, it } from 'vitest';
import { trueFalse } from '../../../src/questions/true-false';
import { trueFalseCheck as check } from '../../support/checks';

describe('true/false', () => {
  it('is complete once the learner judges the statement', () => {
    expect(trueFalse.isComplete(check, false)).toBe(true);
    expect(trueFalse.isComplete(check, true)).toBe(true);
    expect((trueFalse.isComplete as (c: typeof check, r: unknown) => boolean)(check, 'false')).toBe(false);
  });

  it('is right when the judgement matches the answer, with the feedback for that judgement', () => {
    expect(trueFalse.score(check, false)).toEqual({
      correct: true,
      fraction: 1,
      feedback: [{ key: 'false', correct: true, text: 'Right: authenticity keeps evolving.' }],
    });
    expect(trueFalse.score(check, true)).toEqual({
      correct: false,
      fraction: 0,
      feedback: [{ key: 'true', correct: false, text: 'Not quite: it is an ongoing process.' }],
    });
  });

  it('maps to a true-false interaction', () => {
    expect(trueFalse.toInteraction(check, true)).toEqual({ type: 'true-false', chosen: true, correct: false });
  });

  it('encodes t/f and decodes them back', () => {
    expect(trueFalse.encode(check, true)).toBe('t');
    expect(trueFalse.encode(check, false)).toBe('f');
    expect(trueFalse.decode(check, 't')).toBe(true);
    expect(trueFalse.decode(check, 'f')).toBe(false);
    expect(trueFalse.decode(check, 'true')).toBeNull();
    expect(trueFalse.decode(check, '')).toBeNull();
  });
});
