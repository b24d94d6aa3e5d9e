/**
 * Stable numbers for the learner's record (src/model/tracking.ts): what a
 * saved record refers to must not move when the course changes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCourseSources } from '../../../src/model/load';
import { extendTracking, parseTracking, trackingJson } from '../../../src/model/tracking';
import { answerKey } from '../../../src/questions/encoding';
import { validateCourse } from '../../../src/model/validate';

const base = join(import.meta.dirname, '../../fixtures/authoring/base');

describe('tracking numbers', () => {
  it('number a first course in course order', () => {
    expect(extendTracking(null, { slideIds: ['a', 'b', 'c'], checkIds: ['q1'] })).toEqual({
      tracking: { slides: ['a', 'b', 'c'], checks: ['q1'], questions: [] },
      added: ['a', 'b', 'c', 'q1'],
    });
  });

  it('keep every number when slides move, append new ids, and never reuse a removed one', () => {
    const first = extendTracking(null, { slideIds: ['a', 'b', 'c'], checkIds: ['q1', 'q2'] }).tracking;
    const next = extendTracking(first, { slideIds: ['c', 'new', 'a'], checkIds: ['q2', 'q3'] });
    expect(next.tracking).toEqual({ slides: ['a', 'b', 'c', 'new'], checks: ['q1', 'q2', 'q3'], questions: [] });
    expect(next.added).toEqual(['new', 'q3']);
    expect(extendTracking(next.tracking, { slideIds: ['c', 'new', 'a'], checkIds: ['q2', 'q3'] }).added).toEqual([]);
  });

  it('are written one id per line and read back', () => {
    const tracking = { slides: ['a', 'b'], checks: [], questions: ['q'] };
    const text = trackingJson(tracking);
    expect(text).toContain('\n    "a",\n    "b"\n');
    expect(parseTracking(JSON.parse(text))).toEqual({ ok: true, tracking });
  });

  it('refuse a file that is not two lists of distinct ids, saying what to do', () => {
    expect(parseTracking([])).toMatchObject({ ok: false, field: '(file)' });
    expect(parseTracking({ slides: ['a'], checks: [1] })).toMatchObject({ ok: false, field: 'checks', message: expect.stringContaining('restore it from version control') });
    expect(parseTracking({ slides: ['a', 'a'], checks: [] })).toMatchObject({ ok: false, field: 'slides', message: expect.stringContaining('"a" twice') });
  });
});

describe('the course model', () => {
  it('gives each slide and check the number modules/tracking.json holds, whatever the order of the course', () => {
    const sources = readCourseSources(base);
    const plain = validateCourse(sources);
    if (!plain.ok) throw new Error(JSON.stringify(plain.errors));
    const slideIds = plain.course.slides.map((s) => s.id);
    const checkIds = plain.course.checks.map((c) => c.check.id);
    // A file from an older version: the slides numbered in reverse, a retired slide first.
    const reversed = { slides: ['retired', ...[...slideIds].reverse()], checks: ['retired-check', ...checkIds] };
    const withFile = validateCourse({ ...sources, tracking: { file: 'modules/tracking.json', data: reversed } });
    if (!withFile.ok) throw new Error(JSON.stringify(withFile.errors));
    expect(withFile.course.slides.map((s) => s.track)).toEqual(slideIds.map((id) => reversed.slides.indexOf(id)));
    expect(withFile.course.checks.map((c) => c.track)).toEqual(checkIds.map((_, i) => i + 1));
    expect(withFile.course.tracking.added).toEqual([]);
  });

  it('numbers what the file does not have yet, and says so for the build to write', () => {
    const sources = readCourseSources(base);
    const r = validateCourse({ ...sources, tracking: { file: 'modules/tracking.json', data: { slides: [], checks: [] } } });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.course.tracking.added.length).toBe(r.course.slides.length + r.course.checks.length);
    expect(r.course.slides.map((s) => s.track)).toEqual(r.course.slides.map((_, i) => i));
  });

  it('gives each check an answer key that changes with what makes an answer right, not with its wording', () => {
    const r = validateCourse(readCourseSources(base));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    for (const c of r.course.checks) expect(c.key).toMatch(/^[0-9a-z]{2}$/);
  });
});

describe('a check\'s answer key', () => {
  const check = {
    id: 'two-views',
    type: 'single',
    prompt: 'Which view?',
    explanation: 'Because.',
    assesses: { objective: 'contrast', slide: 'rct-proposes' },
    options: [
      { id: 'separation', text: 'Separation', correct: false, feedback: 'No.' },
      { id: 'connection', text: 'Connection', correct: true, feedback: 'Yes.' },
    ],
  };

  it('stays when only the wording or what it assesses changes', () => {
    const reworded = {
      ...check,
      prompt: 'Which view, really?',
      explanation: 'Because, really.',
      assesses: { objective: 'other', slide: 'elsewhere' },
      options: check.options.map((o) => ({ ...o, text: `${o.text}!`, feedback: `${o.feedback} Really.` })),
    };
    expect(answerKey(reworded)).toBe(answerKey(check));
  });

  it('changes when the right answer or the options change', () => {
    const flipped = { ...check, options: check.options.map((o) => ({ ...o, correct: !o.correct })) };
    const added = { ...check, options: [...check.options, { id: 'both', text: 'Both', correct: false, feedback: 'No.' }] };
    const reordered = { ...check, options: [...check.options].reverse() };
    for (const changed of [flipped, added, reordered]) expect(answerKey(changed)).not.toBe(answerKey(check));
  });
});
