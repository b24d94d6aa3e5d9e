/** The author's contract for a single-choice check. */
import type { z } from 'astro/zod';
import type { FieldKit } from '../../model/fields';
import { choiceOptionsSchema } from '../choice';

/** Single choice: one correct option among 2 to 10. */
export const singleSchema = (kit: FieldKit) =>
  kit.z.strictObject({
    ...kit.checkBase,
    /** Question type. */
    type: kit.z.literal('single'),
    /** 2 to 10 options; exactly one has `correct: true`. */
    options: choiceOptionsSchema(kit),
  });

export type SingleCheck = z.output<ReturnType<typeof singleSchema>>;
