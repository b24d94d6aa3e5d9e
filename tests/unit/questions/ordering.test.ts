import { describe, expect, it } from 'vitest';
import { ordering } from '../../../src/questions/ordering';
import { presentedOrder, scrambledOrder } from '../../../src/questions/ordering/order';
import { orderingCheck as check } from '../../support/checks';

const right = ['repeated-disconnection', 'yearning', 'fear-of-engaging', 'parts-kept-out'];

describe('ordering', () => {
  it('is complete for any order of exactly the check\'s items, each once', () => {
    expect(ordering.isComplete(check, right)).toBe(true);
    expect(ordering.isComplete(check, [...right].reverse())).toBe(true);
    expect(ordering.isComplete(check, right.slice(1))).toBe(false);
    expect(ordering.isComplete(check, [...right.slice(1), 'yearning'])).toBe(false);
    expect(ordering.isComplete(check, [...right.slice(1), 'elsewhere'])).toBe(false);
    expect(ordering.isComplete(check, 'yearning' as unknown as string[])).toBe(false);
  });

  it('is right only in the author\'s order; the fraction counts items in their place', () => {
    expect(ordering.score(check, right)).toMatchObject({ correct: true, fraction: 1 });
    const swapped = ['yearning', 'repeated-disconnection', 'fear-of-engaging', 'parts-kept-out'];
    expect(ordering.score(check, swapped)).toMatchObject({ correct: false, fraction: 0.5 });
  });

  it('gives feedback for every item, in the right order, marking the misplaced ones', () => {
    const result = ordering.score(check, ['yearning', 'repeated-disconnection', 'fear-of-engaging', 'parts-kept-out']);
    expect(result.feedback.map((f) => [f.key, f.correct])).toEqual([
      ['repeated-disconnection', false],
      ['yearning', false],
      ['fear-of-engaging', true],
      ['parts-kept-out', true],
    ]);
    expect(result.feedback[0]?.text).toBe('Everything starts from repeated disconnection.');
  });

  it('maps to a sequencing interaction by the author\'s ids', () => {
    expect(ordering.toInteraction(check, [...right].reverse())).toEqual({
      type: 'sequencing',
      items: right,
      order: [...right].reverse(),
      correct: right,
    });
  });

  it('encodes the item indexes in the learner\'s order and round-trips', () => {
    expect(ordering.encode(check, ['fear-of-engaging', 'repeated-disconnection', 'parts-kept-out', 'yearning'])).toBe('2031');
    expect(ordering.decode(check, '2031')).toEqual(['fear-of-engaging', 'repeated-disconnection', 'parts-kept-out', 'yearning']);
    for (const bad of ['203', '20311', '2033', '20x1', '']) expect(ordering.decode(check, bad)).toBeNull();
  });

  it('flags items that share an id', () => {
    const first = check.items[0]!;
    expect(ordering.rules({ ...check, items: [...check.items, { ...first, text: 'again' }] })).toEqual([
      { field: 'items', message: 'has two items with id "repeated-disconnection": give each a different id' },
    ]);
    expect(ordering.rules(check)).toEqual([]);
  });
});

describe('the order learners first see', () => {
  it('is never the right order, and the same on every build', () => {
    for (let n = 2; n <= 10; n++) {
      const ids = Array.from({ length: n }, (_, i) => `item-${i}`);
      for (const key of ['a', 'b', 'how-the-paradox-unfolds', 'stages', 'x-y-z']) {
        const shown = scrambledOrder(ids, key);
        expect([...shown].sort()).toEqual([...ids].sort());
        expect(shown).not.toEqual(ids);
        expect(scrambledOrder(ids, key)).toEqual(shown);
      }
    }
  });

  it('is the check\'s own: the reader\'s form and the deck\'s poll show the same letters', () => {
    expect(presentedOrder(check)).toEqual(scrambledOrder(right, check.id));
  });
});
