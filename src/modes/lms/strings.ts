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
const fr: LmsStrings = {
  noApi: 'Aucune connexion au LMS n’a été trouvée : ce cours fonctionne seul, et votre progression est enregistrée dans ce navigateur uniquement, pas dans votre LMS.',
  saved: 'Votre progression est de nouveau enregistrée dans le LMS.',
  dismiss: 'Fermer',
  noticesLabel: 'Avis du cours',
  noScript: 'Ce cours a besoin de JavaScript pour enregistrer votre progression dans le LMS. Vous pouvez tout de même le lire :',
  noScriptLink: 'ouvrir le cours',
};

// In the browser's scripts only the course's locale is kept (src/i18n/index.ts, BROWSER_LOCALE).
export const lmsStrings: Translations<LmsStrings> = {
  en: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'en' ? en : fr,
  fr: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'fr' ? fr : en,
};
