/**
 * This course's deck carries the seed deck: every line of its text on the
 * projected slides, in the seed's order, and its closing message, the
 * growth of mutually empowering relationships, as the closing slide's
 * largest text. Measured step by step as the builder's type checks measure
 * (tests/e2e/deck-steps.ts).
 */
import { expect, test } from '@playwright/test';
import { loadCourse } from '../../../src/model/load';
import { deckPlan } from '../../../src/modes/present/deck';
import { everyStep, type Step } from '../deck-steps';
import { normalize, seedLines } from '../../support/seed';

const plan = deckPlan(loadCourse(process.cwd()));

test.describe('the seed deck on the projected slides', () => {
  test.describe.configure({ mode: 'default' });
  let steps: Step[] = [];

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await browser.newPage();
    steps = await everyStep(page, plan);
    await page.close();
  });

  test('closes on its message, the largest text of the closing slide', () => {
    const closing = plan.find((e) => e.layout === 'closing')!;
    expect(steps.find((s) => s.id === closing.id)!.maxText).toMatch(/^\.\.\.is the growth of mutually/);
  });

  test('shows every line of the seed deck on the projected slides, in order', () => {
    const text = normalize(steps.map((s) => s.text).join('\n'));
    const lines = seedLines();
    expect(lines.filter((line) => !text.includes(line))).toEqual([]);
    // In order: each line found after the one before (the seed's per-slide credit line included).
    let cursor = 0;
    const outOfOrder: string[] = [];
    for (const line of lines) {
      const at = text.indexOf(line, cursor);
      if (at < 0) outOfOrder.push(line);
      else cursor = at + 1;
    }
    expect(outOfOrder).toEqual([]);
  });
});
