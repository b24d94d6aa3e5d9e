/**
 * The project's own course, as a specification of what it must hold beyond
 * what the validator already enforces for any course (the authoring rules
 * have their fixtures in authoring-errors.test.ts): the seed's slides in
 * their order, every question type in use, the reflections the seed asks
 * for, the data the seed lost.
 */
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/model/load';
import { checkTypeNames } from '../../../src/questions/registry';

const model = loadCourse(process.cwd());

describe('the RCT course', () => {
  it('has the course facts the LMS and the home page need', () => {
    expect(model.course.id).toBe('rct-intro');
    expect(model.course.masteryScore).toBe(80);
    expect(model.course.authors.map((a) => a.name)).toEqual([
      'Linda M. Hartling',
      'Jean Baker Miller',
      'Judith V. Jordan',
      'Maureen Walker',
      'Jean Baker Miller Training Institute',
    ]);
  });

  it('numbers its slide files in course order, so the folder reads as the course', () => {
    expect(model.slides.map((s) => s.file)).toEqual([...model.slides.map((s) => s.file)].sort());
  });

  it('keeps the seed slides in their original order', () => {
    const seed = model.slides.flatMap((s) => (s.seedSlide ? [s.seedSlide] : []));
    expect(seed).toEqual([1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16]);
  });

  it('gives every slide speaker notes of substance, not a placeholder', () => {
    for (const s of model.slides) expect(s.notes.say.length, s.id).toBeGreaterThan(40);
  });

  it('uses every question type the builder has, so each is taken through all three outputs by the browser tests', () => {
    expect(model.checks.length).toBeGreaterThanOrEqual(10);
    expect(new Set(model.checks.map((c) => c.check.type))).toEqual(new Set(checkTypeNames));
  });

  it('sorts the Five Good Things from the five outcomes of disconnection', () => {
    const matching = model.checks.flatMap(({ check }) => (check.type === 'matching' ? [check] : []));
    const sort = matching.find((check) => check.items.length === 10);
    if (!sort) throw new Error('no 10-item matching check');
    const by = (cat: string) => sort.items.filter((i) => i.category === cat).map((i) => i.text);
    const [good, bad] = sort.categories.map((c) => by(c.id));
    expect(good?.sort()).toEqual(['Action', 'Clarity', 'Desire for More Connection', 'Sense of Worth', 'Zest or Energy']);
    expect(bad?.sort()).toEqual(['Avoid Relationships / Isolation', 'Confusion', 'Diminished Action', 'Diminished Energy', 'Diminished Sense of Worth']);
  });

  it('asks the two seed reflection prompts and at least one more in every module', () => {
    const prompts = model.reflections.map((r) => `${r.reflection.prompt} ${r.reflection.hint ?? ''}`);
    expect(prompts.some((p) => p.includes('Think of someone who contributed positively to your growth') && p.includes('How did that person make a difference?'))).toBe(true);
    expect(prompts.some((p) => p.includes('Think of a time that you felt you contributed to the growth of another person') && p.includes('What did you do that made a difference?'))).toBe(true);
    for (const m of model.modules) {
      const own = model.reflections.filter((r) => r.moduleId === m.id).length;
      expect(own, m.id).toBeGreaterThanOrEqual(m.number === 1 ? 3 : 1);
    }
  });

  it('records each typo it fixed in the slide that has it', () => {
    const edits = model.slides.flatMap((s) => s.edits);
    expect(edits.some((e) => e.includes('Growth-Fostering'))).toBe(true);
  });

  it('carries the Lambert (1992) data the seed lost', () => {
    const chart = model.slides.flatMap((s) => s.charts).find((c) => c.id === 'lambert-1992');
    expect(chart?.data).toEqual([
      { label: 'Extratherapeutic change', value: 40 },
      { label: 'Relationship (common) factors', value: 30 },
      { label: 'Expectancy / placebo', value: 15 },
      { label: 'Model / technique', value: 15 },
    ]);
  });
});

describe('links to other sites', () => {
  it('are found by the MDX parse, so the packages may carry exactly those', () => {
    expect(model.slides.flatMap((s) => s.externalLinks)).toEqual(['http://www.jbmti.org']);
  });
});
