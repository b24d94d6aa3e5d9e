/**
 * Multiple response: the learner picks one or more options; right when the
 * chosen set is exactly the set of options marked `correct`. The fraction is
 * the share of options judged rightly (chosen when correct, left when not).
 * LMS interaction type `choice` with several identifiers (SCORM 2004 RTE
 * 4.2.9.1; 1.2 RTE 3.4 cmi.interactions.n.type). Suspend data holds the
 * chosen indexes, ascending. Reader form: checkboxes (Form.astro).
 */
import { defineQuestionType, duplicateIdProblems } from '../contract';
import { multipleSchema, type MultipleCheck } from './schema';
import { multipleAnswers, type MultipleResponse } from './answer';

export { multipleAnswers, type MultipleResponse };

/** The whole type: its answers and, for the build, its authoring contract. */
export const multiple = defineQuestionType<MultipleCheck, MultipleResponse>({
  ...multipleAnswers,
  schema: multipleSchema,

  rules(check) {
    const problems = duplicateIdProblems(check.options, 'options', 'options');
    if (!check.options.some((o) => o.correct))
      problems.push({ field: 'options', message: 'has no correct answer: mark each right option with correct: true' });
    return problems;
  },
});
