/**
 * `moodle-4.3`: Moodle 4.3's SCORM player (mod/scorm), SCORM 1.2 and 2004,
 * as taken through it by a learner (issue 9) and as its code reads.
 *
 * 1. Activity completion is decided on the status stored *before* the
 *    request being processed. Each Commit (and LMSFinish/Terminate) posts
 *    the elements changed since the last one (datamodel.php, from
 *    CollectData in datamodels/scorm_12.js / scorm_13.js);
 *    scorm_insert_track() (locallib.php) updates the grade, and with it the
 *    activity's completion, when the request carries cmi.core.score.raw /
 *    cmi.score.raw or a status of "completed"/"passed". Observed in 4.3: the
 *    decision uses the status as stored before that request, and nothing
 *    looks again until another request carries a score or such a status. A
 *    course that sends score and status in one commit leaves the activity
 *    "To do" for good. Here: at each accepted commit that sends a score or
 *    a completed/passed status (the ones that make Moodle look), the
 *    completion rule is evaluated against the record as it was before the
 *    commit, and that is the activity's state until the next such commit
 *    (custom_completion.php reads the status tracks as they are then; a
 *    status track is overwritten, so a "completed" that became "passed"
 *    counts no more). The state is `lmsPreview.completion`
 *    ("complete"/"incomplete") under the rule of `?completion=`, and
 *    `completionByRule` under each rule:
 *
 *    - `completed` (the default, as Moodle's: mod_form.php ticks "Require
 *      status: Completed" when an activity is added): complete once the
 *      status says completed: 1.2 `lesson_status` "completed", 2004
 *      `completion_status` "completed". A 1.2 package with a mastery score
 *      ends at "passed", never "completed": under this rule its activity
 *      ends incomplete, whatever the course does (at best it is complete
 *      for a moment, if a "completed" was stored on the way to "passed").
 *      The administrator has to choose the status the package reports.
 *    - `passed-or-completed`: complete once the status says passed or
 *      completed (1.2 `lesson_status` "passed" or "completed"; 2004
 *      `success_status` "passed" or `completion_status` "completed"). What
 *      an administrator gets by requiring "Passed" for a 1.2 package with a
 *      mastery score (status bits: passed 2, completed 4, lib.php
 *      scorm_status_options(); Moodle 3.10 and before took either of the
 *      ticked ones, 4.x requires all that are ticked).
 *
 * 2. Synchronous calls fail while the SCO's page or one of its frames is
 *    unloading. Moodle's Commit and LMSFinish are synchronous
 *    XMLHttpRequests, which Chromium refuses during page dismissal
 *    (beforeunload, pagehide, unload: "Disallow sync XHR in page
 *    dismissal", Chrome 80). Moodle 4.x then falls back to
 *    navigator.sendBeacon and answers "true" without knowing whether the
 *    data arrived; in issue 9 nearly every save reached Moodle that way.
 *    The fallback is NOT emulated: a Commit, SetValue, Terminate or
 *    GetValue made while any document of the SCO dispatches one of those
 *    events returns "false" with error 101 and stores nothing, so the
 *    preview shows what an LMS without the fallback would lose. (Moodle's
 *    own SetValue/GetValue stay in the page; refusing them too covers LMSs
 *    whose every call is a request, and costs a course that respects
 *    "no call during unload" nothing.)
 *
 * 3. A launch after an attempt that ended without exit "suspend" reopens
 *    that attempt with its record and entry "" (datamodels/scorm_12.js.php:
 *    entry is "ab-initio" without a status, "resume" after "suspend", else
 *    ""), unless the activity forces new attempts.
 *
 * Sources: moodle/moodle mod/scorm/locallib.php scorm_insert_track();
 * mod/scorm/classes/completion/custom_completion.php; mod/scorm/lib.php
 * scorm_status_options(); mod/scorm/mod_form.php data_preprocessing();
 * mod/scorm/datamodels/scorm_12.js, scorm_13.js, scorm_12.js.php; Chromium
 * https://chromestatus.com/feature/4664843055398912; issue 9 ("Why").
 */
import type { Standard } from '../standards.ts';
import type { ApiFunction, CmiRecord } from '../types.ts';
import type { CompletionRule, CompletionState, QuirkProfile } from './types.ts';

export const COMPLETION_RULES: readonly CompletionRule[] = ['completed', 'passed-or-completed'];

/** The calls refused while a document of the SCO unloads. */
const REFUSED_WHILE_UNLOADING: ReadonlySet<ApiFunction> = new Set<ApiFunction>(['commit', 'setValue', 'terminate', 'getValue']);

/** The status elements of the standard. */
const statusElements = (standard: Standard): string[] => {
  const s = standard.el.status;
  return s.kind === 'lesson-status' ? [s.lessonStatus] : [s.completion, s.success];
};

/** Whether the activity is complete under `rule`, judged on the statuses in `record`. */
export function completionUnder(rule: CompletionRule, standard: Standard, record: CmiRecord | null): CompletionState {
  const s = standard.el.status;
  const get = (element: string) => record?.[element] ?? '';
  let complete: boolean;
  if (s.kind === 'lesson-status') {
    const status = get(s.lessonStatus);
    complete = rule === 'completed' ? status === 'completed' : status === 'completed' || status === 'passed';
  } else {
    const completion = get(s.completion);
    complete = rule === 'completed' ? completion === 'completed' : completion === 'completed' || get(s.success) === 'passed';
  }
  return complete ? 'complete' : 'incomplete';
}

/** Whether a request sending `sent` makes Moodle decide completion (scorm_insert_track: a score, or a status of completed/passed). */
export function decidesCompletion(standard: Standard, sent: ReadonlyMap<string, string>): boolean {
  if (sent.has(standard.el.scoreRaw)) return true;
  return statusElements(standard).some((element) => {
    const value = sent.get(element);
    return value === 'completed' || value === 'passed';
  });
}

export const moodle43: QuirkProfile<'moodle-4.3'> = {
  id: 'moodle-4.3',
  label: 'Moodle 4.3',
  versions: ['1.2', '2004'],
  quirks: [
    'Activity completion is decided on the status stored before the commit that sends a score or a completed/passed status (rule: ?completion=completed, Moodle’s default, or passed-or-completed).',
    'Commit, SetValue, Terminate and GetValue fail (error 101, nothing stored) while the SCO’s page or a frame in it is unloading: Chromium refuses synchronous requests then; Moodle’s sendBeacon fallback is not emulated.',
    'Relaunching an attempt that ended without "suspend" reopens it (entry "").',
  ],
  sources: [
    'Issue 9: the packages taken through Moodle 4.3’s player',
    'moodle/moodle mod/scorm/locallib.php scorm_insert_track(); classes/completion/custom_completion.php; lib.php scorm_status_options(); mod_form.php',
    'moodle/moodle mod/scorm/datamodels/scorm_12.js, scorm_13.js (CollectData, StoreData), scorm_12.js.php (entry)',
    'Chromium: disallow synchronous XMLHttpRequest in page dismissal, https://chromestatus.com/feature/4664843055398912',
  ],
  afterFinish: 'same-attempt',
  create(options) {
    const byRule: Record<CompletionRule, CompletionState> = { completed: 'incomplete', 'passed-or-completed': 'incomplete' };
    return {
      completion: () => ({ rule: options.completion, state: byRule[options.completion], byRule: { ...byRule } }),
      launch(ctx) {
        const { standard } = ctx;
        /** What the SCO set since the last accepted commit: what Moodle's next request carries (if it differs from what is stored). */
        const changed = new Map<string, string>();
        return {
          refuse(call) {
            if (!REFUSED_WHILE_UNLOADING.has(call.kind)) return null;
            const unloading = ctx.unloading();
            if (!unloading) return null;
            return { code: 101, why: `moodle-4.3: synchronous request while ${unloading.join(' and ')} unloads, refused by the browser (no sendBeacon fallback here)` };
          },
          accepted(element, value) {
            changed.set(element, value);
          },
          persist(record, _terminated, store) {
            const before = ctx.stored();
            const sent = new Map<string, string>();
            for (const [element, value] of changed) if ((before?.[element] ?? '') !== value) sent.set(element, value);
            // What the LMS itself changed (1.2 LMSFinish judging lesson_status from the mastery score) goes in the same request.
            for (const element of [...statusElements(standard), standard.el.scoreRaw]) {
              const value = record[element] ?? '';
              if (value !== (before?.[element] ?? '') && !sent.has(element)) sent.set(element, value);
            }
            changed.clear();
            if (decidesCompletion(standard, sent)) {
              for (const rule of COMPLETION_RULES) byRule[rule] = completionUnder(rule, standard, before);
              const was = statusElements(standard).map((e) => `${e} "${before?.[e] ?? ''}"`).join(', ');
              const sends = [...sent].filter(([e]) => e === standard.el.scoreRaw || statusElements(standard).includes(e)).map(([e, v]) => `${e} "${v}"`).join(', ');
              ctx.note(`moodle-4.3 completion: this commit sends ${sends}; judged on what was stored before it (${was}): activity ${byRule[options.completion]} (rule "${options.completion}").`);
            }
            store(record);
          },
        };
      },
    };
  },
};
