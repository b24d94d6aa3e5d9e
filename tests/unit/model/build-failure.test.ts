/**
 * A broken course fails the real build: non-zero exit, the file, the field,
 * its line and the fix on the terminal, and no partial output: the dist/ of
 * an earlier build stays as it was, and no staging folder is left behind.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'build-failure-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const fixtures = join(import.meta.dirname, '../../fixtures/authoring');
const build = (root: string, out: string) => {
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: { ...process.env, COURSE_DIR: root, COURSE_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: run.stdout + run.stderr };
};
/** The base fixture course with the given overlays (folders of tests/fixtures/authoring) copied over it. */
const courseWith = (name: string, ...overlays: string[]) => {
  const root = join(work, name);
  cpSync(join(fixtures, 'base'), root, { recursive: true });
  for (const overlay of overlays) cpSync(join(fixtures, overlay), root, { recursive: true, filter: (src) => !src.endsWith('case.yaml') });
  return root;
};

it('builds a course saved with a BOM and CRLF, with images next to a slide and a captioned video, into every output', () => {
  const out = join(work, 'forgiven-dist');
  const { status, output } = build(courseWith('forgiven', 'builds/bom-and-crlf', 'builds/image-next-to-slide', 'builds/video-with-captions'), out);
  expect(status, output).toBe(0);
  // A quiet build: the known, harmless upstream warnings are filtered (src/integrations/quiet-logs.ts).
  expect(output).not.toMatch(/WARN|MODULE_LEVEL_DIRECTIVE/);
  // The BOM and CRLF slide reads as written.
  expect(readFileSync(join(out, 'modules/basics.html'), 'utf8')).toContain('<p>The <strong>thing</strong> matters because it connects us.</p>');
  // The video: controls, captions on by default, no autoplay, its files published beside the pages and packaged.
  const video = /<video[^>]*>[\s\S]*?<\/video>/.exec(readFileSync(join(out, 'modules/basics.html'), 'utf8'))?.[0] ?? '';
  expect(video).toMatch(/^<video controls preload="metadata" playsinline src="\.\.\/media\/media\/interview\.mp4" aria-label="A welcome from the author \(2 seconds\)">/);
  expect(video).toContain('<track kind="captions" src="../media/media/interview.vtt" srclang="en" label="Captions" default>');
  expect(video).not.toMatch(/autoplay/i);
  expect(readFileSync(join(out, 'media/media/interview.vtt'), 'utf8')).toMatch(/^WEBVTT/);
  expect(readFileSync(join(out, 'present.html'), 'utf8')).toContain('src="media/media/interview.mp4"');
  const zip = readFileSync(join(out, 'packages/fixture-course-scorm2004.zip')).toString('latin1');
  expect(zip).toContain('media/media/interview.mp4');
  const page = readFileSync(join(out, 'modules/more.html'), 'utf8');
  expect(page).toMatch(/<img src="\.\.\/_astro\/square\.[\w-]+\.webp" [^>]*alt="A small red square"/);
  expect(page).toMatch(/<img src="\.\.\/_astro\/dot\.[\w-]+\.webp" [^>]*alt="A blue dot"/);
  expect(readFileSync(join(out, 'present.html'), 'utf8')).toContain('alt="A small red square"');
  expect(readdirSync(join(out, 'packages'))).toEqual(expect.arrayContaining(['fixture-course-scorm12.zip', 'fixture-course-scorm2004.zip']));
  expect(readdirSync(work)).not.toContain('.forgiven-dist.building');
}, 120_000);

it('leaves the earlier dist/ as it was when the build fails after validation (an image Vite cannot read)', () => {
  const root = courseWith('broken-image', 'builds/image-next-to-slide');
  writeFileSync(join(root, 'slides/square.png'), 'not a PNG at all');
  const out = join(work, 'broken-image-dist');
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), 'the earlier build');
  const { status, output } = build(root, out);
  expect(status, output).not.toBe(0);
  expect(readdirSync(out)).toEqual(['index.html']);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the earlier build');
  expect(readdirSync(work)).not.toContain('.broken-image-dist.building');
}, 120_000);

it('stops `astro build` on an authoring error and leaves the earlier dist/ untouched', () => {
  const root = join(work, 'course');
  const out = join(work, 'dist');
  cpSync(join(import.meta.dirname, '../../fixtures/authoring/base'), root, { recursive: true });
  cpSync(join(import.meta.dirname, '../../fixtures/authoring/cases/no-correct-answer/slides'), join(root, 'slides'), { recursive: true });
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), 'stale output of an earlier build');

  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: { ...process.env, COURSE_DIR: root, COURSE_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = run.stdout + run.stderr;
  expect(run.status, output).not.toBe(0);
  expect(output).toContain('slides/02-check-intro.mdx');
  expect(output).toContain('checks[0].options (line 14, column 7): has no correct answer: mark the right option with correct: true');
  expect(output).toContain('dist/ still holds the previous build');
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('stale output of an earlier build');
  expect(readdirSync(work)).not.toContain('.dist.building');
  // Astro's error type, not a stack trace of the builder's code.
  expect(output).not.toMatch(/at .*src\/(model|integrations)\//);
}, 120_000);
