/**
 * course.yaml `brand`: colours that keep AA contrast or an error that says
 * by how much they miss and what to do; the colours reach the modes' custom
 * properties; a favicon or a logo that is not there is an authoring error,
 * not a broken image.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contrast } from '../../../src/model/colour';
import { CourseValidationError } from '../../../src/model/errors';
import { loadCourse } from '../../../src/model/load';
import { courseSchema } from '../../../src/model/schema';
import { brandCss } from '../../../src/site/brand';

const base = { id: 'c', title: 'T', description: 'D', version: '1.0.0', language: 'en', authors: [{ name: 'A' }], durationMinutes: 5 };
const issues = (brand: unknown) => {
  const result = courseSchema.safeParse({ ...base, brand });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('contrast', () => {
  it('is the WCAG ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('brand colours', () => {
  it('accepts colours with 4.5:1 on their background', () => {
    expect(issues({ accent: '#1f5f8b', accentDark: '#8cc8ee' })).toEqual([]);
  });

  it('refuses a light accent, saying its contrast and to darken it', () => {
    expect(issues({ accent: '#88aadd' })).toEqual([expect.stringMatching(/^brand\.accent: has a contrast of 2\.\d\d:1 against white, below the 4\.5:1 text needs \(WCAG 1\.4\.3\): use a darker shade$/)]);
  });

  it('refuses a dark accentDark, saying to lighten it', () => {
    expect(issues({ accentDark: '#333366' })).toEqual([expect.stringMatching(/^brand\.accentDark: has a contrast of 1\.\d\d:1 .* use a lighter shade$/)]);
  });

  it('refuses a colour not written #rrggbb, saying to quote it', () => {
    expect(issues({ accent: 'blue' })[0]).toContain('must be a colour written #rrggbb');
  });

  it('become the custom properties of the reader and the deck', () => {
    expect(brandCss({ accent: '#1f5f8b', accentDark: '#8cc8ee' })).toBe(
      ':root:root{--accent:#1f5f8b;--chart-bar:#1f5f8b}.reveal-viewport.reveal-viewport{--deck-accent:#1f5f8b}@media (prefers-color-scheme: dark){:root:root{--accent:#8cc8ee;--chart-bar:#8cc8ee}}',
    );
    expect(brandCss(undefined)).toBe('');
  });
});

describe('brand favicon', () => {
  const work = mkdtempSync(join(tmpdir(), 'brand-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('must be a file of the course folder', () => {
    const course = join(work, 'course');
    cpSync(join(import.meta.dirname, '../../fixtures/courses/mini-fr'), course, { recursive: true });
    const yaml = join(course, 'modules/course.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('favicon: favicon.svg', 'favicon: icons/missing.svg'));
    let error: unknown;
    try {
      loadCourse(course);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CourseValidationError);
    expect((error as CourseValidationError).errors).toEqual([
      { file: `${course}/modules/course.yaml`, field: 'brand.favicon', message: expect.stringContaining('names icons/missing.svg, which is not in the course folder: add the file or fix the path') },
    ]);
  });

  it('refuses a path out of the course folder', () => {
    expect(issues({ favicon: '../elsewhere/icon.svg' })[0]).toContain('must be an .svg file inside the course folder');
  });
});

describe('brand logo', () => {
  const work = mkdtempSync(join(tmpdir(), 'brand-logo-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('must be a file of the course folder', () => {
    const course = join(work, 'course');
    cpSync(join(import.meta.dirname, '../../fixtures/courses/mini-en'), course, { recursive: true });
    const yaml = join(course, 'modules/course.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('src: logo.svg', 'src: art/missing.png'));
    let error: unknown;
    try {
      loadCourse(course);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CourseValidationError);
    expect((error as CourseValidationError).errors).toEqual([
      { file: `${course}/modules/course.yaml`, field: 'brand.logo.src', message: expect.stringContaining('names art/missing.png, which is not in the course folder: add the file or fix the path') },
    ]);
  });

  it('refuses a path out of the course folder, and needs its alt text', () => {
    expect(issues({ logo: { src: '../logo.svg', alt: 'Club' } })[0]).toContain('brand.logo.src: must be an .svg, .png or .webp file inside the course folder');
    expect(issues({ logo: { src: 'logo.svg', alt: '  ' } })).toEqual(["brand.logo.alt: is empty: say what the logo shows, usually the organisation's name"]);
  });
});
