import { describe, expect, it } from 'vitest';
import { fitScale } from '../../../../src/modes/present/runtime/fit';

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
