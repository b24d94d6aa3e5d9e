/**
 * The copy of the learner's record the launch page keeps on the device when
 * the LMS cannot hold all of it (reflections over SCORM 1.2's 4,096
 * characters, or an LMS that cuts suspend_data short): one slot in
 * localStorage per course, standard and learner, so a relaunch on this
 * device finds it again (src/session/session.ts merges it back). Storage
 * that is missing or refuses gives a copy that keeps nothing, and says so.
 */
import type { LaunchData } from '../../../standards/contract';
import type { DeviceBackup } from '../../../session/session';

export function deviceBackup(storage: Storage | null, course: { id: string }, standard: string, launch: LaunchData): DeviceBackup {
  const key = `course:${course.id}:lms-copy:${standard}:${launch.learnerId ?? 'unnamed-learner'}`;
  return {
    read() {
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    write(data) {
      try {
        if (!storage) return false;
        storage.setItem(key, data);
        return true;
      } catch {
        return false;
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        /* nothing kept, nothing to clear */
      }
    },
  };
}

/** The page's localStorage, or null where touching it throws (storage blocked). */
export function pageStorage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}
