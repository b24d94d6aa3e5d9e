/** The phones' page's words (src/modes/audience). */
import type { Translations } from '../../i18n';

const en = {
  pageTitle: (course: string) => `Answer live: ${course}`,
  heading: 'Answer live',
  intro: 'Answer the presenter’s questions from your seat. No account, nothing to install; your answer is counted with everyone else’s and nothing about you is kept.',
  roomLabel: 'Room code (on the screen)',
  join: 'Join',
  status: {
    connecting: 'Connecting…',
    joined: 'You are in. The question appears here when the presenter asks it.',
    wrongRoom: 'That room code is not right: check the screen and try again.',
    offline: 'Not connected. Checking again…',
    ended: 'The session has ended.',
  },
  onScreen: 'On the screen now',
  noQuestion: 'No question right now: follow along below.',
  submit: 'Send my answer',
  choose: 'Choose an answer first.',
  chooseEach: 'Choose a category for every statement first.',
  orderEach: 'Give every place a different item first.',
  /** The runtime fills {n}. */
  place: 'Place {n}',
  statement: 'Statement {n}',
  pick: 'Choose…',
  result: {
    accepted: 'Thank you: your answer is in.',
    duplicate: 'This phone has already answered this question.',
    closed: 'This question is closed: the answer is on the screen.',
    invalid: 'That answer could not be read; try again.',
  },
  answered: 'You have answered this question.',
  closed: 'The answer is on the screen.',
};

export type AudienceStrings = typeof en;
/** What the page hands its runtime (as JSON: words only, no functions). */
export type AudienceRuntimeStrings = Omit<AudienceStrings, 'pageTitle'>;
const fr: AudienceStrings = {
  pageTitle: (course: string) => `Répondre en direct : ${course}`,
  heading: 'Répondre en direct',
  intro: 'Répondez aux questions de la personne qui présente depuis votre place. Sans compte, rien à installer ; votre réponse est comptée avec celles des autres et rien sur vous n’est conservé.',
  roomLabel: 'Code de la salle (à l’écran)',
  join: 'Rejoindre',
  status: {
    connecting: 'Connexion…',
    joined: 'Vous y êtes. La question apparaît ici quand elle est posée.',
    wrongRoom: 'Ce code de salle n’est pas le bon : vérifiez l’écran et réessayez.',
    offline: 'Pas de connexion. Nouvel essai…',
    ended: 'La séance est terminée.',
  },
  onScreen: 'À l’écran en ce moment',
  noQuestion: 'Pas de question pour l’instant : suivez ci-dessous.',
  submit: 'Envoyer ma réponse',
  choose: 'Choisissez d’abord une réponse.',
  chooseEach: 'Choisissez d’abord une catégorie pour chaque affirmation.',
  orderEach: 'Donnez d’abord un élément différent à chaque place.',
  place: 'Place {n}',
  statement: 'Affirmation {n}',
  pick: 'Choisir…',
  result: {
    accepted: 'Merci : votre réponse est enregistrée.',
    duplicate: 'Ce téléphone a déjà répondu à cette question.',
    closed: 'Cette question est close : la réponse est à l’écran.',
    invalid: 'Cette réponse n’a pas pu être lue ; réessayez.',
  },
  answered: 'Vous avez répondu à cette question.',
  closed: 'La réponse est à l’écran.',
};

// In the browser's scripts only the course's locale is kept (src/i18n/index.ts, BROWSER_LOCALE).
export const audienceStrings: Translations<AudienceStrings> = {
  en: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'en' ? en : fr,
  fr: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'fr' ? fr : en,
};
