/**
 * True/false: the learner judges the statement in the prompt. LMS
 * interaction type `true-false` (SCORM 2004 RTE 4.2.9.1: `true`/`false`;
 * 1.2 RTE 3.4 cmi.interactions.n.type: `t`/`f`). Suspend data holds `t` or
 * `f`. Reader form: two radio buttons whose values are `true` and `false`.
 */
import { defineQuestionType } from '../contract';
import { trueFalseSchema, type TrueFalseCheck } from './schema';
import { trueFalseAnswers, type TrueFalseResponse } from './answer';

export { trueFalseAnswers, type TrueFalseResponse };

/** The whole type: its answers and, for the build, its authoring contract. */
export const trueFalse = defineQuestionType<TrueFalseCheck, TrueFalseResponse>({
  ...trueFalseAnswers,
  schema: trueFalseSchema,

  rules: () => [],
});
