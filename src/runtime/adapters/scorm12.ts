/**
 * LmsAdapter for SCORM 1.2 over the LMS's `window.API` object (found by
 * discover.ts, or injected: tests pass scorm-again's `Scorm12API`).
 *
 * Data model: SCORM 1.2 Run-Time Environment (RTE) 3.4; API: RTE 3.3.
 * Comments name the data-model element they implement. Every `cmi.*`
 * string for 1.2 lives in this file.
 */
import type { CompletionStatus, InteractionRecord, InteractionResponse, LaunchData, LmsAdapter, Outcome, Score, SuccessStatus } from './types';
import { consoleLogger } from './log';
import type { Logger } from './log';
import { createConnection, firstFailure } from './scorm-connection';
import type { Write } from './scorm-connection';
import { formatScorm12TimeOfDay, formatScorm12Timespan } from './scorm-time';

/** The SCORM 1.2 API object (RTE 3.3). Results are `unknown`: some LMSs return booleans, not "true". */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): unknown;
  LMSFinish(parameter: ''): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(parameter: ''): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(code: string): unknown;
  LMSGetDiagnostic(code: string): unknown;
}

export interface Scorm12AdapterOptions {
  api: Scorm12Api;
  logger?: Logger;
  /** Clock, for session_time; injected in tests. */
  now?: () => Date;
}

/** `cmi.suspend_data` is a CMIString4096 (RTE 3.4). */
export const SCORM12_STATE_LIMIT = 4096;

/** `cmi.core.lesson_status` values we write (RTE 3.4). */
type LessonStatus = 'passed' | 'failed' | 'completed' | 'incomplete';

/**
 * The one 1.2 status for completion x success. 1.2 folds both into
 * `lesson_status`: `passed`/`failed` once success is decided, else
 * `completed` when every slide is seen, else `incomplete`. The runtime never
 * says `failed` while retries remain (state.ts `successStatus`).
 */
export function lessonStatus(completion: CompletionStatus, success: SuccessStatus): LessonStatus {
  if (success !== 'unknown') return success;
  return completion;
}

/**
 * Whether writing `next` over the LMS's `current` status would lose ground:
 * `passed` is never taken back, and `completed` never goes back to
 * `incomplete`. Guards against a learner record that a lost or unreadable
 * suspend_data would otherwise reset.
 */
function wouldDowngrade(current: string, next: LessonStatus): boolean {
  if (current === 'passed') return next !== 'passed';
  if (current === 'completed') return next === 'incomplete';
  return false;
}

/**
 * A response in 1.2 format (RTE 3.4, `cmi.interactions.n.student_response`
 * and `correct_responses.n.pattern`): choices as single characters `0-9a-z`
 * separated by commas; true-false `t`/`f`; matching `source.target` pairs,
 * comma-separated, the item as a digit and the category as a letter
 * (`0.a,1.b`). Text has no 1.2 interaction here: null.
 */
export function formatScorm12Response(response: InteractionResponse): string | null {
  const digit = (i: number) => i.toString(36);
  const letter = (i: number) => String.fromCharCode(97 + i);
  switch (response.kind) {
    case 'choice':
      return response.indexes.map(digit).join(',');
    case 'true-false':
      return response.value ? 't' : 'f';
    case 'matching':
      return response.pairs.map(([item, category]) => `${digit(item)}.${letter(category)}`).join(',');
    case 'text':
      return null;
  }
}

/** Round a score to 2 decimals for CMIDecimal. */
const decimal = (n: number) => String(Math.round(n * 100) / 100);

export function createScorm12Adapter(options: Scorm12AdapterOptions): LmsAdapter {
  const { api } = options;
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? (() => new Date());
  const lms = createConnection(
    {
      initialize: () => api.LMSInitialize(''),
      terminate: () => api.LMSFinish(''),
      getValue: (e) => api.LMSGetValue(e),
      setValue: (e, v) => api.LMSSetValue(e, v),
      commit: () => api.LMSCommit(''),
      getLastError: () => api.LMSGetLastError(),
      getErrorString: (c) => api.LMSGetErrorString(c),
      getDiagnostic: (c) => api.LMSGetDiagnostic(c),
    },
    {
      label: 'SCORM 1.2',
      names: { initialize: 'LMSInitialize', terminate: 'LMSFinish', getValue: 'LMSGetValue', setValue: 'LMSSetValue', commit: 'LMSCommit' },
      // 401 "Not implemented error": an optional element this LMS does not keep (RTE 3.3).
      missingCodes: ['401'],
      logger,
    },
  );

  let startedAt = 0;
  let status = '';
  /**
   * Interaction index per check id. Interactions are write-only in 1.2
   * (RTE 3.4: only `cmi.interactions._count` is readable), so this map lives for one
   * launch: re-answering in the same launch rewrites the same record, and a
   * later launch appends after `_count`, as 1.2 interactions are a journal.
   */
  const indexById = new Map<string, number>();
  let nextIndex = 0;

  const read = (element: string) => {
    const r = lms.get(element);
    return r.ok ? r.value : '';
  };

  return {
    kind: 'scorm12',
    stateLimit: SCORM12_STATE_LIMIT,
    // No long-fill-in in 1.2: reflections travel in suspend_data only.
    reflectionLimit: 0,

    start() {
      const init = lms.initialize();
      if (!init.ok) return { ok: false, error: init.error };
      startedAt = now().getTime();
      // cmi.core.entry: "ab-initio", "resume" or "" (RTE 3.4).
      const entry = read('cmi.core.entry');
      const launch: LaunchData = {
        suspendData: read('cmi.suspend_data') || null,
        location: read('cmi.core.lesson_location') || null,
        learnerName: read('cmi.core.student_name') || null,
        entry: entry === 'ab-initio' || entry === 'resume' ? entry : 'unknown',
      };
      status = read('cmi.core.lesson_status');
      nextIndex = Number.parseInt(read('cmi.interactions._count'), 10) || 0;
      // cmi.core.exit `suspend` from the start: if the page is closed
      // before finish() runs, the LMS still resumes the attempt.
      lms.set('cmi.core.exit', 'suspend');
      return { ok: true, launch };
    },

    setLocation(slideId) {
      // cmi.core.lesson_location: CMIString255 (RTE 3.4).
      return firstFailure([lms.set('cmi.core.lesson_location', slideId)]);
    },

    saveState(serialized) {
      if (serialized.length > SCORM12_STATE_LIMIT) {
        const error = `SCORM 1.2 suspend_data holds ${SCORM12_STATE_LIMIT} characters; the state has ${serialized.length}`;
        logger.error(error);
        return { ok: false, error };
      }
      return firstFailure([lms.set('cmi.suspend_data', serialized)]);
    },

    recordInteraction(record: InteractionRecord): Outcome {
      const response = formatScorm12Response(record.response);
      // 1.2 has no long-fill-in (its fill-in holds 255 characters): a reflection lives in suspend_data only.
      if (response === null || record.type === 'long-fill-in') return { ok: true };

      const known = indexById.get(record.id);
      const index = known ?? nextIndex;
      const n = `cmi.interactions.${index}`;
      if (known === undefined) {
        // The id goes first and indexes in order (RTE 3.4 cmi.interactions.n); a failed id leaves the slot unused.
        const id = lms.set(`${n}.id`, record.id);
        if (!id.ok) return { ok: false, error: id.error };
        indexById.set(record.id, index);
        nextIndex++;
      }
      const writes: Write[] = [lms.set(`${n}.type`, record.type)];
      if (record.objectiveId) writes.push(lms.set(`${n}.objectives.0.id`, record.objectiveId));
      writes.push(lms.set(`${n}.time`, formatScorm12TimeOfDay(record.timestamp)));
      writes.push(lms.set(`${n}.student_response`, response));
      const correct = record.correct ? formatScorm12Response(record.correct) : null;
      if (correct !== null) writes.push(lms.set(`${n}.correct_responses.0.pattern`, correct));
      // cmi.interactions.n.result: correct | wrong | unanticipated | neutral (1.2 has no `incorrect`).
      writes.push(lms.set(`${n}.result`, record.result === 'incorrect' ? 'wrong' : record.result));
      writes.push(lms.set(`${n}.latency`, formatScorm12Timespan(record.latencyMs)));
      return firstFailure(writes);
    },

    setScore(score: Score) {
      // cmi.core.score.raw/min/max: CMIDecimal, 0..100 (RTE 3.4).
      return firstFailure([
        lms.set('cmi.core.score.min', decimal(score.min)),
        lms.set('cmi.core.score.max', decimal(score.max)),
        lms.set('cmi.core.score.raw', decimal(score.raw)),
      ]);
    },

    setStatus(completion, success) {
      const next = lessonStatus(completion, success);
      if (next === status) return { ok: true };
      if (wouldDowngrade(status, next)) {
        logger.debug(`SCORM 1.2 lesson_status stays "${status}" (not lowered to "${next}")`);
        return { ok: true };
      }
      const r = lms.set('cmi.core.lesson_status', next);
      if (r.ok) status = next;
      return firstFailure([r]);
    },

    commit() {
      return firstFailure([lms.commit()]);
    },

    finish(finished) {
      if (lms.phase() !== 'running') return firstFailure([lms.terminate()]);
      const writes = [
        lms.set('cmi.core.session_time', formatScorm12Timespan(now().getTime() - startedAt)),
        // cmi.core.exit: "" when done; 1.2 has no "normal" value (RTE 3.4).
        lms.set('cmi.core.exit', finished ? '' : 'suspend'),
      ];
      // LMSFinish persists what was set (RTE 3.3): no LMSCommit first.
      return firstFailure([...writes, lms.terminate()]);
    },
  };
}
