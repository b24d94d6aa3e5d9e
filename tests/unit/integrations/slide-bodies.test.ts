/**
 * The slides' bodies reach the pages through one virtual module: every
 * `.mdx` file of the course's slides/ folder, by its path from the course
 * root (the model's `slide.file`), imported on demand from its absolute
 * path, so a course in any folder compiles, and a slide that fails to
 * compile fails only the pages that show it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RESOLVED_SLIDE_BODIES_ID, SLIDE_BODIES_ID, slideBodiesModule, slideBodiesPlugin, slideFiles } from '../../../src/integrations/slide-bodies';
import { loadCourse } from '../../../src/model/load';

const work = mkdtempSync(join(tmpdir(), 'slide-bodies-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('slideFiles', () => {
  it('lists the .mdx files of slides/, as paths from the course root, in name order', () => {
    const root = join(work, 'listed');
    mkdirSync(join(root, 'slides'), { recursive: true });
    for (const name of ['b.mdx', 'a.mdx', 'notes.txt', 'c.md']) writeFileSync(join(root, 'slides', name), '');
    expect(slideFiles(root)).toEqual(['slides/a.mdx', 'slides/b.mdx']);
  });

  it('is empty for a course without a slides/ folder', () => {
    expect(slideFiles(join(work, 'none'))).toEqual([]);
  });

  it("names every slide of this course the way the model does (slide.file)", () => {
    const root = join(import.meta.dirname, '../../..');
    const files = slideFiles(root);
    for (const slide of loadCourse(root).slides) expect(files).toContain(slide.file);
  });
});

describe('slideBodiesModule', () => {
  it('maps each file to an on-demand import of its absolute path', () => {
    const code = slideBodiesModule('/courses/one', ['slides/a.mdx', 'slides/b "q".mdx']);
    expect(code).toContain('"slides/a.mdx": () => import("/courses/one/slides/a.mdx"),');
    // Names are JSON-quoted, so any file name stays one string.
    expect(code).toContain('"slides/b \\"q\\".mdx": () => import("/courses/one/slides/b \\"q\\".mdx"),');
    expect(code).not.toMatch(/^import /m);
  });
});

describe('slideBodiesPlugin', () => {
  it('resolves the virtual id and loads the course it is asked for at each load', () => {
    const root = join(work, 'plugin');
    mkdirSync(join(root, 'slides'), { recursive: true });
    writeFileSync(join(root, 'slides', 'one.mdx'), '');
    const plugin = slideBodiesPlugin(() => root);
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (id: string) => string | undefined;
    expect(resolveId(SLIDE_BODIES_ID)).toBe(RESOLVED_SLIDE_BODIES_ID);
    expect(resolveId('./other')).toBeUndefined();
    expect(load(RESOLVED_SLIDE_BODIES_ID)).toContain('"slides/one.mdx"');
    // A slide file added later is in the next load (the dev watcher invalidates the module).
    writeFileSync(join(root, 'slides', 'two.mdx'), '');
    expect(load(RESOLVED_SLIDE_BODIES_ID)).toContain('"slides/two.mdx"');
    expect(load('/some/file.ts')).toBeUndefined();
  });
});
