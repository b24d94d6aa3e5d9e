/**
 * `ilias`: ILIAS's SCORM players, 1.2 and 2004: a GetValue of an element
 * that has never been set (neither by the LMS at launch nor by a SetValue
 * of this attempt) returns "" with an error.
 *
 * - SCORM 2004: 403 "Data Model Element Value Not Initialized" (RTE
 *   3.1.7.6), as ILIAS's 2004 player (Modules/Scorm2004) answers it; issue 9
 *   lists ILIAS for "403 on reading unset elements". This covers what
 *   scorm-again already refuses, and elements scorm-again answers anyway.
 * - SCORM 1.2: 201 "Invalid argument error". 1.2 has no "not initialized"
 *   code (its 403 means "element is read only"), and 401 "not implemented"
 *   would say the LMS does not support the element at all, which a SCO may
 *   rightly read as "no value" (the course's 1.2 dialect does). 201 is what
 *   ILIAS's 1.2 API (Modules/ScormAicc/scripts/SCORM1_2standard.js,
 *   LMSGetValue) answers when it has nothing to answer from its model. Its
 *   own answer for an unset element of its model is "" with 0 (diagnostic
 *   "not set"), so in 1.2 the profile is stricter than ILIAS: it makes a
 *   read of an unset element fail, to show a course that reads what it
 *   never wrote.
 *
 * Keywords (`._count`, `._children`, `._version`) always answer.
 *
 * Sources: ILIAS-eLearning/ILIAS Modules/ScormAicc/scripts/SCORM1_2standard.js
 * (LMSGetValue), basisAPI.js (getValueIntern: null for what was never set);
 * Modules/Scorm2004/scripts (the 2004 RTE); SCORM 2004 4th Ed. RTE 3.1.7.6;
 * issue 9 ("ILIAS (403 on reading unset elements)").
 */
import { stateless, type QuirkProfile } from './types.ts';

/** Elements that are keywords: always answered by the LMS. */
const isKeyword = (element: string) => /\._(count|children|version)$/.test(element);

export const ilias: QuirkProfile<'ilias'> = {
  id: 'ilias',
  label: 'ILIAS',
  versions: ['1.2', '2004'],
  quirks: ['GetValue of an element never set (by the LMS at launch or a SetValue of this attempt) returns "" with an error: 403 in SCORM 2004, 201 in SCORM 1.2.'],
  sources: [
    'ILIAS-eLearning/ILIAS Modules/ScormAicc/scripts/SCORM1_2standard.js, basisAPI.js; Modules/Scorm2004/scripts',
    'SCORM 2004 4th Edition RTE 3.1.7.6 (403 Data Model Element Value Not Initialized)',
    'Issue 9 (ILIAS: 403 on reading unset elements)',
  ],
  create: stateless((ctx) => {
    const code = ctx.standard.version === '2004' ? 403 : 201;
    /** What has a value: what the LMS set at launch, then every accepted SetValue. */
    const set = new Set(Object.keys(ctx.start));
    return {
      refuse(call) {
        if (call.kind !== 'getValue' || call.element === undefined) return null;
        if (set.has(call.element) || isKeyword(call.element)) return null;
        return { code, why: `ilias: ${call.element} has never been set in this attempt` };
      },
      accepted(element) {
        set.add(element);
      },
    };
  }),
};
