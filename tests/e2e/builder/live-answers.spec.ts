/**
 * Live answers end to end: `npm run present -- --live` (here on loopback
 * only, --host 127.0.0.1), the presenter's deck in one browser context and
 * phones in others (separate contexts: separate devices, each with its own
 * storage). Both phones answer; the presenter's slide shows 2; a second
 * answer from the same phone is refused; a wrong room code is refused; the
 * answer step closes the question. Measures vote → tally on the slide.
 * And the phones' page is not in the LMS packages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import type { RevealApi } from 'reveal.js';
import { distDir, loadCourseUnderTest } from '../course-under-test';
import { anyOf, pattern, within, words } from '../ui-words';
import { deckPlan } from '../../../src/modes/present/deck';
import { axe } from '../helpers';

declare global {
  interface Window {
    Reveal?: RevealApi;
    tallyAt?: Record<string, number>;
  }
}

const model = loadCourseUnderTest();
const plan = deckPlan(model);
/** The first question the deck asks with one answer to pick. */
const question = plan.find((e) => e.type === 'slide' && e.slide.checks[0]?.type === 'single');
const check = question?.type === 'slide' ? question.slide.checks[0] : undefined;

let server: ChildProcess;
let deckUrl = '';
let audienceUrl = '';
let room = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = spawn(process.execPath, ['src/cli/present.ts', '--dir', distDir, '--live', '--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URLs printed:\n${out}`)), 15_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const deck = /Deck:\s+(\S+)/.exec(out);
      const audience = /^Audience: (\S+)$/m.exec(out);
      const code = /Room code:\s+(\S+)/.exec(out);
      if (deck && audience && code) {
        [deckUrl, audienceUrl, room] = [deck[1]!, audience[1]!, code[1]!];
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`present --live exited (${code}):\n${out}`)));
  });
});

test.afterAll(() => {
  server?.kill();
});

async function phone(browser: Browser, url = audienceUrl): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  // Note when a vote leaves the phone (for the latency measurement).
  await context.addInitScript(() => {
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
      if (typeof data === 'string' && data.includes('"t":"vote"')) (window as unknown as { votedAt: number }).votedAt = Date.now();
      return send.call(this, data);
    };
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('prints the audience URL with the room code, and serves the phones on loopback only when asked to', () => {
  expect(room).toMatch(/^[A-Z2-9]{4}$/);
  expect(audienceUrl).toBe(`${new URL(deckUrl).origin}/audience.html#room=${room}`);
  expect(deckUrl).toMatch(/\/present\.html\?live=[0-9a-f]{32}$/);
});

test('two phones answer, the slide shows 2 at once, a second answer and a wrong room are refused', async ({ browser }) => {
  test.setTimeout(90_000);
  expect(check, 'the deck asks a single-choice question').toBeDefined();
  const presenter = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await presenter.goto(deckUrl);
  await presenter.waitForFunction(() => window.Reveal?.isReady() === true);
  await expect(presenter.locator('html')).toHaveAttribute('data-live', 'connected');

  // The title slide shows where to go: the URL, the room code and a QR code.
  const title = presenter.locator(`section#${plan[0]!.id} [data-live-join]`);
  await expect(title).toBeVisible();
  await expect(title.locator('[data-live-room]')).toHaveText(room);
  await expect(title.locator('[data-live-url]')).toHaveText(audienceUrl.replace(/^http:\/\//, '').replace(/#.*/, ''));
  await expect(title.getByRole('img', { name: pattern(words.present.liveQr, '') })).toBeVisible();

  // A wrong room code is refused.
  const stranger = await phone(browser, audienceUrl.replace(/#room=.*/, '#room=ZZZZ'));
  await expect(stranger.locator('[data-status]')).toHaveText(words.audience.status.wrongRoom);
  await expect(stranger.locator('[data-join]')).toBeVisible();
  await expect(stranger.locator('[data-question]')).toBeHidden();

  const a = await phone(browser);
  const b = await phone(browser);
  for (const p of [a, b]) await expect(p.locator('[data-status]')).toHaveText(words.audience.status.joined);

  // The presenter moves to the question: the phones show it, and the slide's text to follow along.
  const at = plan.indexOf(question!);
  await presenter.evaluate((h) => window.Reveal?.slide(h, 0, -1), at);
  const poll = presenter.locator(`section#${question!.id} .poll`);
  await expect(poll.locator('.poll-side [data-live-join]')).toBeVisible();
  await presenter.evaluate(() => {
    // When the slide first shows each total.
    window.tallyAt = {};
    const poll = document.querySelector('section.present .poll') as HTMLElement;
    new MutationObserver(() => {
      const total = poll.dataset.tallyTotal ?? '';
      window.tallyAt![total] ??= Date.now();
    }).observe(poll, { attributes: true, attributeFilter: ['data-tally-total'] });
  });
  for (const p of [a, b]) {
    await expect(p.locator('[data-question-prompt]')).toHaveText(check!.prompt);
    await expect(p.locator('[data-follow-title]')).toHaveText(question!.type === 'slide' ? question!.slide.title : '');
  }
  // The phones' page is accessible, with the question on it.
  expect(await axe(a)).toEqual([]);
  const correct = check!.type === 'single' ? check!.options.findIndex((o) => o.correct) : 0;
  const wrong = correct === 0 ? 1 : 0;

  // Both vote; the slide shows 2, with a count beside each choice.
  const sentAt: number[] = [];
  for (const [p, choice] of [[a, correct], [b, wrong]] as const) {
    await p.locator('[data-answer-fields] input').nth(choice).check();
    await p.getByRole('button', { name: words.audience.submit }).click();
    await expect(p.locator('[data-answer-result]')).toHaveText(words.audience.result.accepted);
    sentAt.push(await p.evaluate(() => (window as unknown as { votedAt: number }).votedAt));
  }
  await expect(poll).toHaveAttribute('data-tally-total', '2');
  await expect(poll.locator('.poll-side .poll-tally-total')).toHaveText(/2/);
  const counts = await poll.locator('.poll-options li[data-choice] .poll-count').allTextContents();
  expect(counts.map(Number).reduce((x, y) => x + y, 0)).toBe(2);
  expect(Number(counts[correct])).toBe(1);
  expect(Number(counts[wrong])).toBe(1);
  // The tally is a chart with numbers, announced politely.
  await expect(presenter.locator('body > [role="status"][aria-live="polite"]')).toHaveText(within(words.present.liveAnswers.replace('{n}', '2')), { timeout: 8_000 });

  // Latency: the vote leaving the phone → the count on the presenter's slide.
  const shownAt = await presenter.evaluate(() => window.tallyAt ?? {});
  const latencies = sentAt.map((t, i) => (shownAt[String(i + 1)] ?? NaN) - t);
  test.info().annotations.push({ type: 'vote → tally latency (ms)', description: latencies.join(', ') });
  console.log(`vote → tally on the slide: ${latencies.map((l) => `${l} ms`).join(', ')}`);
  for (const l of latencies) {
    expect(l).toBeGreaterThanOrEqual(0);
    expect(l).toBeLessThan(1000);
  }

  // The presenter's slide stays accessible with the tally on it.
  expect(await axe(presenter)).toEqual([]);

  // The same phone again: the page says so, and the server refuses a second answer even sent by hand.
  await a.reload();
  await expect(a.locator('[data-answer-result]')).toHaveText(anyOf(words.audience.result.duplicate, words.audience.answered));
  await expect(a.getByRole('button', { name: words.audience.submit })).toBeDisabled();
  const again = await a.evaluate(
    async ({ room, poll }) => {
      const device = localStorage.getItem('live-answers-device') ?? '';
      const ws = new WebSocket(new URL('live', location.href).href.replace(/^http/, 'ws'));
      return new Promise<string>((resolve) => {
        ws.onopen = () => ws.send(JSON.stringify({ t: 'hello', role: 'audience', room, device }));
        ws.onmessage = (e) => {
          const m = JSON.parse(String(e.data)) as { t: string; result?: string };
          if (m.t === 'state') ws.send(JSON.stringify({ t: 'vote', poll, answer: ['A'] }));
          if (m.t === 'vote-result') resolve(m.result ?? '');
        };
      });
    },
    { room, poll: check!.id },
  );
  expect(again).toBe('duplicate');
  await expect(poll).toHaveAttribute('data-tally-total', '2');

  // The answer step closes the question on the phones.
  await presenter.keyboard.press('ArrowRight');
  await expect(poll.locator('.poll-answer')).toBeVisible();
  await expect(b.locator('[data-answer-fields] input').first()).toBeDisabled();
  const late = await phone(browser);
  await expect(late.locator('[data-answer-result]')).toHaveText(anyOf(words.audience.result.closed, words.audience.closed));
  await expect(late.getByRole('button', { name: words.audience.submit })).toBeDisabled();
});

test("the phones' page and its own assets are not in the LMS packages", async () => {
  const dir = join(distDir, 'packages');
  const zips = readdirSync(dir).filter((f) => f.endsWith('.zip'));
  expect(zips.length).toBeGreaterThan(0);
  const html = readFileSync(join(distDir, 'audience.html'), 'utf8');
  const own = [...html.matchAll(/(?:src|href)="(?:\.\/)?(_astro\/audience[^"]+)"/g)].map((m) => m[1]!);
  expect(own.length).toBeGreaterThan(0);
  for (const zip of zips) {
    const files = Object.keys(unzipSync(readFileSync(join(dir, zip))));
    expect(files, zip).toContain('present.html');
    expect(files, zip).not.toContain('audience.html');
    for (const asset of own) expect(files, `${zip}: ${asset}`).not.toContain(asset);
  }
});
