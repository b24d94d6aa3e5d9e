/** The summary page's runtime (summary.ts, loaded on that page only): a part of the reader's words (../../strings.ts), in its own file so a chunk carries only its own. */
import type { Translations } from '../../../../i18n';

const en = {
  correctLabel: 'Correct',
  failedFinal: 'Not passed: every attempt is used.',
  incorrectLabel: 'Not correct yet',
  notYetPassed: 'Not passed yet.',
  passed: 'Passed',
  practiceLine: (correct: number, answered: number, total: number) => `Practice checks: ${correct} of ${total} right (${answered} answered). Practice is never scored.`,
  revisitItem: (title: string) => `Revisit "${title}"`,
  revisitNone: 'Nothing to revisit: every question you answered is correct.',
  scoreLine: (percent: number, mastery: number) => `Your score is ${percent}%. The pass mark is ${mastery}%.`,
  scoreNone: 'You have not taken the final assessment yet.',
  takeAssessment: 'Take the final assessment',
};

export type SummaryWords = typeof en;
const s = (n: number) => (n === 1 ? '' : 's');

const fr: SummaryWords = {
  correctLabel: 'Juste',
  failedFinal: 'Non réussi : toutes les tentatives sont utilisées.',
  incorrectLabel: 'Pas encore juste',
  notYetPassed: 'Pas encore réussi.',
  passed: 'Réussi',
  practiceLine: (correct: number, answered: number, total: number) => `Questions d’entraînement : ${correct} juste${s(correct)} sur ${total} (${answered} répondue${s(answered)}). L’entraînement n’est jamais noté.`,
  revisitItem: (title: string) => `Revoir « ${title} »`,
  revisitNone: 'Rien à revoir : toutes vos réponses sont justes.',
  scoreLine: (percent: number, mastery: number) => `Votre score est de ${percent} %. Le seuil de réussite est de ${mastery} %.`,
  scoreNone: 'Vous n’avez pas encore passé l’évaluation finale.',
  takeAssessment: 'Passer l’évaluation finale',
};

// In the browser's scripts only the course's locale is kept (src/i18n/index.ts, BROWSER_LOCALE).
export const summaryWords: Translations<SummaryWords> = {
  en: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'en' ? en : fr,
  fr: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'fr' ? fr : en,
};
