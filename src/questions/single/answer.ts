/** What the single type does with an answer (index.ts has the whole type): all a learner's page loads of it (questions/load.ts). */
import { checkedValues, choiceInteraction, setChecked } from '../choice';
import type { AnswerBehaviour } from '../contract';
import { charIndex, indexChar } from '../encoding';
import type { SingleCheck } from './schema';

/** Id of the chosen option. */
export type SingleResponse = string;

function chosen(check: SingleCheck, response: SingleResponse) {
  return typeof response === 'string' ? check.options.find((o) => o.id === response) : undefined;
}

export const singleAnswers: AnswerBehaviour<SingleCheck, SingleResponse> = {
  type: 'single',

  // One option of n.
  guessChance: (check) => 1 / check.options.length,

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
    return choiceInteraction(check.options, new Set(option ? [option.id] : []));
  },

  encode(check, response) {
    const option = chosen(check, response);
    return option ? indexChar(check.options.indexOf(option)) : '';
  },

  decode(check, encoded) {
    if (encoded.length !== 1) return null;
    return check.options[charIndex(encoded)]?.id ?? null;
  },

  form: {
    read: (form) => checkedValues(form)[0] ?? null,
    write: (form, _check, response) => setChecked(form, [response]),
    clear: (form) => setChecked(form, []),
  },
};
