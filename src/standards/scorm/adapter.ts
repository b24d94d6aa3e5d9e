/**
 * The LmsAdapter for SCORM, both versions: one implementation that reads the
 * version's dialect (dialect.ts) for every name, format and limit, over one
 * guarded connection (connection.ts). Synchronous underneath, as SCORM's API
 * is: every call answers at once, so nothing waits on a page that is going
 * away.
 *
 * What the two versions do differently in behaviour, not only in names:
 * - status: 1.2 folds completion and success into `lesson_status`; 2004
 *   writes `completion_status` and `success_status`. Neither is ever taken
 *   back once `passed` or `completed`.
 * - interactions: readable in 2004 (an answer updates its own record, found
 *   again on resume); a write-only journal in 1.2 (each launch appends).
 * - reflections: 2004 records them as `long-fill-in` interactions and learner
 *   comments; 1.2 has neither, and keeps them in suspend_data only.
 */
import type { InteractionRecord } from '../../questions/interaction';
import type { CompletionStatus, LaunchData, Outcome, Score, StoredRecord, SuccessStatus, SyncLmsAdapter } from '../contract';
import { consoleLogger, type Logger } from '../log';
import { bindApi, createConnection, firstFailure, type ScormApi, type Write } from './connection';
import type { ScormDialect } from './dialect';
import { formatResponse, reportDescription, reportText } from './responses';

export interface ScormAdapterOptions {
  /** The LMS's API object (found by discover.ts, or injected: tests pass scorm-again's API). */
  api: ScormApi;
  dialect: ScormDialect;
  /** The standard's id in the registry, e.g. `scorm12`. */
  kind: string;
  /** Namespace of URN ids (`urn:<namespace>:check:<id>`), the course id; default `course`. */
  idNamespace?: string;
  logger?: Logger;
  /** Clock, for session time; injected in tests. */
  now?: () => Date;
}

/** The 1.2 `lesson_status` values the course writes. */
type LessonStatus = 'passed' | 'failed' | 'completed' | 'incomplete';

/**
 * The one 1.2 status for completion × success: `passed`/`failed` once
 * success is decided, else `completed` when every slide is seen, else
 * `incomplete`. The runtime never says `failed` while retries remain
 * (session/state.ts `successStatus`).
 */
export function lessonStatus(completion: CompletionStatus, success: SuccessStatus): LessonStatus {
  return success !== 'unknown' ? success : completion;
}

/**
 * Whether writing `next` over the LMS's `current` 1.2 status would lose
 * ground: `passed` is never taken back, and `completed` never goes back to
 * `incomplete`. Guards a learner record that a lost or unreadable
 * suspend_data would otherwise reset.
 */
function wouldLower(current: string, next: LessonStatus): boolean {
  if (current === 'passed') return next !== 'passed';
  if (current === 'completed') return next === 'incomplete';
  return false;
}

const decimal = (n: number, places: number) => String(Math.round(n * 10 ** places) / 10 ** places);

/** What the LMS's status elements say of the record, in the adapter's terms. */
function storedStatus(dialect: ScormDialect, values: ReadonlyMap<string, string>): Pick<StoredRecord, 'completion' | 'success'> {
  const s = dialect.el.status;
  if (s.kind === 'lesson-status') {
    const v = values.get(s.lessonStatus) ?? '';
    // cmi.core.lesson_status (1.2 RTE 3.4): passed/failed are success; passed, completed and failed are completion.
    return {
      completion: v === 'passed' || v === 'completed' || v === 'failed' ? 'completed' : v === 'incomplete' ? 'incomplete' : 'unknown',
      success: v === 'passed' || v === 'failed' ? v : 'unknown',
    };
  }
  const c = values.get(s.completion) ?? '';
  const x = values.get(s.success) ?? '';
  return {
    completion: c === 'completed' || c === 'incomplete' ? c : 'unknown',
    success: x === 'passed' || x === 'failed' ? x : 'unknown',
  };
}

/** The cmi.mode (2004) / cmi.core.lesson_mode (1.2) of the launch. */
const modeOf = (value: string): LaunchData['mode'] => (value === 'review' || value === 'browse' ? value : 'normal');

export function createScormAdapter(options: ScormAdapterOptions): SyncLmsAdapter {
  const { dialect, kind } = options;
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? (() => new Date());
  const ns = options.idNamespace ?? 'course';
  const { el, limits } = dialect;
  const lms = createConnection(bindApi(options.api, dialect), dialect, logger);

  let startedAt = 0;
  /** What the LMS holds, per status element, as last read or written. */
  const status = new Map<string, string>();
  /** Interaction index per interaction id: rebuilt on resume where interactions are readable; for one launch in 1.2. */
  const interactionIndex = new Map<string, number>();
  let nextInteraction = 0;
  /** Comment index per reflection id (the comment's `location`), rebuilt on resume. */
  const commentIndex = new Map<string, number>();
  let nextComment = 0;

  const read = (element: string) => {
    const r = lms.get(element);
    return r.ok ? r.value : '';
  };
  const count = (element: string) => Number.parseInt(read(element), 10) || 0;

  /** An interaction or objective id as the dialect writes ids: plain, or a URN (2004 long_identifier_type, RTE 4.1). */
  const idFor = (what: 'check' | 'reflection' | 'objective', id: string) => (dialect.ids === 'urn' ? `urn:${ns}:${what}:${id}` : id);
  /** An assessment answer's id names its attempt, so each attempt is its own record in the LMS's report. */
  const assessmentIdFor = (attempt: number, id: string) => (dialect.ids === 'urn' ? `urn:${ns}:assessment:${attempt}:${id}` : `assessment-${attempt}-${id}`);

  /** Write a status element unless it would go back (never from `completed` or `passed`) or would change nothing. */
  function writeStatus(element: string, next: string, lowers: (current: string) => boolean): Write | null {
    const current = status.get(element) ?? '';
    if (next === current) return null;
    if (lowers(current)) {
      logger.debug(`${dialect.label} ${element} stays "${current}" (not lowered to "${next}")`);
      return null;
    }
    const r = lms.set(element, next);
    if (r.ok) status.set(element, next);
    return r;
  }

  /** Comments refused by this LMS (it does not keep them): not tried again this launch. */
  let commentsRefused: string | null = null;

  /**
   * The reflection as a learner comment too, one per reflection, updated in
   * place (2004 RTE 4.2.2). A copy for the LMS's report: the learner's record
   * is the suspend data, so an LMS that refuses comments gets a warning in the
   * log, not a "could not save" for the learner.
   */
  function recordComment(record: Extract<InteractionRecord, { type: 'long-fill-in' }>, text: string): string | undefined {
    const c = el.comments;
    if (!c || commentsRefused) return undefined;
    const index = commentIndex.get(record.id) ?? nextComment;
    const m = `${c.prefix}.${index}`;
    const comment = lms.set(`${m}.${c.comment}`, text);
    if (!comment.ok) {
      commentsRefused = comment.error;
      return `${dialect.label} learner comments refused (the reflection is saved in suspend_data): ${comment.error}`;
    }
    if (!commentIndex.has(record.id)) {
      commentIndex.set(record.id, index);
      nextComment++;
    }
    const rest = firstFailure([lms.set(`${m}.${c.location}`, record.id), lms.set(`${m}.${c.timestamp}`, dialect.time.moment(record.timestamp))]);
    return rest.ok ? undefined : `${dialect.label} learner comment ${index} incomplete: ${rest.error}`;
  }

  return {
    kind,
    stateLimit: limits.suspendData,

    start() {
      const init = lms.initialize();
      if (!init.ok) return { ok: false, error: init.error };
      startedAt = now().getTime();
      const entry = read(el.entry);
      // A first attempt has nothing saved: asking for it would be an error in 2004 (403 not initialized,
      // RTE 4.2.23 / 4.2.14), and some LMSs answer one in 1.2 too. Every other entry may resume.
      const first = entry === 'ab-initio';
      const statusElements = el.status.kind === 'lesson-status' ? [el.status.lessonStatus] : [el.status.completion, el.status.success];
      for (const element of statusElements) status.set(element, read(element));
      const stored = storedStatus(dialect, status);
      // The score only exists once success was decided (the session reports it then): read it only then.
      const raw = stored.success !== 'unknown' ? Number.parseFloat(read(el.score.raw)) : Number.NaN;
      const launch: LaunchData = {
        suspendData: first ? null : read(el.suspendData) || null,
        location: first ? null : read(el.location) || null,
        learnerName: read(el.learnerName) || null,
        learnerId: read(el.learnerId) || null,
        entry: first || entry === 'resume' ? entry : 'unknown',
        mode: modeOf(read(el.mode)),
        record: { ...stored, score: Number.isFinite(raw) ? { raw, min: 0, max: 100, scaled: raw / 100 } : null },
      };

      nextInteraction = first ? 0 : count(el.interactions.count);
      if (dialect.interactionsReadable && !first)
        for (let i = 0; i < nextInteraction; i++) {
          const id = read(`${el.interactions.prefix}.${i}.${el.interactions.fields.id}`);
          if (id && !interactionIndex.has(id)) interactionIndex.set(id, i);
        }
      if (el.comments && !first) {
        nextComment = count(el.comments.count);
        for (let i = 0; i < nextComment; i++) {
          const location = read(`${el.comments.prefix}.${i}.${el.comments.location}`);
          if (location && !commentIndex.has(location)) commentIndex.set(location, i);
        }
      }
      // exit `suspend` from the start: if the page is closed before finish() runs, the LMS still resumes the attempt.
      lms.set(el.exit, dialect.exit.suspend);
      return { ok: true, launch };
    },

    setLocation(slideId) {
      return firstFailure([lms.set(el.location, slideId)]);
    },

    saveState(serialized) {
      if (serialized.length > limits.suspendData) {
        const error = `${dialect.label} suspend_data holds ${limits.suspendData} characters; the state has ${serialized.length}`;
        logger.error(error);
        return { ok: false, error };
      }
      return firstFailure([lms.set(el.suspendData, serialized)]);
    },

    recordInteraction(record: InteractionRecord): Outcome {
      // A type the version cannot record (1.2 has no long-fill-in) lives in suspend_data only.
      if (!dialect.responses.types.includes(record.type)) return { ok: true };
      const reflection = record.type === 'long-fill-in';
      const id = reflection ? idFor('reflection', record.id) : record.attempt === undefined ? idFor('check', record.id) : assessmentIdFor(record.attempt, record.id);
      const f = el.interactions.fields;
      const known = interactionIndex.get(id);
      const index = known ?? nextInteraction;
      const n = `${el.interactions.prefix}.${index}`;
      if (known === undefined) {
        // The id goes first and indexes in order; a failed id leaves the slot unused (1.2 RTE 3.4; 2004 RTE 4.2.9).
        const set = lms.set(`${n}.${f.id}`, id);
        if (!set.ok) return { ok: false, error: set.error };
        interactionIndex.set(id, index);
        nextInteraction++;
      }
      const text = reflection && limits.text !== null ? reportText(record.text, limits.text) : null;
      if (text?.cut) logger.warn(`Reflection "${record.id}" is longer than ${limits.text} characters: the LMS report copy is cut`);

      // `type` before the responses: they are validated against it (2004 RTE 4.2.9, error 408 otherwise).
      const writes: Write[] = [lms.set(`${n}.${f.type}`, record.type)];
      if (f.description && limits.description !== null) {
        const description = reportDescription(record.description, limits.description);
        if (description) writes.push(lms.set(`${n}.${f.description}`, description));
      }
      if (!reflection) writes.push(lms.set(`${n}.${f.objective}`, idFor('objective', record.objectiveId)));
      writes.push(lms.set(`${n}.${f.time}`, dialect.time.moment(record.timestamp)));
      if (reflection) {
        if (text) writes.push(lms.set(`${n}.${f.response}`, text.text));
      } else {
        writes.push(lms.set(`${n}.${f.response}`, formatResponse(dialect, record, 'learner')));
        writes.push(lms.set(`${n}.${f.correct}`, formatResponse(dialect, record, 'correct')));
      }
      writes.push(lms.set(`${n}.${f.result}`, dialect.results[record.result]));
      // Practice is recorded with its result but counts for nothing; an assessment answer counts once.
      if (!reflection) writes.push(lms.set(`${n}.${f.weighting}`, record.attempt === undefined ? '0' : '1'));
      writes.push(lms.set(`${n}.${f.latency}`, dialect.time.duration(record.latencyMs)));
      const outcome = firstFailure(writes);
      const warning = reflection && text ? recordComment(record, text.text) : undefined;
      return outcome.ok && warning ? { ok: true, warning } : outcome;
    },

    setScore(score: Score) {
      const { raw, min, max, scaled } = el.score;
      const writes = [lms.set(min, decimal(score.min, 2)), lms.set(max, decimal(score.max, 2)), lms.set(raw, decimal(score.raw, 2))];
      if (scaled) writes.push(lms.set(scaled, decimal(score.scaled, 4)));
      return firstFailure(writes);
    },

    setStatus(completion, success) {
      const s = el.status;
      const writes =
        s.kind === 'lesson-status'
          ? [writeStatus(s.lessonStatus, lessonStatus(completion, success), (current) => wouldLower(current, lessonStatus(completion, success)))]
          : [
              writeStatus(s.completion, completion, (current) => current === 'completed'),
              writeStatus(s.success, success, (current) => current === 'passed'),
            ];
      return firstFailure(writes.filter((w): w is Write => w !== null));
    },

    commit() {
      return firstFailure([lms.commit()]);
    },

    readBack() {
      // What the LMS holds now: an LMS that cuts suspend_data short is found out here (session.ts verify).
      const r = lms.get(el.suspendData);
      return r.ok ? r.value : null;
    },

    finish(finished) {
      if (lms.phase() !== 'running') return firstFailure([lms.terminate()]);
      const writes = [lms.set(el.sessionTime, dialect.time.duration(now().getTime() - startedAt)), lms.set(el.exit, finished ? dialect.exit.done : dialect.exit.suspend)];
      // Terminate persists what was set (1.2 RTE 3.3; 2004 RTE 3.1): no Commit right before it, which some LMSs fail on unload.
      return firstFailure([...writes, lms.terminate()]);
    },
  };
}
