/**
 * `open-edx`: the Open edX SCORM XBlock (overhangio/openedx-scorm-xblock),
 * SCORM 1.2 and 2004.
 *
 * - Every API call returns "true" and GetLastError always "0":
 *   openedxscorm/static/js/src/scorm.js defines LMSInitialize, LMSFinish,
 *   LMSCommit (and the 2004 names) as `return "true"`, LMSGetLastError as
 *   `return "0"`, and scormxblock.js's SetValue returns "true" before
 *   anything is sent. The server (scormxblock.py set_value) stores whatever
 *   it gets without validating it. Here scorm-again still judges each call,
 *   so the log shows what a strict LMS would have refused (its error code,
 *   and the note "answered true"), but the SCO is told "true"; what
 *   scorm-again refused is not in the record, as an LMS that accepted and
 *   then dropped it.
 * - Saves are queued: SetValue pushes the element onto a queue that one
 *   asynchronous request at a time sends to the server
 *   (processSetValueQueueItems), so what the SCO sent reaches the server a
 *   round trip later; Commit does nothing of its own. Here what a Commit
 *   persists reaches `lmsPreview.stored` QUEUE_DELAY_MS later (a timer, not
 *   a microtask: a test that reads right after a commit sees the old
 *   record), and Terminate flushes the queue at once.
 *
 * Not emulated (documented in the same code, see issue 9): GetValue of
 * status and score elements asks the server and answers "" (the value
 * is returned inside the request's callback), and other GetValues are
 * served from the launch-time copy, which queued values reach late.
 *
 * Sources: overhangio/openedx-scorm-xblock openedxscorm/static/js/src/
 * scorm.js, scormxblock.js, openedxscorm/scormxblock.py; issue 9 ("Why").
 */
import type { CmiRecord } from '../types.ts';
import { stateless, type QuirkProfile } from './types.ts';

/** How long a queued save takes to reach the server. */
export const QUEUE_DELAY_MS = 300;

export const openEdx: QuirkProfile<'open-edx'> = {
  id: 'open-edx',
  label: 'Open edX SCORM XBlock',
  versions: ['1.2', '2004'],
  quirks: [
    'Every call returns "true" and GetLastError "0", even for calls a strict LMS refuses (the log still shows the refusal).',
    `Saves are queued: what a Commit sends is stored ${QUEUE_DELAY_MS} ms later; Terminate flushes the queue.`,
  ],
  sources: [
    'overhangio/openedx-scorm-xblock openedxscorm/static/js/src/scorm.js, scormxblock.js (SetValue queue), scormxblock.py (set_value)',
    'Issue 9 (Open edX SCORM xblock: every call returns "true", saves queued)',
  ],
  create: stateless((ctx) => {
    /** Records waiting to reach the server, oldest first. */
    const queue: CmiRecord[] = [];
    return {
      answer(call, verdict) {
        if (verdict.error === '' || call.kind === 'getValue') return null;
        return { result: 'true', why: `open-edx: answered "true" (the LMS refused it with error ${verdict.error})` };
      },
      lastError: () => '0',
      persist(record, terminated, store) {
        if (terminated) {
          // LMSFinish / Terminate: whatever is queued is sent now, then the last record.
          for (const queued of queue.splice(0)) store(queued);
          store(record);
          return;
        }
        queue.push(record);
        ctx.setTimeout(() => {
          // One request at a time, in order: the oldest queued record arrives.
          const next = queue.shift();
          if (next) store(next);
        }, QUEUE_DELAY_MS);
      },
    };
  }),
};
