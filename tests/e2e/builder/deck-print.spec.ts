/**
 * The print view and the PDFs made from it: reveal's print view
 * (?view=print) puts each slide on its own 16:9 page, with its speaker notes
 * beneath and every answer shown (the handout), or alone (&slides-only, the
 * attendees' PDF); `npm run handout` saves either as a tagged PDF. On screen
 * the view reflows, and every slide is in the accessibility tree.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { distDir, loadCourseUnderTest } from '../course-under-test';
import { deckPlan } from '../../../src/modes/present/deck';
import { axe, foreign, recordRequests } from '../helpers';
import { notesStart, squash } from '../deck-page';

const model = loadCourseUnderTest();
const plan = deckPlan(model);
const ids = plan.map((s) => s.id);
const checksInDeck = plan.flatMap((e) => (e.type === 'slide' ? e.slide.checks : []));
const run = promisify(execFile);

async function openHandout(page: Page, query = ''): Promise<void> {
  await page.goto(`present.html?view=print${query}`);
  // Set by the deck runtime once reveal's print layout is done (pdf-ready), repaired and fitted.
  await page.waitForSelector('html.reveal-print[data-deck-ready]', { state: 'attached' });
}

/** The MediaBox ratios and the marks of a tagged PDF with an outline. */
function readPdf(file: string) {
  const pdf = readFileSync(file).toString('latin1');
  return {
    pdf,
    boxes: [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])] as const),
    tagged: /\/StructTreeRoot\s+\d+\s+0\s+R/.test(pdf) && /\/Marked\s+true/.test(pdf),
    outline: /\/Outlines\s+\d+\s+0\s+R/.test(pdf),
    uris: [...pdf.matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1] ?? ''),
  };
}

test.describe('the handout', () => {
  // Every slide laid out for print at once, then axe or a PDF over all of it: slow on two busy cores.
  test.describe.configure({ timeout: 60_000 });
  test('has one page per deck slide, each with its notes, every answer shown and each explanation in the notes', async ({ page, baseURL }) => {
    const requests = recordRequests(page);
    await openHandout(page);
    const pages = page.locator('.reveal .slides .pdf-page');
    await expect(pages).toHaveCount(ids.length);
    const built = await pages.evaluateAll((els) =>
      els.map((p) => ({
        slides: Array.from(p.querySelectorAll('section[data-slide]'), (s) => s.id),
        notes: p.querySelector('.speaker-notes-pdf')?.textContent ?? '',
      })),
    );
    expect(built.map((p) => p.slides)).toEqual(ids.map((id) => [id]));
    plan.forEach((entry, i) => {
      if (entry.type === 'slide') expect(squash(built[i]?.notes ?? ''), entry.id).toContain(notesStart(entry.slide.notes.say));
      else expect(squash(built[i]?.notes ?? '').length, entry.id).toBeGreaterThan(40);
    });
    // Fragments are not split into extra pages: every answer is on its slide's page, its explanation in the notes.
    const answers = page.locator('.poll-answer');
    await expect(answers).toHaveCount(checksInDeck.length);
    for (const answer of await answers.all()) await expect(answer).toBeVisible();
    for (const check of checksInDeck) {
      const i = plan.findIndex((e) => e.type === 'slide' && e.slide.checks.includes(check));
      expect(squash(built[i]?.notes ?? ''), check.id).toContain(squash(check.explanation).slice(0, 60));
    }
    // Notes sit below the slide, not over it.
    const overlaps = await pages.evaluateAll((els) =>
      els.flatMap((p) => {
        const slide = p.querySelector('section')?.getBoundingClientRect();
        const notes = p.querySelector('.speaker-notes-pdf')?.getBoundingClientRect();
        return slide && notes && notes.top < slide.bottom - 1 ? [p.querySelector('section')?.id] : [];
      }),
    );
    expect(overlaps).toEqual([]);
    // Nothing to press or join on paper.
    await expect(page.locator('.countdown-toggle').first()).toBeHidden();
    await expect(page.locator('[data-live-join]')).toHaveCount(0);
    // Printed, the pages are 16:9, and no page's notes are cut off.
    await page.emulateMedia({ media: 'print' });
    const size = await pages.first().evaluate((p) => [p.getBoundingClientRect().width, p.getBoundingClientRect().height + 1]);
    expect(size[0]! / size[1]!).toBeCloseTo(16 / 9, 2);
    const cut = await page.locator('.speaker-notes-pdf').evaluateAll((els) => els.filter((n) => n.scrollHeight > n.clientHeight + 1).map((n) => n.closest('.pdf-page')?.querySelector('section')?.id));
    expect(cut).toEqual([]);
    expect(foreign(requests, new URL(baseURL ?? '').origin)).toEqual([]);
  });

  test('puts every slide in the accessibility tree, with no focus inside hidden content', async ({ page }) => {
    await openHandout(page);
    const hidden = await page.locator('.reveal .slides section').evaluateAll((els) => els.filter((s) => s.hasAttribute('hidden') || s.getAttribute('aria-hidden') === 'true' || s.hasAttribute('inert')).map((s) => s.id));
    expect(hidden).toEqual([]);
    // Every slide title is a heading assistive technology can reach.
    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(ids.length);
    const focusableInHidden = await page.evaluate(
      () => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter((el) => el.closest('[aria-hidden="true"]') && !(el as HTMLButtonElement).disabled).length,
    );
    expect(focusableInHidden).toBe(0);
    // Keyboard: the first Tab lands on something visible, inside a slide's page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.pdf-page') && !document.activeElement.closest('[aria-hidden="true"]'))).toBe(true);
  });

  test('reflows on screen: no sideways scroll at 1280 px or at 320 px, text in the flow', async ({ page }) => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await openHandout(page);
      const scroll = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(scroll.page, `width ${width}`).toBeLessThanOrEqual(scroll.view);
    }
  });

  test('has no axe violations with every slide, answer and note on the page', async ({ page }) => {
    test.setTimeout(60_000);
    await openHandout(page);
    expect(await axe(page)).toEqual([]);
  });

  test("the attendees' print view has the slides alone: no notes, no answers", async ({ page }) => {
    await openHandout(page, '&slides-only');
    await expect(page.locator('.reveal .slides .pdf-page')).toHaveCount(ids.length);
    await expect(page.locator('.speaker-notes-pdf')).toHaveCount(0);
    await expect(page.locator('.poll-answer, .poll-explanation, .poll-tag')).toHaveCount(0);
    const text = squash(await page.locator('.reveal').innerText());
    for (const check of checksInDeck) expect(text, check.id).not.toContain(squash(check.explanation).slice(0, 60));
    const first = plan.find((e) => e.type === 'slide');
    if (first?.type === 'slide') expect(text).not.toContain(notesStart(first.slide.notes.say));
    expect(await axe(page)).toEqual([]);
  });

  test('npm run handout writes a tagged 16:9 PDF, one page per slide, linking to the published course or nowhere', async () => {
    test.setTimeout(150_000);
    const dir = mkdtempSync(join(tmpdir(), 'handout-'));
    try {
      const out = join(dir, 'handout.pdf');
      const { stdout } = await run(process.execPath, ['src/cli/handout.ts', '--dir', distDir, '--out', out], { timeout: 80_000, env: { ...process.env, COURSE_URL: '' } });
      expect(stdout).toContain(`${ids.length} page(s) for ${ids.length} slide(s)`);
      const handout = readPdf(out);
      expect(handout.pdf.startsWith('%PDF-')).toBe(true);
      expect(handout.boxes).toHaveLength(ids.length);
      for (const [w, h] of handout.boxes) expect(w / h).toBeCloseTo(16 / 9, 2);
      expect(handout.tagged, 'tagged PDF').toBe(true);
      expect(handout.outline, 'document outline').toBe(true);
      // No link to the temporary server it was printed from; the authors' own links to other sites stay.
      expect(handout.uris.filter((u) => /127\.0\.0\.1|localhost/.test(u))).toEqual([]);
      const hosts = new Set(handout.uris.flatMap((u) => (URL.canParse(u) ? [new URL(u).host] : [])));
      for (const link of model.slides.flatMap((s) => s.externalLinks)) expect(hosts, link).toContain(new URL(link).host);

      const published = join(dir, 'published.pdf');
      await run(process.execPath, ['src/cli/handout.ts', '--dir', distDir, '--out', published, '--base-url', 'https://example.org/rct'], { timeout: 80_000 });
      const linked = readPdf(published).uris.filter((u) => u.startsWith('https://example.org/rct/'));
      expect(linked.length).toBeGreaterThanOrEqual(ids.length);
      expect(linked).toContain(`https://example.org/rct/modules/${model.slides[1]!.moduleId}.html#${model.slides[1]!.id}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('npm run handout -- --slides-only writes a tagged PDF of the slides alone, 1280 × 720 pages', async () => {
    test.setTimeout(90_000);
    const dir = mkdtempSync(join(tmpdir(), 'slides-'));
    try {
      const out = join(dir, 'slides.pdf');
      const { stdout } = await run(process.execPath, ['src/cli/handout.ts', '--dir', distDir, '--slides-only', '--out', out], { timeout: 80_000 });
      expect(stdout).toContain(`${ids.length} page(s) for ${ids.length} slide(s)`);
      expect(stdout).toContain('slides only');
      const slides = readPdf(out);
      expect(slides.boxes).toHaveLength(ids.length);
      // 1280 × 720 CSS px is 960 × 540 pt.
      for (const [w, h] of slides.boxes) expect([Math.round(w), Math.round(h)]).toEqual([960, 540]);
      expect(slides.tagged).toBe(true);
      expect(slides.uris.filter((u) => /127\.0\.0\.1|localhost/.test(u))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
