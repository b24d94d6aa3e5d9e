/**
 * Single choice: the learner picks one option; right when that option is
 * marked `correct`. LMS interaction type `choice` (SCORM 2004 RTE 4.2.9.1,
 * 1.2 RTE 3.4 cmi.interactions.n.type); suspend data holds one character, the option index.
 */
import { charIndex, indexChar, indexesOf } from './encoding';
import type { CheckOf, QuestionType, ResponseOf } from './types';

type Single = CheckOf<'single'>;

function chosen(check: Single, response: ResponseOf<'single'>) {
  return typeof response === 'string' ? check.options.find((o) => o.id === response) : undefined;
}

export const single: QuestionType<'single'> = {
  type: 'single',

  isComplete(check, response) {
    return chosen(check, response) !== undefined;
  },

  score(check, response) {
    const option = chosen(check, response);
    if (!option) return { correct: false, fraction: 0, feedback: [] };
    return {
      correct: option.correct,
      fraction: option.correct ? 1 : 0,
      feedback: [{ key: option.id, correct: option.correct, text: option.feedback }],
    };
  },

  toInteraction(check, response) {
    const option = chosen(check, response);
    return {
      type: 'choice',
      response: { kind: 'choice', indexes: option ? [check.options.indexOf(option)] : [] },
      correct: { kind: 'choice', indexes: indexesOf(check.options, check.options.filter((o) => o.correct).map((o) => o.id)) },
    };
  },

  encode(check, response) {
    const option = chosen(check, response);
    return option ? indexChar(check.options.indexOf(option)) : '';
  },

  decode(check, encoded) {
    if (encoded.length !== 1) return null;
    return check.options[charIndex(encoded)]?.id ?? null;
  },
};
