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
 * - in a browser (Chromium, as the tests run it; --no-browser skips it):
 *   the bytes each page really loads, framed pages and on-demand chunks
 *   included, its JavaScript apart (what the JS budgets judge when it ran:
 *   a reader page imports its question types as it starts), and the deck's
 *   slide-change time over every slide (src/cli/bench/browser.ts);
 * - with --scale N: all of the above for an N× copy of the course
 *   (src/cli/bench/scale.ts), generated and built in a temporary folder
 *   (COURSE_DIR and COURSE_OUT_DIR, src/model/load.ts, astro.config.mjs),
 *   plus suspend_data for 1.2 and 2004 at that size;
 * - with --lighthouse: Lighthouse scores (performance, accessibility, best
 *   practices, SEO) and paint/blocking times for the home, a module page and
 *   the deck, served locally. Lighthouse is fetched on demand with npx at a
 *   pinned version, so `npm ci` stays light.
 *
 * Prints a table and writes dist/bench.json (dist/bench-xN.json for an N×
 * copy, which is removed when the run ends), so runs can be compared.
 * Budgets (issue targets) are shown next to the figures.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { runnerImport } from 'vite';
import { measureInBrowser } from './bench/browser.ts';
import { chunkImports } from './bench/imports.ts';
import { scaleCourse } from './bench/scale.ts';

const USAGE = `npm run bench -- [options]: what the build costs and what a visitor downloads (figures and budgets; writes dist/bench.json)
  --runs N        builds to take the median of (default 3; 1 with --scale)
  --no-build      measure the dist/ already built
  --no-browser    skip the browser's figures (bytes loaded, slide change)
  --scale N       build and measure an N× copy of the course in a temporary folder
  --against FILE  compare with an earlier dist/bench.json
  --lighthouse    Lighthouse scores for the home, a module page and the deck (fetched with npx)
  --help          this text`;

const { values } = parseArgs({
  options: {
    help: { type: 'boolean', short: 'h', default: false },
    runs: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
    scale: { type: 'string' },
    against: { type: 'string' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scale = values.scale === undefined ? null : Number(values.scale);
/** An N× course is generated into a temporary folder and built there; otherwise the project's own course and dist/. */
const scaled = scale === null ? null : scaleCourse(resolve('.'), mkdtempSync(join(tmpdir(), `bench-x${scale}-`)), scale);
const courseDir = scaled ? scaled.root : resolve('.');
const dist = scaled ? join(scaled.root, 'dist') : resolve('dist');
/** Results sit beside the build they measure; a scaled run's in this project's dist/, since its copy is removed when it ends. */
const RESULT_FILE = scaled ? resolve('dist', `bench-x${scale}.json`) : join(dist, 'bench.json');
// The N× copy (about 25 MB at 20×) goes when the run ends, finished or failed.
if (scaled) process.on('exit', () => rmSync(scaled.root, { recursive: true, force: true }));

/** Page budgets from the issues (gzipped bytes). */
const BUDGETS: Array<{ match: RegExp; js: number; css: number; label: string }> = [
  { match: /^present\.html$/, js: 60_000, css: 15_000, label: 'deck' },
  { match: /^modules\//, js: 15_000, css: 10_000, label: 'module page' },
];

function buildOnce(): { ms: number; cpuMs: number; maxRssMB: number } {
  // A child process whose own resource usage is the build's: maxRSS is its peak memory.
  const script = `
    const t = performance.now();
    const { build } = await import('astro');
    await build({ logLevel: 'error', force: ${scaled ? 'true' : 'false'} });
    const usage = process.resourceUsage();
    console.log('BENCH' + JSON.stringify({ ms: performance.now() - t, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKB: usage.maxRSS }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(scaled ? { COURSE_DIR: courseDir, COURSE_OUT_DIR: dist } : {}) },
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('BENCH'));
  if (run.status !== 0 || !line) {
    console.error(run.stdout, run.stderr);
    throw new Error('build failed');
  }
  const { ms, cpuMs, maxRssKB } = JSON.parse(line.slice(5)) as { ms: number; cpuMs: number; maxRssKB: number };
  return { ms, cpuMs, maxRssMB: maxRssKB / 1024 };
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
    const imports = chunkImports(code);
    for (const path of imports.static) addJs(resolve(dirname(file), path), lazy);
    for (const path of imports.onDemand) onDemand.push(resolve(dirname(file), path));
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

/** The course as the build sees it; its TypeScript imports without extensions, so Vite's module runner loads it as the build does. */
async function courseModel() {
  const { module: load } = await runnerImport<typeof import('../model/load')>(resolve('src/model/load.ts'));
  return load.loadCourse(courseDir);
}

/**
 * suspend_data for the fullest realistic learner state, at each standard's
 * limit: its length, the reflections left out to fit, and whether every
 * seen slide and every answer is still in it (they must be).
 */
async function suspendData() {
  const { module: codec } = await runnerImport<typeof import('../session/codec')>(resolve('src/session/codec.ts'));
  const { module: fixture } = await runnerImport<typeof import('./bench/fullest-state')>(resolve('src/cli/bench/fullest-state.ts'));
  const model = await courseModel();
  const course = codec.codecCourseOf(model);
  const state = fixture.fullestStateOf({ ...course, reflectionIds: model.reflections.map((r) => r.reflection.id), draw: model.assessment?.draw ?? 0 });
  const at = (limit: number) => {
    const { data, omittedReflections } = codec.encodeState(state, course, limit);
    const back = codec.decodeState(data, course, new Date());
    const kept = back.ok ? back.state : back.recovered;
    return {
      limit,
      chars: data.length,
      fits: data.length <= limit,
      reflectionsKept: Object.keys(kept.reflections).length,
      reflectionsOmitted: omittedReflections.length,
      allSeenAndAnswersKept: kept.seen.length === state.seen.length && Object.keys(kept.answers).length === Object.keys(state.answers).length,
    };
  };
  return {
    slides: state.seen.length,
    answers: Object.keys(state.answers).length,
    reflections: Object.keys(state.reflections).length,
    scorm12: at(4096),
    scorm2004: at(64000),
    // The fixture this figure was always measured on (src/cli/bench/fullest-state.ts): comparable across runs.
    fixtureChars: codec.encodeState(fixture.fullestState, fixture.course, 4096).data.length,
  };
}

/** The course's assessment and the chance of passing it by guessing, or null without one. */
async function guessing() {
  const { module: odds } = await runnerImport<typeof import('./bench/guessing')>(resolve('src/cli/bench/guessing.ts'));
  const model = await courseModel();
  return model.assessment ? odds.guessingOdds(model.assessment, model.course.masteryScore) : null;
}

/** Bytes of HTML and of the data embedded in it (JSON script elements): what grows with the course if a page carries it. */
function htmlWeight(htmlPath: string): { htmlBytes: number; embeddedDataBytes: number } {
  const html = readFileSync(htmlPath);
  let embeddedDataBytes = 0;
  for (const m of html.toString('utf8').matchAll(/<script\b[^>]*type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)) embeddedDataBytes += Buffer.byteLength(m[1] ?? '');
  return { htmlBytes: html.length, embeddedDataBytes };
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

// A scaled build takes minutes: once is enough unless asked.
const runs = Number(values.runs ?? (scaled ? 1 : 3));
if (scaled && values['no-build']) throw new Error('--scale builds its own copy of the course: leave out --no-build');
if (scaled) console.log(`course ×${scale}: ${scaled.modules} modules, ${scaled.slides} slide files in ${relative(process.cwd(), courseDir) || courseDir}`);
const builds: Array<{ ms: number; cpuMs: number; maxRssMB: number }> = [];
if (!values['no-build']) for (let i = 0; i < runs; i++) builds.push(buildOnce());
if (!existsSync(dist)) throw new Error('no dist/: run without --no-build');

const files = walk(dist);
const pages = files
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ page: relative(dist, f), ...pageWeight(f), ...htmlWeight(f) }))
  .sort((a, b) => a.page.localeCompare(b.page));
const packages = files.filter((f) => f.endsWith('.zip')).map((f) => ({ file: relative(dist, f), bytes: statSync(f).size }));
const sorted = [...builds].sort((a, b) => a.ms - b.ms);
const median = sorted[Math.floor(sorted.length / 2)];
const model = await courseModel();
/** Pages a learner or presenter opens: one of each kind, and up to 12 module pages spread over the course (they are the ones that multiply). */
const moduleSample = (() => {
  const all = pages.map((p) => p.page).filter((p) => p.startsWith('modules/'));
  const n = Math.min(12, all.length);
  return [...new Set(Array.from({ length: n }, (_, i) => all[Math.round((i * (all.length - 1)) / Math.max(1, n - 1))]!))];
})();
const browserPages = [...pages.map((p) => p.page).filter((p) => p !== 'audience.html' && !p.startsWith('modules/')), ...moduleSample];
const browser = values['no-browser'] ? null : await measureInBrowser(dist, browserPages, moduleSample);
const spread = (list: number[]) => {
  const s = [...list].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? 0, max: s.at(-1) ?? 0, total: s.reduce((n, x) => n + x, 0) };
};
const modulePages = pages.filter((p) => p.page.startsWith('modules/'));

const result = {
  date: new Date().toISOString(),
  node: process.version,
  scale: scale ?? 1,
  course: { modules: model.modules.length, slides: model.slides.length, checks: model.checks.length, reflections: model.reflections.length, assessmentQuestions: model.assessment?.questions.length ?? 0 },
  build: median
    ? {
        runs: builds.length,
        medianMs: Math.round(median.ms),
        // CPU time (user + system) of the build process: steadier than wall time on a shared machine.
        cpuMs: Math.round(median.cpuMs),
        msPerSlide: Math.round((median.ms / model.slides.length) * 10) / 10,
        cpuMsPerSlide: Math.round((median.cpuMs / model.slides.length) * 10) / 10,
        peakRssMB: Math.round(Math.max(...builds.map((b) => b.maxRssMB))),
      }
    : null,
  output: {
    totalBytes: files.filter((f) => !f.endsWith('.zip') && !f.endsWith('.pdf') && f !== RESULT_FILE).reduce((n, f) => n + statSync(f).size, 0),
    files: files.length,
    htmlBytes: pages.reduce((n, p) => n + p.htmlBytes, 0),
    embeddedDataBytes: pages.reduce((n, p) => n + p.embeddedDataBytes, 0),
    modulePageHtml: spread(modulePages.map((p) => p.htmlBytes)),
    modulePageEmbeddedData: spread(modulePages.map((p) => p.embeddedDataBytes)),
  },
  pages: pages.map(({ page, js, css, onDemandJs, htmlBytes, embeddedDataBytes }) => {
    const budget = BUDGETS.find((b) => b.match.test(page));
    const loaded = browser?.loaded.find((l) => l.page === page);
    return {
      page,
      htmlBytes,
      embeddedDataBytes,
      jsGzip: js,
      cssGzip: css,
      onDemandJsGzip: onDemandJs,
      ...(loaded ? { loaded: { requests: loaded.requests, bytes: loaded.bytes, gzipBytes: loaded.gzipBytes, transferred: loaded.transferred, jsGzipBytes: loaded.jsGzipBytes } } : {}),
      // The JS budget is about what a first visit runs: measured in the browser when it ran (the page's
      // scripts and every chunk they import while the page starts, e.g. its question types), else the static closure.
      ...(budget ? { budget: { js: budget.js, css: budget.css, judgedJs: loaded?.jsGzipBytes ?? js, within: (loaded?.jsGzipBytes ?? js) <= budget.js && css <= budget.css } } : {}),
    };
  }),
  loadedInBrowser: browser
    ? {
        modulePage: spread(browser.loaded.filter((l) => l.page.startsWith('modules/')).map((l) => l.bytes)),
        modulePageGzip: spread(browser.loaded.filter((l) => l.page.startsWith('modules/')).map((l) => l.gzipBytes)),
        modulePageJsGzip: spread(browser.loaded.filter((l) => l.page.startsWith('modules/')).map((l) => l.jsGzipBytes)),
        /** A module page reached from another page of the course: what its cache does not already hold. */
        nextModulePageTransferred: spread(browser.next.map((l) => l.transferred)),
        others: browser.loaded.filter((l) => !l.page.startsWith('modules/')),
      }
    : null,
  slideChange: browser?.slideChange ?? null,
  packages,
  suspendData: { ...(await suspendData()), target: 2560 },
  assessment: await guessing(),
  lighthouse: values.lighthouse ? await lighthouse(['index.html', model.modules[3] ? `modules/${model.modules[3].id}.html` : 'index.html', 'present.html']) : null,
};

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
const c = result.course;
console.log(`course ×${result.scale}: ${c.modules} modules, ${c.slides} slides, ${c.checks} checks, ${c.reflections} reflections, ${c.assessmentQuestions} assessment questions`);
if (result.build)
  console.log(
    `build: median ${(result.build.medianMs / 1000).toFixed(2)} s over ${result.build.runs} run(s) (${result.build.msPerSlide} ms per slide); ` +
      `CPU ${(result.build.cpuMs / 1000).toFixed(2)} s (${result.build.cpuMsPerSlide} ms per slide); peak RSS ${result.build.peakRssMB} MB`,
  );
const o = result.output;
console.log(`output: ${kb(o.totalBytes)} in ${o.files} files (packages and PDFs excluded); HTML ${kb(o.htmlBytes)}, of it embedded data ${kb(o.embeddedDataBytes)} (${Math.round((100 * o.embeddedDataBytes) / Math.max(1, o.htmlBytes))}%)`);
console.log(`module page: HTML median ${kb(o.modulePageHtml.median)}, max ${kb(o.modulePageHtml.max)}; embedded data median ${kb(o.modulePageEmbeddedData.median)}, max ${kb(o.modulePageEmbeddedData.max)}`);
const shown = result.pages.filter((p) => !p.page.startsWith('modules/') || p.page === `modules/${model.modules[0]?.id}.html`);
console.log(`\npage (one module page of ${modulePages.length})          HTML       data      JS gz     CSS gz    loaded (gzip)   JS loaded gz   budget (JS: as loaded when measured)   (JS it may load on demand)`);
for (const p of shown) {
  const b = p.budget ? `${p.budget.within ? 'ok' : 'OVER'} (≤ ${kb(p.budget.js)} JS, ≤ ${kb(p.budget.css)} CSS)` : '';
  const l = p.loaded ? `${kb(p.loaded.bytes)} (${kb(p.loaded.gzipBytes)})` : '';
  const lj = p.loaded ? kb(p.loaded.jsGzipBytes) : '';
  console.log(
    `${p.page.padEnd(40)} ${kb(p.htmlBytes).padStart(9)} ${kb(p.embeddedDataBytes).padStart(9)} ${kb(p.jsGzip).padStart(9)}  ${kb(p.cssGzip).padStart(9)}  ${l.padStart(19)}  ${lj.padStart(9)}    ${b.padEnd(36)}${p.onDemandJsGzip ? `  (+${kb(p.onDemandJsGzip)})` : ''}`,
  );
}
const lb = result.loadedInBrowser;
if (lb) {
  console.log(`\nloaded by a browser, module page (${moduleSample.length} of ${modulePages.length}), first visit: median ${kb(lb.modulePage.median)} (gzip ${kb(lb.modulePageGzip.median)}), max ${kb(lb.modulePage.max)} (gzip ${kb(lb.modulePageGzip.max)})`);
  console.log(`loaded by a browser, module page, its JavaScript (gzip): median ${kb(lb.modulePageJsGzip.median)}, max ${kb(lb.modulePageJsGzip.max)} (budget ${kb(BUDGETS.find((b) => b.label === 'module page')?.js ?? NaN)})`);
  console.log(`loaded by a browser, module page reached from another page: median ${kb(lb.nextModulePageTransferred.median)} over the network, max ${kb(lb.nextModulePageTransferred.max)} (uncompressed, headers included)`);
  const speaker = lb.others.find((l) => l.page === 'present.html + speaker view');
  if (speaker) console.log(`loaded by a browser, deck with the speaker view open: ${kb(speaker.bytes)} (gzip ${kb(speaker.gzipBytes)}) in ${speaker.requests} requests`);
  const search = lb.others.find((l) => l.page.startsWith('search on '));
  if (search) console.log(`loaded by a browser, the first search on a module page (the index, loaded on demand): ${kb(search.bytes)} (gzip ${kb(search.gzipBytes)}) in ${search.requests} requests`);
}
if (result.slideChange) console.log(`slide change over ${result.slideChange.slides} slides: median ${result.slideChange.medianMs} ms, p95 ${result.slideChange.p95Ms} ms, max ${result.slideChange.maxMs} ms`);
for (const p of packages) console.log(`package ${p.file}: ${kb(p.bytes)}${p.bytes > 200_000 ? '  OVER 200 KB' : ''}`);
const sd = result.suspendData;
console.log(`suspend_data, fullest realistic state (${sd.slides} slides seen, ${sd.answers} answers, ${sd.reflections} reflections, the assessment's attempts):`);
for (const [name, r] of [['SCORM 1.2', sd.scorm12], ['SCORM 2004', sd.scorm2004]] as const)
  console.log(
    `  ${name}: ${r.chars} of ${r.limit} characters${r.fits ? '' : ' — OVER'}; ${r.allSeenAndAnswersKept ? 'every seen slide and answer kept' : 'SEEN SLIDES OR ANSWERS LOST'}; reflections ${r.reflectionsKept} kept, ${r.reflectionsOmitted} left out (on the device, the learner told)`,
  );
console.log(`  the fixed fixture (src/cli/bench/fullest-state.ts): ${sd.fixtureChars} characters (target ≤ 2,560)`);
const a = result.assessment;
if (a)
  console.log(
    `assessment: ${a.draw} of ${a.pool} questions per attempt, ${a.needed} right to pass; by guessing ${a.expectedRight.toFixed(1)} right on average, ` +
      `P(pass one attempt) ${a.meanPerAttempt.toExponential(2)} (easiest draw ${a.worstPerAttempt.toExponential(2)}), within every attempt ${a.withinAllAttempts.toExponential(2)} (${a.samples} draws)`,
  );
for (const l of result.lighthouse ?? [])
  console.log(`lighthouse ${l.page}: ${Object.entries(l.scores).map(([k, v]) => `${k} ${v}`).join(', ')}; FCP ${l.fcpMs} ms, LCP ${l.lcpMs} ms, TBT ${l.tbtMs} ms, CLS ${l.cls}`);
if (values.against) {
  // Side by side with an earlier run (e.g. the 1× course): what grows with the course, and how much.
  const before = JSON.parse(readFileSync(values.against, 'utf8')) as typeof result;
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(b / a).toFixed(2)}×` : 'n/a');
  const lines: Array<[string, number | undefined, number | undefined]> = [
    ['course slides', before.course?.slides, result.course.slides],
    ['build time', before.build?.medianMs, result.build?.medianMs],
    ['build time per slide', before.build?.msPerSlide, result.build?.msPerSlide],
    ['build CPU time', before.build?.cpuMs, result.build?.cpuMs],
    ['module page HTML (median)', before.output?.modulePageHtml?.median, result.output.modulePageHtml.median],
    ['module page loaded by a browser (median)', before.loadedInBrowser?.modulePage.median, result.loadedInBrowser?.modulePage.median],
    ['next module page over the network (median)', before.loadedInBrowser?.nextModulePageTransferred?.median, result.loadedInBrowser?.nextModulePageTransferred.median],
    ['slide change (median)', before.slideChange?.medianMs, result.slideChange?.medianMs],
    ['slide change (max)', before.slideChange?.maxMs, result.slideChange?.maxMs],
    ['suspend_data 1.2', before.suspendData?.scorm12?.chars, result.suspendData.scorm12.chars],
  ];
  console.log(`\nagainst ${values.against} (×${before.scale ?? 1} there, ×${result.scale} here):`);
  for (const [what, a, b] of lines) console.log(`  ${what.padEnd(42)} ${String(a ?? 'n/a').padStart(10)} → ${String(b ?? 'n/a').padStart(10)}   ${ratio(a, b)}`);
}
mkdirSync(dirname(RESULT_FILE), { recursive: true });
writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwrote ${relative(process.cwd(), RESULT_FILE)}`);
