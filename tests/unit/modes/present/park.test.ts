import { describe, expect, it } from 'vitest';
import { keptRange } from '../../../../src/modes/present/runtime/park';

describe('which slides keep their content in the document (park.ts)', () => {
  it('keeps the slides within the view distance of the current one', () => {
    expect(keptRange(760, 100, 3)).toEqual([97, 103]);
  });

  it('stops at the ends of the deck', () => {
    expect(keptRange(760, 0, 3)).toEqual([0, 3]);
    expect(keptRange(760, 759, 3)).toEqual([756, 759]);
  });

  it('clamps an index past either end (reveal clamps it the same way) and keeps a neighbour at least', () => {
    expect(keptRange(40, 99, 3)).toEqual([36, 39]);
    expect(keptRange(40, -5, 3)).toEqual([0, 3]);
    expect(keptRange(40, 10, 0)).toEqual([9, 11]);
  });

  it('keeps as many slides whatever the deck\'s length', () => {
    const size = ([from, to]: [number, number]) => to - from + 1;
    expect(size(keptRange(40, 20, 3))).toBe(size(keptRange(800, 400, 3)));
  });

  it('keeps nothing of an empty deck', () => {
    expect(keptRange(0, 0, 3)).toEqual([0, -1]);
  });
});
