/**
 * The handout: reveal's print view (?view=print) puts each slide on its own
 * 16:9 page with its speaker notes beneath and every fragment shown, and
 * `npm run handout` saves it as a PDF.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { loadCourse } from '../../src/model/load';
import { axe, foreign, recordRequests } from './helpers';

const model = loadCourse(process.cwd());
const ids = model.slides.map((s) => s.id);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const notesStart = (say: string) => squash(say).split(/(?<=[.!?])\s/)[0] ?? '';

async function openHandout(page: Page): Promise<void> {
  await page.goto('present.html?view=print');
  // Set by the deck runtime once reveal's print layout is done (pdf-ready) and slides are fitted.
  await page.waitForSelector('html.reveal-print[data-deck-ready]', { state: 'attached' });
}

test.describe('the handout', () => {
  test('has one page per slide, each with its notes and every answer shown', async ({ page, baseURL }) => {
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
    model.slides.forEach((slide, i) => expect(squash(built[i]?.notes ?? ''), slide.id).toContain(notesStart(slide.notes.say)));

    // Fragments are not split into extra pages: every answer is on its slide's page.
    const answers = page.locator('.poll-answer');
    await expect(answers).toHaveCount(model.checks.length);
    for (const answer of await answers.all()) await expect(answer).toBeVisible();
    // Notes sit below the slide, not over it.
    const overlaps = await pages.evaluateAll((els) =>
      els.flatMap((p) => {
        const slide = p.querySelector('section')?.getBoundingClientRect();
        const notes = p.querySelector('.speaker-notes-pdf')?.getBoundingClientRect();
        return slide && notes && notes.top < slide.bottom ? [p.querySelector('section')?.id] : [];
      }),
    );
    expect(overlaps).toEqual([]);
    // Nothing to press on paper.
    await expect(page.locator('.countdown-toggle').first()).toBeHidden();
    // 16:9 pages.
    const size = await pages.first().evaluate((p) => [p.getBoundingClientRect().width, p.getBoundingClientRect().height + 1]);
    expect(size[0]! / size[1]!).toBeCloseTo(16 / 9, 2);
    expect(foreign(requests, new URL(baseURL ?? '').origin)).toEqual([]);
  });

  test('has no axe violations with every slide, answer and note on the page', async ({ page }) => {
    await openHandout(page);
    expect(await axe(page)).toEqual([]);
  });

  test('npm run handout writes a 16:9 PDF with one page per slide', async () => {
    test.setTimeout(90_000);
    const dir = mkdtempSync(join(tmpdir(), 'handout-'));
    try {
      const out = join(dir, 'handout.pdf');
      const { stdout } = await promisify(execFile)(process.execPath, ['src/cli/handout.ts', '--out', out], { timeout: 80_000 });
      expect(stdout).toContain(`${ids.length} page(s) for ${ids.length} slide(s)`);
      const pdf = readFileSync(out).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => Number(m[1]) / Number(m[2]));
      expect(boxes).toHaveLength(ids.length);
      for (const ratio of boxes) expect(ratio).toBeCloseTo(16 / 9, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
