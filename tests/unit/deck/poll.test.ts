import { describe, expect, it } from 'vitest';
import { answerLine, categoryLetter, letter, matchingAnswer, pollOptions } from '../../../src/components/present/poll';
import type { Check, MatchingCheck } from '../../../src/model/schema';

const base = { prompt: 'Q?', explanation: 'Because.', assesses: { objective: 'o', slide: 's' } };
const labels = { true: 'True', false: 'False' };
const option = (id: string, correct = false) => ({ id, text: `Option ${id}`, correct, feedback: 'f' });

describe('audience questions', () => {
  it('letters options A, B, C…', () => {
    expect([0, 1, 2, 9].map(letter)).toEqual(['A', 'B', 'C', 'J']);
  });

  it('gives one answer with its text, several by letter', () => {
    const single: Check = { ...base, id: 'c1', type: 'single', options: [option('a'), option('b', true), option('c')] };
    expect(answerLine(pollOptions(single, labels))).toBe('B. Option b');
    const multiple: Check = { ...base, id: 'c2', type: 'multiple', options: [option('a', true), option('b'), option('c', true)] };
    expect(answerLine(pollOptions(multiple, labels))).toBe('A, C');
  });

  it('asks true/false as A True, B False', () => {
    const tf: Check = { ...base, id: 'c3', type: 'true-false', answer: false, feedback: { true: 'x', false: 'y' } };
    const options = pollOptions(tf, labels);
    expect(options.map((o) => `${o.letter} ${o.text}`)).toEqual(['A True', 'B False']);
    expect(answerLine(options)).toBe('B. False');
  });

  it('answers matching by category letter with the numbers of its statements', () => {
    const m: MatchingCheck = {
      ...base,
      id: 'c4',
      type: 'matching',
      categories: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }],
      items: [
        { id: 'i1', text: '1', category: 'y', feedback: 'f' },
        { id: 'i2', text: '2', category: 'x', feedback: 'f' },
        { id: 'i3', text: '3', category: 'y', feedback: 'f' },
      ],
    };
    expect(pollOptions(m, labels)).toEqual([]);
    expect(matchingAnswer(m)).toEqual([
      { letter: 'A', label: 'X', items: [2] },
      { letter: 'B', label: 'Y', items: [1, 3] },
    ]);
    expect(categoryLetter(m, 'y')).toBe('B');
  });
});
