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
import { matchingSchema, type MatchingCheck } from './schema';
import { matchingAnswers, type MatchingResponse } from './answer';

export { matchingAnswers, type MatchingResponse };

/** The whole type: its answers and, for the build, its authoring contract. */
export const matching = defineQuestionType<MatchingCheck, MatchingResponse>({
  ...matchingAnswers,
  schema: matchingSchema,

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
});
