/**
 * The project's own course, as a specification of what it must hold beyond
 * what the validator already enforces for any course (the authoring rules
 * have their fixtures in authoring-errors.test.ts): the seed's slides in
 * their order, every question type in use, the reflections the seed asks
 * for, the data the seed lost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyPatterns } from '../../../src/model/answer-keys';
import { analyzeMdx } from '../../../src/model/mdx-analysis';
import { loadCourse } from '../../../src/model/load';
import { notesMinutes } from '../../../src/model/timing';
import { SEED_FILE } from '../../support/seed';
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

  it('pairs each of the Five Good Things with the outcome of disconnection it becomes', () => {
    const pairing = model.checks.flatMap(({ check }) => (check.type === 'matching' && check.id === 'good-things-or-disconnection' ? [check] : []))[0];
    if (!pairing) throw new Error('no good-things-or-disconnection pairing');
    const label = new Map(pairing.categories.map((c) => [c.id, c.label]));
    expect(Object.fromEntries(pairing.items.map((i) => [i.text, label.get(i.category)]))).toEqual({
      'Zest or Energy': 'Diminished Energy',
      Action: 'Diminished Action',
      Clarity: 'Confusion',
      'Sense of Worth': 'Diminished Sense of Worth',
      'Desire for More Connection': 'Avoid Relationships / Isolation',
    });
  });

  it('writes practice checks whose keys give nothing away and whose prompts are about ideas, not "the slide"', () => {
    expect(keyPatterns(model.checks.map((c) => c.check))).toEqual([]);
    for (const { check } of model.checks) expect(JSON.stringify(check), check.id).not.toMatch(/the slide/i);
    const trueFalse = model.checks.flatMap(({ check }) => (check.type === 'true-false' ? [check.answer] : []));
    expect(trueFalse.length).toBeGreaterThanOrEqual(2);
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

/** The slides that teach: not a knowledge check, not a pause to reflect. */
const contentSlides = model.slides.filter((s) => s.checks.length === 0 && s.reflections.length === 0);
const bodyOf = (file: string) => analyzeMdx(readFileSync(join(process.cwd(), file), 'utf8'));
const explanationOf = (file: string) => {
  const source = readFileSync(join(process.cwd(), file), 'utf8');
  return /<Explain>([\s\S]*?)<\/Explain>/.exec(source)?.[1] ?? '';
};

describe('a course, not a deck pasted into a page', () => {
  it('gives every content slide teaching text for the reader and the LMS, of substance', () => {
    expect(contentSlides.length).toBeGreaterThanOrEqual(15);
    for (const s of contentSlides) {
      expect(bodyOf(s.file).explains, `${s.file}: add an <Explain> block`).toBe(1);
      expect(explanationOf(s.file).split(/\s+/).length, s.file).toBeGreaterThan(120);
    }
  });

  it('defines in its explanations the terms the notes used to define only for the room', () => {
    const text = contentSlides.map((s) => explanationOf(s.file)).join(' ');
    for (const phrase of ['relational images', 'controlling images', 'strategies of disconnection', 'mutual empathy', 'the expectations people carry from past relationships'])
      expect(text.toLowerCase(), phrase).toContain(phrase);
  });

  it('has a glossary of at least the fourteen terms of the issue, each with a source the references list, linked from the explanations', () => {
    const glossary = model.glossary;
    expect(glossary).not.toBeNull();
    const ids = glossary!.terms.map((t) => t.id);
    for (const id of [
      'growth-fostering-relationship', 'five-good-things', 'disconnection', 'chronic-disconnection', 'authenticity', 'mutuality', 'mutual-empathy',
      'mutual-empowerment', 'power-over', 'stratification', 'central-relational-paradox', 'strategies-of-disconnection', 'relational-images', 'controlling-images',
    ])
      expect(ids).toContain(id);
    const byId = new Map(glossary!.terms.map((t) => [t.id, t]));
    expect(byId.get('controlling-images')?.sources.map((s) => s.id)).toContain('collins-2000');
    expect(byId.get('central-relational-paradox')?.sources.map((s) => s.id)).toContain('miller-stiver-1997');
    const linked = new Set(model.slides.flatMap((s) => bodyOf(s.file).terms.map((t) => t.id)));
    expect(linked.size).toBeGreaterThanOrEqual(12);
  });

  it('gives the full reference of every in-text citation of the seed', () => {
    const seed = readFileSync(SEED_FILE, 'utf8');
    const citations = new Set([...seed.matchAll(/\(([A-Z][A-Za-z&,. ]+?),? (\d{4})\)/g)].map((m) => `${m[1]!.replace(/,$/, '')}, ${m[2]}`));
    // Cited in running text, "Berkman & Syme (1979)", "Putnam (2000)", and in the chart slide's reference list.
    for (const extra of ['Berkman & Syme, 1979', 'Putnam, 2000', 'Lambert, 1992', 'Hubble, Duncan, & Miller, 1999']) citations.add(extra);
    expect(citations.size).toBeGreaterThanOrEqual(17);
    const cited = new Set(model.references!.references.map((r) => r.cited.replace(/,? et al\./, ' et al.').replace(/, et al/, ' et al')));
    const missing = [...citations].map((c) => c.replace(/, et al/, ' et al')).filter((c) => !cited.has(c));
    expect(missing).toEqual([]);
  });

  it('corrects the record of the Lambert reference and says the chart was redrawn, with its shares called estimates on the slide', () => {
    const slide = model.slides.find((s) => s.id === 'relationships-in-therapy-and-change')!;
    expect(slide.edits.some((e) => e.includes('Handbook of Psychotherapy Integration') && e.includes('Norcross'))).toBe(true);
    expect(slide.edits.some((e) => e.includes('redrawn'))).toBe(true);
    expect(slide.charts[0]?.title).toMatch(/estimates/);
    expect(model.references!.references.find((r) => r.id === 'lambert-1992')?.apa).toContain('*Handbook of psychotherapy integration*');
  });

  it('asks in every module for a reflection that applies its ideas to the work of the learner', () => {
    for (const m of model.modules) {
      const prompts = model.reflections.filter((r) => r.moduleId === m.id).map((r) => r.reflection.prompt);
      expect(prompts.some((p) => /\b(your work|at work|you work with|you are part of)\b/.test(p)), m.id).toBe(true);
    }
  });

  it('keeps the two reflections about identity and what one holds back private', () => {
    const privateOnes = model.reflections.filter((r) => r.reflection.private).map((r) => r.reflection.id);
    expect(privateOnes.sort()).toEqual(['my-social-identities', 'yearning-and-holding-back']);
  });

  it('states a duration its notes bear out, and credits what this edition wrote', () => {
    expect(Math.abs(model.course.durationMinutes - notesMinutes(model.slides))).toBeLessThanOrEqual(5);
    expect(model.course.copyright).toBe('Jean Baker Miller Training Institute 2003');
    expect(model.course.credit).toMatch(/notes, the explanations, the glossary, the\s+references, the questions and the added reflection prompts were written for this edition/);
  });

  it('tells the history of the theory as it happened: the Stone Center from the late 1970s, the Institute founded in 1995', () => {
    const notes = model.slides.find((s) => s.id === 'introducing-rct')!.notes.say;
    expect(notes).toContain('late 1970s');
    expect(notes).toContain('founded at the Stone Center in 1995');
    expect(notes).not.toContain('grew out of the work of Jean Baker Miller and her colleagues at the Jean Baker Miller Training Institute');
  });
});

