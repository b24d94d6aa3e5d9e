/**
 * The LMS preview's host page in Chromium, under a long course's load: the
 * cost of an API call does not grow with the number of calls before it (it
 * did: the whole log was laid out again on every call, 81 s to take a 20×
 * course in SCORM 1.2), the screen holds a bounded number of log lines, and
 * `lmsPreview.log` and `lmsPreview.stored` stay complete and exact.
 * Skipped when no Chromium is installed (src/cli/shared/chromium.ts).
 */
import type { Server } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ROWS } from '../../../src/cli/lms-preview/call-log.ts';
import type { LmsPreview } from '../../../src/cli/lms-preview/types.ts';
import { bundleHost, createPreviewServer, loadStandards } from '../../../src/cli/preview-lms.ts';
import { chromiumExecutable, chromiumLaunch } from '../../../src/cli/shared/chromium.ts';
import { listen } from '../../../src/cli/shared/listen.ts';
import { closeServer, spacedTempDir } from './helpers.ts';
import { writePreviewFixture } from './preview-fixture.ts';

const hasChromium = chromiumExecutable() !== undefined;
const work = spacedTempDir('preview-browser');
let server: Server;
let port: number;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  writePreviewFixture(join(work, 'dist'));
  server = createPreviewServer({ dist: join(work, 'dist'), hostScript: await bundleHost(), standards: await loadStandards() });
  port = await listen(server, { port: 0, command: 'npm run preview:lms' });
  browser = await chromium.launch(chromiumLaunch());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (server) await closeServer(server);
  rmSync(work, { recursive: true, force: true });
});

type PreviewWindow = Window & { lmsPreview: LmsPreview; API: Record<string, (...args: string[]) => string>; API_1484_11: Record<string, (...args: string[]) => string> };

async function openHost(version: '12' | '2004', lms = 'scorm-again'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${port}/?standard=${version === '12' ? 'scorm12' : 'scorm2004'}&lms=${lms}`);
  await page.evaluate(() => (window as unknown as PreviewWindow).lmsPreview.ready);
  // The fixture's SCO is a blank page: start the session as a SCO would.
  const started = await page.evaluate((v) => {
    const w = window as unknown as PreviewWindow;
    return v === '12' ? w.API.LMSInitialize!('') : w.API_1484_11.Initialize!('');
  }, version);
  expect(started).toBe('true');
  expect(errors).toEqual([]);
  return page;
}

/** Run `n` rounds of a course's calls (three SetValues, one Commit each) in the page; returns the milliseconds they took, painted. */
function rounds(page: Page, version: '12' | '2004', from: number, n: number): Promise<number> {
  return page.evaluate(
    async ([version, from, n]) => {
      const w = window as unknown as PreviewWindow;
      const api = version === '12' ? w.API : w.API_1484_11;
      const [set, commit, location] = version === '12' ? ['LMSSetValue', 'LMSCommit', 'cmi.core.lesson_location'] : ['SetValue', 'Commit', 'cmi.location'];
      const t = performance.now();
      for (let i = from; i < from + n; i++) {
        api[set]!(location, `s${i}`);
        api[set]!('cmi.suspend_data', `2~${'x'.repeat(200 + (i % 100))}`);
        api[set]!(`cmi.interactions.${i % 50}.id`, `q${i % 50}`);
        api[commit]!('');
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t;
    },
    [version, from, n] as const,
  );
}

describe.skipIf(!hasChromium)('the host page under a long course', () => {
  // Moodle 4.3's profile looks at the SCO's frames and what changed on every call: still constant.
  for (const [version, lms] of [['12', 'scorm-again'], ['2004', 'scorm-again'], ['12', 'moodle-4.3']] as const) {
    it(`SCORM ${version === '12' ? '1.2' : '2004'}, ${lms}: a call costs the same after 8,800 calls as at the start; the log and the record stay exact`, async () => {
      const page = await openHost(version, lms);
      expect(await page.evaluate(() => (window as unknown as PreviewWindow).lmsPreview.launches.length)).toBe(1);
      await rounds(page, version, 0, 200); // warm up the JIT
      // The fastest of three batches: a busy machine slows one batch now and then, and growth slows them all.
      const fastest = async (from: number) => Math.min(await rounds(page, version, from, 170), await rounds(page, version, from + 170, 170), await rounds(page, version, from + 340, 160));
      const early = await fastest(200);
      await rounds(page, version, 700, 1500);
      const late = await fastest(2200);
      const total = 2700;
      // Quadratic growth made the late rounds ~10× slower than the early ones; allow noise, not growth.
      expect(late, `early ${early.toFixed(0)} ms, late ${late.toFixed(0)} ms`).toBeLessThan(early * 3 + 100);

      const seen = await page.evaluate(() => {
        const p = (window as unknown as PreviewWindow).lmsPreview;
        return {
          log: p.log.length,
          calls: p.log.filter((e) => e.kind !== 'note').length,
          seqs: p.log.every((e, i) => e.seq === i + 1),
          lastValue: p.log.findLast((e) => e.kind === 'set' && e.element !== 'cmi.suspend_data' && !e.element?.startsWith('cmi.interactions'))?.value,
          stored: p.stored,
          rows: document.querySelectorAll('#log li').length,
          lastRow: document.querySelector('#log li:last-child')?.textContent,
          lastRowNumber: (document.querySelector('#log li:last-child') as HTMLLIElement | null)?.value,
          storedRows: Array.from(document.querySelectorAll('#stored tbody tr'), (tr) => [tr.children[0]?.textContent, tr.children[1]?.textContent]),
          counts: document.querySelector('#counts')?.textContent,
        };
      });
      const location = version === '12' ? 'cmi.core.lesson_location' : 'cmi.location';
      expect(seen.calls).toBe(1 + total * 4); // Initialize, then the rounds
      expect(seen.seqs).toBe(true);
      expect(seen.lastValue).toBe(`s${total - 1}`);
      expect(seen.stored?.[location]).toBe(`s${total - 1}`);
      expect(seen.rows).toBe(MAX_ROWS);
      expect(seen.lastRowNumber).toBe(seen.log);
      expect(seen.lastRow).toContain(version === '12' ? 'LMSCommit("") → "true"' : 'Commit("") → "true"');
      // The table shows exactly the stored record, in its order.
      expect(seen.storedRows).toEqual(Object.entries(seen.stored ?? {}));
      expect(seen.counts).toContain(`×${total * 3}`);
      expect(seen.counts).toContain(`The log shows the last ${MAX_ROWS} of ${seen.log} lines`);
      await page.close();
    }, 60_000);
  }

  it('moodle-4.3: a call made while the SCO, or a frame inside it, unloads fails with 101 and is logged so; calls work again after', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/?standard=scorm12&lms=moodle-4.3`);
    await page.evaluate(() => (window as unknown as PreviewWindow).lmsPreview.ready);
    // The SCO's frame has loaded (the watch hooks each document at its load).
    await page.waitForFunction(() => (document.querySelector('#sco') as HTMLIFrameElement | null)?.contentDocument?.readyState === 'complete');
    const sco = page.frames().find((f) => f.url().includes('/content/scorm12/lms.html'))!;
    type Results = Window & { results?: Record<string, string> };
    await sco.evaluate(async () => {
      const host = window.parent as unknown as PreviewWindow & Results;
      host.results = {};
      host.API.LMSInitialize!('');
      // The SCO saves on its own pagehide (what no course should do), and so does a frame inside it.
      window.addEventListener('pagehide', () => {
        host.results!.scoSet = host.API.LMSSetValue!('cmi.core.lesson_location', 'from-sco-unload');
        host.results!.scoCommit = host.API.LMSCommit!('');
      });
      const inner = document.createElement('iframe');
      inner.srcdoc = '<p>inner page</p>';
      await new Promise((resolve) => {
        inner.addEventListener('load', resolve, { once: true });
        document.body.append(inner);
      });
      inner.contentWindow!.addEventListener('pagehide', () => {
        host.results!.innerCommit = host.API.LMSCommit!('');
      });
      // The inner frame moves on: its document unloads.
      await new Promise((resolve) => {
        inner.addEventListener('load', resolve, { once: true });
        inner.contentWindow!.location.href = 'about:blank';
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      host.results.after = host.API.LMSCommit!('');
    });
    await page.evaluate(() => (window as unknown as PreviewWindow).lmsPreview.close());
    const seen = await page.evaluate(() => {
      const w = window as unknown as PreviewWindow & Results;
      return {
        results: w.results,
        refused: w.lmsPreview.log.filter((e) => e.error === '101').map((e) => [e.fn, e.element ?? '', e.unloading]),
        stored: w.lmsPreview.stored?.['cmi.core.lesson_location'] ?? null,
      };
    });
    expect(seen.results).toEqual({ innerCommit: 'false', after: 'true', scoSet: 'false', scoCommit: 'false' });
    expect(seen.refused).toEqual([
      ['LMSCommit', '', ['srcdoc']],
      ['LMSSetValue', 'cmi.core.lesson_location', ['lms.html']],
      ['LMSCommit', '', ['lms.html']],
    ]);
    expect(seen.stored).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('the stored table follows the record through close and new attempt', async () => {
    const page = await openHost('2004');
    await rounds(page, '2004', 0, 3);
    await page.evaluate(() => (window as unknown as PreviewWindow).lmsPreview.newAttempt());
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await page.evaluate(() => ({
      stored: (window as unknown as PreviewWindow).lmsPreview.stored,
      rows: document.querySelectorAll('#stored tbody tr').length,
      info: document.querySelector('#stored-info')?.textContent,
      state: document.querySelector('#launch-state')?.textContent,
      launches: (window as unknown as PreviewWindow).lmsPreview.launches.map((l) => [l.n, l.entry, l.open]),
    }));
    expect(after).toEqual({ stored: null, rows: 0, info: 'Nothing stored yet.', state: 'Course open (launch 2).', launches: [[1, 'ab-initio', false], [2, 'ab-initio', true]] });
    await page.close();
  }, 60_000);
});
