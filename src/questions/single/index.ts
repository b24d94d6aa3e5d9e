/**
 * Single choice: the learner picks one option; right when that option is
 * marked `correct`. LMS interaction type `choice` (SCORM 2004 RTE 4.2.9.1;
 * 1.2 RTE 3.4 cmi.interactions.n.type). Suspend data holds one character,
 * the option index. Reader form: radio buttons (Form.astro).
 */
import { defineQuestionType, duplicateIdProblems } from '../contract';
import { singleSchema, type SingleCheck } from './schema';
import { singleAnswers, type SingleResponse } from './answer';

export { singleAnswers, type SingleResponse };

/** The whole type: its answers and, for the build, its authoring contract. */
export const single = defineQuestionType<SingleCheck, SingleResponse>({
  ...singleAnswers,
  schema: singleSchema,

  rules(check) {
    const problems = duplicateIdProblems(check.options, 'options', 'options');
    const n = check.options.filter((o) => o.correct).length;
    if (n === 0) problems.push({ field: 'options', message: 'has no correct answer: mark the right option with correct: true' });
    else if (n > 1)
      problems.push({ field: 'options', message: `has ${n} correct options but is single choice: keep one correct: true, or make it type: multiple` });
    return problems;
  },
});
