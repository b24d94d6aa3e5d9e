/**
 * The reader teaches, not only the slides: every content slide has its
 * teaching text in the reader (and none on the projected deck), the terms in
 * it link to their glossary entries, and the glossary and references pages
 * are reached from every page. Reflection boxes say where their text goes.
 */
import { expect, test } from '@playwright/test';
import { loadCourse } from '../../../src/model/load';

const model = loadCourse(process.cwd());
const contentSlides = model.slides.filter((s) => s.checks.length === 0 && s.reflections.length === 0);

test('every content slide has its teaching text in the reader, and the projected deck has none of it', async ({ page }) => {
  await page.goto('all.html');
  for (const slide of contentSlides) await expect(page.locator(`section[data-slide="${slide.id}"] .explain`), slide.id).toHaveCount(1);
  const sample = (await page.locator(`section[data-slide="therapy-in-practice"] .explain p`).first().innerText()).slice(0, 60);
  await page.goto('present.html');
  await expect(page.locator('.reveal .slides')).toBeAttached();
  expect(await page.locator('.explain').count()).toBe(0);
  expect(await page.locator('.reveal .slides').innerText()).not.toContain(sample);
});

test('a term in the teaching text leads to its glossary entry, which cites its source on the references page', async ({ page }) => {
  await page.goto(`modules/${model.slides.find((s) => s.id === 'therapy-in-practice')!.moduleId}.html`);
  await page.locator('section[data-slide="therapy-in-practice"] a.term', { hasText: 'controlling images' }).click();
  await expect(page).toHaveURL(/glossary\.html#term-controlling-images$/);
  const entry = page.locator('#term-controlling-images');
  await expect(entry.locator('dt')).toHaveText('Controlling images');
  await expect(entry).toContainText('Patricia Hill Collins');
  await entry.getByRole('link', { name: 'Collins, 2000' }).click();
  await expect(page).toHaveURL(/references\.html#ref-collins-2000$/);
  await expect(page.locator('#ref-collins-2000')).toContainText('Black feminist thought');
});

test('the glossary defines the course terms and the references give every work in full', async ({ page }) => {
  await page.goto('glossary.html');
  await expect(page.locator('h1')).toHaveText('Glossary');
  expect(await page.locator('dl.glossary dt').count()).toBeGreaterThanOrEqual(14);
  await page.goto('references.html');
  expect(await page.locator('ul.references > li').count()).toBeGreaterThanOrEqual(18);
  await expect(page.locator('#ref-lambert-1992 .reference')).toContainText('Handbook of psychotherapy integration');
  await expect(page.locator('#ref-lambert-1992 .reference em')).toHaveText('Handbook of psychotherapy integration');
});

test('every reader page links the glossary and the references, and credits what this edition wrote', async ({ page }) => {
  for (const path of ['index.html', `modules/${model.modules[2]!.id}.html`, 'summary.html']) {
    await page.goto(path);
    const nav = page.getByRole('navigation', { name: 'Course' });
    await expect(nav.getByRole('link', { name: 'Glossary' })).toHaveAttribute('href', /glossary\.html$/);
    await expect(nav.getByRole('link', { name: 'References' })).toHaveAttribute('href', /references\.html$/);
    await expect(page.locator('footer .credit')).toContainText('© Jean Baker Miller Training Institute 2003');
    await expect(page.locator('footer .credit')).toContainText('written for this edition');
  }
});

test('each reflection box on the open web says its text stays in this browser, and a private one that it never goes to an LMS', async ({ page }) => {
  const privateOne = model.reflections.find((r) => r.reflection.private)!;
  const shared = model.reflections.find((r) => !r.reflection.private)!;
  await page.goto(`modules/${privateOne.moduleId}.html`);
  const box = page.locator(`div.reflection[data-reflection="${privateOne.reflection.id}"]`);
  await expect(box.locator('textarea')).toHaveAccessibleDescription(/never sent to your LMS/);
  await page.goto(`modules/${shared.moduleId}.html`);
  const other = page.locator(`div.reflection[data-reflection="${shared.reflection.id}"]`);
  await expect(other.locator('.reflection-where')).toHaveText(/stays in this browser on this device\. Nobody else can read it/);
  await expect(other.locator('[data-inside-lms]')).toBeHidden();
});
