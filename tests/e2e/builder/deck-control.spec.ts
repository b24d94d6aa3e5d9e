/**
 * Who may drive the deck by postMessage (reveal.js's API): its own origin,
 * and the presenter origins the course names (course.yaml
 * `present.controlOrigins`), never any other. A console page on each origin
 * frames the deck and sends it "go to slide 2". A listener the test puts in
 * the deck before any of its scripts says when the message has arrived (the
 * deck's guard and reveal.js handle it in that same dispatch); then the
 * deck's slide says whether it was obeyed.
 */
import { expect, test } from '@playwright/test';
import type { RevealApi } from 'reveal.js';
import { loadCourseUnderTest } from '../course-under-test';

declare global {
  interface Window {
    Reveal?: RevealApi;
    received?: string[];
  }
}

const named = loadCourseUnderTest().course.present?.controlOrigins ?? [];
const stranger = 'https://stranger.example';
/** Where the deck is served from in this test: its own origin. */
const DECK_ORIGIN = 'https://deck.example';

for (const [origin, obeyed] of [...named.map((o) => [o, true] as const), [stranger, false] as const]) {
  test(`the deck ${obeyed ? 'obeys' : 'ignores'} a console on ${origin === stranger ? 'an origin the course does not name' : origin}`, async ({ page, baseURL }) => {
    const deckUrl = `${DECK_ORIGIN}${new URL(baseURL!).pathname}present.html`;
    // The console is served by the test itself, and the deck from a public origin of its own too (Chromium
    // refuses a public page framing 127.0.0.1): the built deck's files, fetched from the test server.
    const served = new URL(baseURL!);
    await page.route(`${DECK_ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      await route.fulfill({ response: await route.fetch({ url: `${served.origin}${url.pathname}${url.search}` }) });
    });
    await page.route(`${origin}/console.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Console</title><iframe src="${deckUrl}" width="1280" height="720"></iframe>` }),
    );
    await page.addInitScript(() => {
      window.received = [];
      window.addEventListener('message', (e) => window.received?.push(e.origin), { capture: true });
    });
    await page.goto(`${origin}/console.html`);
    const deck = page.frames().find((f) => f.url().startsWith(deckUrl))!;
    await deck.waitForFunction(() => window.Reveal?.isReady() === true);
    expect(await deck.evaluate(() => window.Reveal!.getIndices().h)).toBe(0);

    await page.evaluate(() => document.querySelector('iframe')?.contentWindow?.postMessage(JSON.stringify({ method: 'slide', args: [2] }), '*'));
    await expect.poll(() => deck.evaluate(() => window.received)).toContain(origin);
    expect(await deck.evaluate(() => window.Reveal!.getIndices().h)).toBe(obeyed ? 2 : 0);
    // The deck still fetches what it loads late (the speaker view's plugin): those answers may come after the page.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
}
