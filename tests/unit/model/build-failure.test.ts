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
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('stops `astro build` on an authoring error and leaves the earlier dist/ untouched', () => {
  const root = join(work, 'course');
  const out = join(work, 'dist');
  cpSync(join(import.meta.dirname, '../../fixtures/authoring/base'), root, { recursive: true });
  cpSync(join(import.meta.dirname, '../../fixtures/authoring/cases/no-correct-answer/slides'), join(root, 'slides'), { recursive: true });
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), 'stale output of an earlier build');

  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: { ...process.env, COURSE_ROOT: root, COURSE_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = run.stdout + run.stderr;
  expect(run.status, output).not.toBe(0);
  expect(output).toContain('slides/02-check-intro.mdx');
  expect(output).toContain('checks[0].options (line 14, column 7): has no correct answer: mark the right option with correct: true');
  expect(output).toContain('dist/ still holds the previous build');
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('stale output of an earlier build');
  expect(readdirSync(work).sort()).toEqual(['course', 'dist']);
  // Astro's error type, not a stack trace of the builder's code.
  expect(output).not.toMatch(/at .*src\/(model|integrations)\//);
}, 120_000);
