/**
 * The live preview's core, without a server: the pages' course model is read
 * again after the dev watcher says the files changed (and only then), a
 * broken course comes back as one error for Astro's overlay that names the
 * file, the field, the fix and, when known, the line, and the overlay's
 * message shows the author's text as text.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlayPayload } from '../../../src/integrations/dev';
import { CoursePreviewError } from '../../../src/model/errors';
import { courseChanged, courseRoot, getCourse, loadCourse } from '../../../src/model/load';

const work = mkdtempSync(join(tmpdir(), 'dev-reload-'));
const course = join(work, 'course');
const saved = process.env.COURSE_DIR;

function edit(file: string, from: string, to: string): void {
  const path = join(course, file);
  const text = readFileSync(path, 'utf8');
  expect(text, `${file} has ${from}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

function previewError(): CoursePreviewError {
  try {
    getCourse();
  } catch (error) {
    if (error instanceof CoursePreviewError) return error;
    throw error;
  }
  throw new Error('the course loaded');
}

beforeAll(() => {
  cpSync(join(import.meta.dirname, '../../fixtures/authoring/base'), course, { recursive: true });
  process.env.COURSE_DIR = course;
});
afterAll(() => {
  if (saved === undefined) delete process.env.COURSE_DIR;
  else process.env.COURSE_DIR = saved;
  rmSync(work, { recursive: true, force: true });
});

describe('the course folder', () => {
  it('is $COURSE_DIR, resolved', () => {
    expect(courseRoot()).toBe(course);
  });
});

describe('getCourse under the dev watcher', () => {
  it('keeps its model until told the files changed, then reads them again', () => {
    expect(getCourse().course.title).toBe('A Fixture Course');
    edit('modules/course.yaml', 'title: A Fixture Course', 'title: A Renamed Course');
    expect(getCourse().course.title).toBe('A Fixture Course');
    courseChanged();
    expect(getCourse().course.title).toBe('A Renamed Course');
  });

  it("takes the model the build hook (or the watcher) has just loaded: a build reads the course once", () => {
    courseChanged();
    edit('modules/course.yaml', 'title: A Renamed Course', 'title: Loaded by the hook');
    expect(loadCourse(course).course.title).toBe('Loaded by the hook');
    // Changed on disk after that load, with no change reported: the pages still get the hook's model.
    edit('modules/course.yaml', 'title: Loaded by the hook', 'title: A Renamed Course');
    expect(getCourse().course.title).toBe('Loaded by the hook');
    courseChanged();
    expect(getCourse().course.title).toBe('A Renamed Course');
  });

  it('throws one error for the overlay naming the file, the field and the fix; the fix recovers', () => {
    edit('slides/02-check-intro.mdx', '        correct: true\n', '');
    courseChanged();
    const error = previewError();
    expect(error.title).toBe('Authoring error');
    expect(error.message).toContain('slides/02-check-intro.mdx');
    expect(error.message).toMatch(/checks\[0\]\.options( \(line \d+, column \d+\))?: has no correct answer: mark the right option with correct: true/);
    expect(error.message).not.toContain('nothing was built');
    expect(error.hint).toContain('reloads by itself');
    expect(error.loc?.file).toBe(join(course, 'slides/02-check-intro.mdx'));
    // Astro reads an `errors` list as separate build errors: the overlay's error has none.
    expect('errors' in error).toBe(false);

    edit('slides/02-check-intro.mdx', '        text: It connects us.\n', '        text: It connects us.\n        correct: true\n');
    courseChanged();
    expect(getCourse().slides.map((s) => s.id)).toEqual(['intro', 'check-intro', 'more-ideas']);
  });

  it("points the overlay at a body error's line, and shows the author's markup as text", () => {
    const file = 'slides/03-more-ideas.mdx';
    edit(file, '<Chart id="shares" />', '<Chart id="shares" />\n<Diagram id="shares" />');
    const line = readFileSync(join(course, file), 'utf8').split('\n').indexOf('<Diagram id="shares" />') + 1;
    courseChanged();
    const error = previewError();
    expect(error.loc).toEqual({ file: join(course, file), line, column: 1 });

    const { err } = overlayPayload(error);
    expect(err.message).toContain(`body (line ${line}, column 1): uses an unknown component &lt;Diagram&gt;`);
    expect(err.message).not.toContain('<Diagram');
    expect(err.highlightedCode).toContain(`<span class="line error-line">&lt;Diagram id=&quot;shares&quot; /&gt;</span>`);
    expect(String(err.highlightedCode).match(/error-line/g)).toHaveLength(1);

    edit(file, '\n<Diagram id="shares" />', '');
    courseChanged();
    expect(() => getCourse()).not.toThrow();
  });
});
