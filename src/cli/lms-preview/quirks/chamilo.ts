/**
 * `chamilo`: Chamilo LMS's learning-path player, SCORM 1.2 only (its API
 * object answers to 1.2 and some 2004 names, but `API_1484_11` is
 * commented out: "Scorm 1.1 and 1.2 and 1.3 (latter not fully supported)").
 *
 * It ignores the mastery score: LMSGetValue("cmi.student_data.mastery_score")
 * answers the manifest's adlcp:masteryscore, but LMSFinish and LMSCommit
 * save `lesson_status` as the SCO set it (olms.lesson_status, sent by
 * savedata()); nothing judges passed/failed from cmi.core.score.raw. So the
 * status is what the SCO sets: a course that leaves "passed" to the LMS's
 * mastery override ends "completed" (or "incomplete") here. The profile
 * turns scorm-again's `mastery_override` off and keeps the mastery score
 * readable.
 *
 * Sources: chamilo/chamilo-lms main/lp/scorm_api.php (APIobject, LMSGetValue,
 * LMSSetValue, LMSFinish, savedata); issue 9 ("Chamilo (1.2 only, ignores
 * mastery)").
 */
import { stateless, type QuirkProfile } from './types.ts';

export const chamilo: QuirkProfile<'chamilo'> = {
  id: 'chamilo',
  label: 'Chamilo',
  versions: ['1.2'],
  quirks: ['SCORM 1.2 only. Ignores the mastery score: lesson_status is what the SCO sets (no mastery override at LMSFinish); the mastery score stays readable.'],
  sources: ['chamilo/chamilo-lms main/lp/scorm_api.php', 'Issue 9 (Chamilo: 1.2 only, ignores mastery)'],
  masteryOverride: false,
  create: stateless(() => ({})),
};
