/**
 * What a browser actually does with the built site, for `npm run bench`:
 *
 * - loaded bytes per page: every response the page (and any page it frames:
 *   the LMS launch page frames the reader's home) receives until the network
 *   is idle, on-demand chunks included because the page really imports them,
 *   counted raw and as gzip would send them; the deck is measured again with
 *   the speaker view open (its plugin and its window's previews);
 * - slide change: the time `Reveal.slide()` takes until the browser has
 *   styled and laid out the new slide (a forced layout right after it),
 *   for every slide of the deck, median and max.
 *
 * A fresh browser context per page: nothing comes from the cache.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Response } from '@playwright/test';
import type { RevealApi } from 'reveal.js';
import { chromiumLaunch } from '../shared/chromium.ts';
import { serve } from '../serve.ts';

export interface LoadedBytes {
  page: string;
  requests: number;
  /** Bytes of the responses' bodies, as the page uses them. */
  bytes: number;
  /** The same, as gzip would send them. */
  gzipBytes: number;
  /** Bytes that came over the network (headers and bodies): what the browser's cache did not already hold. */
  transferred: number;
  /** The JavaScript among them, gzipped (level 9): the page's scripts and every chunk it imported on demand while loading (what a JS budget is about). */
  jsGzipBytes: number;
}

export interface SlideChange {
  slides: number;
  medianMs: number;
  maxMs: number;
  p95Ms: number;
}

const BASE = '/bench/';
/** Two words, as a learner searches; its results name a count whatever the course. */
const SEARCH_QUERY = 'the relationship';

async function counted(context: BrowserContext, open: () => Promise<void>): Promise<Omit<LoadedBytes, 'page'>> {
  let requests = 0;
  let bytes = 0;
  let gzipBytes = 0;
  let transferred = 0;
  let jsGzipBytes = 0;
  const pending: Array<Promise<void>> = [];
  const count = (response: Response) => {
    pending.push(
      Promise.all([response.body(), response.request().sizes()])
        .then(([body, sizes]) => {
          requests += 1;
          bytes += body.length;
          gzipBytes += gzipSync(body, { level: 6 }).length;
          // At level 9, as the static figures (bench.ts pageWeight), so the two JS columns compare.
          if (/\.m?js$/.test(new URL(response.url()).pathname)) jsGzipBytes += gzipSync(body, { level: 9 }).length;
          // A response from the memory or disk cache has no body on the wire.
          transferred += Math.max(0, sizes.responseBodySize) + Math.max(0, sizes.responseHeadersSize);
        })
        .catch(() => undefined), // a redirect or an aborted request has no body
    );
  };
  context.on('response', count);
  await open();
  await Promise.all(pending);
  context.off('response', count);
  return { requests, bytes, gzipBytes, transferred, jsGzipBytes };
}

/**
 * Measure `pages` (paths under dist/) each in a fresh browser, the deck's
 * slide changes, and `nextPages` as a learner reaches them: after the home
 * page, in one browser, so what every page shares (scripts, styles, the
 * course outline) comes from its cache. Serves `dist` locally.
 */
export async function measureInBrowser(
  dist: string,
  pages: readonly string[],
  nextPages: readonly string[] = [],
): Promise<{ loaded: LoadedBytes[]; next: LoadedBytes[]; slideChange: SlideChange | null }> {
  const server = serve({ dir: dist, port: 0, base: BASE });
  await new Promise((r) => server.once('listening', r));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}${BASE}`;
  const browser = await chromium.launch(chromiumLaunch());
  const loaded: LoadedBytes[] = [];
  const next: LoadedBytes[] = [];
  let slideChange: SlideChange | null = null;
  try {
    if (nextPages.length > 0) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(origin + 'index.html', { waitUntil: 'networkidle' });
      for (const page of nextPages) next.push({ page, ...(await counted(context, async () => void (await tab.goto(origin + page, { waitUntil: 'networkidle' })))) });
      await context.close();
    }
    for (const page of pages) {
      const context = await browser.newContext();
      loaded.push({
        page,
        ...(await counted(context, async () => {
          const tab = await context.newPage();
          await tab.goto(origin + page, { waitUntil: 'networkidle' });
        })),
      });
      await context.close();
    }
    // Search, used once on a module page: only what the search loads (Pagefind's runtime, its WebAssembly, the index), the page already open.
    const searched = pages.find((p) => p.startsWith('modules/'));
    if (searched) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(origin + searched, { waitUntil: 'networkidle' });
      loaded.push({
        page: `search on ${searched}`,
        ...(await counted(context, async () => {
          await tab.getByRole('search').getByRole('searchbox').fill(SEARCH_QUERY);
          await tab.locator('[data-search-status]').filter({ hasText: /\d/ }).waitFor();
          await tab.waitForLoadState('networkidle');
        })),
      });
      await context.close();
    }
    if (pages.includes('present.html')) {
      const context = await browser.newContext();
      loaded.push({
        page: 'present.html + speaker view',
        ...(await counted(context, async () => {
          const tab = await context.newPage();
          await tab.goto(origin + 'present.html', { waitUntil: 'networkidle' });
          await tab.locator('html[data-speaker-view-ready]').waitFor({ state: 'attached' });
          const popup = context.waitForEvent('page');
          await tab.keyboard.press('s');
          const speaker = await popup;
          await speaker.waitForLoadState('networkidle');
        })),
      });
      await context.close();
      slideChange = await slideChanges(await browser.newContext(), origin + 'present.html');
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { loaded, next, slideChange };
}

async function slideChanges(context: BrowserContext, url: string): Promise<SlideChange> {
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 1280, height: 720 });
  await tab.goto(url, { waitUntil: 'networkidle' });
  await tab.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
  const times = await tab.evaluate(() => {
    const deck = (window as unknown as { Reveal: RevealApi }).Reveal;
    const out: number[] = [];
    for (const slide of deck.getSlides()) {
      const { h, v } = deck.getIndices(slide);
      const t0 = performance.now();
      deck.slide(h, v);
      void document.body.offsetHeight; // style and layout of the new slide, as the next frame needs them
      out.push(performance.now() - t0);
    }
    return out;
  });
  await context.close();
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { slides: times.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1) ?? NaN) };
}
