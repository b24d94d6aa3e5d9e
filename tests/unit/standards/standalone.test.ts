import { describe, expect, it } from 'vitest';
import { createStandaloneAdapter, legacyStorageKey, storageKey } from '../../../src/standards/standalone';
import type { StorageLike } from '../../../src/standards/standalone';
import { collectingLogger } from '../../support/lms-helpers';

function memoryStorage(): StorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
  };
}

const course = { courseId: 'rct-intro', courseVersion: '1.0.0' };

describe('standalone adapter (the reader, on the device)', () => {
  it('keys the record by course id alone, so a new version of the course finds it', () => {
    expect(storageKey('rct-intro')).toBe('course:rct-intro');
    expect(storageKey('another-course')).not.toBe(storageKey('rct-intro'));
  });

  it('reads a record the first release kept under its versioned key', () => {
    const storage = memoryStorage();
    storage.items.set(legacyStorageKey('rct-intro', '1.0.0'), JSON.stringify({ v: 1, suspendData: '2~old', location: 'rct-proposes', score: null, completion: 'incomplete', success: 'unknown', finished: false }));
    const adapter = createStandaloneAdapter({ ...course, storage });
    expect(adapter.start()).toMatchObject({ ok: true, launch: { entry: 'resume', suspendData: '2~old', location: 'rct-proposes' } });
    adapter.commit();
    // Written back under the new key.
    expect(JSON.parse(storage.items.get(storageKey('rct-intro'))!)).toMatchObject({ suspendData: '2~old' });
  });

  it('finds the first release\'s record of an older version: the highest version it kept', () => {
    const storage = memoryStorage();
    const stored = (suspendData: string) => JSON.stringify({ v: 1, suspendData, location: null, score: null, completion: 'incomplete', success: 'unknown', finished: false });
    storage.items.set('other-site-key', 'x');
    storage.items.set(legacyStorageKey('rct-intro', '0.9.0'), stored('2~nine'));
    storage.items.set(legacyStorageKey('rct-intro', '0.10.0'), stored('2~ten'));
    storage.items.set(legacyStorageKey('rct-intro-2', '5.0.0'), stored('2~another-course'));
    const adapter = createStandaloneAdapter({ ...course, storage });
    expect(adapter.start()).toMatchObject({ ok: true, launch: { entry: 'resume', suspendData: '2~ten' } });
  });

  it('lets another tab see what it stored (peekState), and hears when another tab stores', () => {
    const storage = memoryStorage();
    const one = createStandaloneAdapter({ ...course, storage });
    const two = createStandaloneAdapter({ ...course, storage });
    one.start();
    two.start();
    expect(two.peekState?.()).toBeNull();
    one.saveState('3~from-one');
    one.commit();
    expect(two.peekState?.()).toBe('3~from-one');
  });

  it('starts a first visit, saves on commit, and resumes on the next visit', () => {
    const storage = memoryStorage();
    const first = createStandaloneAdapter({ ...course, storage, logger: collectingLogger().logger });
    expect(first.start()).toEqual({
      ok: true,
      launch: {
        suspendData: null,
        location: null,
        learnerName: null,
        learnerId: null,
        entry: 'ab-initio',
        mode: 'normal',
        record: { completion: 'unknown', success: 'unknown', score: null },
      },
    });
    first.saveState('2~state');
    first.setLocation('five-good-things');
    expect(storage.items.size).toBe(0); // nothing written before a commit
    expect(first.commit()).toEqual({ ok: true });
    expect(first.finish(false)).toEqual({ ok: true });

    const second = createStandaloneAdapter({ ...course, storage });
    expect(second.start()).toMatchObject({
      ok: true,
      launch: { suspendData: '2~state', location: 'five-good-things', learnerName: null, entry: 'resume', record: { completion: 'incomplete' } },
    });
    // A new version of the course resumes the same record: the session reads what still exists (src/session/codec.ts).
    const next = createStandaloneAdapter({ ...course, courseVersion: '2.0.0', storage });
    expect(next.start()).toMatchObject({ ok: true, launch: { entry: 'resume', suspendData: '2~state' } });
  });

  it('keeps working in memory when storage is unavailable, and says so', () => {
    const log = collectingLogger();
    const adapter = createStandaloneAdapter({ ...course, storage: null, logger: log.logger });
    expect(adapter.start()).toEqual({ ok: false, error: 'Progress is kept in memory only, not on this device: browser storage is unavailable' });
    expect(adapter.saveState('2~state')).toEqual({ ok: true });
    expect(adapter.commit()).toMatchObject({ ok: false, error: expect.stringContaining('memory only') });
  });

  it('keeps working in memory when storage throws (private mode, quota), and says why', () => {
    const blocked: StorageLike = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const adapter = createStandaloneAdapter({ ...course, storage: blocked, logger: collectingLogger().logger });
    expect(adapter.start()).toMatchObject({ ok: false, error: expect.stringContaining('SecurityError') });
    expect(adapter.setLocation('x')).toEqual({ ok: true });
    expect(adapter.commit()).toMatchObject({ ok: false, error: expect.stringContaining('QuotaExceededError') });
  });

  it('recovers when storage works again on a later commit', () => {
    const storage = memoryStorage();
    let full = true;
    const flaky: StorageLike = {
      getItem: (k) => storage.getItem(k),
      setItem: (k, v) => {
        if (full) throw new DOMException('full', 'QuotaExceededError');
        storage.setItem(k, v);
      },
    };
    const adapter = createStandaloneAdapter({ ...course, storage: flaky, logger: collectingLogger().logger });
    adapter.start();
    adapter.saveState('2~kept');
    expect(adapter.commit().ok).toBe(false);
    full = false;
    expect(adapter.commit()).toEqual({ ok: true });
    expect(JSON.parse(storage.items.get(storageKey('rct-intro'))!)).toMatchObject({ suspendData: '2~kept' });
  });

  it('ignores an unreadable stored record rather than failing', () => {
    const storage = memoryStorage();
    storage.items.set(storageKey('rct-intro'), '{not json');
    const adapter = createStandaloneAdapter({ ...course, storage, logger: collectingLogger().logger });
    expect(adapter.start()).toMatchObject({ ok: true, launch: { entry: 'ab-initio' } });
  });

  it('stores status and score with the record, and finishes once', () => {
    const storage = memoryStorage();
    const adapter = createStandaloneAdapter({ ...course, storage });
    adapter.start();
    adapter.setScore({ raw: 75, min: 0, max: 100, scaled: 0.75 });
    adapter.setStatus('completed', 'unknown');
    expect(adapter.finish(false)).toEqual({ ok: true });
    expect(adapter.finish(false)).toMatchObject({ ok: false });
    expect(JSON.parse(storage.items.get(storageKey('rct-intro'))!)).toMatchObject({
      score: { raw: 75 },
      completion: 'completed',
      success: 'unknown',
      finished: false,
    });
  });

  it('falls back to memory when no storage exists at all (node has no localStorage)', () => {
    const adapter = createStandaloneAdapter({ ...course, logger: collectingLogger().logger });
    const started = adapter.start();
    if ('localStorage' in globalThis) expect(started.ok).toBe(true);
    else expect(started).toMatchObject({ ok: false, error: expect.stringContaining('memory only') });
  });
});
