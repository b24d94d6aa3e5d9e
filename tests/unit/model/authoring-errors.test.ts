/**
 * Authoring mistakes fail with the file, the field and what to do. Each case
 * in tests/fixtures/authoring/cases is the valid base course with one defect
 * laid over it (its files replace the base's; `remove` deletes some).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as load } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { readCourseSources } from '../../../src/model/load';
import { validateCourse } from '../../../src/model/validate';

const fixtures = join(import.meta.dirname, '../../fixtures/authoring');
const work = mkdtempSync(join(tmpdir(), 'authoring-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Case {
  description: string;
  /** builds/ cases expect nothing. */
  remove?: string[];
  /** Each error: its file, field, the start of its message, and its line and column when the case names them. */
  expect?: Array<{ file: string; field: string; message: string; line?: number; column?: number }>;
}

function courseWith(name: string, kind: 'cases' | 'builds' = 'cases'): { root: string; spec: Case } {
  const root = join(work, kind, name);
  cpSync(join(fixtures, 'base'), root, { recursive: true });
  const dir = join(fixtures, kind, name);
  const spec = load(readFileSync(join(dir, 'case.yaml'), 'utf8')) as Case;
  for (const sub of ['slides', 'modules']) {
    try {
      cpSync(join(dir, sub), join(root, sub), { recursive: true });
    } catch {
      /* the case changes nothing there */
    }
  }
  for (const file of spec.remove ?? []) rmSync(join(root, file));
  return { root, spec };
}

describe('the base fixture course', () => {
  it('is valid, so each case fails for its own defect only', () => {
    const result = validateCourse(readCourseSources(join(fixtures, 'base')));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('an authoring mistake', () => {
  const cases = readdirSync(join(fixtures, 'cases')).sort();
  it('has at least one fixture for each rule the issue names', () => {
    for (const required of ['missing-field', 'wrong-field-type', 'duplicate-slide-id', 'no-correct-answer', 'answer-not-among-options', 'unknown-slide-in-module', 'slide-in-no-module', 'slide-in-two-modules', 'image-without-alt'])
      expect(cases).toContain(required);
    // Issue 15's "Why": each unsafe or malformed input it names.
    for (const required of ['notes-cut-at-a-comma', 'slide-frontmatter-not-yaml', 'invalid-yaml', 'mdx-syntax-error', 'script-element', 'event-handler-attribute', 'javascript-link', 'iframe-other-site', 'mdx-expression', 'missing-image', 'image-from-site-root', 'not-utf8', 'unknown-field', 'misspelt-component'])
      expect(cases).toContain(required);
  });

  for (const name of cases) {
    it(`fails: ${name}`, () => {
      const { root, spec } = courseWith(name);
      const result = validateCourse(readCourseSources(root));
      expect(result.ok, spec.description).toBe(false);
      if (result.ok) return;
      const expected = spec.expect ?? [];
      for (const want of expected) {
        const match = result.errors.find(
          (e) =>
            e.file === want.file &&
            e.field === want.field &&
            e.message.includes(want.message) &&
            (want.line === undefined || e.line === want.line) &&
            (want.column === undefined || e.column === want.column),
        );
        expect(match, `${spec.description}: expected ${want.file} ${want.field} (line ${want.line ?? '?'}, column ${want.column ?? '?'}) "${want.message}" among\n${JSON.stringify(result.errors, null, 2)}`).toBeDefined();
      }
      // Only the defect is reported: nothing else in the base course is blamed.
      expect(result.errors.length, JSON.stringify(result.errors, null, 2)).toBe(expected.length);
    });
  }
});

describe('input the builder forgives', () => {
  for (const name of readdirSync(join(fixtures, 'builds')).sort()) {
    it(`builds: ${name}`, () => {
      const { root, spec } = courseWith(name, 'builds');
      const result = validateCourse(readCourseSources(root));
      expect(result.ok ? [] : result.errors, spec.description).toEqual([]);
    });
  }

  it('reads a BOM and CRLF file as the same course as its LF original', () => {
    const plain = validateCourse(readCourseSources(join(fixtures, 'base')));
    const windows = validateCourse(readCourseSources(courseWith('bom-and-crlf', 'builds').root));
    expect(windows.ok && plain.ok && windows.course.slides[0]).toEqual(plain.ok && plain.course.slides[0]);
  });
});
