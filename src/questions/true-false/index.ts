/**
 * True/false: the learner judges the statement in the prompt. LMS
 * interaction type `true-false` (SCORM 2004 RTE 4.2.9.1: `true`/`false`;
 * 1.2 RTE 3.4 cmi.interactions.n.type: `t`/`f`). Suspend data holds `t` or
 * `f`. Reader form: two radio buttons whose values are `true` and `false`.
 */
import { checkedValues, setChecked } from '../choice';
import { defineQuestionType } from '../contract';
import { trueFalseSchema, type TrueFalseCheck } from './schema';

/** The learner's judgement of the statement in the prompt. */
export type TrueFalseResponse = boolean;

export const trueFalse = defineQuestionType<TrueFalseCheck, TrueFalseResponse>({
  type: 'true-false',
  schema: trueFalseSchema,

  guessChance: () => 1 / 2,

  rules: () => [],

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
});
