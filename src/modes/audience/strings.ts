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
export const audienceStrings: Translations<AudienceStrings> = { en };
