/**
 * The course's stated duration against its notes (src/model/timing.ts): the
 * build fails when course.yaml promises a time the notes do not add up to.
 */
import { describe, expect, it } from 'vitest';
import { durationProblem, durationTolerance, notesMinutes } from '../../../src/model/timing';

const slides = (...minutes: number[]) => minutes.map((m) => ({ notes: { minutes: m } }));

describe('the course duration', () => {
  it('is the sum of the notes, to a tenth of a minute', () => {
    expect(notesMinutes(slides(2, 1.5, 3, 0.1, 0.2))).toBe(6.8);
  });

  it('may differ from the notes by 10% of their total, and never by less than 5 minutes', () => {
    expect(durationTolerance(30)).toBe(5);
    expect(durationTolerance(85)).toBe(9);
    expect(durationTolerance(120)).toBe(12);
  });

  it('passes within the tolerance, on either side', () => {
    expect(durationProblem(80, slides(40, 45))).toBeNull();
    expect(durationProblem(94, slides(40, 45))).toBeNull();
  });

  it('fails beyond it, saying both numbers and what to set', () => {
    expect(durationProblem(50, slides(40, 41))).toEqual({
      file: 'modules/course.yaml',
      field: 'durationMinutes',
      message: "says 50 minutes, but the slides' notes add up to 81 minutes (more than 8 apart): set durationMinutes to about 81, or change the notes' minutes to the time the course really takes",
    });
  });
});
