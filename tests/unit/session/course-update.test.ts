/**
 * A learner's record across two versions of a course, each built from its
 * files as the build does (load, validate, number): the first version's
 * session saves through scorm-again, the second relaunches on what the LMS
 * kept. Issue: "a new version keeps every answer, reflection and seen slide
 * whose id still exists".
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCourse } from '../../../src/model/load';
import { TRACKING_FILE, trackingJson } from '../../../src/model/tracking';
import type { CourseModel } from '../../../src/model/course';
import { judge, type AnsweredCheck } from '../../../src/questions/registry';
import { createSession } from '../../../src/session/session';
import { createScormAdapter } from '../../../src/standards/scorm/adapter';
import { scorm12Dialect } from '../../../src/standards/scorm12/dialect';
import { collectingLogger, lms12, recorded } from '../../support/lms-helpers';

const base = join(import.meta.dirname, '../../fixtures/authoring/base');
const work = mkdtempSync(join(tmpdir(), 'course-update-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-01T09:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

/** Build a version of the course from its files, writing modules/tracking.json as the build does. */
function build(root: string): CourseModel {
  const model = loadCourse(root);
  if (model.tracking.added.length > 0) writeFileSync(join(root, TRACKING_FILE), trackingJson(model.tracking.numbers));
  return model;
}

function edit(root: string, file: string, change: (text: string) => string) {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

async function launch(model: CourseModel, api: ReturnType<typeof lms12>) {
  const adapter = createScormAdapter({ api, logger: collectingLogger().logger, dialect: scorm12Dialect, kind: 'scorm12' });
  return createSession({ adapter, course: model, masteryScore: model.course.masteryScore, logger: collectingLogger().logger });
}

function answered(model: CourseModel, checkId: string, response: unknown) {
  const check = model.checks.find((c) => c.check.id === checkId)!.check;
  return judge({ check, response } as AnsweredCheck)!;
}

describe('a course updated between two launches', () => {
  it('keeps what still exists and starts afresh only the answer to the check that changed', async () => {
    const v1Root = join(work, 'v1');
    cpSync(base, v1Root, { recursive: true });
    const v1 = build(v1Root);

    const first = lms12();
    const one = await launch(v1, first);
    for (const slide of v1.slides) one.visit(slide.id);
    one.answer(answered(v1, 'name-it', 'connects'));
    one.answer(answered(v1, 'sort-it', { cake: 'whole', slice: 'part' }));
    one.writeReflection('first-thoughts', 'It connects people.');
    one.end();

    // Version 2, from version 1's files and its tracking.json: a new slide first, a third option in
    // the single-choice check (its answer key changes), a reworded prompt in the matching check (its
    // key does not).
    const v2Root = join(work, 'v2');
    cpSync(v1Root, v2Root, { recursive: true });
    writeFileSync(
      join(v2Root, 'slides/00-welcome.mdx'),
      '---\nid: welcome\ntitle: Welcome\nnotes:\n  say: Welcome everyone.\n  minutes: 1\n---\n\nWelcome to the course.\n',
    );
    edit(v2Root, 'modules/01-basics.yaml', (t) => t.replace('slides: [intro, check-intro]', 'slides: [welcome, intro, check-intro]'));
    edit(v2Root, 'slides/02-check-intro.mdx', (t) =>
      t.replace('        feedback: No, the slide says the opposite.\n', '        feedback: No, the slide says the opposite.\n      - id: ignores\n        text: It ignores us.\n        feedback: No, it connects us.\n'),
    );
    edit(v2Root, 'slides/03-more-ideas.mdx', (t) => t.replace('prompt: Sort each example.', 'prompt: Sort each example into whole or part.'));
    const v2 = build(v2Root);
    expect(v2.tracking.added).toEqual(['welcome']);
    expect(v2.slides.find((s) => s.id === 'intro')?.track).toBe(v1.slides.find((s) => s.id === 'intro')?.track);

    const second = lms12();
    second.loadFromJSON({ core: { entry: 'resume', lesson_location: recorded(first).core.lesson_location }, suspend_data: recorded(first).suspend_data }, 'cmi');
    const two = await launch(v2, second);
    expect(two.restoreError).toBeNull();
    expect(two.getStatus().notices).toEqual([{ code: 'course-updated', answersReset: 1 }]);
    const state = two.getState();
    expect(state.seen).toEqual(['intro', 'check-intro', 'more-ideas']);
    expect(Object.keys(state.answers)).toEqual(['sort-it']);
    expect(state.answers['sort-it']).toMatchObject({ correct: true, attempts: 1 });
    expect(state.reflections['first-thoughts']?.text).toBe('It connects people.');
    expect(two.summary()).toMatchObject({ completion: 'incomplete', practice: { answered: 1, correct: 1, total: 2 } });
  });
});
