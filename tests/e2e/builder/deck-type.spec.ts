/**
 * Legible from the back of the room, measured: every slide and every
 * fragment step of the deck at 1280 × 720, as the course review's
 * scripts/deck-type.mjs measured it (the rendered size of each visible text,
 * SVG text scaled by its viewBox, times reveal's scale: screen px). No text
 * below 24 px, nothing overflowing its slide, one title size per layout, the
 * closing message the largest text of its slide, a credit line on every
 * slide. (This course's seed text on the deck: course/deck-seed-text.spec.ts.)
 */
import { expect, test } from '@playwright/test';
import { loadCourseUnderTest } from '../course-under-test';
import { words } from '../ui-words';
import { deckPlan } from '../../../src/modes/present/deck';
import { everyStep, type Step } from '../deck-steps';

const model = loadCourseUnderTest();
const plan = deckPlan(model);
const MIN_PX = 24;

test.describe('the deck from the back of the room', () => {
  // One measurement of the whole deck, shared by the checks: keep them in one worker.
  test.describe.configure({ mode: 'default' });
  let steps: Step[] = [];

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await browser.newPage();
    steps = await everyStep(page, plan);
    await page.close();
  });

  test('measures every slide and every fragment step', () => {
    const polls = plan.filter((e) => e.layout === 'poll').length;
    // A poll has three steps: the question, the answer, the explanation.
    expect(steps).toHaveLength(plan.length + 2 * polls);
    expect(new Set(steps.map((s) => s.id))).toEqual(new Set(plan.map((e) => e.id)));
  });

  test('has no text below 24 px at 1280 × 720 on any slide or fragment', () => {
    const small = steps.filter((s) => s.minPx < MIN_PX).map((s) => `${s.id} step ${s.step}: ${s.minPx.toFixed(1)} px "${s.minText}"`);
    expect(small).toEqual([]);
  });

  test('fits every slide in its 1280 × 720 box, by layout and split rather than by shrinking', () => {
    expect(steps.filter((s) => s.overflow > 0).map((s) => `${s.id} step ${s.step}: ${s.overflow} px over`)).toEqual([]);
    // The fit guard may touch a few dense slides, and then only a little.
    const fitted = [...new Set(steps.filter((s) => Number(s.fit) < 1).map((s) => `${s.id} (${s.fit})`))];
    expect(fitted.length, fitted.join(', ')).toBeLessThanOrEqual(4);
    for (const s of steps) expect(Number(s.fit), s.id).toBeGreaterThanOrEqual(0.75);
  });

  test('gives every layout one title size', () => {
    const byLayout = new Map<string, Set<number>>();
    for (const s of steps) {
      const layout = plan.find((e) => e.id === s.id)?.layout ?? '?';
      if (s.titlePx === null) continue;
      byLayout.set(layout, (byLayout.get(layout) ?? new Set()).add(s.titlePx));
    }
    const mixed = [...byLayout].filter(([, sizes]) => sizes.size > 1).map(([layout, sizes]) => `${layout}: ${[...sizes].join(', ')}`);
    expect(mixed).toEqual([]);
    expect(byLayout.size).toBeGreaterThanOrEqual(9);
  });

  test('makes the closing message the largest text on its slide', () => {
    const closing = plan.find((e) => e.layout === 'closing')!;
    const last = steps.find((s) => s.id === closing.id)!;
    expect(last.maxPx).toBeGreaterThan(last.titlePx ?? 0);
  });

  test("carries a credit line on every slide: the seed's copyright, or the course's own", () => {
    const copyright = `© ${model.course.copyright}`;
    for (const entry of plan) {
      const credit = steps.find((s) => s.id === entry.id)?.credit ?? '';
      if (entry.credit === 'seed') expect(credit, entry.id).toBe(copyright);
      else expect(credit, entry.id).toBe(words.present.creditCourse(model.course.title));
    }
  });

});
