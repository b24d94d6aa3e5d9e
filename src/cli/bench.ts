/**
 * `npm run bench`: what the build costs and what a visitor downloads.
 *
 * - build: wall time (median of --runs builds) and peak memory (max RSS of
 *   the build process);
 * - output: total bytes of dist/, and per page the gzipped bytes of the JS
 *   and CSS it loads (external files it references plus inline code);
 * - packages: the size of each SCORM zip, when the build wrote them;
 * - suspend_data: characters the codec writes for the fullest realistic
 *   learner state (src/cli/bench/fullest-state.ts), against SCORM 1.2's
 *   4,096 and our 2,560 target;
 * - assessment: the pool, the draw and the chance of passing by guessing
 *   (src/cli/bench/guessing.ts).
 *
 * - with --lighthouse: Lighthouse scores (performance, accessibility, best
 *   practices, SEO) and paint/blocking times for the home, a module page and
 *   the deck, served locally. Lighthouse is fetched on demand with npx at a
 *   pinned version, so `npm ci` stays light.
 *
 * Prints a table and writes dist/bench.json, so runs can be
 * compared. Budgets (issue targets) are shown next to the figures.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { runnerImport } from 'vite';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, 'no-build': { type: 'boolean', default: false }, lighthouse: { type: 'boolean', default: false } },
});
const dist = resolve('dist');
/** Results sit beside the build they measure. */
const RESULT_FILE = join(dist, 'bench.json');

/** Page budgets from the issues (gzipped bytes). */
const BUDGETS: Array<{ match: RegExp; js: number; css: number; label: string }> = [
  { match: /^present\.html$/, js: 60_000, css: 15_000, label: 'deck' },
  { match: /^modules\//, js: 15_000, css: 10_000, label: 'module page' },
];

function buildOnce(): { ms: number; maxRssMB: number } {
  // A child process whose own resource usage is the build's: maxRSS is its peak memory.
  const script = `
    const t = performance.now();
    const { build } = await import('astro');
    await build({ logLevel: 'error' });
    console.log('BENCH' + JSON.stringify({ ms: performance.now() - t, maxRssKB: process.resourceUsage().maxRSS }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('BENCH'));
  if (run.status !== 0 || !line) {
    console.error(run.stdout, run.stderr);
    throw new Error('build failed');
  }
  const { ms, maxRssKB } = JSON.parse(line.slice(5)) as { ms: number; maxRssKB: number };
  return { ms, maxRssMB: maxRssKB / 1024 };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

/**
 * JS and CSS a page loads: referenced files (and their static imports) plus
 * inline code, gzipped; and the chunks its code may import on demand
 * (`import("./x.js")`: the assessment page's code loads only there), apart.
 */
function pageWeight(htmlPath: string): { js: number; css: number; onDemandJs: number; files: string[] } {
  const html = readFileSync(htmlPath, 'utf8');
  const base = dirname(htmlPath);
  const seen = new Set<string>();
  let js = 0;
  let css = 0;
  let onDemandJs = 0;
  const onDemand: string[] = [];
  const addJs = (file: string, lazy = false) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    if (lazy) onDemandJs += gz(code);
    else js += gz(code);
    // Static imports between chunks load with the page too.
    for (const m of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) addJs(resolve(dirname(file), m[1] ?? ''), lazy);
    for (const m of code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)) onDemand.push(resolve(dirname(file), m[1] ?? ''));
  };
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) addJs(resolve(base, m[1] ?? ''));
  for (const file of onDemand) addJs(file, true);
  for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link\b[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g)) {
    const file = resolve(base, m[1] ?? m[2] ?? '');
    if (!seen.has(file) && existsSync(file)) {
      seen.add(file);
      css += gz(readFileSync(file));
    }
  }
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)) if (m[1]?.trim()) js += gz(m[1]);
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) if (m[1]?.trim()) css += gz(m[1]);
  return { js, css, onDemandJs, files: [...seen].map((f) => relative(dist, f)) };
}

/** The runtime's TypeScript imports without extensions; Vite's module runner loads it as the browser build does. */
async function suspendDataChars(): Promise<number> {
  const { module: codec } = await runnerImport<typeof import('../session/codec')>(resolve('src/session/codec.ts'));
  const { module: fixture } = await runnerImport<typeof import('./bench/fullest-state')>(resolve('src/cli/bench/fullest-state.ts'));
  return codec.encodeState(fixture.fullestState, fixture.course, 4096).data.length;
}

/** The course's assessment and the chance of passing it by guessing, or null without one. */
async function guessing() {
  const { module: load } = await runnerImport<typeof import('../model/load')>(resolve('src/model/load.ts'));
  const { module: odds } = await runnerImport<typeof import('./bench/guessing')>(resolve('src/cli/bench/guessing.ts'));
  const model = load.loadCourse(load.courseRoot());
  return model.assessment ? odds.guessingOdds(model.assessment, model.course.masteryScore) : null;
}

const LIGHTHOUSE = 'lighthouse@13.5.0';
const execFileAsync = promisify(execFile);

/** The Chromium Lighthouse drives, as the tests pick it (shared/chromium.ts), and the flags for a system one. */
async function chrome(): Promise<{ path: string | undefined; flags: string }> {
  const { chromiumExecutable, SYSTEM_CHROMIUM_ARGS } = await import('./shared/chromium.ts');
  return { path: chromiumExecutable(), flags: ['--headless=new', ...SYSTEM_CHROMIUM_ARGS].join(' ') };
}

async function lighthouse(pages: string[]) {
  const { serve } = await import('./serve.ts');
  const server = serve({ dir: dist, port: 0, base: '/bench/' });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chrome();
  const out: Array<{ page: string; scores: Record<string, number>; fcpMs: number; lcpMs: number; tbtMs: number; cls: number }> = [];
  try {
    for (const page of pages) {
      const file = join(mkdtempSync(join(tmpdir(), 'lh-')), 'report.json');
      // Asynchronous: the server answering Lighthouse runs in this process.
      const run = await execFileAsync(
        'npx',
        ['--yes', LIGHTHOUSE, `http://127.0.0.1:${port}/bench/${page}`, '--quiet', '--output=json', `--output-path=${file}`,
          '--only-categories=performance,accessibility,best-practices,seo',
          `--chrome-flags=${browser.flags}`],
        { encoding: 'utf8', env: { ...process.env, ...(browser.path ? { CHROME_PATH: browser.path } : {}) }, timeout: 180_000 },
      ).catch((error: { stderr?: string }) => {
        throw new Error(`lighthouse failed on ${page}: ${String(error.stderr ?? error).slice(-500)}`);
      });
      if (!existsSync(file)) throw new Error(`lighthouse wrote no report for ${page}: ${run.stderr.slice(-500)}`);
      const report = JSON.parse(readFileSync(file, 'utf8')) as {
        categories: Record<string, { score: number }>;
        audits: Record<string, { numericValue: number }>;
      };
      const metric = (id: string) => Math.round(report.audits[id]?.numericValue ?? NaN);
      out.push({
        page,
        scores: Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)])),
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: report.audits['cumulative-layout-shift']?.numericValue ?? NaN,
      });
    }
  } finally {
    server.close();
  }
  return out;
}

const runs = Number(values.runs);
const builds: Array<{ ms: number; maxRssMB: number }> = [];
if (!values['no-build']) for (let i = 0; i < runs; i++) builds.push(buildOnce());
if (!existsSync(dist)) throw new Error('no dist/: run without --no-build');

const files = walk(dist);
const pages = files
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ page: relative(dist, f), ...pageWeight(f) }))
  .sort((a, b) => a.page.localeCompare(b.page));
const packages = files.filter((f) => f.endsWith('.zip')).map((f) => ({ file: relative(dist, f), bytes: statSync(f).size }));
const sorted = [...builds].sort((a, b) => a.ms - b.ms);
const median = sorted[Math.floor(sorted.length / 2)];

const result = {
  date: new Date().toISOString(),
  node: process.version,
  build: median ? { runs: builds.length, medianMs: Math.round(median.ms), peakRssMB: Math.round(Math.max(...builds.map((b) => b.maxRssMB))) } : null,
  output: {
    totalBytes: files.filter((f) => !f.endsWith('.zip') && !f.endsWith('.pdf') && f !== RESULT_FILE).reduce((n, f) => n + statSync(f).size, 0),
    files: files.length,
  },
  pages: pages.map(({ page, js, css, onDemandJs }) => {
    const budget = BUDGETS.find((b) => b.match.test(page));
    return { page, jsGzip: js, cssGzip: css, onDemandJsGzip: onDemandJs, ...(budget ? { budget: { js: budget.js, css: budget.css, within: js <= budget.js && css <= budget.css } } : {}) };
  }),
  packages,
  suspendData: { fullestStateChars: await suspendDataChars(), scorm12Limit: 4096, target: 2560 },
  assessment: await guessing(),
  lighthouse: values.lighthouse ? await lighthouse(['index.html', 'modules/culture-and-power.html', 'present.html']) : null,
};

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
if (result.build) console.log(`build: median ${(result.build.medianMs / 1000).toFixed(2)} s over ${result.build.runs} run(s), peak RSS ${result.build.peakRssMB} MB`);
console.log(`output: ${kb(result.output.totalBytes)} in ${result.output.files} files (packages and PDFs excluded)`);
console.log('\npage                                     JS gz      CSS gz     budget     (JS loaded on demand)');
for (const p of result.pages) {
  const b = p.budget ? `${p.budget.within ? 'ok' : 'OVER'} (≤ ${kb(p.budget.js)} JS, ≤ ${kb(p.budget.css)} CSS)` : '';
  console.log(`${p.page.padEnd(40)} ${kb(p.jsGzip).padStart(9)}  ${kb(p.cssGzip).padStart(9)}     ${b}${p.onDemandJsGzip ? `  (+${kb(p.onDemandJsGzip)})` : ''}`);
}
for (const p of packages) console.log(`package ${p.file}: ${kb(p.bytes)}${p.bytes > 200_000 ? '  OVER 200 KB' : ''}`);
console.log(`suspend_data, fullest realistic state: ${result.suspendData.fullestStateChars} characters (target ≤ 2,560; SCORM 1.2 limit 4,096)`);
const a = result.assessment;
if (a)
  console.log(
    `assessment: ${a.draw} of ${a.pool} questions per attempt, ${a.needed} right to pass; by guessing ${a.expectedRight.toFixed(1)} right on average, ` +
      `P(pass one attempt) ${a.meanPerAttempt.toExponential(2)} (easiest draw ${a.worstPerAttempt.toExponential(2)}), within every attempt ${a.withinAllAttempts.toExponential(2)} (${a.samples} draws)`,
  );
for (const l of result.lighthouse ?? [])
  console.log(`lighthouse ${l.page}: ${Object.entries(l.scores).map(([k, v]) => `${k} ${v}`).join(', ')}; FCP ${l.fcpMs} ms, LCP ${l.lcpMs} ms, TBT ${l.tbtMs} ms, CLS ${l.cls}`);
writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwrote ${relative(process.cwd(), RESULT_FILE)}`);
