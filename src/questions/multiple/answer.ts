/** What the multiple type does with an answer (index.ts has the whole type): all a learner's page loads of it (questions/load.ts). */
import { checkedValues, choiceInteraction, setChecked } from '../choice';
import type { AnswerBehaviour } from '../contract';
import { asStringArray, charIndex, indexChar, indexesOf } from '../encoding';
import type { MultipleCheck } from './schema';

/** Ids of the chosen options; order does not matter. */
export type MultipleResponse = readonly string[];

/** Known chosen option ids as a set; unknown ids are ignored, a non-array is empty. */
function chosenIds(check: MultipleCheck, response: MultipleResponse): Set<string> {
  const ids = asStringArray(response) ?? [];
  const known = new Set(check.options.map((o) => o.id));
  return new Set(ids.filter((id) => known.has(id)));
}

export const multipleAnswers: AnswerBehaviour<MultipleCheck, MultipleResponse> = {
  type: 'multiple',

  // Any non-empty set of the n options: 2^n - 1 of them.
  guessChance: (check) => 1 / (2 ** check.options.length - 1),

  isComplete(check, response) {
    return chosenIds(check, response).size > 0;
  },

  score(check, response) {
    const chosen = chosenIds(check, response);
    const rightly = check.options.filter((o) => o.correct === chosen.has(o.id)).length;
    const valid = asStringArray(response)?.every((id) => chosen.has(id)) ?? false;
    return {
      correct: valid && rightly === check.options.length,
      fraction: valid ? rightly / check.options.length : 0,
      feedback: check.options.filter((o) => chosen.has(o.id)).map((o) => ({ key: o.id, correct: o.correct, text: o.feedback })),
    };
  },

  toInteraction(check, response) {
    return choiceInteraction(check.options, chosenIds(check, response));
  },

  encode(check, response) {
    return indexesOf(check.options, chosenIds(check, response)).map(indexChar).join('');
  },

  decode(check, encoded) {
    if (encoded.length === 0) return null;
    const ids: string[] = [];
    let previous = -1;
    for (const c of encoded) {
      const i = charIndex(c);
      const option = check.options[i];
      // Strictly ascending: each index once, as `encode` writes them.
      if (!option || i <= previous) return null;
      ids.push(option.id);
      previous = i;
    }
    return ids;
  },

  form: {
    read: (form) => {
      const values = checkedValues(form);
      return values.length > 0 ? values : null;
    },
    write: (form, _check, response) => setChecked(form, response),
    clear: (form) => setChecked(form, []),
  },
};
