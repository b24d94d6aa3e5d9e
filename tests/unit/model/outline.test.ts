/**
 * A page carries what it shows plus ids: the course outline every page's
 * runtime needs is one shared file (paths.outline), named from each page
 * with its version, so a page's weight does not grow with the course.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/model/load';
import { outlineJson, outlineVersion, pageData, pageOwnData, sharedOutline } from '../../../src/model/outline';

const model = loadCourse(join(import.meta.dirname, '../../fixtures/authoring/base'));

describe('a page\'s own data', () => {
  it('holds the outline\'s URL with its version and, in full, only the checks the page shows', () => {
    const own = pageOwnData(model, '../course-outline.json', ['more-ideas']);
    expect(own.outline).toBe(`../course-outline.json?v=${outlineVersion(model)}`);
    expect(own.pageChecks.map((c) => c.id)).toEqual(['sort-it']);
    expect(pageOwnData(model, 'course-outline.json').pageChecks).toEqual([]);
    // Nothing of the outline rides along.
    expect(Object.keys(own).sort()).toEqual(['outline', 'pageChecks']);
  });

  it('joined with the outline, is the data the runtime had when each page embedded it all', () => {
    const own = pageOwnData(model, 'course-outline.json', ['more-ideas']);
    expect({ ...(JSON.parse(outlineJson(model)) as object), pageChecks: own.pageChecks }).toEqual(JSON.parse(JSON.stringify(pageData(model, ['more-ideas']))));
  });
});

describe('the shared outline', () => {
  it('is one text for the whole site, with a version that follows its content', () => {
    expect(outlineJson(model)).toBe(JSON.stringify(sharedOutline(model)));
    const renamed = { ...model, course: { ...model.course, title: 'Another title' } };
    expect(outlineVersion(renamed)).not.toBe(outlineVersion(model));
    expect(outlineVersion({ ...model })).toBe(outlineVersion(model));
  });
});
