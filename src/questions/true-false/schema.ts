/** The author's contract for a true/false check. */
import type { z } from 'astro/zod';
import type { FieldKit } from '../../model/fields';

/** True/false: a statement the learner judges. */
export const trueFalseSchema = ({ z, checkBase, text }: FieldKit) =>
  z.strictObject({
    ...checkBase,
    /** Question type. */
    type: z.literal('true-false'),
    /** Whether the statement in `prompt` is true. */
    answer: z.boolean({ error: 'is missing: say whether the statement is true (answer: true) or false (answer: false)' }),
    /** Feedback for each answer the learner may give. */
    feedback: z.strictObject({
      /** Shown when the learner answers "true". */
      true: text('feedback shown when the learner answers "true"'),
      /** Shown when the learner answers "false". */
      false: text('feedback shown when the learner answers "false"'),
    }),
  });

export type TrueFalseCheck = z.output<ReturnType<typeof trueFalseSchema>>;
