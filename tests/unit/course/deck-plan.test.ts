/**
 * The deck's plan (src/modes/present/deck.ts) for this repository's course: the
 * generated structure follows the modules, the deck asks at most one
 * question per slide and never two in a row, the slides the course keeps out
 * of the deck stay in the model, and every slide has one layout and a credit.
 */
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/model/load';
import type { CourseModel, SlideModel } from '../../../src/model/course';
import { AGENDA_ID, deckMinutes, deckPlan, dividerId, inDeck, layoutOf, pollSpacing, RECAP_ID, seedOf } from '../../../src/modes/present/deck';

const model = loadCourse(process.cwd());
const plan = deckPlan(model);
const ids = plan.map((e) => e.id);

describe('the deck plan', () => {
  it('opens with the title, then the agenda; a divider starts each module; the recap comes before the close', () => {
    const title = model.slides.find((s) => s.kind === 'title')!;
    const closing = model.slides.find((s) => s.kind === 'closing')!;
    expect(ids[0]).toBe(title.id);
    expect(ids[1]).toBe(AGENDA_ID);
    expect(ids.at(-2)).toBe(RECAP_ID);
    expect(ids.at(-1)).toBe(closing.id);
    for (const m of model.modules) {
      const at = ids.indexOf(dividerId(m.id));
      expect(at, m.id).toBeGreaterThan(1);
      // Every deck slide after the divider, up to the next divider, belongs to the module.
      const next = plan.findIndex((e, i) => i > at && (e.type === 'divider' || e.type === 'recap'));
      const own = plan.slice(at + 1, next).map((e) => (e.type === 'slide' ? e.slide.moduleId : 'generated'));
      expect(new Set(own), m.id).toEqual(new Set([m.id]));
    }
    expect(plan.filter((e) => e.type === 'divider')).toHaveLength(model.modules.length);
  });

  it('holds every slide the model shows in the deck, once, in course order, and none it keeps out', () => {
    const authored = plan.flatMap((e) => (e.type === 'slide' ? [e.slide.id] : []));
    const shown = model.slides.filter(inDeck);
    const order = (list: SlideModel[]) => list.filter((s) => s.kind === 'content').map((s) => s.id);
    expect(authored.filter((id) => shown.find((s) => s.id === id)?.kind === 'content')).toEqual(order(shown));
    expect(new Set(authored)).toEqual(new Set(shown.map((s) => s.id)));
    const kept = model.slides.filter((s) => !inDeck(s));
    expect(kept.length).toBeGreaterThan(0);
    for (const s of kept) expect(ids, s.id).not.toContain(s.id);
  });

  it('asks at most one question per slide, never two slides in a row, and about one per module', () => {
    for (const e of plan) if (e.type === 'slide') expect(e.slide.checks.length, e.id).toBeLessThanOrEqual(1);
    const spacing = pollSpacing(model, plan);
    expect(spacing.minGap).toBeGreaterThanOrEqual(1);
    expect(spacing.inDeck.length).toBeGreaterThanOrEqual(model.modules.length);
    expect(spacing.inDeck.length).toBeLessThanOrEqual(model.modules.length + 2);
    expect([...spacing.inDeck, ...spacing.leftOut].sort()).toEqual(model.checks.map((c) => c.check.id).sort());
    // Every module still asks the room something.
    for (const m of model.modules) expect(plan.some((e) => e.type === 'slide' && e.layout === 'poll' && e.moduleId === m.id), m.id).toBe(true);
  });

  it('gives each slide one layout from what it holds', () => {
    const layout = (id: string) => plan.find((e) => e.id === id)?.layout;
    expect(layout(model.slides[0]!.id)).toBe('title');
    expect(layout(AGENDA_ID)).toBe('agenda');
    expect(layout(RECAP_ID)).toBe('recap');
    expect(layout(model.slides.find((s) => s.kind === 'closing')!.id)).toBe('closing');
    for (const e of plan) {
      if (e.type !== 'slide') continue;
      if (e.slide.checks.length > 0) expect(e.layout, e.id).toBe('poll');
      else if (e.slide.reflections.length > 0) expect(e.layout, e.id).toBe('pause');
      else if (e.slide.charts.length > 0) expect(e.layout, e.id).toBe('chart');
    }
    expect(plan.filter((e) => e.layout === 'compare').map((e) => e.id)).toEqual(['rct-proposes', 'outcomes-of-disconnection']);
    expect(new Set(plan.map((e) => e.layout))).toEqual(new Set(['title', 'agenda', 'divider', 'content', 'compare', 'quote', 'chart', 'poll', 'pause', 'recap', 'closing']));
  });

  it("credits the seed's slides to its copyright, a slide that continues one too, and everything added to the course", () => {
    for (const e of plan) {
      if (e.type !== 'slide') {
        expect(e.credit, e.id).toBe('course');
        continue;
      }
      expect(e.credit, e.id).toBe(seedOf(model, e.slide) === undefined ? 'course' : 'seed');
    }
    const continued = model.slides.find((s) => s.id === 'key-concepts-mutuality')!;
    expect(continued.seedSlide).toBeUndefined();
    expect(seedOf(model, continued)).toBe(9);
    expect(plan.find((e) => e.id === continued.id)?.credit).toBe('seed');
    expect(plan.find((e) => e.id === 'pause-messages-about-growing-up')?.credit).toBe('course');
  });

  it("times itself from the slides' notes plus the generated slides", () => {
    const shown = model.slides.filter(inDeck).reduce((t, s) => t + Math.round(s.notes.minutes * 60), 0);
    expect(deckMinutes(plan)).toBe(Math.round((shown + 60 + 30 * model.modules.length + 120) / 60));
  });
});

describe('layouts and checks of a slide', () => {
  const base = model.slides.find((s) => s.id === 'traditional-theories')!;
  const course = (slides: SlideModel[]): CourseModel => ({ ...model, slides });

  it('reads the deck field', () => {
    expect(layoutOf({ ...base, deck: { layout: 'quote' } })).toBe('quote');
    expect(layoutOf({ ...base, deck: { beside: 'introducing-rct' } })).toBe('compare');
    expect(inDeck({ ...base, deck: { show: false } })).toBe(false);
    expect(inDeck(base)).toBe(true);
  });

  it('refuses a comparison with a later slide, or with a slide that embeds something', () => {
    const later = model.slides.map((s) => (s.id === 'traditional-theories' ? { ...s, deck: { beside: 'rct-proposes' } } : s));
    expect(() => deckPlan(course(later))).toThrow(/no earlier slide/);
    const embeds = model.slides.map((s) => (s.id === 'rct-proposes' ? { ...s, deck: { beside: 'pause-messages-about-growing-up' } } : s));
    expect(() => deckPlan(course(embeds))).toThrow(/embeds a check, reflection or chart/);
  });

  it('refuses a slide id the deck gives a generated slide', () => {
    const clash = model.slides.map((s) => (s.id === 'therapy-in-practice' ? { ...s, id: AGENDA_ID } : s));
    expect(() => deckPlan(course(clash))).toThrow(/generated agenda slide/);
  });
});
