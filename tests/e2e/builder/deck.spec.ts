/**
 * The presentation deck (dist/present.html), served under a deep base path:
 * the deck's plan (src/modes/present/deck.ts: the model's slides it shows,
 * with the generated agenda, dividers and recap), keyboard throughout,
 * answers on the next step and explanations on the one after, countdowns
 * that keep their keys, titles announced, accessible, offline.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RevealApi } from 'reveal.js';
import { loadCourseUnderTest } from '../course-under-test';
import { deckMinutes, deckPlan, pollSpacing } from '../../../src/modes/present/deck';
import { axe, foreign, recordRequests } from '../helpers';
import { notesStart, openDeck, squash } from '../deck-page';
import { pattern, words } from '../ui-words';

declare global {
  interface Window {
    Reveal?: RevealApi;
  }
}

const model = loadCourseUnderTest();
const plan = deckPlan(model);
const ids = plan.map((s) => s.id);
const total = ids.length;
/** The model's slides the deck shows, in deck order. */
const shown = plan.flatMap((e) => (e.type === 'slide' ? [e.slide] : []));
/** What the agenda's notes say: the session's length, and how the questions are paced and which stay out of the deck. */
function agendaNotes() {
  const spacing = pollSpacing(model, plan);
  return words.present.agendaNotes({ minutes: deckMinutes(plan), modules: model.modules.length, polls: spacing.inDeck.length, minGap: spacing.minGap, leftOut: spacing.leftOut });
}

const currentId = (page: Page) => page.evaluate(() => window.Reveal?.getCurrentSlide().id);

/** Go to slide `index` with none of its fragments shown (reveal API, no hash history). */
async function goTo(page: Page, index: number): Promise<void> {
  await page.evaluate((h) => window.Reveal?.slide(h, 0, -1), index);
  await expect.poll(() => currentId(page)).toBe(ids[index]);
}

test.describe('the deck', () => {
  test('holds every slide of the plan, in order, with its title and notes', async ({ page }) => {
    await openDeck(page);
    // Read from the deck as built: the running deck parks far slides' content (parking test below).
    const slides = await page.evaluate(async () => {
      const built = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      return Array.from(built.querySelectorAll('.reveal .slides > section'), (s) => ({
        id: s.id,
        title: s.querySelector('h2')?.textContent ?? '',
        notes: s.querySelector('aside.notes')?.textContent ?? '',
        reader: s.querySelector('aside.notes a')?.getAttribute('href') ?? '',
        timing: s.getAttribute('data-timing'),
        generated: s.getAttribute('data-generated'),
      }));
    });
    expect(slides.map((s) => s.id)).toEqual(ids);
    plan.forEach((entry, i) => {
      const built = slides[i];
      expect(built?.timing, entry.id).toBe(String(entry.seconds));
      if (entry.type !== 'slide') {
        expect(built?.generated, entry.id).toBe(entry.type);
        expect(squash(built?.title ?? ''), entry.id).not.toBe('');
        expect(squash(built?.notes ?? '').length, entry.id).toBeGreaterThan(40);
        return;
      }
      const slide = entry.slide;
      expect(squash(built?.title ?? ''), slide.id).toBe(squash(slide.title));
      expect(squash(built?.notes ?? ''), slide.id).toContain(notesStart(slide.notes.say));
      expect(built?.reader, slide.id).toBe(`modules/${slide.moduleId}.html#${slide.id}`);
    });
    // The slides the course keeps out of the deck are not in it.
    for (const slide of model.slides.filter((s) => s.deck?.show === false)) await expect(page.locator(`section#${slide.id}`)).toHaveCount(0);
    await expect(page.locator('.reveal .slides section aside.notes').first()).toBeHidden();
  });

  test('generates its agenda, a divider per module with its objectives, and a recap, from the modules', async ({ page }) => {
    await openDeck(page);
    await expect(page.locator('section#deck-agenda .agenda-list li')).toContainText(model.modules.map((m) => m.title));
    // The agenda's notes say how the questions are paced.
    for (const paragraph of agendaNotes()) await expect(page.locator('section#deck-agenda aside.notes')).toContainText(squash(paragraph));
    for (const m of model.modules) {
      await goTo(page, ids.indexOf(`deck-module-${m.id}`));
      const divider = page.locator(`section#deck-module-${m.id}`);
      await expect(divider.locator('h2')).toHaveText(m.title);
      await expect(divider.locator('.divider-objectives li')).toHaveText(m.objectives.map((o) => squash(o.text)));
    }
    await goTo(page, ids.indexOf('deck-recap'));
    await expect(page.locator('section#deck-recap .recap-list li')).toHaveText(model.modules.map((m) => m.title));
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
    const target = shown[6]!;
    const fresh = await page.context().newPage();
    await openDeck(fresh, `#/${target.id}`);
    expect(await currentId(fresh)).toBe(target.id);

    await fresh.keyboard.press('o');
    await expect(fresh.locator('.reveal')).toHaveClass(/\boverview\b/);
    await fresh.keyboard.press('Escape');
    await expect(fresh.locator('.reveal')).not.toHaveClass(/\boverview\b/);
    expect(await currentId(fresh)).toBe(target.id);
  });

  test('knowledge checks ask first, answer on the next step and explain on the one after', async ({ page }) => {
    await openDeck(page);
    for (const slide of shown.filter((s) => s.checks.length > 0)) {
      await goTo(page, ids.indexOf(slide.id));
      const section = page.locator(`section#${slide.id}`);
      const polls = section.locator('.poll');
      // One question per slide in the deck.
      expect(slide.checks).toHaveLength(1);
      await expect(polls).toHaveCount(1);
      const check = slide.checks[0]!;
      const poll = polls.first();
      await expect(poll.locator('.poll-prompt')).toHaveText(check.prompt);
      if (check.type === 'single' || check.type === 'multiple') {
        await expect(poll.locator('.poll-option')).toHaveCount(check.options.length);
        await expect(poll.locator('.poll-option .poll-letter').first()).toHaveText('A');
      } else if (check.type === 'true-false') {
        await expect(poll.locator('.poll-option')).toHaveText([new RegExp(`A\\s*${words.questions.trueLabel}`), new RegExp(`B\\s*${words.questions.falseLabel}`)]);
      } else if (check.type === 'ordering') {
        await expect(poll.locator('.poll-option')).toHaveCount(check.items.length);
        // Scrambled: the letters are not the right order.
        const shownOrder = await poll.locator('.poll-option .poll-text').allTextContents();
        expect(shownOrder.map(squash)).not.toEqual(check.items.map((i) => squash(i.text)));
      } else {
        await expect(poll.locator('.poll-categories li')).toHaveCount(check.categories.length);
        await expect(poll.locator('.poll-items li')).toHaveCount(check.items.length);
        await expect(poll.locator('.poll-tag').first()).toBeHidden();
      }
      const answer = poll.locator('.poll-answer');
      const explanation = poll.locator('.poll-explanation');
      await expect(answer, `${check.id}: answer before the step`).toBeHidden();
      await page.keyboard.press('ArrowRight');
      await expect(answer, `${check.id}: answer after the step`).toBeVisible();
      await expect(explanation, `${check.id}: explanation with the answer`).toBeHidden();
      if (check.type === 'matching') await expect(poll.locator('.poll-tag').first()).toBeVisible();
      await page.keyboard.press('ArrowRight');
      await expect(explanation, `${check.id}: explanation on the next step`).toBeVisible();
      await expect(explanation).toContainText(squash(check.explanation).slice(0, 40));
      await expect(answer).toBeVisible();
      await expect(poll.locator('.poll-choices')).toBeHidden();
      expect(await currentId(page)).toBe(slide.id);
      await page.keyboard.press('ArrowRight');
      expect(await currentId(page)).toBe(ids[ids.indexOf(slide.id) + 1]);
    }
  });

  test('reflections pause with a countdown that Space starts without advancing', async ({ page }) => {
    const slide = shown.find((s) => s.reflections.length === 1)!;
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
    await expect(button).toHaveText(words.present.countdownStop);
    await expect(status).toHaveText(pattern(words.present.countdownStarted, ''));
    await expect(status).toHaveAttribute('role', 'status');
    expect(await currentId(page)).toBe(slide.id);
    await expect.poll(() => clock.textContent(), { timeout: 5_000 }).not.toBe(start);

    await page.keyboard.press('Enter');
    await expect(button).toHaveText(words.present.countdownStart(start));
    await expect(status).toHaveText(pattern(words.present.countdownStopped, ''));
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
    await expect(live).toHaveText(words.present.slideAnnouncement(2, total, words.present.agendaTitle));
    await page.keyboard.press('End');
    await expect(live).toContainText(shown.at(-1)!.title);
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
    // One slide of each layout, each question in its three steps: several minutes on two busy workers.
    test.setTimeout(300_000);
    // Transitions off so no slide is caught half faded.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openDeck(page);
    // One slide of each layout, and of each question type the deck asks.
    const layouts = [...new Set(plan.map((e) => e.layout))].map((l) => plan.findIndex((e) => e.layout === l));
    const pick = (pred: (s: (typeof shown)[number]) => boolean) => ids.indexOf(shown.find(pred)?.id ?? '');
    const kinds = new Set([
      ...layouts,
      pick((s) => s.reflections.length > 1),
      ...(['single', 'multiple', 'true-false', 'matching'] as const).map((t) => pick((s) => s.checks.some((c) => c.type === t))),
    ]);
    const found: { slide: string; violations: Awaited<ReturnType<typeof axe>> }[] = [];
    for (const index of [...kinds].filter((i) => i >= 0)) {
      await goTo(page, index);
      found.push({ slide: ids[index]!, violations: await axe(page) });
      if (plan[index]!.layout === 'poll') {
        await page.keyboard.press('ArrowRight');
        found.push({ slide: `${ids[index]} (answer shown)`, violations: await axe(page) });
        await page.keyboard.press('ArrowRight');
        found.push({ slide: `${ids[index]} (explained)`, violations: await axe(page) });
      }
    }
    expect(found.filter((f) => f.violations.length > 0)).toEqual([]);
  });

  test('requests nothing from another origin and nothing outside its folder', async ({ page, baseURL }) => {
    const requests = recordRequests(page);
    await openDeck(page);
    // Without the live server (npm run present -- --live) the join boxes stay hidden and nothing connects.
    const joinBoxes = plan.filter((e) => e.layout === 'title' || e.layout === 'poll');
    expect(joinBoxes.length).toBeGreaterThan(0);
    for (const entry of joinBoxes) {
      await goTo(page, ids.indexOf(entry.id));
      await expect(page.locator(`section#${entry.id} [data-live-join]`)).toHaveCount(1);
      await expect(page.locator(`section#${entry.id} [data-live-join]`)).toBeHidden();
    }
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    const origin = new URL(baseURL ?? '').origin;
    expect(foreign(requests, origin)).toEqual([]);
    const local = requests.filter((u) => u.startsWith(origin));
    expect(local.filter((u) => !u.startsWith(baseURL ?? '')), 'absolute paths escape the base path').toEqual([]);
    expect(requests.filter((u) => /^wss?:|\/live$/.test(u))).toEqual([]);
  });

  test('keeps far slides out of the way: content parked and not rendered, then back, the same nodes, before they show', async ({ page }) => {
    await openDeck(page);
    const where = (id: string) =>
      page.evaluate((id) => {
        const slide = document.getElementById(id)!;
        return { parked: slide.hasAttribute('data-parked'), children: slide.childElementCount, rendered: slide.assignedSlot !== null };
      }, id);
    const distance = await page.evaluate(() => Number(window.Reveal?.getConfig().viewDistance));
    expect(total).toBeGreaterThan(2 * distance + 2);
    // Near the first slide: in the document and rendered; at the far end: parked, and not in the flat tree.
    expect(await where(ids[1]!)).toEqual({ parked: false, children: expect.any(Number), rendered: true });
    expect((await where(ids[1]!)).children).toBeGreaterThan(0);
    expect(await where(ids[total - 1]!)).toEqual({ parked: true, children: 0, rendered: false });
    await page.evaluate((id) => {
      document.getElementById(id)!.querySelector('h2')!.dataset.mark = 'kept';
    }, ids[0]!);
    await goTo(page, total - 1);
    expect(await where(ids[total - 1]!)).toEqual({ parked: false, children: expect.any(Number), rendered: true });
    await expect(page.locator(`section#${ids[total - 1]} h2`)).toBeVisible();
    // The slide fading out stays until the next change; then it is parked too.
    await goTo(page, total - 2);
    expect(await where(ids[0]!)).toEqual({ parked: true, children: 0, rendered: false });
    await goTo(page, 0);
    await expect(page.locator(`section#${ids[0]} h2[data-mark="kept"]`)).toBeVisible();
    // The overview shows more slides round the current one, all of them with their content.
    await page.keyboard.press('o');
    await expect(page.locator('.reveal.overview')).toBeAttached();
    const shown = await page.locator('.reveal .slides > section').evaluateAll((all) => all.filter((s) => (s as HTMLElement).style.display !== 'none').map((s) => s.hasAttribute('data-parked')));
    expect(shown.length).toBeGreaterThan(2 * distance);
    expect(shown.filter(Boolean)).toEqual([]);
    await page.keyboard.press('Escape');
    // Print shows every slide: nothing parked.
    await page.goto('present.html?view=print');
    await expect(page.locator('html')).toHaveAttribute('data-deck-ready', '');
    await expect(page.locator('section[data-parked]')).toHaveCount(0);
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
