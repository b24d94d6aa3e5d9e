/** The final assessment's runtime (assessment.ts, loaded on its page only): a part of the reader's words (../../strings.ts), in its own file so a chunk carries only its own. */
import type { Translations } from '../../../../i18n';

const en = {
  answerRight: 'Right.',
  answerWrong: 'Not right.',
  answeredCount: (answered: number, total: number) => `${answered} of ${total} answered`,
  answersHeading: 'The questions with their answers',
  attemptHeading: (n: number, total: number) => `Attempt ${n} of ${total}`,
  extendTime: (minutes: number) => `Give me ${minutes} more minutes`,
  handInEarly: (unanswered: number) => `Hand in the attempt? ${unanswered} question${unanswered === 1 ? ' is' : 's are'} not answered and will count as wrong.`,
  questionOf: (n: number, total: number) => `Question ${n} of ${total}`,
  resultFailed: (mastery: number) => `Not passed: the pass mark is ${mastery}%, and every attempt is used.`,
  resultLine: (correct: number, total: number, percent: number) => `${correct} of ${total} right: ${percent}%.`,
  resultNotPassed: (mastery: number, left: number) => `Not passed yet: the pass mark is ${mastery}%. You have ${left} attempt${left === 1 ? '' : 's'} left.`,
  resultPassed: (mastery: number) => `You passed (the pass mark is ${mastery}%).`,
  resultsHeading: (n: number) => `Results of attempt ${n}`,
  startAttempt: (n: number, total: number) => `Start attempt ${n} of ${total}`,
  timeAlmostUp: 'Less than a minute left in this attempt.',
  timeLeft: (minutes: number, seconds: number) => `Time left: ${minutes}:${String(seconds).padStart(2, '0')}`,
  timeUp: 'Time is up: the attempt was handed in.',
  toSummaryAfter: 'See your summary',
  wrongHeading: 'Questions to revisit',
  wrongItem: (objective: string) => `Objective: ${objective}`,
  wrongRevisit: (title: string) => `Revisit "${title}"`,
  yourAnswerRight: 'You answered this right.',
  yourAnswerWrong: 'You answered this wrong.',
};

export type AssessmentWords = typeof en;
const s = (n: number) => (n === 1 ? '' : 's');

const fr: AssessmentWords = {
  answerRight: 'Juste.',
  answerWrong: 'Pas juste.',
  answeredCount: (answered: number, total: number) => `${answered} sur ${total} répondue${s(answered)}`,
  answersHeading: 'Les questions et leurs réponses',
  attemptHeading: (n: number, total: number) => `Tentative ${n} sur ${total}`,
  extendTime: (minutes: number) => `Me donner ${minutes} minutes de plus`,
  handInEarly: (unanswered: number) => `Rendre la tentative ? ${unanswered} question${s(unanswered)} sans réponse ${unanswered === 1 ? 'comptera' : 'compteront'} comme fausse${s(unanswered)}.`,
  questionOf: (n: number, total: number) => `Question ${n} sur ${total}`,
  resultFailed: (mastery: number) => `Non réussi : le seuil de réussite est de ${mastery} %, et toutes les tentatives sont utilisées.`,
  resultLine: (correct: number, total: number, percent: number) => `${correct} juste${s(correct)} sur ${total} : ${percent} %.`,
  resultNotPassed: (mastery: number, left: number) => `Pas encore réussi : le seuil de réussite est de ${mastery} %. Il vous reste ${left} tentative${s(left)}.`,
  resultPassed: (mastery: number) => `Vous avez réussi (le seuil de réussite est de ${mastery} %).`,
  resultsHeading: (n: number) => `Résultats de la tentative ${n}`,
  startAttempt: (n: number, total: number) => `Commencer la tentative ${n} sur ${total}`,
  timeAlmostUp: 'Moins d’une minute restante pour cette tentative.',
  timeLeft: (minutes: number, seconds: number) => `Temps restant : ${minutes}:${String(seconds).padStart(2, '0')}`,
  timeUp: 'Le temps est écoulé : la tentative a été rendue.',
  toSummaryAfter: 'Voir votre bilan',
  wrongHeading: 'Questions à revoir',
  wrongItem: (objective: string) => `Objectif : ${objective}`,
  wrongRevisit: (title: string) => `Revoir « ${title} »`,
  yourAnswerRight: 'Vous avez répondu juste.',
  yourAnswerWrong: 'Vous avez répondu faux.',
};

// In the browser's scripts only the course's locale is kept (src/i18n/index.ts, BROWSER_LOCALE).
export const assessmentWords: Translations<AssessmentWords> = {
  en: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'en' ? en : fr,
  fr: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'fr' ? fr : en,
};
