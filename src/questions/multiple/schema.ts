/** The author's contract for a multiple-response check. */
import type { z } from 'astro/zod';
import type { FieldKit } from '../../model/fields';
import { choiceOptionsSchema } from '../choice';

/** Multiple response: one or more correct options among 2 to 10; all must be chosen. */
export const multipleSchema = (kit: FieldKit) =>
  kit.z.strictObject({
    ...kit.checkBase,
    /** Question type. */
    type: kit.z.literal('multiple'),
    /** 2 to 10 options; at least one has `correct: true`. */
    options: choiceOptionsSchema(kit),
  });

export type MultipleCheck = z.output<ReturnType<typeof multipleSchema>>;
