import { describe, expect, it } from 'vitest';
import { multiple } from '../../../src/questions/multiple';
import { multipleCheck as check } from '../../support/checks';

describe('multiple response', () => {
  it('is complete with at least one known option chosen', () => {
    expect(multiple.isComplete(check, ['mutual-empathy'])).toBe(true);
    expect(multiple.isComplete(check, [])).toBe(false);
    expect(multiple.isComplete(check, ['nope'])).toBe(false);
  });

  it('is right only when exactly the correct options are chosen, in any order', () => {
    expect(multiple.score(check, ['mutual-empowerment', 'mutual-empathy']).correct).toBe(true);
    expect(multiple.score(check, ['mutual-empathy']).correct).toBe(false);
    expect(multiple.score(check, ['mutual-empathy', 'mutual-empowerment', 'self-reliance']).correct).toBe(false);
  });

  it('gives the fraction of options judged rightly and feedback per chosen option, in option order', () => {
    const result = multiple.score(check, ['mutual-empowerment', 'self-reliance']);
    // empathy missed (wrong), self-reliance chosen (wrong), empowerment chosen (right), identical roles left (right)
    expect(result.fraction).toBe(0.5);
    expect(result.feedback).toEqual([
      { key: 'self-reliance', correct: false, text: 'No: mutuality is not about standing alone.' },
      { key: 'mutual-empowerment', correct: true, text: 'Yes: both people grow stronger.' },
    ]);
  });

  it('does not count an unknown option as right', () => {
    const result = multiple.score(check, ['mutual-empathy', 'mutual-empowerment', 'made-up']);
    expect(result).toMatchObject({ correct: false, fraction: 0 });
  });

  it('maps to a choice interaction with ascending indexes', () => {
    expect(multiple.toInteraction(check, ['mutual-empowerment', 'mutual-empathy'])).toEqual({
      type: 'choice',
      options: ['mutual-empathy', 'self-reliance', 'mutual-empowerment', 'equal-roles'],
      chosen: ['mutual-empathy', 'mutual-empowerment'],
      correct: ['mutual-empathy', 'mutual-empowerment'],
    });
  });

  it('encodes chosen indexes ascending and round-trips every subset', () => {
    expect(multiple.encode(check, ['mutual-empowerment', 'mutual-empathy'])).toBe('02');
    const ids = check.options.map((o) => o.id);
    for (let mask = 1; mask < 1 << ids.length; mask++) {
      const subset = ids.filter((_, i) => mask & (1 << i));
      expect(multiple.decode(check, multiple.encode(check, subset))).toEqual(subset);
    }
  });

  it('decodes nothing from empty, repeated, unordered or out-of-range indexes', () => {
    for (const bad of ['', '00', '20', '4', 'x']) expect(multiple.decode(check, bad)).toBeNull();
  });
});
