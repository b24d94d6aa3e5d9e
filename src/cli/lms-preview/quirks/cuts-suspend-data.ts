/**
 * `cuts-suspend-data`: an LMS that accepts a longer cmi.suspend_data with
 * "true" and stores it cut short, silently: SCORM 1.2 at 4,000 characters
 * (a database column sized below CMIString4096), SCORM 2004 at 4,096 (an
 * LMS that kept 1.2's limit for 2004, whose SPM is 64,000, RTE 4.2.23).
 * The cut happens when the LMS persists (each accepted Commit and
 * Terminate): what it stores is cut, and so is what GetValue answers
 * afterwards, as an LMS that reloads what it stored. The SCO is never told;
 * it can only find out by reading cmi.suspend_data back.
 *
 * Sources: issue 9 ("an LMS that stores suspend_data cut short (1.2 at
 * 4,000 characters; a 2004 LMS that keeps 4,096)"); SCORM 1.2 RTE 3.4
 * (CMIString4096); SCORM 2004 4th Ed. RTE 4.2.23 (SPM 64,000).
 */
import { stateless, type QuirkProfile } from './types.ts';

/** What the LMS keeps of cmi.suspend_data, per version. */
export const KEPT = { '1.2': 4000, '2004': 4096 } as const;

export const cutsSuspendData: QuirkProfile<'cuts-suspend-data'> = {
  id: 'cuts-suspend-data',
  label: 'Cuts suspend_data',
  versions: ['1.2', '2004'],
  quirks: [`Accepts a longer suspend_data with "true" but stores it cut short: ${KEPT['1.2']} characters in SCORM 1.2, ${KEPT['2004']} in SCORM 2004; GetValue then answers the cut value.`],
  sources: ['Issue 9 (an LMS that stores suspend_data cut short)'],
  create: stateless((ctx) => {
    const element = ctx.standard.el.suspendData;
    const kept = KEPT[ctx.standard.version];
    return {
      persist(record, _terminated, store) {
        const value = record[element] ?? '';
        if (value.length <= kept) return store(record);
        const cut = value.slice(0, kept);
        // The LMS's own copy is cut too: a GetValue after this commit answers what is stored.
        try {
          ctx.api.cmi.suspend_data = cut;
        } catch {
          /* after Terminate the model is closed: the stored copy is what counts */
        }
        ctx.note(`cuts-suspend-data: stored ${kept} of the ${value.length} characters of ${element}, and said nothing.`);
        store({ ...record, [element]: cut });
      },
    };
  }),
};
