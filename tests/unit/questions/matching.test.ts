import { describe, expect, it } from 'vitest';
import { matching } from '../../../src/questions/matching';
import { matchingCheck as check } from '../../support/checks';

const allRight = { zest: 'good-things', 'diminished-action': 'disconnection', clarity: 'good-things', confusion: 'disconnection' };

describe('matching', () => {
  it('is complete only when every item is placed in a known category', () => {
    expect(matching.isComplete(check, allRight)).toBe(true);
    expect(matching.isComplete(check, { zest: 'good-things' })).toBe(false);
    expect(matching.isComplete(check, { ...allRight, zest: 'elsewhere' })).toBe(false);
  });

  it('is right when every item is in its category; the fraction counts items', () => {
    expect(matching.score(check, allRight)).toMatchObject({ correct: true, fraction: 1 });
    const swapped = { ...allRight, zest: 'disconnection', confusion: 'good-things' };
    expect(matching.score(check, swapped)).toMatchObject({ correct: false, fraction: 0.5 });
  });

  it('gives feedback for every item, in item order, marking the misplaced ones', () => {
    const result = matching.score(check, { ...allRight, clarity: 'disconnection' });
    expect(result.feedback.map((f) => [f.key, f.correct])).toEqual([
      ['zest', true],
      ['diminished-action', true],
      ['clarity', false],
      ['confusion', true],
    ]);
    expect(result.feedback[2]?.text).toBe('Clarity is a good thing.');
  });

  it('maps to item/category pairs by the author\'s ids, placed items only', () => {
    expect(matching.toInteraction(check, { zest: 'good-things', clarity: 'disconnection' })).toEqual({
      type: 'matching',
      sources: ['zest', 'diminished-action', 'clarity', 'confusion'],
      targets: ['good-things', 'disconnection'],
      pairs: [
        ['zest', 'good-things'],
        ['clarity', 'disconnection'],
      ],
      correct: [
        ['zest', 'good-things'],
        ['diminished-action', 'disconnection'],
        ['clarity', 'good-things'],
        ['confusion', 'disconnection'],
      ],
    });
  });

  it('encodes one category index per item (_ when unplaced) and round-trips', () => {
    expect(matching.encode(check, allRight)).toBe('0101');
    expect(matching.encode(check, { clarity: 'disconnection' })).toBe('__1_');
    expect(matching.decode(check, '0101')).toEqual(allRight);
    expect(matching.decode(check, '__1_')).toEqual({ clarity: 'disconnection' });
  });

  it('decodes nothing when the length or a category does not fit the check', () => {
    for (const bad of ['010', '01010', '0102', '01.1']) expect(matching.decode(check, bad)).toBeNull();
  });
});
