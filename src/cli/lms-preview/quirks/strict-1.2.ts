/**
 * `strict-1.2`: a SCORM 1.2 LMS that enforces the data model's limits and
 * access rules to the letter (SCORM 1.2 Run-Time Environment, section 3.4),
 * where scorm-again and many LMSs are lenient:
 *
 * - cmi.suspend_data is CMIString4096: a longer value is refused with 405
 *   "Incorrect Data Type" (scorm-again accepts it);
 * - cmi.core.lesson_location is CMIString255: longer, 405;
 * - cmi.interactions.n.* are write-only but for cmi.interactions._count:
 *   a GetValue of any other is refused with 404 "Element is write only";
 *   so are cmi.core.exit and cmi.core.session_time;
 * - cmi.interactions.n.student_response and correct_responses.n.pattern
 *   are CMIFeedback (CMIString255): longer, 405;
 * - a SetValue of a read-only element (cmi.core.student_id, student_name,
 *   credit, entry, total_time, lesson_mode, cmi.launch_data,
 *   cmi.comments_from_lms, cmi.student_data.*) is refused with 403 "Element
 *   is read only", and of a keyword (_children, _count, _version) with 402.
 *
 * Error codes: SCORM 1.2 RTE 3.3.2.2 (401-405). The limits are the ones
 * ILIAS's 1.2 player checks with its "check values" option (rx.CMIString4096,
 * CMIString255 in Modules/ScormAicc/scripts/SCORM1_2standard.js).
 *
 * Sources: ADL SCORM 1.2 Run-Time Environment, 3.3 and 3.4; issue 9 ("a
 * strict 1.2 LMS (4,096-character suspend_data, interactions write-only)").
 */
import { stateless, type QuirkProfile } from './types.ts';

const READ_ONLY = new Set([
  'cmi.core.student_id',
  'cmi.core.student_name',
  'cmi.core.credit',
  'cmi.core.entry',
  'cmi.core.total_time',
  'cmi.core.lesson_mode',
  'cmi.launch_data',
  'cmi.comments_from_lms',
  'cmi.student_data.mastery_score',
  'cmi.student_data.max_time_allowed',
  'cmi.student_data.time_limit_action',
]);
const WRITE_ONLY = new Set(['cmi.core.exit', 'cmi.core.session_time']);
const isKeyword = (element: string) => /\._(count|children|version)$/.test(element);
/** cmi.interactions.n.<field>, but not cmi.interactions._count. */
const INTERACTION = /^cmi\.interactions\.\d+\./;
/** The CMIFeedback fields of an interaction. */
const FEEDBACK = /^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/;

export const strict12: QuirkProfile<'strict-1.2'> = {
  id: 'strict-1.2',
  label: 'Strict SCORM 1.2',
  versions: ['1.2'],
  quirks: [
    'suspend_data over 4,096 characters and lesson_location over 255 refused (405).',
    'Interactions write-only: GetValue of cmi.interactions.n.* refused (404); student_response and patterns over 255 characters refused (405).',
    'SetValue of a read-only element refused (403), of a keyword (402).',
  ],
  sources: ['ADL SCORM 1.2 Run-Time Environment, sections 3.3 and 3.4', 'Issue 9 (a strict 1.2 LMS)'],
  create: stateless(() => ({
    refuse(call) {
      const element = call.element ?? '';
      if (call.kind === 'getValue') {
        if (INTERACTION.test(element) || WRITE_ONLY.has(element)) return { code: 404, why: `strict-1.2: ${element} is write-only` };
        return null;
      }
      if (call.kind !== 'setValue') return null;
      const length = (call.value ?? '').length;
      if (isKeyword(element)) return { code: 402, why: `strict-1.2: ${element} is a keyword` };
      if (READ_ONLY.has(element)) return { code: 403, why: `strict-1.2: ${element} is read-only` };
      if (element === 'cmi.suspend_data' && length > 4096) return { code: 405, why: `strict-1.2: suspend_data is CMIString4096; ${length} characters` };
      if (element === 'cmi.core.lesson_location' && length > 255) return { code: 405, why: `strict-1.2: lesson_location is CMIString255; ${length} characters` };
      if (FEEDBACK.test(element) && length > 255) return { code: 405, why: `strict-1.2: ${element} is CMIFeedback (255 characters); ${length} characters` };
      return null;
    },
  })),
};
