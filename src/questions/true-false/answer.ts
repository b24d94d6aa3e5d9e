/** What the true-false type does with an answer (index.ts has the whole type): all a learner's page loads of it (questions/load.ts). */
import { checkedValues, setChecked } from '../choice';
import type { AnswerBehaviour } from '../contract';
import type { TrueFalseCheck } from './schema';

/** The learner's judgement of the statement in the prompt. */
export type TrueFalseResponse = boolean;

export const trueFalseAnswers: AnswerBehaviour<TrueFalseCheck, TrueFalseResponse> = {
  type: 'true-false',

  guessChance: () => 1 / 2,

  isComplete(_check, response) {
    return typeof response === 'boolean';
  },

  score(check, response) {
    if (typeof response !== 'boolean') return { correct: false, fraction: 0, feedback: [] };
    const correct = response === check.answer;
    return {
      correct,
      fraction: correct ? 1 : 0,
      feedback: [{ key: String(response), correct, text: response ? check.feedback.true : check.feedback.false }],
    };
  },

  toInteraction(check, response) {
    return { type: 'true-false', chosen: response === true, correct: check.answer };
  },

  encode(_check, response) {
    return typeof response === 'boolean' ? (response ? 't' : 'f') : '';
  },

  decode(_check, encoded) {
    return encoded === 't' ? true : encoded === 'f' ? false : null;
  },

  form: {
    read(form) {
      const value = checkedValues(form)[0];
      return value === undefined ? null : value === 'true';
    },
    write: (form, _check, response) => setChecked(form, [String(response)]),
    clear: (form) => setChecked(form, []),
    // True before False, always: a shuffled pair reads as a trick.
    arrange: false,
  },
};
