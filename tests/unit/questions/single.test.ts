import { describe, expect, it } from 'vitest';
import { single } from '../../../src/questions/single';
import { singleCheck as check } from '../../support/checks';

describe('single choice', () => {
  it('is complete once a known option is chosen', () => {
    expect(single.isComplete(check, 'connection')).toBe(true);
    expect(single.isComplete(check, 'not-an-option')).toBe(false);
    expect(single.isComplete(check, '')).toBe(false);
  });

  it('is right only for the correct option, with that option\'s feedback', () => {
    expect(single.score(check, 'connection')).toEqual({
      correct: true,
      fraction: 1,
      feedback: [{ key: 'connection', correct: true, text: 'Yes: growth happens in relationships.' }],
    });
    expect(single.score(check, 'separation')).toEqual({
      correct: false,
      fraction: 0,
      feedback: [{ key: 'separation', correct: false, text: 'That is the traditional view RCT challenges.' }],
    });
  });

  it('scores a response of the wrong shape as wrong without throwing', () => {
    const untyped = single.score as (c: typeof check, r: unknown) => ReturnType<typeof single.score>;
    expect(untyped(check, ['connection'])).toEqual({ correct: false, fraction: 0, feedback: [] });
  });

  it('maps to a choice interaction by option index', () => {
    expect(single.toInteraction(check, 'self-sufficiency')).toEqual({
      type: 'choice',
      options: ['separation', 'connection', 'self-sufficiency'],
      chosen: ['self-sufficiency'],
      correct: ['connection'],
    });
  });

  it('encodes the option index in one character and decodes it back', () => {
    expect(single.encode(check, 'separation')).toBe('0');
    expect(single.encode(check, 'self-sufficiency')).toBe('2');
    for (const o of check.options) expect(single.decode(check, single.encode(check, o.id))).toBe(o.id);
  });

  it('decodes nothing from garbage or an index the check does not have', () => {
    expect(single.decode(check, '')).toBeNull();
    expect(single.decode(check, '3')).toBeNull();
    expect(single.decode(check, '01')).toBeNull();
    expect(single.decode(check, '~')).toBeNull();
  });
});
