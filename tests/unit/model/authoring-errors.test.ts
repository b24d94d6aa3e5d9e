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
  remove?: string[];
  /** Each error: its file, field, the start of its message, and its line and column when the case names them. */
  expect: Array<{ file: string; field: string; message: string; line?: number; column?: number }>;
}

function courseWith(name: string): { root: string; spec: Case } {
  const root = join(work, name);
  cpSync(join(fixtures, 'base'), root, { recursive: true });
  const dir = join(fixtures, 'cases', name);
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
  });

  for (const name of cases) {
    it(`fails: ${name}`, () => {
      const { root, spec } = courseWith(name);
      const result = validateCourse(readCourseSources(root));
      expect(result.ok, spec.description).toBe(false);
      if (result.ok) return;
      for (const want of spec.expect) {
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
      expect(result.errors.length, JSON.stringify(result.errors, null, 2)).toBe(spec.expect.length);
    });
  }
});
