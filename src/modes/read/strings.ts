/**
 * The reader's words (src/modes/read): its pages and its runtime. The words only the runtime says are
 * kept in runtime/strings/, one file per part of the runtime, so each chunk of the reader's script
 * carries only its own (a page's first script none of the assessment's, summary's, export's or search's);
 * they are spread in here, so the pages read one table.
 */
import type { Translations } from '../../i18n';
import { pageRuntimeWords } from './runtime/strings/page';
import { summaryWords } from './runtime/strings/summary';
import { assessmentWords } from './runtime/strings/assessment';
import { exportWords } from './runtime/strings/export';
import { searchWords } from './runtime/strings/search';

const pageEn = {
  estimatedDuration: 'Estimated time',
  courseHome: 'Course home',
  courseNav: 'Course',
  modules: 'Modules',
  modulesNav: 'Modules',
  moduleOf: (n: number, total: number) => `Module ${n} of ${total}`,
  objectivesHeading: 'By the end of this module you will be able to:',
  courseObjectivesHeading: 'What you will be able to do',
  start: 'Start the course',
  contents: 'In this module',
  tocPart: (title: string, n: number, of: number) => `${title} (${n} of ${of})`,
  previousModule: 'Previous module',
  nextModule: 'Next module',
  toSummary: 'Your summary',
  toAssessment: 'The final assessment',
  summaryTitle: 'Your summary',
  summaryIntro: 'Your score, what to revisit, and your reflections. Everything here is stored only in this browser (or in your LMS when you take the course there).',
  scoreHeading: 'Final assessment',
  scoreNoAssessment: 'This course has no final assessment: the knowledge checks are for practice.',
  revisitHeading: 'What to revisit',
  unanswered: 'Not answered yet',
  checksHeading: 'Practice checks',
  columnQuestion: 'Question',
  columnModule: 'Module',
  columnResult: 'Result',
  reflectionsHeading: 'Your reflections',
  presentDeck: 'Present this course',
  opensInNewTab: '(opens in a new tab)',
  presentThisModule: 'Open this module in the presenter deck',
  wholeCourse: 'The whole course on one page',
  lmsPackages: 'For LMS administrators',
  lmsPackagesIntro: 'Upload one of these packages to your LMS. Each holds the same course as one SCO.',
  checkHeading: 'Knowledge check',
  checkSubmit: 'Check answer',
  reflectionHeading: 'Reflect',
  noScriptChecks: 'Checking answers needs JavaScript; the questions and their options are shown so you can still read them.',
  noScriptProgress: 'Progress tracking needs JavaScript. The course text is all here.',
  // The final assessment page (assessment.html)
  assessmentRules: (draw: number, attempts: number, mastery: number, best: boolean) =>
    `Each attempt asks ${draw} questions drawn from a larger pool, so two attempts differ. You have ${attempts} attempt${attempts === 1 ? '' : 's'}; ${best ? 'your best one' : 'your latest one'} counts. The pass mark is ${mastery}%.`,
  assessmentFeedbackRule: 'During an attempt you hear only whether each answer is right. After the attempt you see which questions to revisit; the answers are shown once you pass or have used every attempt.',
  assessmentTimeLimit: (minutes: number) => `Each attempt has a time limit of ${minutes} minutes, which you can extend as often as you need.`,
  noScriptAssessment: 'The final assessment needs JavaScript.',
  submitAnswer: 'Submit answer',
  handIn: 'Hand in the attempt',
  // The glossary and the references (glossary.html, references.html)
  toGlossary: 'Glossary',
  toReferences: 'References',
  termSources: 'Source',
  termRelated: 'See also',
  referenceNote: 'Note',
  // Where a reflection's text goes: the reader on the open web, a reflection kept private, the LMS package.
  reflectionWhereDevice: 'What you write here stays in this browser on this device. Nobody else can read it; download it to keep a copy.',
  reflectionWherePrivate: 'Private: what you write here stays in this browser on this device and in your download. It is never sent to your LMS.',
  reflectionWhereLms: 'What you write here is saved to your LMS with your course record, where its administrators and your instructors can read it. It also stays in this browser.',
  // Search (the form in every reader page's header: runtime/search.ts)
  searchLandmark: 'Search the course',
  searchLabel: 'Search the course',
  searchSubmit: 'Search',
};

const en = { ...pageEn, ...pageRuntimeWords.en, ...summaryWords.en, ...assessmentWords.en, ...exportWords.en, ...searchWords.en };

export type ReadStrings = typeof en;

const s = (n: number) => (n === 1 ? '' : 's');

const pageFr: typeof pageEn = {
  estimatedDuration: 'Durée estimée',
  courseHome: 'Accueil du cours',
  courseNav: 'Cours',
  modules: 'Modules',
  modulesNav: 'Modules',
  moduleOf: (n: number, total: number) => `Module ${n} sur ${total}`,
  objectivesHeading: 'À la fin de ce module, vous saurez :',
  courseObjectivesHeading: 'Ce que vous saurez faire',
  start: 'Commencer le cours',
  contents: 'Dans ce module',
  previousModule: 'Module précédent',
  nextModule: 'Module suivant',
  toSummary: 'Votre bilan',
  toAssessment: 'L’évaluation finale',
  summaryTitle: 'Votre bilan',
  summaryIntro: 'Votre score, ce qu’il faut revoir et vos réflexions. Tout ce qui est ici n’est enregistré que dans ce navigateur (ou dans votre LMS si vous suivez le cours depuis celui-ci).',
  scoreHeading: 'Évaluation finale',
  scoreNoAssessment: 'Ce cours n’a pas d’évaluation finale : les questions de vérification servent à s’entraîner.',
  revisitHeading: 'À revoir',
  unanswered: 'Pas encore répondu',
  checksHeading: 'Questions d’entraînement',
  columnQuestion: 'Question',
  columnModule: 'Module',
  columnResult: 'Résultat',
  reflectionsHeading: 'Vos réflexions',
  presentDeck: 'Présenter ce cours',
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
  presentThisModule: 'Ouvrir ce module dans la présentation',
  wholeCourse: 'Tout le cours sur une page',
  lmsPackages: 'Pour les administrateurs de LMS',
  lmsPackagesIntro: 'Déposez l’un de ces paquets dans votre LMS. Chacun contient le même cours, en un seul SCO.',
  checkHeading: 'Vérifiez vos connaissances',
  checkSubmit: 'Vérifier la réponse',
  reflectionHeading: 'Réfléchir',
  noScriptChecks: 'La vérification des réponses a besoin de JavaScript ; les questions et leurs options sont affichées pour que vous puissiez les lire.',
  noScriptProgress: 'Le suivi de la progression a besoin de JavaScript. Tout le texte du cours est ici.',
  assessmentRules: (draw: number, attempts: number, mastery: number, best: boolean) =>
    `Chaque tentative pose ${draw} questions tirées d’un ensemble plus large, si bien que deux tentatives diffèrent. Vous avez ${attempts} tentative${s(attempts)} ; ${best ? 'la meilleure' : 'la dernière'} compte. Le seuil de réussite est de ${mastery} %.`,
  assessmentFeedbackRule: 'Pendant une tentative, vous apprenez seulement si chaque réponse est juste. Après la tentative, vous voyez les questions à revoir ; les réponses sont montrées une fois que vous avez réussi ou utilisé toutes vos tentatives.',
  assessmentTimeLimit: (minutes: number) => `Chaque tentative est limitée à ${minutes} minutes, que vous pouvez prolonger autant que nécessaire.`,
  noScriptAssessment: 'L’évaluation finale a besoin de JavaScript.',
  submitAnswer: 'Valider la réponse',
  handIn: 'Rendre la tentative',
  tocPart: (title: string, n: number, of: number) => `${title} (${n} sur ${of})`,
  toGlossary: 'Glossaire',
  toReferences: 'Références',
  termSources: 'Source',
  termRelated: 'Voir aussi',
  referenceNote: 'Note',
  reflectionWhereDevice: 'Ce que vous écrivez ici reste dans ce navigateur, sur cet appareil. Personne d’autre ne peut le lire ; téléchargez-le pour en garder une copie.',
  reflectionWherePrivate: 'Privé : ce que vous écrivez ici reste dans ce navigateur, sur cet appareil, et dans votre téléchargement. Ce n’est jamais envoyé à votre LMS.',
  reflectionWhereLms: 'Ce que vous écrivez ici est enregistré dans votre LMS avec votre dossier de cours, où ses administrateurs et vos formateurs peuvent le lire. Il reste aussi dans ce navigateur.',
  searchLandmark: 'Rechercher dans le cours',
  searchLabel: 'Rechercher dans le cours',
  searchSubmit: 'Rechercher',
};

const fr: ReadStrings = { ...pageFr, ...pageRuntimeWords.fr, ...summaryWords.fr, ...assessmentWords.fr, ...exportWords.fr, ...searchWords.fr };

// In the browser's scripts only the course's locale is kept (src/i18n/index.ts, BROWSER_LOCALE).
export const readStrings: Translations<ReadStrings> = {
  en: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'en' ? en : fr,
  fr: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'fr' ? fr : en,
};
