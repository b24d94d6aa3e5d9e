/**
 * The final assessment's authoring rules (src/model/assessment.ts,
 * answer-keys.ts): the fixture course with an assessment laid over it, one
 * defect at a time; each error names the file, the field and what to do.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyPatterns } from '../../../src/model/answer-keys';
import { readCourseSources } from '../../../src/model/load';
import { validateCourse, type CourseSources } from '../../../src/model/validate';
import type { Check } from '../../../src/questions/registry';

const base = join(import.meta.dirname, '../../fixtures/authoring/base');

/** A true/false question on an objective of the fixture course. */
const tf = (id: string, objective: string, answer: boolean) => ({
  id,
  type: 'true-false',
  prompt: `Statement ${id}.`,
  explanation: 'Because the slide says so.',
  assesses: { objective, slide: 'intro' },
  answer,
  feedback: { true: 'On true.', false: 'On false.' },
});

/** A single-choice question whose key is option `key` of three. */
const single = (id: string, objective: string, key: number) => ({
  id,
  type: 'single',
  prompt: `Question ${id}?`,
  explanation: 'Because.',
  assesses: { objective, slide: 'more-ideas' },
  options: [0, 1, 2].map((i) => ({ id: `o${i}`, text: `Option ${i}`, correct: i === key, feedback: 'Why.' })),
});

/** A pool that covers the fixture's four objectives twice, with mixed keys: valid. */
const goodPool = () => [
  tf('a1', 'name-the-thing', true),
  tf('a2', 'name-the-thing', false),
  single('b1', 'explain-the-thing', 0),
  single('b2', 'explain-the-thing', 1),
  tf('c1', 'describe-more', false),
  single('c2', 'describe-more', 2),
  single('d1', 'classify-more', 1),
  tf('d2', 'classify-more', true),
];

function withAssessment(settings: Record<string, unknown> | null, questions: unknown[] | null, change: (s: CourseSources) => CourseSources = (s) => s): ReturnType<typeof validateCourse> {
  const sources = readCourseSources(base);
  const course = { ...(sources.course!.data as Record<string, unknown>), ...(settings ? { assessment: settings } : {}) };
  return validateCourse(
    change({
      ...sources,
      course: { ...sources.course!, data: course },
      assessment: questions ? { file: 'modules/assessment.yaml', data: { title: 'Final assessment', introduction: 'Four questions.', questions } } : null,
    }),
  );
}

// What each error says; where it is in the file is the position tests' concern (authoring-errors.test.ts).
const errorsOf = (r: ReturnType<typeof validateCourse>) => (r.ok ? [] : r.errors.map(({ file, field, message }) => ({ file, field, message })));

describe('a course with a final assessment', () => {
  it('is valid with a pool twice the draw covering every objective, and carries it in its model', () => {
    const r = withAssessment({ draw: 4 }, goodPool());
    expect(errorsOf(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.course.assessment).toMatchObject({ draw: 4, attempts: 3, keep: 'best', timeLimitMinutes: null, title: 'Final assessment' });
    expect(r.course.assessment?.questions.map((q) => q.track)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(r.course.tracking.numbers.questions).toEqual(goodPool().map((q) => q.id));
  });

  it('needs its pool file when course.yaml asks for one, and the other way round', () => {
    expect(errorsOf(withAssessment({ draw: 4 }, null))).toEqual([
      { file: 'modules/assessment.yaml', field: '(file)', message: expect.stringContaining('is missing, and course.yaml') },
    ]);
    expect(errorsOf(withAssessment(null, goodPool()))).toEqual([
      { file: 'modules/course.yaml', field: 'assessment', message: expect.stringContaining('add assessment: { draw: N }') },
    ]);
  });

  it('fails when the pool is smaller than twice the draw', () => {
    expect(errorsOf(withAssessment({ draw: 5 }, goodPool()))).toEqual([
      { file: 'modules/course.yaml', field: 'assessment.draw', message: expect.stringContaining('draws 5 questions from a pool of 8: the pool needs at least 10') },
    ]);
  });

  it('fails when an objective has no question, and says how to mark one that has no right answer', () => {
    const pool = goodPool().filter((q) => q.assesses.objective !== 'classify-more');
    const errors = errorsOf(withAssessment({ draw: 3 }, pool));
    expect(errors).toEqual([
      { file: 'modules/02-more.yaml', field: 'objectives[1].id', message: expect.stringContaining('"classify-more" has no question in modules/assessment.yaml') },
    ]);
    expect(errors[0]?.message).toContain('assessedBy: reflection');
  });

  it('accepts an objective assessed by reflection when its module has a reflection, and refuses questions on it', () => {
    const reflective = (s: CourseSources): CourseSources => ({
      ...s,
      modules: s.modules.map((m) =>
        m.file.endsWith('01-basics.yaml')
          ? { ...m, data: { ...(m.data as object), objectives: (m.data as { objectives: object[] }).objectives.map((o, i) => (i === 0 ? { ...o, assessedBy: 'reflection' } : o)) } }
          : m,
      ),
    });
    const pool = goodPool().filter((q) => q.assesses.objective !== 'name-the-thing');
    expect(errorsOf(withAssessment({ draw: 3 }, pool, reflective))).toEqual([]);
    expect(errorsOf(withAssessment({ draw: 4 }, goodPool(), reflective))).toEqual([
      { file: 'modules/assessment.yaml', field: 'questions[0].assesses.objective', message: expect.stringContaining('assessed by reflection') },
      { file: 'modules/assessment.yaml', field: 'questions[1].assesses.objective', message: expect.stringContaining('assessed by reflection') },
    ]);
  });

  it('fails when answer keys give the answers away, naming the rule and the questions', () => {
    const allFalse = goodPool().map((q) => (q.type === 'true-false' ? { ...q, answer: false } : q));
    expect(errorsOf(withAssessment({ draw: 4 }, allFalse))).toEqual([
      {
        file: 'modules/assessment.yaml',
        field: 'questions[0]',
        message: 'answer keys give the answers away: 4 of the 4 true/false questions have the answer false (a1, a2, c1, d2); rewrite some statements so that their answer is true',
      },
    ]);
  });

  it('keeps question ids unique with the slides\' checks and reflections', () => {
    const clash = [...goodPool().slice(1), { ...tf('name-it', 'name-the-thing', true) }];
    expect(errorsOf(withAssessment({ draw: 4 }, clash))).toEqual([
      { file: 'modules/assessment.yaml', field: 'questions[7].id', message: expect.stringContaining('"name-it" is already the id of a check or reflection') },
    ]);
  });
});

describe('answer keys that give the answers away', () => {
  const checks = (...list: unknown[]) => list as Check[];

  it('say nothing about too few questions of a type for a pattern', () => {
    expect(keyPatterns(checks(tf('a', 'o', false), tf('b', 'o', false)))).toEqual([]);
  });

  it('find one option position holding most single-choice keys', () => {
    const patterns = keyPatterns(checks(single('a', 'o', 1), single('b', 'o', 1), single('c', 'o', 0), single('d', 'o', 1)));
    expect(patterns).toEqual([{ rule: '3 of the 4 single-choice questions have their answer as the second option', fix: expect.any(String), indexes: [0, 1, 3] }]);
  });

  it('find the key as the clearly longest option', () => {
    const longKey = (id: string, key: number) => {
      const q = single(id, 'o', key);
      return { ...q, options: q.options.map((o, i) => (i === key ? { ...o, text: 'A much longer and more careful option' } : o)) };
    };
    expect(keyPatterns(checks(longKey('a', 0), longKey('b', 2), { ...single('c', 'o', 1) }))).toEqual([
      { rule: 'in 2 of the 3 single-choice questions the answer is clearly the longest option', fix: expect.any(String), indexes: [0, 1] },
    ]);
  });

  it('find the same multiple-response key again and again', () => {
    const multiple = (id: string) => ({ ...single(id, 'o', 0), type: 'multiple', options: single(id, 'o', 0).options.map((o, i) => ({ ...o, correct: i !== 1 })) });
    expect(keyPatterns(checks(multiple('a'), multiple('b'), multiple('c')))).toEqual([
      { rule: '3 of the 3 multiple-response questions have the same options right (the first, third)', fix: expect.any(String), indexes: [0, 1, 2] },
    ]);
  });

  it('accept a balanced set', () => {
    expect(keyPatterns(checks(tf('a', 'o', true), tf('b', 'o', false), tf('c', 'o', true), single('d', 'o', 0), single('e', 'o', 1), single('f', 'o', 2)))).toEqual([]);
  });
});
