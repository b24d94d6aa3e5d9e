/** The author's contract for an ordering (sequencing) check. */
import type { z } from 'astro/zod';
import type { FieldKit } from '../../model/fields';

/** Ordering: put 3 to 10 items in sequence. The author lists them in the right order; learners see them scrambled. */
export const orderingSchema = ({ z, checkBase, id, text }: FieldKit) =>
  z.strictObject({
    ...checkBase,
    /** Question type. */
    type: z.literal('ordering'),
    /** The items in the right order, first to last. */
    items: z
      .array(
        z.strictObject({
          /** Item id, unique within the check. */
          id,
          /** The item as the learner reads it. */
          text: text('the item text'),
          /** Shown after checking: why this item comes where it does. */
          feedback: text('feedback that says why this item comes where it does'),
        }),
      )
      .min(3, { error: 'needs at least 3 items: with two, use a true/false or single-choice check' })
      .max(10, { error: 'has more than 10 items: split the question' }),
  });

export type OrderingCheck = z.output<ReturnType<typeof orderingSchema>>;
