/**
 * Module files are ordered by their order number as a number, with any
 * number of digits: a course is not limited to 100 modules, and a collision
 * (`2-` beside `02-`) is an authoring error that names both files.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { byOrderNumber, readCourseSources } from '../../../src/model/load';
import { validateCourse } from '../../../src/model/validate';

const base = join(import.meta.dirname, '../../fixtures/authoring/base');
const work = mkdtempSync(join(tmpdir(), 'module-order-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The base fixture (modules 01 and 02) and modules 3..last, one slide each, named without zero padding. */
function courseWithModules(last: number): string {
  const root = join(work, `course-${last}`);
  cpSync(base, root, { recursive: true });
  for (let n = 3; n <= last; n++) {
    writeFileSync(
      join(root, 'slides', `${n}-slide-${n}.mdx`),
      `---\nid: slide-${n}\ntitle: Slide ${n}\nnotes:\n  say: Say what slide ${n} is about.\n  minutes: 1\n---\n\nSlide ${n}.\n`,
    );
    writeFileSync(
      join(root, 'modules', `${n}-module-${n}.yaml`),
      `id: module-${n}\ntitle: Module ${n}\nsummary: Module number ${n}.\nobjectives:\n  - id: describe-${n}\n    text: Describe idea ${n}.\n  - id: explain-${n}\n    text: Explain idea ${n}.\nslides: [slide-${n}]\n`,
    );
  }
  // The base takes 5 minutes by its notes; each added slide 1 more (the build checks the stated duration against them).
  const course = join(root, 'modules', 'course.yaml');
  writeFileSync(course, readFileSync(course, 'utf8').replace(/^durationMinutes: \d+$/m, `durationMinutes: ${5 + Math.max(0, last - 2)}`));
  return root;
}

describe('module order', () => {
  it('compares order numbers as numbers, whatever their digits', () => {
    expect(byOrderNumber(['100-c.yaml', '02-a.yaml', '10-b.yaml', '9-z.yaml', '101-d.yaml'])).toEqual(['02-a.yaml', '9-z.yaml', '10-b.yaml', '100-c.yaml', '101-d.yaml']);
  });

  it('builds a course of 120 modules, in the order of their numbers', () => {
    const result = validateCourse(readCourseSources(courseWithModules(120)));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.course.modules).toHaveLength(120);
    expect(result.course.modules.slice(97, 101).map((m) => m.id)).toEqual(['module-98', 'module-99', 'module-100', 'module-101']);
    expect(result.course.slides.at(-1)?.id).toBe('slide-120');
  });

  it('refuses two module files with the same number, naming both', () => {
    const root = courseWithModules(3);
    writeFileSync(join(root, 'modules', '2-also-two.yaml'), 'id: also-two\ntitle: Also two\nsummary: A clash.\nobjectives:\n  - id: describe-clash\n    text: Describe it.\n  - id: explain-clash\n    text: Explain it.\nslides: []\n');
    const result = validateCourse(readCourseSources(root));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({ file: 'modules/2-also-two.yaml', field: '(file name)', message: expect.stringContaining('same order number 2 as modules/02-more.yaml') }),
    );
  });
});
