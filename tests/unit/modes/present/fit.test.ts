import { describe, expect, it } from 'vitest';
import { fitFloor, fitScale } from '../../../../src/modes/present/runtime/fit';

/** Content whose height grows like scale^power (1: fixed lines, 2: reflowing text). */
const content = (heightAtOne: number, power: number) => {
  const calls: number[] = [];
  const measure = (s: number) => {
    calls.push(s);
    return heightAtOne * s ** power;
  };
  return { measure, calls };
};

describe('fitScale', () => {
  it('keeps full size when the content fits', () => {
    const { measure, calls } = content(600, 2);
    expect(fitScale(measure, 720)).toBe(1);
    expect(calls).toEqual([1]);
  });

  it('finds a scale that fits, close to the largest, for reflowing text', () => {
    const { measure } = content(1000, 2);
    const s = fitScale(measure, 720);
    expect(1000 * s ** 2).toBeLessThanOrEqual(720);
    expect(s).toBeGreaterThan(Math.sqrt(0.72) - 0.035);
  });

  it('never shrinks past what fixed lines need by more than one step', () => {
    const { measure } = content(1000, 1);
    const s = fitScale(measure, 720, { step: 0.03 });
    expect(1000 * s).toBeLessThanOrEqual(720);
    expect(s).toBeGreaterThan(0.72 - 0.031);
  });

  it('stops at the minimum when even that overflows', () => {
    const { measure, calls } = content(5000, 1);
    expect(fitScale(measure, 720, { min: 0.5 })).toBe(0.5);
    expect(calls.length).toBeLessThan(20);
  });
});

describe('fitFloor', () => {
  it('stops where the smallest scaling text would fall below the minimum', () => {
    // Body text of 34 px and nested lists of 30 px, both scaling: 30 px limits, at 25.5 / 30.
    expect(fitFloor([{ atOne: 34, atProbe: 17 }, { atOne: 30, atProbe: 15 }], 25.5)).toBeCloseTo(0.85, 3);
  });

  it('ignores text that keeps its size: fixed px, or held at a max() floor', () => {
    expect(fitFloor([{ atOne: 26, atProbe: 26 }, { atOne: 34, atProbe: 17 }], 25.5)).toBeCloseTo(0.75, 3);
    expect(fitFloor([{ atOne: 27.2, atProbe: 26 }, { atOne: 34, atProbe: 17 }], 25.5)).toBeCloseTo(0.75, 3);
  });

  it('says 1 when nothing scales or everything is already at the minimum', () => {
    expect(fitFloor([{ atOne: 28, atProbe: 28 }], 25.5)).toBe(1);
    expect(fitFloor([{ atOne: 25.5, atProbe: 12.75 }], 25.5)).toBe(1);
    expect(fitFloor([], 25.5)).toBe(1);
  });

  it('with fitScale, never takes text below the minimum however much the content overflows', () => {
    const floor = fitFloor([{ atOne: 30, atProbe: 15 }], 25.5);
    const s = fitScale((x) => 5000 * x, 720, { min: floor });
    expect(30 * s).toBeGreaterThanOrEqual(25.5);
  });
});

