/** What the matching type does with an answer (index.ts has the whole type): all a learner's page loads of it (questions/load.ts). */
import type { AnswerBehaviour } from '../contract';
import { asStringRecord, charIndex, indexChar } from '../encoding';
import type { MatchingCheck } from './schema';

/** Item id -> id of the category the learner placed it in; unplaced items are absent. */
export type MatchingResponse = Readonly<Record<string, string>>;

const UNPLACED = '_';

/** Category index of each item, in item order; -1 when unplaced or placed in an unknown category. */
function placements(check: MatchingCheck, response: MatchingResponse): number[] {
  const record = asStringRecord(response) ?? {};
  return check.items.map((item) => {
    const categoryId = Object.hasOwn(record, item.id) ? record[item.id] : undefined;
    return categoryId === undefined ? -1 : check.categories.findIndex((c) => c.id === categoryId);
  });
}

const categoryIndex = (check: MatchingCheck, categoryId: string) => check.categories.findIndex((c) => c.id === categoryId);

const selects = (form: HTMLFormElement) => form.querySelectorAll<HTMLSelectElement>('select');

export const matchingAnswers: AnswerBehaviour<MatchingCheck, MatchingResponse> = {
  type: 'matching',

  // Each item in any of the categories, independently.
  guessChance: (check) => 1 / check.categories.length ** check.items.length,

  isComplete(check, response) {
    return placements(check, response).every((p) => p >= 0);
  },

  score(check, response) {
    const placed = placements(check, response);
    const feedback = check.items.map((item, i) => ({ key: item.id, correct: placed[i] === categoryIndex(check, item.category), text: item.feedback }));
    const rightly = feedback.filter((f) => f.correct).length;
    return { correct: rightly === check.items.length, fraction: rightly / check.items.length, feedback };
  },

  toInteraction(check, response) {
    const placed = placements(check, response);
    return {
      type: 'matching',
      sources: check.items.map((i) => i.id),
      targets: check.categories.map((c) => c.id),
      pairs: check.items.flatMap((item, i) => {
        const category = check.categories[placed[i] ?? -1];
        return category ? [[item.id, category.id] as const] : [];
      }),
      correct: check.items.map((item) => [item.id, item.category] as const),
    };
  },

  encode(check, response) {
    return placements(check, response)
      .map((p) => (p >= 0 ? indexChar(p) : UNPLACED))
      .join('');
  },

  decode(check, encoded) {
    if (encoded.length !== check.items.length) return null;
    const out: Record<string, string> = {};
    for (let i = 0; i < encoded.length; i++) {
      const c = encoded.charAt(i);
      if (c === UNPLACED) continue;
      const category = check.categories[charIndex(c)];
      const item = check.items[i];
      if (!category || !item) return null;
      out[item.id] = category.id;
    }
    return out;
  },

  form: {
    read(form) {
      const placed: Record<string, string> = {};
      for (const select of selects(form)) if (select.value) placed[select.name] = select.value;
      return placed;
    },
    write(form, _check, response) {
      for (const select of selects(form)) select.value = Object.hasOwn(response, select.name) ? (response[select.name] ?? '') : '';
    },
    clear(form) {
      for (const select of selects(form)) select.value = '';
    },
  },
};
