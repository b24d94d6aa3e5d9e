/**
 * The README's authoring examples, copied out of README.md as an author
 * would copy them, build: the slide and the knowledge check validate in a
 * small course (tests/fixtures/authoring/readme) and the real build writes
 * them into the reader and the deck; the module example passes the
 * module schema.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, expect, it } from 'vitest';
import { readCourseSources } from '../../../src/model/load';
import { moduleSchema } from '../../../src/model/schema';
import { validateCourse } from '../../../src/model/validate';

const root = join(import.meta.dirname, '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'readme-examples-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The first code block of `lang` under the README heading `heading`. */
function example(heading: string, lang: string): string {
  const section = readme.slice(readme.indexOf(`\n### ${heading}`));
  const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n\\s*```').exec(section);
  if (!block?.[1]) throw new Error(`README.md: no \`\`\`${lang} block under "### ${heading}"`);
  // Blocks inside a numbered list are indented with it.
  const indent = /^ */.exec(block[1])?.[0].length ?? 0;
  return `${block[1].split('\n').map((l) => l.slice(indent)).join('\n')}\n`;
}

const course = join(work, 'course');
cpSync(join(root, 'tests/fixtures/authoring/readme'), course, { recursive: true });
writeFileSync(join(course, 'slides/01-short-name.mdx'), example('Add a slide', 'mdx'));
writeFileSync(join(course, 'slides/03-check-five-good-things.mdx'), example('Add a knowledge check (practice)', 'mdx'));

it('the slide and knowledge-check examples validate as written', () => {
  const result = validateCourse(readCourseSources(course));
  expect(result.ok ? [] : result.errors).toEqual([]);
});

it('the module example passes the module schema', () => {
  const result = moduleSchema.safeParse(parse(example('Add a module', 'yaml')));
  expect(result.success ? [] : result.error.issues).toEqual([]);
});

it('the examples build into the reader and the deck', () => {
  const out = join(work, 'dist');
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    env: { ...process.env, COURSE_DIR: course, COURSE_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const page = readFileSync(join(out, 'modules/five-good-things.html'), 'utf8');
  expect(page).toContain('The slide&#39;s heading');
  expect(page).toContain('Which of these is one of the &quot;Five Good Things&quot;?');
  expect(readFileSync(join(out, 'present.html'), 'utf8')).toContain('data-check="missing-good-thing"');
}, 120_000);
