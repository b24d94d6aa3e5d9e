/**
 * `npm run handout`: print the deck to PDF from its print view (reveal's,
 * repaired by src/modes/present/runtime/print.ts). Serves the built site on
 * this machine, opens present.html?view=print in Chromium and saves it.
 * Builds nothing: run `npm run build` first.
 *
 *   node src/cli/handout.ts [--dir dist] [--out <file>] [--slides-only] [--base-url <url>]
 *
 * - The presenter's handout (default, dist/handout.pdf): one 16:9 page per
 *   slide with its speaker notes beneath, every answer shown.
 * - --slides-only (dist/slides.pdf): for attendees, one page per slide, no
 *   notes, no answers.
 * - Links into the course (the notes' "open this slide in the reader") point
 *   to the published course when --base-url (or $COURSE_URL) says where it
 *   is, e.g. https://example.org/rct/; otherwise they are left out. A PDF
 *   never links to the temporary server it was printed from.
 * - Tagged PDF with a document outline (Chromium's generateTaggedPDF and
 *   generateDocumentOutline), so a screen reader can read it.
 *
 * Browser, as for the tests: Playwright's own Chromium when it is installed,
 * otherwise a system one (shared/chromium.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { createStaticServer } from './serve.ts';
import { chromiumLaunch } from './shared/chromium.ts';
import { isEntryPoint } from './shared/entry.ts';
import { listen } from './shared/listen.ts';

/** Pages in a PDF: its page objects (Chromium writes them uncompressed). */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** A --base-url value as the published course's folder URL (http or https, ending in "/"), or an error message. */
export function publishedBase(raw: string): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `--base-url must be an absolute URL such as https://example.org/course/, not "${raw}".`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `--base-url must be an http or https URL, not "${raw}".`;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      out: { type: 'string', default: '' },
      'slides-only': { type: 'boolean', default: false },
      'base-url': { type: 'string', default: process.env.COURSE_URL ?? '' },
    },
  });
  const dir = values.dir;
  const slidesOnly = values['slides-only'];
  const out = values.out || join(dir, slidesOnly ? 'slides.pdf' : 'handout.pdf');
  const base = values['base-url'] ? publishedBase(values['base-url']) : undefined;
  if (typeof base === 'string') {
    console.error(base);
    process.exit(1);
  }
  if (!existsSync(join(dir, 'present.html'))) {
    console.error(`No ${dir}/present.html to print: run "npm run build" first.`);
    process.exit(1);
  }
  const server = createStaticServer({ dir, base: '/' });
  const port = await listen(server, { port: 0, command: 'npm run handout' });
  const origin = `http://127.0.0.1:${port}`;

  const browser = await chromium.launch(chromiumLaunch()).catch((error: unknown) => {
    server.close();
    throw error;
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${origin}/present.html?view=print${slidesOnly ? '&slides-only' : ''}`);
    // The deck runtime sets this once reveal's print layout is done ('pdf-ready'), repaired and fitted.
    await page.waitForSelector('html.reveal-print[data-deck-ready]', { state: 'attached', timeout: 30_000 });
    const slides = await page.locator('.pdf-page').count();
    // Links into the course: to the published course, or none. Links to other sites stay.
    const links = await page.evaluate(
      ({ published, origin }) => {
        let rewritten = 0;
        let removed = 0;
        for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
          if (!a.href.startsWith(origin)) continue;
          if (published) {
            a.href = new URL(a.getAttribute('href') ?? '', new URL('present.html', published)).href;
            rewritten++;
          } else {
            const before = a.previousSibling;
            if (before?.nodeType === Node.TEXT_NODE) before.textContent = (before.textContent ?? '').replace(/\s*·\s*$/, '');
            a.remove();
            removed++;
          }
        }
        const left = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => a.href.startsWith(origin)).length;
        return { rewritten, removed, left };
      },
      { published: base?.href ?? null, origin },
    );
    if (links.left > 0) throw new Error(`${links.left} link(s) still point at the temporary server`);
    // reveal writes @page { size: <w>px <h>px }: the slide plus its margin, 16:9 (1600 × 900 with notes, 1280 × 720 without).
    await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    const pages = countPdfPages(readFileSync(out));
    const kb = Math.round(statSync(out).size / 1024);
    const linkNote = base ? `${links.rewritten} course link(s) to ${base.href}` : `${links.removed} course link(s) left out (no --base-url)`;
    console.log(`Wrote ${out}: ${pages} page(s) for ${slides} slide(s), ${kb} KB, ${slidesOnly ? 'slides only' : 'with notes'}, tagged; ${linkNote}.`);
    if (pages !== slides) {
      console.error(`Expected one page per slide (${slides}), got ${pages}.`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    server.close();
  }
}

if (isEntryPoint(import.meta.url)) await main();
