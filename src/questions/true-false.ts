/**
 * True/false: the learner judges the statement in the prompt. LMS
 * interaction type `true-false` (SCORM 2004 RTE 4.2.9.1: `true`/`false`;
 * 1.2 RTE 3.4 cmi.interactions.n.type: `t`/`f`). Suspend data holds `t` or `f`.
 */
import type { QuestionType } from './types';

export const trueFalse: QuestionType<'true-false'> = {
  type: 'true-false',

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
    return {
      type: 'true-false',
      response: { kind: 'true-false', value: response === true },
      correct: { kind: 'true-false', value: check.answer },
    };
  },

  encode(_check, response) {
    return typeof response === 'boolean' ? (response ? 't' : 'f') : '';
  },

  decode(_check, encoded) {
    return encoded === 't' ? true : encoded === 'f' ? false : null;
  },
};
