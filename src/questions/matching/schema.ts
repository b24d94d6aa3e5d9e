/** The author's contract for a matching (classification) check. */
import type { z } from 'astro/zod';
import type { FieldKit } from '../../model/fields';

/** Matching / classification: sort each item into one category (keyboard-operable, no drag and drop needed). */
export const matchingSchema = ({ z, checkBase, id, text }: FieldKit) =>
  z.strictObject({
    ...checkBase,
    /** Question type. */
    type: z.literal('matching'),
    /** 2 to 6 categories. */
    categories: z
      .array(
        z.strictObject({
          /** Category id, unique within the check. */
          id,
          /** The category's name as the learner reads it. */
          label: text('the category name'),
        }),
      )
      .min(2, { error: 'needs at least 2 categories' })
      .max(6),
    /** 2 to 12 items, each naming its category. */
    items: z
      .array(
        z.strictObject({
          /** Item id, unique within the check. */
          id,
          /** The item as the learner reads it. */
          text: text('the item text'),
          /** Id of the category this item belongs to (one of the check's `categories`). */
          category: id,
          /** Shown for this item after checking: why it belongs where it does. */
          feedback: text('feedback that says why this item belongs to its category'),
        }),
      )
      .min(2, { error: 'needs at least 2 items' })
      .max(12),
  });

export type MatchingCheck = z.output<ReturnType<typeof matchingSchema>>;
