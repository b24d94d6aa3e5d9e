/**
 * The presentation deck (dist/present.html), served under a deep base path:
 * every slide of the model, keyboard throughout, answers on the next step,
 * countdowns that keep their keys, titles announced, accessible, offline.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RevealApi } from 'reveal.js';
import { loadCourse } from '../../src/model/load';
import { axe, foreign, recordRequests } from './helpers';

declare global {
  interface Window {
    Reveal?: RevealApi;
  }
}

const model = loadCourse(process.cwd());
const ids = model.slides.map((s) => s.id);
const total = ids.length;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The first sentence of a slide's notes: enough to recognise them. */
const notesStart = (say: string) => squash(say).split(/(?<=[.!?])\s/)[0] ?? '';

async function openDeck(page: Page, hash = ''): Promise<void> {
  await page.goto(`present.html${hash}`);
  await page.waitForFunction(() => window.Reveal?.isReady() === true);
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', '');
}

const currentId = (page: Page) => page.evaluate(() => window.Reveal?.getCurrentSlide().id);

/** Go to slide `index` with none of its fragments shown (reveal API, no hash history). */
async function goTo(page: Page, index: number): Promise<void> {
  await page.evaluate((h) => window.Reveal?.slide(h, 0, -1), index);
  await expect.poll(() => currentId(page)).toBe(ids[index]);
}

test.describe('the deck', () => {
  test('holds every slide of the model, in order, with its title and notes', async ({ page }) => {
    await openDeck(page);
    const slides = await page.locator('.reveal .slides > section').evaluateAll((sections) =>
      sections.map((s) => ({
        id: s.id,
        title: s.querySelector('h2')?.textContent ?? '',
        notes: s.querySelector('aside.notes')?.textContent ?? '',
        reader: s.querySelector('aside.notes a')?.getAttribute('href') ?? '',
        timing: s.getAttribute('data-timing'),
      })),
    );
    expect(slides.map((s) => s.id)).toEqual(ids);
    model.slides.forEach((slide, i) => {
      const built = slides[i];
      expect(squash(built?.title ?? ''), slide.id).toBe(squash(slide.title));
      expect(squash(built?.notes ?? ''), slide.id).toContain(notesStart(slide.notes.say));
      expect(built?.reader, slide.id).toBe(`modules/${slide.moduleId}.html#${slide.id}`);
      expect(built?.timing, slide.id).toBe(String(Math.round(slide.notes.minutes * 60)));
    });
    await expect(page.locator('.reveal .slides section aside.notes').first()).toBeHidden();
  });

  test('the keyboard steps through every slide and back', async ({ page }) => {
    await openDeck(page);
    const visited = [await currentId(page)];
    for (let presses = 0; presses < 200; presses++) {
      const done = await page.evaluate(() => window.Reveal?.isLastSlide() && !window.Reveal.availableFragments().next);
      if (done) break;
      await page.keyboard.press('ArrowRight');
      const id = await currentId(page);
      if (id !== visited.at(-1)) visited.push(id);
    }
    expect(visited).toEqual(ids);
    await expect(page.locator('.reveal .slide-number')).toHaveText(new RegExp(`${total}\\s*/\\s*${total}`));

    await page.keyboard.press('ArrowLeft');
    expect(await currentId(page)).toBe(ids.at(-2));
    await page.keyboard.press('Home');
    expect(await currentId(page)).toBe(ids[0]);
    await page.keyboard.press('Space');
    expect(await currentId(page)).toBe(ids[1]);
    await page.keyboard.press('End');
    expect(await currentId(page)).toBe(ids.at(-1));
  });

  test('each slide has its own URL, and O / Esc toggle the overview', async ({ page }) => {
    await openDeck(page);
    await expect(page.locator('.reveal .slide-number')).toHaveText(new RegExp(`^\\s*1\\s*/\\s*${total}\\s*$`));
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(new RegExp(`present\\.html#/${ids[1]}$`));

    // A fresh page opened at a slide's URL starts on that slide.
    const target = model.slides[6]!;
    const fresh = await page.context().newPage();
    await openDeck(fresh, `#/${target.id}`);
    expect(await currentId(fresh)).toBe(target.id);

    await fresh.keyboard.press('o');
    await expect(fresh.locator('.reveal')).toHaveClass(/\boverview\b/);
    await fresh.keyboard.press('Escape');
    await expect(fresh.locator('.reveal')).not.toHaveClass(/\boverview\b/);
    expect(await currentId(fresh)).toBe(target.id);
  });

  test('knowledge checks ask first and answer on the next step', async ({ page }) => {
    await openDeck(page);
    for (const slide of model.slides.filter((s) => s.checks.length > 0)) {
      await goTo(page, ids.indexOf(slide.id));
      const section = page.locator(`section#${slide.id}`);
      const polls = section.locator('.poll');
      await expect(polls).toHaveCount(slide.checks.length);
      for (const [i, check] of slide.checks.entries()) {
        const poll = polls.nth(i);
        await expect(poll.locator('.poll-prompt')).toHaveText(check.prompt);
        if (check.type === 'single' || check.type === 'multiple') {
          await expect(poll.locator('.poll-option')).toHaveCount(check.options.length);
          await expect(poll.locator('.poll-option .poll-letter').first()).toHaveText('A');
        } else if (check.type === 'true-false') {
          await expect(poll.locator('.poll-option')).toHaveText([/A\s*True/, /B\s*False/]);
        } else if (check.type === 'ordering') {
          await expect(poll.locator('.poll-option')).toHaveCount(check.items.length);
          // Scrambled: the letters are not the right order.
          const shown = await poll.locator('.poll-option .poll-text').allTextContents();
          expect(shown.map(squash)).not.toEqual(check.items.map((i) => squash(i.text)));
        } else {
          await expect(poll.locator('.poll-categories li')).toHaveCount(check.categories.length);
          await expect(poll.locator('.poll-items li')).toHaveCount(check.items.length);
          await expect(poll.locator('.poll-tag').first()).toBeHidden();
        }
        const answer = poll.locator('.poll-answer');
        await expect(answer, `${check.id}: answer before the step`).toBeHidden();
        await page.keyboard.press('ArrowRight');
        await expect(answer, `${check.id}: answer after the step`).toBeVisible();
        await expect(answer).toContainText(squash(check.explanation).slice(0, 40));
        if (check.type === 'matching') await expect(poll.locator('.poll-tag').first()).toBeVisible();
        expect(await currentId(page)).toBe(slide.id);
      }
      await page.keyboard.press('ArrowRight');
      expect(await currentId(page)).toBe(ids[ids.indexOf(slide.id) + 1]);
    }
  });

  test('reflections pause with a countdown that Space starts without advancing', async ({ page }) => {
    const slide = model.slides.find((s) => s.reflections.length === 1)!;
    await openDeck(page, `#/${slide.id}`);
    const section = page.locator(`section#${slide.id}`);
    await expect(section.locator('.pause-prompt')).toHaveText(slide.reflections[0]!.prompt);
    await expect(section.locator('textarea, input')).toHaveCount(0);
    const button = section.locator('.countdown-toggle');
    const clock = section.locator('.countdown-clock');
    const status = section.locator('.countdown-status');
    const start = (await clock.textContent()) ?? '';

    await button.focus();
    await page.keyboard.press('Space');
    await expect(button).toHaveText(/stop/i);
    await expect(status).toHaveText(/started/i);
    await expect(status).toHaveAttribute('role', 'status');
    expect(await currentId(page)).toBe(slide.id);
    await expect.poll(() => clock.textContent(), { timeout: 5_000 }).not.toBe(start);

    await page.keyboard.press('Enter');
    await expect(button).toHaveText(/start/i);
    await expect(status).toHaveText(/stopped/i);
    await expect(clock).toHaveText(start);
    expect(await currentId(page)).toBe(slide.id);

    // Keys a button does not use still drive the deck.
    await page.keyboard.press('ArrowRight');
    expect(await currentId(page)).toBe(ids[ids.indexOf(slide.id) + 1]);
    // The deck stores nothing.
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  });

  test('announces the slide title after navigation', async ({ page }) => {
    await openDeck(page);
    const live = page.locator('#deck-live');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await page.keyboard.press('ArrowRight');
    await expect(live).toHaveText(`Slide 2 of ${total}: ${model.slides[1]!.title}`);
    await page.keyboard.press('End');
    await expect(live).toContainText(model.slides.at(-1)!.title);
  });

  test('never carries role="application", which blocks reading a slide', async ({ page }) => {
    await openDeck(page);
    await expect(page.locator('.reveal')).toHaveClass(/\bready\b/);
    await expect(page.locator('[role="application"]')).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('o');
    await page.keyboard.press('Escape');
    await expect(page.locator('[role="application"]')).toHaveCount(0);
  });

  test('reduced motion turns transitions off', async ({ page }) => {
    await openDeck(page);
    expect(await page.evaluate(() => window.Reveal?.getConfig().transition)).not.toBe('none');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openDeck(page);
    const config = await page.evaluate(() => window.Reveal?.getConfig());
    expect([config?.transition, config?.backgroundTransition]).toEqual(['none', 'none']);
  });

  test('has no axe violations on any kind of slide', async ({ page }) => {
    test.setTimeout(90_000);
    // Transitions off so no slide is caught half faded.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openDeck(page);
    const pick = (pred: (s: (typeof model.slides)[number]) => boolean) => model.slides.findIndex(pred);
    const kinds = new Set([
      0,
      pick((s) => s.kind === 'closing'),
      pick((s) => s.charts.length > 0),
      pick((s) => s.reflections.length > 1),
      pick((s) => s.reflections.length === 1),
      pick((s) => s.kind === 'content' && s.checks.length + s.reflections.length + s.charts.length === 0),
      ...(['single', 'multiple', 'true-false', 'matching'] as const).map((t) => pick((s) => s.checks.some((c) => c.type === t))),
    ]);
    const found: { slide: string; violations: Awaited<ReturnType<typeof axe>> }[] = [];
    for (const index of [...kinds].filter((i) => i >= 0)) {
      await goTo(page, index);
      found.push({ slide: ids[index]!, violations: await axe(page) });
      if (model.slides[index]!.checks.length > 0) {
        await page.keyboard.press('ArrowRight');
        found.push({ slide: `${ids[index]} (answer shown)`, violations: await axe(page) });
      }
    }
    expect(found.filter((f) => f.violations.length > 0)).toEqual([]);
  });

  test('requests nothing from another origin and nothing outside its folder', async ({ page, baseURL }) => {
    const requests = recordRequests(page);
    await openDeck(page);
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    const origin = new URL(baseURL ?? '').origin;
    expect(foreign(requests, origin)).toEqual([]);
    const local = requests.filter((u) => u.startsWith(origin));
    expect(local.filter((u) => !u.startsWith(baseURL ?? '')), 'absolute paths escape the base path').toEqual([]);
  });

  test('links each slide to the same place in its reader module', async ({ page, request }) => {
    await openDeck(page);
    for (const module of model.modules) {
      const response = await request.get(`modules/${module.id}.html`);
      expect(response.ok(), `modules/${module.id}.html`).toBe(true);
      const html = await response.text();
      for (const id of module.slideIds) expect(html, `${module.id} has #${id}`).toContain(`id="${id}"`);
    }
  });
});
