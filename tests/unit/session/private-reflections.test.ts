/**
 * A reflection the author marked `private` (schema.ts) stays with the
 * learner: on the device and in the download, never in anything the LMS
 * receives, neither as an interaction (a 2004 long-fill-in or comment) nor
 * inside suspend_data. The LMS here is scorm-again, as in the other session
 * tests; the device backup is a slot in memory, as the launch page keeps one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { codecCourseOf, decodeState } from '../../../src/session/codec';
import { createSession, type DeviceBackup } from '../../../src/session/session';
import type { CourseOutline } from '../../../src/session/state';
import { createScormAdapter } from '../../../src/standards/scorm/adapter';
import { scorm12Dialect } from '../../../src/standards/scorm12/dialect';
import { scorm2004Dialect } from '../../../src/standards/scorm2004/dialect';
import { createStandaloneAdapter, type StorageLike } from '../../../src/standards/standalone';
import { outline } from '../../support/course';
import { collectingLogger, lms12, lms2004, recorded, sent, spyOn2004 } from '../../support/lms-helpers';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-03-01T09:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

const PRIVATE_ID = 'where-i-can-be-authentic';
const SHARED_ID = 'connection-in-daily-life';
const SECRET = 'With my sister, never at work: there I hide that I am gay.';

/** The test course with its first reflection marked private. */
const course: CourseOutline = {
  ...outline,
  reflections: outline.reflections.map((r) => (r.reflection.id === PRIVATE_ID ? { ...r, reflection: { ...r.reflection, private: true } } : r)),
};

function memoryBackup(initial: string | null = null) {
  const slot = { data: initial as string | null };
  const backup: DeviceBackup = {
    read: () => slot.data,
    write: (data) => {
      slot.data = data;
      return true;
    },
    clear: () => {
      slot.data = null;
    },
  };
  return { slot, backup };
}

const logger = () => collectingLogger().logger;

describe('a private reflection in an LMS package', () => {
  it('never reaches the SCORM 2004 LMS: no interaction, no comment, not in suspend_data', async () => {
    const api = lms2004();
    const spy = spyOn2004(api);
    const { backup } = memoryBackup();
    const s = await createSession({ adapter: createScormAdapter({ api, logger: logger(), dialect: scorm2004Dialect, kind: 'scorm2004' }), course, masteryScore: 80, logger: logger(), backup: () => backup });
    s.writeReflection(PRIVATE_ID, SECRET);
    s.writeReflection(SHARED_ID, 'A colleague thanked me today.');
    expect(s.flush()).toEqual({ ok: true });

    const everything = JSON.stringify(spy.set.mock.calls);
    expect(everything).not.toContain('hide that I am gay');
    expect(everything).not.toContain(PRIVATE_ID);
    // The shared one is reported as before, so the test would see a leak if there were one.
    expect(everything).toContain('A colleague thanked me today.');
    const stored: string = recorded(api).suspend_data;
    const decoded = decodeState(stored, codecCourseOf(course), new Date());
    expect(decoded.ok && Object.keys(decoded.state.reflections)).toEqual([SHARED_ID]);
    expect(sent(spy.set, 'cmi.comments_from_learner.0.comment').join(' ')).not.toContain('gay');
  });

  it('stays on the device, and in the learner\'s state for the download, and is merged back at the next launch', async () => {
    const { slot, backup } = memoryBackup();
    const first = lms2004();
    const one = await createSession({ adapter: createScormAdapter({ api: first, logger: logger(), dialect: scorm2004Dialect, kind: 'scorm2004' }), course, masteryScore: 80, logger: logger(), backup: () => backup });
    one.writeReflection(PRIVATE_ID, SECRET);
    one.flush();
    expect(one.getState().reflections[PRIVATE_ID]?.text).toBe(SECRET);
    expect(slot.data).not.toBeNull();
    expect(one.getStatus().notices).toEqual([]); // nothing to warn about: the learner was told at the box where it goes
    const suspend: string = recorded(first).suspend_data;

    // Relaunch on the same device: the LMS's record has no trace of it, the device's copy brings it back.
    const second = lms2004();
    const two = await createSession({
      adapter: { ...createScormAdapter({ api: second, logger: logger(), dialect: scorm2004Dialect, kind: 'scorm2004' }), start: () => ({ ok: true, launch: { suspendData: suspend, location: null, learnerName: null, learnerId: 'learner-1', entry: 'resume', mode: 'normal', record: { completion: 'unknown', success: 'unknown', score: null } } }) },
      course,
      masteryScore: 80,
      logger: logger(),
      backup: () => backup,
    });
    expect(two.getState().reflections[PRIVATE_ID]?.text).toBe(SECRET);
  });

  it('is cleared from the device when the learner clears it, and the clearing never reaches the LMS either', async () => {
    const api = lms2004();
    const spy = spyOn2004(api);
    const { slot, backup } = memoryBackup();
    const s = await createSession({ adapter: createScormAdapter({ api, logger: logger(), dialect: scorm2004Dialect, kind: 'scorm2004' }), course, masteryScore: 80, logger: logger(), backup: () => backup });
    s.writeReflection(PRIVATE_ID, SECRET);
    s.flush();
    s.clearReflection(PRIVATE_ID);
    s.flush();
    expect(s.getState().reflections[PRIVATE_ID]).toBeUndefined();
    expect(JSON.stringify(spy.set.mock.calls)).not.toContain(PRIVATE_ID);
    const onDevice = decodeState(slot.data, codecCourseOf(course), new Date());
    expect(onDevice.ok && onDevice.state.reflections[PRIVATE_ID]).toBeFalsy();
  });

  it('never reaches a SCORM 1.2 LMS, where reflections otherwise live in suspend_data', async () => {
    const api = lms12();
    const { backup } = memoryBackup();
    const s = await createSession({ adapter: createScormAdapter({ api, logger: logger(), dialect: scorm12Dialect, kind: 'scorm12' }), course, masteryScore: 80, logger: logger(), backup: () => backup });
    s.writeReflection(PRIVATE_ID, SECRET);
    s.writeReflection(SHARED_ID, 'Shared text.');
    s.flush();
    const stored: string = recorded(api).suspend_data;
    expect(stored).toContain('Shared text.');
    expect(stored).not.toContain('gay');
  });
});

describe('a private reflection on the open web', () => {
  it('is saved on the device like any other: the device is the learner\'s own', async () => {
    const storage = new Map<string, string>();
    const store: StorageLike = { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) };
    const adapter = createStandaloneAdapter({ courseId: 'rct-intro', courseVersion: '1.0.0', storage: store, logger: logger() });
    const s = await createSession({ adapter, course, masteryScore: 80, logger: logger() });
    s.writeReflection(PRIVATE_ID, SECRET);
    s.flush();
    expect([...storage.values()].join('')).toContain('hide that I am gay');
  });
});
