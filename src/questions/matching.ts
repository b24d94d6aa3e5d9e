/**
 * Matching (classification): the learner sorts every item into one category.
 * Right when every item is in its own category; the fraction is the share of
 * items placed rightly. LMS interaction type `matching`, one
 * item.category pair per placed item (SCORM 2004 RTE 4.2.9.1; 1.2 RTE
 * 3.4 cmi.interactions.n.type). Suspend data holds one character per item, in item order: the
 * category index, or `_` for an item not placed.
 */
import { asStringRecord, charIndex, indexChar } from './encoding';
import type { CheckOf, QuestionType, ResponseOf } from './types';

type Matching = CheckOf<'matching'>;

const UNPLACED = '_';

/** Category index of each item, in item order; -1 when unplaced or placed in an unknown category. */
function placements(check: Matching, response: ResponseOf<'matching'>): number[] {
  const record = asStringRecord(response) ?? {};
  return check.items.map((item) => {
    const categoryId = Object.hasOwn(record, item.id) ? record[item.id] : undefined;
    return categoryId === undefined ? -1 : check.categories.findIndex((c) => c.id === categoryId);
  });
}

function categoryIndex(check: Matching, categoryId: string): number {
  return check.categories.findIndex((c) => c.id === categoryId);
}

export const matching: QuestionType<'matching'> = {
  type: 'matching',

  isComplete(check, response) {
    return placements(check, response).every((p) => p >= 0);
  },

  score(check, response) {
    const placed = placements(check, response);
    const feedback = check.items.map((item, i) => ({
      key: item.id,
      correct: placed[i] === categoryIndex(check, item.category),
      text: item.feedback,
    }));
    const rightly = feedback.filter((f) => f.correct).length;
    return { correct: rightly === check.items.length, fraction: rightly / check.items.length, feedback };
  },

  toInteraction(check, response) {
    const pairs: Array<[number, number]> = [];
    placements(check, response).forEach((p, item) => {
      if (p >= 0) pairs.push([item, p]);
    });
    return {
      type: 'matching',
      response: { kind: 'matching', pairs },
      correct: { kind: 'matching', pairs: check.items.map((item, i): [number, number] => [i, categoryIndex(check, item.category)]) },
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
};
