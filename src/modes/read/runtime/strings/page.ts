/** What every reader page's runtime says (main.ts and what it loads at once: progress, checks, reflections), and what more than one on-demand part says: a part of the reader's words (../../strings.ts), in its own file so a chunk carries only its own. */
import type { Translations } from '../../../../i18n';

const en = {
  continueAt: (title: string) => `Continue: ${title}`,
  continueWhere: 'Continue where you left off',
  moduleComplete: 'Module complete',
  notSeen: 'not seen yet',
  progressLabel: (seen: number, total: number) => `${seen} of ${total} slides seen`,
  seen: 'seen',
  checkCorrect: 'Correct.',
  checkIncorrect: 'Not quite.',
  checkRetry: 'Try again',
  characters: (n: number) => `${n} character${n === 1 ? '' : 's'}`,
  clearConfirm: 'Clear this reflection? Its text will be deleted from this browser.',
  clearReflection: 'Clear',
  downloadReflections: 'Download my reflections',
  reflectionCleared: 'Reflection cleared',
  reflectionNotSaved: 'Not saved: this browser is not storing anything. Download your reflections to keep them.',
  reflectionNotSavedLms: 'Not saved to the LMS yet: it will be tried again with your next change. Download your reflections to keep a copy.',
  reflectionSaved: (time: string) => `Saved at ${time}`,
  reflectionSaving: 'Saving…',
  reflectionTooLongForLms: 'Saved here, but too long to store in your LMS: download your reflections to keep the full text.',
  attemptsLine: (used: number, left: number) => `Attempts used: ${used}. Attempts left: ${left}.`,
  keptBest: 'Your best attempt counts.',
  keptLast: 'Your latest attempt counts.',
  exportEmpty: '(no reflection written)',
  // A part of the page's script that loads on demand did not come (runtime/on-demand.ts).
  partNotLoaded: 'This part of the page could not load, perhaps because the connection dropped. Reload the page to try again: nothing you have saved is lost.',
  downloadNotLoaded: 'Your reflections could not be downloaded: part of the page did not load. Try again, or reload the page; your reflections are kept.',
};

export type PageRuntimeWords = typeof en;
const s = (n: number) => (n === 1 ? '' : 's');

const fr: PageRuntimeWords = {
  continueAt: (title: string) => `Reprendre : ${title}`,
  continueWhere: 'Reprendre là où vous en étiez',
  moduleComplete: 'Module terminé',
  notSeen: 'pas encore vu',
  progressLabel: (seen: number, total: number) => `${seen} diapositive${s(seen)} vue${s(seen)} sur ${total}`,
  seen: 'vu',
  checkCorrect: 'Juste.',
  checkIncorrect: 'Pas tout à fait.',
  checkRetry: 'Réessayer',
  characters: (n: number) => `${n} caractère${s(n)}`,
  clearConfirm: 'Effacer cette réflexion ? Son texte sera supprimé de ce navigateur.',
  clearReflection: 'Effacer',
  downloadReflections: 'Télécharger mes réflexions',
  reflectionCleared: 'Réflexion effacée',
  reflectionNotSaved: 'Non enregistré : ce navigateur ne garde rien. Téléchargez vos réflexions pour les conserver.',
  reflectionNotSavedLms: 'Pas encore enregistré dans le LMS : un nouvel essai aura lieu à votre prochaine modification. Téléchargez vos réflexions pour en garder une copie.',
  reflectionSaved: (time: string) => `Enregistré à ${time}`,
  reflectionSaving: 'Enregistrement…',
  reflectionTooLongForLms: 'Enregistré ici, mais trop long pour votre LMS : téléchargez vos réflexions pour garder le texte complet.',
  attemptsLine: (used: number, left: number) => `Tentatives utilisées : ${used}. Tentatives restantes : ${left}.`,
  keptBest: 'Votre meilleure tentative compte.',
  keptLast: 'Votre dernière tentative compte.',
  exportEmpty: '(aucune réflexion écrite)',
  partNotLoaded: 'Cette partie de la page n’a pas pu se charger, peut-être parce que la connexion a été coupée. Rechargez la page pour réessayer : rien de ce que vous avez enregistré n’est perdu.',
  downloadNotLoaded: 'Vos réflexions n’ont pas pu être téléchargées : une partie de la page ne s’est pas chargée. Réessayez, ou rechargez la page ; vos réflexions sont gardées.',
};

// In the browser's scripts only the course's locale is kept (src/i18n/index.ts, BROWSER_LOCALE).
export const pageRuntimeWords: Translations<PageRuntimeWords> = {
  en: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'en' ? en : fr,
  fr: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'fr' ? fr : en,
};
