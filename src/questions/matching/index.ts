/**
 * Matching (classification): the learner sorts every item into one category.
 * Right when every item is in its own category; the fraction is the share of
 * items placed rightly. LMS interaction type `matching`, one item.category
 * pair per placed item (SCORM 2004 RTE 4.2.9.1; 1.2 RTE 3.4
 * cmi.interactions.n.type). Suspend data holds one character per item, in
 * item order: the category index, or `_` for an item not placed. Reader
 * form: one menu per item (`<select name="<item id>">`), no drag and drop.
 */
import { defineQuestionType, duplicateIdProblems } from '../contract';
import { asStringRecord, charIndex, indexChar } from '../encoding';
import { matchingSchema, type MatchingCheck } from './schema';

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

export const matching = defineQuestionType<MatchingCheck, MatchingResponse>({
  type: 'matching',
  schema: matchingSchema,

  // Each item in any of the categories, independently.
  guessChance: (check) => 1 / check.categories.length ** check.items.length,

  rules(check) {
    const problems = [...duplicateIdProblems(check.categories, 'categories', 'categories'), ...duplicateIdProblems(check.items, 'items', 'items')];
    const categories = check.categories.map((c) => c.id);
    check.items.forEach((item, i) => {
      if (!categories.includes(item.category))
        problems.push({
          field: `items[${i}].category`,
          message: `names "${item.category}", which is not among the check's categories (${categories.join(', ')}): use one of them`,
        });
    });
    return problems;
  },

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
});
