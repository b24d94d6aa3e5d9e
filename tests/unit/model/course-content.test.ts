/**
 * The project's own course, as a specification of what it must hold: every
 * slide in exactly one module, ids unique, every check valid and tied to an
 * objective and a slide of its module, enough checks and reflections.
 */
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/model/load';

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

  it('puts every slide in exactly one module, in file order', () => {
    const listed = model.modules.flatMap((m) => m.slideIds);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(model.slides.map((s) => s.id));
    expect(model.slides.map((s) => s.file)).toEqual([...model.slides.map((s) => s.file)].sort());
  });

  it('keeps the seed slides in their original order', () => {
    const seed = model.slides.flatMap((s) => (s.seedSlide ? [s.seedSlide] : []));
    expect(seed).toEqual([1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16]);
  });

  it('gives every module 2 to 4 objectives and every slide speaker notes', () => {
    for (const m of model.modules) expect(m.objectives.length).toBeGreaterThanOrEqual(2);
    for (const s of model.slides) expect(s.notes.say.length, s.id).toBeGreaterThan(40);
  });

  it('has unique ids across slides, modules, objectives, checks and reflections', () => {
    const interactive = [...model.checks.map((c) => c.check.id), ...model.reflections.map((r) => r.reflection.id)];
    expect(new Set(interactive).size).toBe(interactive.length);
    const objectives = model.modules.flatMap((m) => m.objectives.map((o) => o.id));
    expect(new Set(objectives).size).toBe(objectives.length);
  });

  it('has at least 10 knowledge checks of at least 4 types, each tied to an objective and an earlier slide of its module', () => {
    expect(model.checks.length).toBeGreaterThanOrEqual(10);
    expect(new Set(model.checks.map((c) => c.check.type))).toEqual(new Set(['single', 'multiple', 'true-false', 'matching']));
    for (const { check, moduleId, slideId } of model.checks) {
      const module = model.modules.find((m) => m.id === moduleId);
      expect(module?.objectives.map((o) => o.id), check.id).toContain(check.assesses.objective);
      const order = model.slides.map((s) => s.id);
      expect(module?.slideIds, check.id).toContain(check.assesses.slide);
      expect(order.indexOf(check.assesses.slide), check.id).toBeLessThanOrEqual(order.indexOf(slideId));
    }
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
