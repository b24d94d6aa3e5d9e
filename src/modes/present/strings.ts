/** The deck's words (src/modes/present): its page, slides and runtime. */
import type { Translations } from '../../i18n';

const list = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

const en = {
  pageTitle: (course: string) => `${course} (presentation)`,
  heading: (course: string) => `${course}: presentation slides`,
  slideAnnouncement: (n: number, total: number, title: string) => `Slide ${n} of ${total}: ${title}`,
  controlsLabel: 'Slide controls',
  pauseHeading: 'Pause and reflect',
  minutesLong: (n: number) => (n === 1 ? '1 minute' : `${n} minutes`),
  countdownStart: (clock: string) => `Start timer (${clock})`,
  countdownStop: 'Stop timer',
  countdownLabel: 'Time left',
  countdownStarted: (duration: string) => `Timer started: ${duration}.`,
  countdownStopped: (clock: string) => `Timer stopped with ${clock} left.`,
  countdownDone: 'Time is up.',
  notesTime: (n: number) => `Suggested time: ${n} min`,
  notesReaderLink: 'Open this slide in the course reader (new tab)',
  notesModuleLink: 'Open this part in the course reader (new tab)',
  notesHomeLink: 'Open the course reader (new tab)',
  /** The credit line of the seed's slides, from course.yaml `copyright`. */
  creditSeed: (copyright: string) => `© ${copyright}`,
  /** The credit line of what this course added (generated slides, checks, pauses). */
  creditCourse: (course: string) => `Written for this edition of ${course}`,
  // Generated slides (deck.ts)
  agendaTitle: 'Agenda',
  agendaMinutes: (n: number) => `${n} min`,
  agendaNotes: (o: { minutes: number; modules: number; polls: number; minGap: number; leftOut: readonly string[] }) => [
    `Walk the room through the ${o.modules} parts of the session. By the slides' timings it runs about ${o.minutes} minutes, pauses and questions included.`,
    `Pacing of the questions: the deck asks the room ${o.polls} questions, about one per part and never two in a row (at least ${o.minGap} slides between two questions), each on its own slide with the answer on the next step, so the session stays a conversation rather than a quiz. ` +
      (o.leftOut.length > 0
        ? `The other ${o.leftOut.length} knowledge checks (${list(o.leftOut)}) stay in the self-paced course and the LMS package, where learners answer them on their own.`
        : 'Every knowledge check of the course is in the deck.'),
  ],
  dividerKicker: (n: number, total: number) => `Part ${n} of ${total}`,
  dividerObjectives: 'In this part:',
  dividerNotes: (title: string) => [
    `Introduce the next part, ${title}. Read its objectives aloud: they say what the group will be able to do by the end of it.`,
  ],
  recapTitle: 'Recap',
  recapNotes: (titles: readonly string[]) => [
    `Before the close, go back over the ${titles.length} parts: ${list(titles)}. For each, ask the room for one idea they will take away, and which of its objectives (on its divider slide) they now feel able to meet.`,
  ],
  // Live answers (runtime/live.ts fills these in when the deck is served by `npm run present -- --live`)
  liveJoin: 'Answer on your phone',
  liveRoom: 'Room code',
  liveQr: (url: string) => `QR code to open ${url}`,
  /** The tally's total; the runtime fills {n}. */
  liveAnswers: 'Answers so far: {n}',
  liveAnswersOf: 'answers',
  // The speaker view (reveal's notes plugin, repaired by runtime/speaker-view.ts)
  speakerTitle: (course: string) => `Speaker view: ${course}`,
  speakerHeading: 'Speaker view',
  speakerLayout: 'Speaker view layout',
  speakerCurrent: 'Current slide',
  speakerUpcoming: 'Upcoming slide',
  speakerReset: 'Reset timer',
};

export type PresentStrings = typeof en;
const liste = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`);

const fr: PresentStrings = {
  pageTitle: (course: string) => `${course} (présentation)`,
  heading: (course: string) => `${course} : diapositives de présentation`,
  slideAnnouncement: (n: number, total: number, title: string) => `Diapositive ${n} sur ${total} : ${title}`,
  controlsLabel: 'Commandes des diapositives',
  pauseHeading: 'Pause et réflexion',
  minutesLong: (n: number) => (n === 1 ? '1 minute' : `${n} minutes`),
  countdownStart: (clock: string) => `Lancer le minuteur (${clock})`,
  countdownStop: 'Arrêter le minuteur',
  countdownLabel: 'Temps restant',
  countdownStarted: (duration: string) => `Minuteur lancé : ${duration}.`,
  countdownStopped: (clock: string) => `Minuteur arrêté, ${clock} restant.`,
  countdownDone: 'Le temps est écoulé.',
  notesTime: (n: number) => `Durée suggérée : ${n} min`,
  notesReaderLink: 'Ouvrir cette diapositive dans le cours (nouvel onglet)',
  notesModuleLink: 'Ouvrir cette partie dans le cours (nouvel onglet)',
  notesHomeLink: 'Ouvrir le cours (nouvel onglet)',
  creditSeed: (copyright: string) => `© ${copyright}`,
  creditCourse: (course: string) => `Écrit pour cette édition de ${course}`,
  agendaTitle: 'Programme',
  agendaMinutes: (n: number) => `${n} min`,
  agendaNotes: (o: { minutes: number; modules: number; polls: number; minGap: number; leftOut: readonly string[] }) => [
    `Présentez à la salle les ${o.modules} parties de la séance. D’après les durées des diapositives, elle dure environ ${o.minutes} minutes, pauses et questions comprises.`,
    `Rythme des questions : la présentation pose ${o.polls} questions à la salle, environ une par partie et jamais deux de suite (au moins ${o.minGap} diapositives entre deux questions), chacune sur sa diapositive avec la réponse à l’étape suivante, pour que la séance reste une conversation plutôt qu’un quiz. ` +
      (o.leftOut.length > 0
        ? `Les ${o.leftOut.length} autres questions de vérification (${liste(o.leftOut)}) restent dans le cours en autonomie et le paquet LMS, où chacun y répond seul.`
        : 'Toutes les questions de vérification du cours sont dans la présentation.'),
  ],
  dividerKicker: (n: number, total: number) => `Partie ${n} sur ${total}`,
  dividerObjectives: 'Dans cette partie :',
  dividerNotes: (title: string) => [
    `Présentez la partie suivante, ${title}. Lisez ses objectifs à voix haute : ils disent ce que le groupe saura faire à la fin.`,
  ],
  recapTitle: 'Récapitulatif',
  recapNotes: (titles: readonly string[]) => [
    `Avant de conclure, revenez sur les ${titles.length} parties : ${liste(titles)}. Pour chacune, demandez à la salle une idée à retenir, et lequel de ses objectifs (sur sa diapositive d’ouverture) chacun se sent désormais capable d’atteindre.`,
  ],
  liveJoin: 'Répondez sur votre téléphone',
  liveRoom: 'Code de la salle',
  liveQr: (url: string) => `Code QR pour ouvrir ${url}`,
  liveAnswers: 'Réponses jusqu’ici : {n}',
  liveAnswersOf: 'réponses',
  speakerTitle: (course: string) => `Vue de l’orateur : ${course}`,
  speakerHeading: 'Vue de l’orateur',
  speakerLayout: 'Disposition de la vue de l’orateur',
  speakerCurrent: 'Diapositive actuelle',
  speakerUpcoming: 'Diapositive suivante',
  speakerReset: 'Remettre le minuteur à zéro',
};

// In the browser's scripts only the course's locale is kept (src/i18n/index.ts, BROWSER_LOCALE).
export const presentStrings: Translations<PresentStrings> = {
  en: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'en' ? en : fr,
  fr: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'fr' ? fr : en,
};
