/** The LMS launch page's words (src/modes/lms): its notice bar. */
import type { Translations } from '../../i18n';

const en = {
  noApi: 'No LMS connection was found, so this course is running on its own: your progress is saved in this browser only, not in your LMS.',
  saved: 'Your progress is being saved to the LMS again.',
  dismiss: 'Dismiss',
  noticesLabel: 'Course notices',
  noScript: 'This course needs JavaScript to record your progress in the LMS. You can still read it:',
  noScriptLink: 'open the course',
};

export type LmsStrings = typeof en;
export const lmsStrings: Translations<LmsStrings> = { en };
