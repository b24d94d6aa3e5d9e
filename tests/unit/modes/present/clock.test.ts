import { describe, expect, it } from 'vitest';
import { fillClock, formatClock, reflectionMinutes, secondsLeft } from '../../../../src/modes/present/clock';

describe('countdown arithmetic', () => {
  it('formats m:ss', () => {
    expect(formatClock(120)).toBe('2:00');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(9)).toBe('0:09');
    expect(formatClock(-3)).toBe('0:00');
    expect(formatClock(59.2)).toBe('1:00');
  });

  it('counts whole seconds down from the start, never below zero', () => {
    expect(secondsLeft(120, 1000, 1000)).toBe(120);
    expect(secondsLeft(120, 1000, 1500)).toBe(120);
    expect(secondsLeft(120, 1000, 2000)).toBe(119);
    expect(secondsLeft(120, 0, 500_000)).toBe(0);
  });

  it("shares the slide's speaking time among its prompts, at least a minute each", () => {
    // A minute of the slot is left for the debrief, so the timers end before the slot does.
    expect(reflectionMinutes(2, 1)).toBe(1);
    expect(reflectionMinutes(3, 1)).toBe(2);
    expect(reflectionMinutes(5, 2)).toBe(2);
    expect(reflectionMinutes(1, 3)).toBe(1);
    expect(reflectionMinutes(3, 0)).toBe(2);
    for (const [slot, prompts] of [[2, 1], [3, 1], [5, 2], [4, 1]] as const) expect(reflectionMinutes(slot, prompts) * prompts).toBeLessThan(slot);
  });

  it('fills the clock into message templates', () => {
    expect(fillClock('Stopped with {clock} left.', 75)).toBe('Stopped with 1:15 left.');
  });
});
