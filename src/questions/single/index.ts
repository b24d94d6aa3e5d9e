/**
 * Single choice: the learner picks one option; right when that option is
 * marked `correct`. LMS interaction type `choice` (SCORM 2004 RTE 4.2.9.1;
 * 1.2 RTE 3.4 cmi.interactions.n.type). Suspend data holds one character,
 * the option index. Reader form: radio buttons (Form.astro).
 */
import { checkedValues, choiceInteraction, setChecked } from '../choice';
import { defineQuestionType, duplicateIdProblems } from '../contract';
import { charIndex, indexChar } from '../encoding';
import { singleSchema, type SingleCheck } from './schema';

/** Id of the chosen option. */
export type SingleResponse = string;

function chosen(check: SingleCheck, response: SingleResponse) {
  return typeof response === 'string' ? check.options.find((o) => o.id === response) : undefined;
}

export const single = defineQuestionType<SingleCheck, SingleResponse>({
  type: 'single',
  schema: singleSchema,

  // One option of n.
  guessChance: (check) => 1 / check.options.length,

  rules(check) {
    const problems = duplicateIdProblems(check.options, 'options', 'options');
    const n = check.options.filter((o) => o.correct).length;
    if (n === 0) problems.push({ field: 'options', message: 'has no correct answer: mark the right option with correct: true' });
    else if (n > 1)
      problems.push({ field: 'options', message: `has ${n} correct options but is single choice: keep one correct: true, or make it type: multiple` });
    return problems;
  },

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
});
