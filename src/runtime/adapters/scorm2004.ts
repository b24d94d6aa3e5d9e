/**
 * LmsAdapter for SCORM 2004 4th Edition over the LMS's `window.API_1484_11`
 * object (found by discover.ts, or injected: tests pass scorm-again's
 * `Scorm2004API`).
 *
 * Data model: SCORM 2004 4th Ed. Run-Time Environment (RTE) 4.2, sections
 * cited per element; API: RTE 3.1. Every `cmi.*` string for 2004 lives in
 * this file.
 */
import type { CompletionStatus, InteractionRecord, InteractionResponse, LaunchData, LmsAdapter, Outcome, Score, SuccessStatus } from './types';
import { consoleLogger } from './log';
import type { Logger } from './log';
import { createConnection, firstFailure } from './scorm-connection';
import type { Write } from './scorm-connection';
import { formatIsoDuration, formatScorm2004Timestamp } from './scorm-time';

/** The SCORM 2004 API object (RTE 3.1). Results are `unknown`: some LMSs return booleans, not "true". */
export interface Scorm2004Api {
  Initialize(parameter: ''): unknown;
  Terminate(parameter: ''): unknown;
  GetValue(element: string): unknown;
  SetValue(element: string, value: string): unknown;
  Commit(parameter: ''): unknown;
  GetLastError(): unknown;
  GetErrorString(code: string): unknown;
  GetDiagnostic(code: string): unknown;
}

export interface Scorm2004AdapterOptions {
  api: Scorm2004Api;
  logger?: Logger;
  /** Clock, for session_time; injected in tests. */
  now?: () => Date;
  /**
   * URN namespace for interaction and objective ids, e.g. the course id:
   * ids read `urn:<namespace>:check:<check id>`. Default `course`.
   */
  idNamespace?: string;
}

/** `cmi.suspend_data`: characterstring, SPM 64,000 (RTE 4.2.23). */
export const SCORM2004_STATE_LIMIT = 64000;
/** `long-fill-in` learner_response and `comments_from_learner.n.comment`: SPM 4,000 (RTE 4.2.9, 4.2.2). */
export const SCORM2004_TEXT_LIMIT = 4000;
/** `cmi.interactions.n.description`: localized_string_type, SPM 250 (RTE 4.2.9). */
const DESCRIPTION_LIMIT = 250;

/**
 * A response in 2004 format (RTE 4.2.9, learner_response and
 * correct_responses.n.pattern by interaction type): choices as identifiers
 * joined by `[,]`; true-false `true`/`false`; matching `source[.]target`
 * pairs joined by `[,]`, the item as a digit and the category as a letter
 * (`0[.]a[,]1[.]b`, as in 1.2); text as is.
 */
export function formatScorm2004Response(response: InteractionResponse): string {
  const digit = (i: number) => i.toString(36);
  const letter = (i: number) => String.fromCharCode(97 + i);
  switch (response.kind) {
    case 'choice':
      return response.indexes.map(digit).join('[,]');
    case 'true-false':
      return String(response.value);
    case 'matching':
      return response.pairs.map(([item, category]) => `${digit(item)}[.]${letter(category)}`).join('[,]');
    case 'text':
      return response.text;
  }
}

/**
 * Learner text as the LMS's report copy (long-fill-in response, comment):
 * line breaks become ` ¶ ` (LMSs, scorm-again among them, reject line breaks
 * in these strings), a leading `{` gets a space before it (it would read as a
 * `{lang=…}` delimiter, RTE 4.1 localized strings), and text over `limit` is
 * cut with `…`. The exact text stays in suspend_data.
 */
export function reportText(text: string, limit: number): { text: string; cut: boolean } {
  let t = text.replace(/[ \t]*(?:\r\n|\r|\n)+[ \t]*/g, ' ¶ ');
  if (t.startsWith('{')) t = ` ${t}`;
  return t.length > limit ? { text: `${t.slice(0, limit - 1)}…`, cut: true } : { text: t, cut: false };
}

const decimal = (n: number, places: number) => String(Math.round(n * 10 ** places) / 10 ** places);

export function createScorm2004Adapter(options: Scorm2004AdapterOptions): LmsAdapter {
  const { api } = options;
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? (() => new Date());
  const ns = options.idNamespace ?? 'course';
  const lms = createConnection(
    {
      initialize: () => api.Initialize(''),
      terminate: () => api.Terminate(''),
      getValue: (e) => api.GetValue(e),
      setValue: (e, v) => api.SetValue(e, v),
      commit: () => api.Commit(''),
      getLastError: () => api.GetLastError(),
      getErrorString: (c) => api.GetErrorString(c),
      getDiagnostic: (c) => api.GetDiagnostic(c),
    },
    {
      label: 'SCORM 2004',
      names: { initialize: 'Initialize', terminate: 'Terminate', getValue: 'GetValue', setValue: 'SetValue', commit: 'Commit' },
      // 403 "Data Model Element Value Not Initialized": e.g. cmi.location on a first launch (RTE 3.1).
      missingCodes: ['403'],
      logger,
    },
  );

  let startedAt = 0;
  let completion = '';
  let success = '';
  /** Interaction index per interaction id (`urn:…`), rebuilt on resume from the readable ids (RTE 4.2.9). */
  const interactionIndex = new Map<string, number>();
  let nextInteraction = 0;
  /** Comment index per reflection id (the comment's `location`), rebuilt on resume (RTE 4.2.2). */
  const commentIndex = new Map<string, number>();
  let nextComment = 0;

  const read = (element: string) => {
    const r = lms.get(element);
    return r.ok ? r.value : '';
  };
  const count = (element: string) => Number.parseInt(read(element), 10) || 0;

  /** Long identifiers are URIs (RTE 4.1 long_identifier_type): `urn:<ns>:<kind>:<id>`. */
  const urn = (kind: 'check' | 'reflection' | 'objective', id: string) => `urn:${ns}:${kind}:${id}`;

  return {
    kind: 'scorm2004',
    stateLimit: SCORM2004_STATE_LIMIT,
    reflectionLimit: SCORM2004_TEXT_LIMIT,

    start() {
      const init = lms.initialize();
      if (!init.ok) return { ok: false, error: init.error };
      startedAt = now().getTime();
      // cmi.entry: "ab-initio", "resume" or "" (RTE 4.2.7).
      const entry = read('cmi.entry');
      const launch: LaunchData = {
        suspendData: read('cmi.suspend_data') || null,
        location: read('cmi.location') || null,
        learnerName: read('cmi.learner_name') || null,
        entry: entry === 'ab-initio' || entry === 'resume' ? entry : 'unknown',
      };
      completion = read('cmi.completion_status');
      success = read('cmi.success_status');
      nextInteraction = count('cmi.interactions._count');
      for (let i = 0; i < nextInteraction; i++) {
        const id = read(`cmi.interactions.${i}.id`);
        if (id && !interactionIndex.has(id)) interactionIndex.set(id, i);
      }
      nextComment = count('cmi.comments_from_learner._count');
      for (let i = 0; i < nextComment; i++) {
        const location = read(`cmi.comments_from_learner.${i}.location`);
        if (location && !commentIndex.has(location)) commentIndex.set(location, i);
      }
      // cmi.exit `suspend` from the start (RTE 4.2.8): if the page is closed
      // before finish() runs, the LMS still resumes the attempt.
      lms.set('cmi.exit', 'suspend');
      return { ok: true, launch };
    },

    setLocation(slideId) {
      // cmi.location: characterstring, SPM 1,000 (RTE 4.2.14).
      return firstFailure([lms.set('cmi.location', slideId)]);
    },

    saveState(serialized) {
      if (serialized.length > SCORM2004_STATE_LIMIT) {
        const error = `SCORM 2004 suspend_data holds ${SCORM2004_STATE_LIMIT} characters; the state has ${serialized.length}`;
        logger.error(error);
        return { ok: false, error };
      }
      return firstFailure([lms.set('cmi.suspend_data', serialized)]);
    },

    recordInteraction(record: InteractionRecord): Outcome {
      const reflection = record.type === 'long-fill-in';
      const id = urn(reflection ? 'reflection' : 'check', record.id);
      const known = interactionIndex.get(id);
      const index = known ?? nextInteraction;
      const n = `cmi.interactions.${index}`;
      if (known === undefined) {
        // Re-answering updates the same record; the id is set once, first (RTE 4.2.9).
        const set = lms.set(`${n}.id`, id);
        if (!set.ok) return { ok: false, error: set.error };
        interactionIndex.set(id, index);
        nextInteraction++;
      }
      const text = record.response.kind === 'text' ? reportText(record.response.text, SCORM2004_TEXT_LIMIT) : null;
      if (text?.cut) logger.warn(`Reflection "${record.id}" is longer than ${SCORM2004_TEXT_LIMIT} characters: the LMS report copy is cut`);
      const response = text ? text.text : formatScorm2004Response(record.response);

      // `type` before responses: they are validated against it (RTE 4.2.9, error 408 otherwise).
      const writes: Write[] = [lms.set(`${n}.type`, record.type)];
      const description = record.description.replace(/\s+/g, ' ').trim();
      if (description) {
        writes.push(lms.set(`${n}.description`, description.length > DESCRIPTION_LIMIT ? `${description.slice(0, DESCRIPTION_LIMIT - 1)}…` : description));
      }
      if (record.objectiveId) writes.push(lms.set(`${n}.objectives.0.id`, urn('objective', record.objectiveId)));
      writes.push(lms.set(`${n}.timestamp`, formatScorm2004Timestamp(record.timestamp)));
      writes.push(lms.set(`${n}.learner_response`, response));
      if (record.correct) writes.push(lms.set(`${n}.correct_responses.0.pattern`, formatScorm2004Response(record.correct)));
      writes.push(lms.set(`${n}.result`, record.result));
      writes.push(lms.set(`${n}.latency`, formatIsoDuration(record.latencyMs)));

      if (text) {
        // The reflection also goes to the learner's comments, one per reflection, updated in place (RTE 4.2.2).
        const c = commentIndex.get(record.id) ?? nextComment;
        const m = `cmi.comments_from_learner.${c}`;
        const comment = lms.set(`${m}.comment`, text.text);
        writes.push(comment);
        if (comment.ok) {
          if (!commentIndex.has(record.id)) {
            commentIndex.set(record.id, c);
            nextComment++;
          }
          writes.push(lms.set(`${m}.location`, record.id));
          writes.push(lms.set(`${m}.timestamp`, formatScorm2004Timestamp(record.timestamp)));
        }
      }
      return firstFailure(writes);
    },

    setScore(score: Score) {
      // cmi.score.scaled -1..1, raw/min/max real (RTE 4.2.20).
      return firstFailure([
        lms.set('cmi.score.min', decimal(score.min, 2)),
        lms.set('cmi.score.max', decimal(score.max, 2)),
        lms.set('cmi.score.raw', decimal(score.raw, 2)),
        lms.set('cmi.score.scaled', decimal(score.scaled, 4)),
      ]);
    },

    setStatus(nextCompletion: CompletionStatus, nextSuccess: SuccessStatus) {
      const writes: Write[] = [];
      // cmi.completion_status (RTE 4.2.4): `completed` is never taken back.
      if (nextCompletion !== completion && completion !== 'completed') {
        const r = lms.set('cmi.completion_status', nextCompletion);
        if (r.ok) completion = nextCompletion;
        writes.push(r);
      }
      // cmi.success_status (RTE 4.2.22): `passed` is never taken back.
      if (nextSuccess !== success && success !== 'passed') {
        const r = lms.set('cmi.success_status', nextSuccess);
        if (r.ok) success = nextSuccess;
        writes.push(r);
      }
      return firstFailure(writes);
    },

    commit() {
      return firstFailure([lms.commit()]);
    },

    finish(finished) {
      if (lms.phase() !== 'running') return firstFailure([lms.terminate()]);
      const writes = [
        // cmi.session_time: timeinterval (RTE 4.2.21).
        lms.set('cmi.session_time', formatIsoDuration(now().getTime() - startedAt)),
        // cmi.exit (RTE 4.2.8): `suspend` keeps the attempt for the next launch.
        lms.set('cmi.exit', finished ? 'normal' : 'suspend'),
      ];
      // No Commit right before Terminate: Terminate persists (RTE 3.1), and some LMSs fail a commit-then-terminate on unload.
      return firstFailure([...writes, lms.terminate()]);
    },
  };
}
