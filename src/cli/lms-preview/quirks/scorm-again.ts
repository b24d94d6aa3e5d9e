/**
 * `scorm-again` (the default): the plain strict runtime, as scorm-again
 * 3.x implements SCORM 1.2 and 2004 4th Edition. No quirk: every other
 * profile is this runtime with a few of its answers changed.
 *
 * Where scorm-again is strict (and real LMSs often are not): 2004 GetValue
 * of an element never set answers "" with 403 (RTE 3.1.7.6), including
 * cmi.completion_status/success_status before the SCO sets them; writes to
 * read-only elements fail (1.2: 403, 2004: 404); 1.2 interactions are
 * write-only (404 on a read, RTE 3.4.2.6). Where it is loose: a 1.2
 * suspend_data longer than 4,096 characters is accepted, and so is a
 * student_response by ids.
 *
 * Source: scorm-again's own code (node_modules/scorm-again/dist/scorm12.js,
 * scorm2004.js), behaviour checked in tests/unit/standards/.
 */
import { stateless, type QuirkProfile } from './types.ts';

export const scormAgain: QuirkProfile<'scorm-again'> = {
  id: 'scorm-again',
  label: 'scorm-again (strict)',
  versions: ['1.2', '2004'],
  quirks: ['None: scorm-again’s own SCORM 1.2 / 2004 runtime, strict where the standards are.'],
  sources: ['scorm-again 3.x, https://github.com/jcputney/scorm-again'],
  create: stateless(() => ({})),
};
