/**
 * `npm run dev` is a live preview: every edit an author makes (a slide's
 * title or body text, a check, a module, course.yaml, a new, renamed or
 * removed slide) shows up in the open page without a restart; a broken edit
 * shows Astro's error overlay with the file, the field (and the line, when
 * the error has one) and what to do; saving the fix brings the page back by
 * itself; and dev writes nothing into dist/.
 *
 * Runs `astro dev` on a copy of the smallest fixture course (COURSE_DIR), on
 * a port the system picks, and edits the copy. Astro allows one dev server
 * per project (it shares .astro/): with `npm run dev` running in this
 * checkout, stop it first.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';

const project = join(import.meta.dirname, '../../..');
const fixture = join(project, 'tests/fixtures/authoring/base');

let course = '';
let origin = '';
let server: ChildProcess | undefined;
let output = '';

/** Replace `from` with `to` in a file of the course copy (and fail if `from` is not there: the fixture changed). */
function edit(file: string, from: string, to: string): void {
  const path = join(course, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}

/** Every file under dir with its size and time: equal before and after means nothing was written there. */
function snapshot(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((name) => {
    const s = statSync(join(dir, name));
    return `${name} ${s.size} ${s.mtimeMs}`;
  });
}

/** One page of the preview whatever the URL's ending (Astro dev serves /x, /x/ and /x.html alike). */
const samePage = (a: string, b: string) => a.replace(/(\.html|\/)$/, '') === b.replace(/(\.html|\/)$/, '');

/**
 * Open a page of the preview. A reload the server pushes for an earlier edit
 * may still reach the page being left: it aborts the navigation, or reloads
 * the old URL after it. Either way the page is not where the step needs it,
 * so try again (three times at most) until it is.
 */
async function open(page: Page, path: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(`${origin}${path}`);
      await page.waitForLoadState('load');
      if (samePage(new URL(page.url()).pathname, path)) return;
      if (attempt === 3) throw new Error(`the preview stayed on ${page.url()} instead of ${path}`);
    } catch (error) {
      if (attempt === 3 || !/ERR_ABORTED|interrupted by another navigation/.test(String(error))) throw error;
    }
  }
}

const overlay = (page: Page) => page.locator('vite-error-overlay');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  course = mkdtempSync(join(tmpdir(), 'dev-course-'));
  cpSync(fixture, course, { recursive: true });
  server = spawn(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0', '--host', '127.0.0.1'], {
    cwd: project,
    env: { ...process.env, COURSE_DIR: course, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start in 100 s:\n${output}`)), 100_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    server?.stdout?.on('data', read);
    server?.stderr?.on('data', read);
    server?.on('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${output}`)));
  });
});

test.afterEach(({}, info) => {
  // What the dev server said is the first thing to read when a step fails.
  if (info.status !== info.expectedStatus) console.log(`astro dev said:\n${output}`);
});

test.afterAll(async () => {
  // Wait for it to go: Astro allows one dev server per project, and the next run would find this one.
  if (server && server.exitCode === null) await new Promise((resolve) => server?.once('exit', resolve).kill());
  if (course) rmSync(course, { recursive: true, force: true });
});

test('every edit shows in the open reader and deck; a broken edit shows the overlay; the fix recovers', async ({ page }) => {
  test.setTimeout(120_000);
  const dist = snapshot(join(project, 'dist'));

  await open(page, '/modules/basics');
  await expect(page.getByRole('heading', { name: 'Introduction', level: 2 })).toBeVisible();

  await test.step("a slide's title (frontmatter)", async () => {
    edit('slides/01-intro.mdx', 'title: Introduction', 'title: Where it starts');
    await expect(page.getByRole('heading', { name: 'Where it starts', level: 2 })).toBeVisible();
  });

  await test.step("a slide's body text", async () => {
    edit('slides/01-intro.mdx', 'because it connects us.', 'because it connects us, and keeps us.');
    await expect(page.getByText('because it connects us, and keeps us.')).toBeVisible();
    edit('slides/01-intro.mdx', 'because it connects us, and keeps us.', 'because it connects us.');
    await expect(page.getByText('because it connects us.')).toBeVisible();
  });

  await test.step('a knowledge check', async () => {
    edit('slides/02-check-intro.mdx', 'prompt: What does the thing do?', 'prompt: In one phrase, what does the thing do?');
    await expect(page.getByText('In one phrase, what does the thing do?')).toBeVisible();
  });

  await test.step('a module', async () => {
    edit('modules/01-basics.yaml', 'title: Basics', 'title: First steps');
    await expect(page.getByRole('heading', { name: 'First steps', level: 1 })).toBeVisible();
  });

  await test.step('course.yaml', async () => {
    edit('modules/course.yaml', 'title: A Fixture Course', 'title: A Renamed Course');
    await expect(page).toHaveTitle(/A Renamed Course/);
  });

  await test.step('a renamed slide file keeps its body', async () => {
    renameSync(join(course, 'slides/01-intro.mdx'), join(course, 'slides/01-where-it-starts.mdx'));
    // The page follows without a reload by hand.
    await expect(overlay(page)).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByText('because it connects us.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Where it starts', level: 2 })).toBeVisible();
  });

  await test.step('a new slide, then removed', async () => {
    await open(page, '/modules/more');
    writeFileSync(
      join(course, 'slides/04-new-idea.mdx'),
      ['---', 'id: new-idea', 'title: A new idea', 'notes:', '  say: Say what is new.', '  minutes: 1', '---', '', 'Something new.', ''].join('\n'),
    );
    edit('modules/02-more.yaml', 'slides: [more-ideas]', 'slides: [more-ideas, new-idea]');
    await expect(page.getByRole('heading', { name: 'A new idea', level: 2 })).toBeVisible();
    edit('modules/02-more.yaml', 'slides: [more-ideas, new-idea]', 'slides: [more-ideas]');
    unlinkSync(join(course, 'slides/04-new-idea.mdx'));
    await expect(page.getByRole('heading', { name: 'More ideas', level: 2 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'A new idea' })).toHaveCount(0);
  });

  await test.step('the deck shows the same edits', async () => {
    await open(page, '/present');
    // reveal.js hides the slides not shown: look for them in the document, not in the accessibility tree.
    await expect(page.locator('h2', { hasText: 'Where it starts' })).toHaveCount(1);
    await expect(page.locator('h2', { hasText: 'First steps' }).first()).toBeAttached();
  });

  await test.step('a broken field shows the overlay with the file, the field and the fix; the fix recovers', async () => {
    await open(page, '/modules/basics');
    await expect(page.getByRole('heading', { name: 'Where it starts', level: 2 })).toBeVisible();
    edit('slides/02-check-intro.mdx', '        correct: true\n', '');
    await expect(overlay(page)).toContainText('slides/02-check-intro.mdx');
    await expect(overlay(page)).toContainText(/checks\[0\]\.options \(line \d+, column \d+\): has no correct answer: mark the right option with correct: true/);
    await expect(overlay(page)).toContainText('Fix the file and save it');
    expect(output).toMatch(/checks\[0\]\.options \(line \d+, column \d+\): has no correct answer/);
    edit('slides/02-check-intro.mdx', '        text: It connects us.\n', '        text: It connects us.\n        correct: true\n');
    await expect(overlay(page)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Where it starts', level: 2 })).toBeVisible();
  });

  await test.step("a broken body shows the overlay at the error's line; the fix recovers", async () => {
    const file = 'slides/03-more-ideas.mdx';
    const line = readFileSync(join(course, file), 'utf8').split('\n').indexOf('<Chart id="shares" />') + 1;
    edit(file, '<Chart id="shares" />', '<Chart id="shares" />\n<Diagram id="shares" />');
    await open(page, '/modules/more');
    await expect(overlay(page)).toContainText(`body (line ${line + 1}, column 1): uses an unknown component <Diagram>`);
    // The code panel names the file and the line.
    await expect(overlay(page).locator('#code header h2')).toHaveText(`slides/03-more-ideas.mdx:${line + 1}:1`);
    edit(file, '\n<Diagram id="shares" />', '');
    await expect(overlay(page)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'More ideas', level: 2 })).toBeVisible();
  });

  // dev never writes the build's output.
  expect(snapshot(join(project, 'dist'))).toEqual(dist);
});
