/**
 * LmsAdapter for the self-paced reader on the open web: no LMS, the
 * learner's record stays on the device in `localStorage`, under a key
 * namespaced by course id. A new version of the course keeps it: the record
 * names slides and checks by stable numbers (src/model/tracking.ts), and the
 * session reads what still exists. Several tabs share the record: each
 * merges what another stored before writing over it (`peekState`), and hears
 * of it when it happens (`watch`, the storage event).
 *
 * Storage can be missing or refuse (private browsing, storage disabled:
 * SecurityError on access; full: QuotaExceededError). The adapter then keeps
 * working in memory and says so in its Outcome (`ok: false` with the reason),
 * so the UI can tell the learner their progress lasts only while the page is
 * open and offer an export.
 */
import type { InteractionRecord } from '../questions/interaction';
import type { CompletionStatus, LaunchData, Outcome, Score, SuccessStatus, SyncLmsAdapter } from './contract';
import { consoleLogger, type Logger } from './log';

/** The part of the Web Storage API this adapter uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  /** Enumeration (Web Storage `length` and `key(i)`), to find a first-release record of another version. */
  readonly length?: number;
  key?(index: number): string | null;
}

export interface StandaloneAdapterOptions {
  courseId: string;
  /** Content version (course.yaml `version`): an older release stored its record under a versioned key, read once. */
  courseVersion: string;
  /**
   * Where to keep the record. Default: `globalThis.localStorage`, read
   * inside a try (merely touching it throws when storage is blocked). Pass
   * null for memory only.
   */
  storage?: StorageLike | null;
  logger?: Logger;
}

/** What is stored under the key: the adapter's record, JSON. */
interface StoredRecord {
  v: 1;
  suspendData: string | null;
  location: string | null;
  score: Score | null;
  completion: CompletionStatus;
  success: SuccessStatus;
  finished: boolean;
}

/** localStorage holds ~5 million characters per origin; leave room for other courses. */
export const STANDALONE_STATE_LIMIT = 1_000_000;

/** The storage key of a course's record on this device. */
export function storageKey(courseId: string): string {
  return `course:${courseId}`;
}

/** Where the first release kept a record: one key per course version. */
export function legacyStorageKey(courseId: string, courseVersion: string): string {
  return `course:${courseId}@${courseVersion}`;
}

/**
 * The key of the record the first release left for this course: the one of
 * this version, else the highest version's (the learner's latest visit was
 * most likely with the latest version they saw). Null when there is none.
 */
export function findLegacyKey(storage: StorageLike, courseId: string, courseVersion: string): string | null {
  const exact = legacyStorageKey(courseId, courseVersion);
  if (storage.getItem(exact) !== null) return exact;
  if (typeof storage.key !== 'function' || typeof storage.length !== 'number') return null;
  const prefix = legacyStorageKey(courseId, '');
  const found: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(prefix)) found.push(k);
  }
  found.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  return found[0] ?? null;
}

function defaultStorage(): StorageLike | null {
  try {
    return (globalThis as { localStorage?: StorageLike }).localStorage ?? null;
  } catch {
    return null;
  }
}

const reason = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export function createStandaloneAdapter(options: StandaloneAdapterOptions): SyncLmsAdapter {
  const logger = options.logger ?? consoleLogger;
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const key = storageKey(options.courseId);
  let record: StoredRecord = {
    v: 1,
    suspendData: null,
    location: null,
    score: null,
    completion: 'incomplete',
    success: 'unknown',
    finished: false,
  };
  let started = false;
  let ended = false;

  const memoryOnly = (why: string): { ok: false; error: string } => {
    const error = `Progress is kept in memory only, not on this device: ${why}`;
    logger.warn(error);
    return { ok: false, error };
  };

  /** Write the record; memory keeps it either way. */
  function persist(): Outcome {
    if (!storage) return memoryOnly('browser storage is unavailable');
    try {
      storage.setItem(key, JSON.stringify(record));
      return { ok: true };
    } catch (e) {
      return memoryOnly(`browser storage refused to save (${reason(e)})`);
    }
  }

  function read(): { ok: true; found: StoredRecord | null } | { ok: false; error: string } {
    if (!storage) return { ok: false, error: 'browser storage is unavailable' };
    let raw: string | null;
    try {
      raw = storage.getItem(key);
      if (raw === null) {
        const legacy = findLegacyKey(storage, options.courseId, options.courseVersion);
        raw = legacy === null ? null : storage.getItem(legacy);
      }
    } catch (e) {
      return { ok: false, error: `browser storage could not be read (${reason(e)})` };
    }
    if (raw === null) return { ok: true, found: null };
    try {
      const parsed = JSON.parse(raw) as Partial<StoredRecord> | null;
      if (parsed?.v !== 1) return { ok: true, found: null };
      return { ok: true, found: { ...record, ...parsed, v: 1 } };
    } catch {
      logger.warn(`Stored progress under "${key}" is not readable; starting afresh`);
      return { ok: true, found: null };
    }
  }

  return {
    kind: 'standalone',
    stateLimit: STANDALONE_STATE_LIMIT,

    start() {
      if (started) return { ok: false, error: 'The session has already started' };
      started = true;
      const r = read();
      if (!r.ok) return memoryOnly(r.error);
      if (r.found) record = { ...r.found, finished: false };
      const launch: LaunchData = {
        suspendData: record.suspendData,
        location: record.location,
        learnerName: null,
        learnerId: null,
        entry: r.found ? 'resume' : 'ab-initio',
        mode: 'normal',
        // A first visit holds nothing yet; the device's record is the learner's own, so it is what it says.
        record: r.found ? { completion: record.completion, success: record.success, score: record.score } : { completion: 'unknown', success: 'unknown', score: null },
      };
      return { ok: true, launch };
    },

    peekState() {
      const r = read();
      return r.ok && r.found ? r.found.suspendData : null;
    },

    watch(changed) {
      const target = (globalThis as { addEventListener?: Window['addEventListener']; removeEventListener?: Window['removeEventListener'] }).addEventListener
        ? (globalThis as unknown as Window)
        : null;
      if (!target) return () => {};
      // The storage event fires in every other tab of this origin when one writes (HTML "storage" event).
      const onStorage = (event: StorageEvent) => {
        if (event.key === key) changed();
      };
      target.addEventListener('storage', onStorage);
      return () => target.removeEventListener('storage', onStorage);
    },

    setLocation(slideId) {
      record = { ...record, location: slideId };
      return { ok: true };
    },

    saveState(serialized) {
      if (serialized.length > STANDALONE_STATE_LIMIT) {
        return { ok: false, error: `The state has ${serialized.length} characters; the limit is ${STANDALONE_STATE_LIMIT}` };
      }
      record = { ...record, suspendData: serialized };
      return { ok: true };
    },

    // The learner's answers are in the state itself; there is no LMS report to write.
    recordInteraction(_record: InteractionRecord) {
      return { ok: true };
    },

    setScore(score) {
      record = { ...record, score };
      return { ok: true };
    },

    setStatus(completion, success) {
      record = { ...record, completion, success };
      return { ok: true };
    },

    /** Write everything set since the last commit to storage. */
    commit() {
      return persist();
    },

    finish(finished) {
      if (ended) return { ok: false, error: 'The session has already ended' };
      ended = true;
      record = { ...record, finished };
      return persist();
    },
  };
}
