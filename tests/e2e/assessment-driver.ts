/**
 * Taking the final assessment (assessment.html) as a learner does, in the
 * reader on the open web or in the LMS package's frame: start an attempt,
 * answer each drawn question right or wrong with the mouse or the keys the
 * form offers, hand it in, read the results.
 */
import { expect } from '@playwright/test';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import type { CourseModel } from '../../src/model/course';
import type { Check } from '../../src/questions/registry';
import { words } from './ui-words';

type Root = Page | FrameLocator;

/** A response as a learner enters it, by the kind of form (also what tests/e2e/lms/host.ts answers with in one round trip). */
export type Response = { kind: 'options'; values: string[] } | { kind: 'matching'; placed: Record<string, string> } | { kind: 'order'; ids: string[] };

/** The right response to a check, by its type. */
export function correctResponse(check: Check): Response {
  switch (check.type) {
    case 'single':
    case 'multiple':
      return { kind: 'options', values: check.options.filter((o) => o.correct).map((o) => o.id) };
    case 'true-false':
      return { kind: 'options', values: [String(check.answer)] };
    case 'matching':
      return { kind: 'matching', placed: Object.fromEntries(check.items.map((i) => [i.id, i.category])) };
    case 'ordering':
      return { kind: 'order', ids: check.items.map((i) => i.id) };
  }
}

/** A wrong response to a check, by its type. */
export function wrongResponse(check: Check): Response {
  switch (check.type) {
    case 'single':
    case 'multiple':
      return { kind: 'options', values: [check.options.find((o) => !o.correct)!.id] };
    case 'true-false':
      return { kind: 'options', values: [String(!check.answer)] };
    case 'matching':
      return { kind: 'matching', placed: Object.fromEntries(check.items.map((i) => [i.id, check.categories.find((c) => c.id !== i.category)!.id])) };
    case 'ordering':
      return { kind: 'order', ids: check.items.map((i) => i.id).reverse() };
  }
}

/** Put an ordering form's items in `ids` order with its Up buttons, as a learner does. */
export async function arrange(box: Locator, ids: readonly string[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    const current = await box.locator('[data-order-item]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.key));
    for (let i = current.indexOf(id); i > position; i--) await box.locator(`[data-order-item][data-key="${id}"] [data-move="up"]`).click();
  }
  await expect(box.locator('[data-order-item]').first()).toHaveAttribute('data-key', ids[0] ?? '');
}

/** Fill a check's form (in `box`) with a right or wrong response. */
export async function fillForm(box: Locator, check: Check, correct: boolean): Promise<void> {
  const response = correct ? correctResponse(check) : wrongResponse(check);
  if (response.kind === 'options') {
    // Read the form once; then click only what has to change, as a learner does.
    const inputs = box.locator('form.check-form input');
    const states = await inputs.evaluateAll((els) => els.map((e) => ({ value: (e as HTMLInputElement).value, type: (e as HTMLInputElement).type, checked: (e as HTMLInputElement).checked })));
    for (const [i, input] of states.entries()) {
      const wanted = response.values.includes(input.value);
      if (wanted && !input.checked) await inputs.nth(i).check();
      else if (!wanted && input.checked && input.type === 'checkbox') await inputs.nth(i).uncheck();
    }
  } else if (response.kind === 'matching') {
    for (const [item, category] of Object.entries(response.placed)) await box.locator(`select[name="${item}"]`).selectOption(category);
  } else await arrange(box, response.ids);
}

/** The pool's questions by id. */
export const poolOf = (model: CourseModel): Map<string, Check> => new Map((model.assessment?.questions ?? []).map((q) => [q.check.id, q.check]));

/** The ids of the questions the attempt on screen shows, in its order. */
export async function drawnOnScreen(root: Root): Promise<string[]> {
  return root.locator('[data-question]:not([hidden])').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.question ?? ''));
}

/** Answer one drawn question and wait for its verdict (right or wrong only). */
export async function answerQuestion(root: Root, check: Check, correct: boolean): Promise<void> {
  const box = root.locator(`[data-question="${check.id}"]`);
  await box.scrollIntoViewIfNeeded();
  await fillForm(box, check, correct);
  await box.getByRole('button', { name: words.read.submitAnswer }).click();
  await expect(box.locator('.check-feedback')).toHaveAttribute('data-correct', String(correct));
  await expect(box.locator('.check-feedback')).toHaveText(correct ? words.read.answerRight : words.read.answerWrong);
}

/**
 * Take one attempt from the assessment page: start it (unless one is in
 * progress), answer the questions not yet answered, the first `right` of
 * the attempt right and the rest wrong, and hand it in unless told not to.
 * Returns the attempt's question ids.
 */
export async function takeAttempt(root: Root, model: CourseModel, right: number, options: { handIn?: boolean; stopAfter?: number } = {}): Promise<string[]> {
  const pool = poolOf(model);
  const start = root.locator('[data-start-attempt]');
  if (await start.isVisible()) await start.click();
  await expect(root.locator('[data-assessment-attempt]')).toBeVisible();
  const drawn = await drawnOnScreen(root);
  expect(drawn).toHaveLength(model.assessment!.draw);
  for (const [i, id] of drawn.entries()) {
    if (options.stopAfter !== undefined && i >= options.stopAfter) break;
    const box = root.locator(`[data-question="${id}"]`);
    if ((await box.locator('.check-feedback[data-correct]').count()) > 0) continue; // answered before a reload
    await answerQuestion(root, pool.get(id)!, i < right);
  }
  if (options.handIn !== false) {
    await root.locator('[data-hand-in]').click();
    await expect(root.locator('[data-assessment-results]')).toBeVisible();
  }
  return drawn;
}
