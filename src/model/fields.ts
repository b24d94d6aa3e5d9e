/**
 * The field kit every part of the author's contract is built from: ids,
 * required text, and the fields all knowledge checks share. Build-time only
 * (it imports zod). Question types receive it as an argument
 * (src/questions/contract.ts `schema(kit)`), so their own modules never
 * import zod and stay small enough to ship to the learner's browser.
 *
 * Messages name what to do, not only what is wrong: the build prints them
 * next to the file and the field.
 */
import { z } from 'astro/zod';

/** Kebab-case id: lower-case letters, digits and single hyphens. */
export const idSchema = z
  .string({ error: 'is missing: give a kebab-case id such as "five-good-things"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be kebab-case (lower-case letters, digits, single hyphens), e.g. "five-good-things"',
  });

/** Required, non-blank text; `what` says what to write when it is missing. */
export const text = (what: string) =>
  z
    .string({ error: `is missing: write ${what}` })
    .trim()
    .min(1, { error: `is empty: write ${what}` });

/** What a check assesses: ties it to the module's objective and to the slide that teaches it. */
export const assessesSchema = z.strictObject(
  {
    /** Id of a learning objective of the module this check's slide belongs to. */
    objective: idSchema,
    /** Id of the slide whose content the check assesses (this slide or an earlier one). */
    slide: idSchema,
  },
  { error: 'is missing: say what the check assesses, e.g. { objective: name-five-good-things, slide: five-good-things }' },
);

/** The fields every knowledge check has, whatever its type. */
export const checkBase = {
  /** Check id, unique across the course (kebab-case); used as the LMS interaction id. */
  id: idSchema,
  /** The question, as asked. */
  prompt: text('the question'),
  /** Shown after every attempt: the reasoning behind the answer, citing the slide. */
  explanation: text('an explanation shown after the learner checks the answer'),
  /** The objective and slide this check assesses. */
  assesses: assessesSchema,
};

/** What a question type's schema is built from. */
export const fieldKit = { z, id: idSchema, text, checkBase };
export type FieldKit = typeof fieldKit;
