/**
 * Ordering: the learner puts the items in sequence; right when every item is
 * in its place. The fraction is the share of items in their right position.
 * LMS interaction type `sequencing` (SCORM 2004 RTE 4.2.9.1; 1.2 RTE 3.4
 * cmi.interactions.n.type). Suspend data holds the item indexes (author
 * order) in the learner's order, one character each.
 *
 * Reader form (Form.astro): the items as a list, each with Up and Down
 * buttons; no drag and drop, so it works with a keyboard and a screen
 * reader. The list starts scrambled (order.ts), never in the right order.
 */
import { defineQuestionType, duplicateIdProblems } from '../contract';
import { orderingSchema, type OrderingCheck } from './schema';
import { orderingAnswers, type OrderingResponse } from './answer';
export { presentedOrder } from './order';

export { orderingAnswers, type OrderingResponse };

/** The whole type: its answers and, for the build, its authoring contract. */
export const ordering = defineQuestionType<OrderingCheck, OrderingResponse>({
  ...orderingAnswers,
  schema: orderingSchema,

  rules: (check) => duplicateIdProblems(check.items, 'items', 'items'),
});
