/**
 * The ordering check in the reader (src/questions/ordering/): items moved
 * with Up and Down, by keyboard, focus kept on the moved item, each move
 * said aloud, the ends marked unavailable (never disabled, so focus stays),
 * feedback per item, and the learner's order kept across a reload.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadCourseUnderTest } from '../course-under-test';
import { slidePath } from '../../../src/site/urls';
import { axe } from '../helpers';
import { words } from '../ui-words';

const model = loadCourseUnderTest();
const found = model.checks.flatMap((c) => (c.check.type === 'ordering' ? [{ slideId: c.slideId, check: c.check }] : []))[0];
// A course without an ordering check has nothing here to test: its other specs still run.
test.skip(!found, 'the course has no ordering check');
const check = found?.check ?? { id: '', items: [] };
const right = check.items.map((i) => i.id);
const textOf = (id: string) => check.items.find((i) => i.id === id)?.text ?? id;
/** What the form says after a move. */
const moved = (item: string, position: number) =>
  words.ordering.moved.replace('{item}', item).replace('{position}', String(position)).replace('{total}', String(check.items.length));

const rows = (box: Locator) => box.locator('[data-order-item]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.key ?? ''));

async function open(page: Page) {
  const slide = model.slides.find((s) => s.id === found!.slideId)!;
  await page.goto(slidePath(slide));
  const box = page.locator(`[data-check="${check.id}"]`);
  await expect(box.locator('[data-order-item]')).toHaveCount(check.items.length);
  await expect(box, 'the ordering type has loaded and the form is live').toHaveAttribute('data-check-ready', '');
  return box;
}

test('starts scrambled, and Up and Down move an item by keyboard with focus kept and the move said', async ({ page }) => {
  const box = await open(page);
  const start = await rows(box);
  expect(start).not.toEqual(right);
  expect([...start].sort()).toEqual([...right].sort());

  // The first row's Up and the last row's Down are unavailable, but still focusable.
  await expect(box.locator('[data-order-item]').first().locator('[data-move="up"]')).toHaveAttribute('aria-disabled', 'true');
  await expect(box.locator('[data-order-item]').last().locator('[data-move="down"]')).toHaveAttribute('aria-disabled', 'true');

  const second = start[1]!;
  const up = box.locator(`[data-order-item][data-key="${second}"] [data-move="up"]`);
  await expect(up).toHaveAccessibleName(words.ordering.moveUp(textOf(second)));
  await up.focus();
  await page.keyboard.press('Enter');
  expect((await rows(box))[0]).toBe(second);
  await expect(up).toBeFocused();
  await expect(box.locator('[data-order-status]')).toHaveText(moved(textOf(second), 1));
  // At the top now: pressing Up again changes nothing and keeps focus.
  await page.keyboard.press('Space');
  expect((await rows(box))[0]).toBe(second);
  await expect(up).toBeFocused();

  const down = box.locator(`[data-order-item][data-key="${second}"] [data-move="down"]`);
  await down.focus();
  await page.keyboard.press('Space');
  expect(await rows(box)).toEqual(start);
  await expect(down).toBeFocused();
});

test('a wrong order gets feedback for each item; the right order is correct; the order is kept across a reload; axe is clean', async ({ page }) => {
  const box = await open(page);
  // Put the items in reverse order, bottom-up, with Up presses.
  const arrange = async (ids: readonly string[]) => {
    for (const [position, id] of ids.entries())
      for (let i = (await rows(box)).indexOf(id); i > position; i--) await box.locator(`[data-order-item][data-key="${id}"] [data-move="up"]`).click();
    expect(await rows(box)).toEqual(ids);
  };
  const reversed = [...right].reverse();
  await arrange(reversed);
  await box.getByRole('button', { name: words.read.checkSubmit }).click();
  await expect(box.locator('.check-feedback .verdict')).toHaveText(words.read.checkIncorrect);
  const lines = box.locator('.check-feedback li');
  await expect(lines).toHaveCount(check.items.length);
  await expect(lines.first()).toContainText(textOf(right[0]!));
  await expect(lines.first()).toContainText(check.items[0]!.feedback.slice(0, 30));

  await page.reload();
  // The type loads on demand: the saved order is on the form once it is live.
  await expect(box).toHaveAttribute('data-check-ready', '');
  expect(await rows(box)).toEqual(reversed);
  await expect(box.locator('.check-feedback .verdict')).toHaveText(words.read.checkIncorrect);

  await box.getByRole('button', { name: words.read.checkRetry }).click();
  const again = await rows(box);
  expect(again).not.toEqual(right);
  await arrange(right);
  await box.getByRole('button', { name: words.read.checkSubmit }).click();
  await expect(box.locator('.check-feedback .verdict')).toHaveText(words.read.checkCorrect);
  expect(await axe(page)).toEqual([]);
});
