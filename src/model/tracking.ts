/**
 * Stable numbers for the learner's record. The suspend data stores seen
 * slides as a bitset and answers by number (src/session/codec.ts), which is
 * what keeps it within SCORM 1.2's 4,096 characters; the numbers must not
 * move when the course changes, or a learner's record would be misread after
 * an update. So each slide and check id gets a number once, in
 * modules/tracking.json, and keeps it: new ids are appended in course order,
 * removed ids keep theirs (retired, never reused), reordering changes
 * nothing. (Adapt's `_trackingId` does the same for the same reason.)
 *
 * The build writes the file when new ids appear and says so: commit it with
 * the course. Pure: data in, data out; the file is read in load.ts and
 * written by the build hook.
 */

/** modules/tracking.json: the index of an id in its list is its number. */
export interface Tracking {
  slides: string[];
  /** Practice checks, on slides. */
  checks: string[];
  /** The final assessment's questions (modules/assessment.yaml). */
  questions: string[];
}

const LISTS = ['slides', 'checks', 'questions'] as const;

export const TRACKING_FILE = 'modules/tracking.json';

/** Read the file's parsed JSON, or say what is wrong with it. */
export function parseTracking(data: unknown): { ok: true; tracking: Tracking } | { ok: false; field: string; message: string } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, field: '(file)', message: 'must be an object with "slides" and "checks" lists: delete the file and build again to recreate it' };
  const o = data as Record<string, unknown>;
  for (const key of LISTS) {
    // A file from before the assessment has no questions yet.
    const list = key === 'questions' && o[key] === undefined ? [] : o[key];
    if (!Array.isArray(list) || !list.every((id) => typeof id === 'string' && id !== '')) return { ok: false, field: key, message: 'must be a list of ids: restore it from version control, or delete the file to number everything afresh (learners\' saved records would be misread)' };
    const twice = list.find((id, i) => list.indexOf(id) !== i);
    if (twice !== undefined) return { ok: false, field: key, message: `lists "${String(twice)}" twice: each id has one number; restore the file from version control` };
  }
  return { ok: true, tracking: { slides: [...(o.slides as string[])], checks: [...(o.checks as string[])], questions: [...((o.questions as string[] | undefined) ?? [])] } };
}

/** The tracking with every id of the course numbered: existing numbers kept, new ids appended in course order. */
export function extendTracking(
  existing: Tracking | null,
  course: { slideIds: readonly string[]; checkIds: readonly string[]; questionIds?: readonly string[] },
): { tracking: Tracking; added: string[] } {
  const tracking: Tracking = { slides: [...(existing?.slides ?? [])], checks: [...(existing?.checks ?? [])], questions: [...(existing?.questions ?? [])] };
  const added: string[] = [];
  for (const [list, ids] of [
    [tracking.slides, course.slideIds],
    [tracking.checks, course.checkIds],
    [tracking.questions, course.questionIds ?? []],
  ] as const)
    for (const id of ids)
      if (!list.includes(id)) {
        list.push(id);
        added.push(id);
      }
  return { tracking, added };
}

/** The file's text: one id per line, so a diff shows exactly what was numbered. */
export function trackingJson(tracking: Tracking): string {
  const list = (ids: string[]) => (ids.length === 0 ? '[]' : `[\n${ids.map((id) => `    ${JSON.stringify(id)}`).join(',\n')}\n  ]`);
  return `{\n  "about": "Stable numbers for learners' saved records (suspend_data): written by the build, never renumbered. Commit this file with the course.",\n  "slides": ${list(tracking.slides)},\n  "checks": ${list(tracking.checks)},\n  "questions": ${list(tracking.questions)}\n}\n`;
}
