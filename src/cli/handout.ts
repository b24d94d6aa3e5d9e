/**
 * `npm run handout`: print the deck's handout (one 16:9 page per slide with
 * its speaker notes beneath) to dist/handout.pdf. Serves the built site on
 * this machine, opens present.html?view=print (reveal's print view) in
 * Chromium and saves it as PDF. Builds nothing: run `npm run build` first.
 *
 *   node src/cli/handout.ts [--dir dist] [--out dist/handout.pdf]
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      out: { type: 'string', default: '' },
    },
  });
  const dir = values.dir;
  const out = values.out || join(dir, 'handout.pdf');
  if (!existsSync(join(dir, 'present.html'))) {
    console.error(`No ${dir}/present.html to print: run "npm run build" first.`);
    process.exit(1);
  }
  const server = createStaticServer({ dir, base: '/' });
  const port = await listen(server, { port: 0, command: 'npm run handout' });

  const browser = await chromium.launch(chromiumLaunch()).catch((error: unknown) => {
    server.close();
    throw error;
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/present.html?view=print`);
    // The deck runtime sets this once reveal's print layout is done ('pdf-ready') and slides are fitted.
    await page.waitForSelector('html.reveal-print[data-deck-ready]', { state: 'attached', timeout: 30_000 });
    const slides = await page.locator('.pdf-page').count();
    // reveal writes @page { size: <w>px <h>px } for the slide plus its margin: 1600 × 900, 16:9.
    await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    const pages = countPdfPages(readFileSync(out));
    const kb = Math.round(statSync(out).size / 1024);
    console.log(`Wrote ${out}: ${pages} page(s) for ${slides} slide(s), ${kb} KB.`);
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
