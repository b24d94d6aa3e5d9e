/**
 * What single choice and multiple response share: the option schema, the
 * option-list limits, and the reader form's checked boxes. Pure.
 */
import type { FieldKit } from '../model/fields';
import type { ChoiceInteraction } from './interaction';

/** One answer option of a choice question. */
export const choiceOptionSchema = ({ z, id, text }: FieldKit) =>
  z.strictObject({
    /** Option id, unique within the check (kebab-case); stored in learner state and LMS records. */
    id,
    /** The option as the learner reads it. */
    text: text('the option text'),
    /** True for a correct option. Single choice: exactly one; multiple response: at least one. */
    correct: z.boolean().default(false),
    /** Shown when the learner picks this option: why it is right or wrong, in a sentence or two. */
    feedback: text('feedback for this option that teaches why it is right or wrong'),
  });

/** 2 to 10 options. */
export const choiceOptionsSchema = (kit: FieldKit) =>
  kit.z
    .array(choiceOptionSchema(kit))
    .min(2, { error: 'needs at least 2 options' })
    .max(10, { error: 'has more than 10 options: split the question' });

export interface ChoiceOption {
  readonly id: string;
  readonly text: string;
  readonly correct: boolean;
  readonly feedback: string;
}

/** The interaction of a choice check: options offered, chosen (in author order) and right. */
export function choiceInteraction(options: readonly ChoiceOption[], chosen: ReadonlySet<string>): ChoiceInteraction {
  return {
    type: 'choice',
    options: options.map((o) => o.id),
    chosen: options.filter((o) => chosen.has(o.id)).map((o) => o.id),
    correct: options.filter((o) => o.correct).map((o) => o.id),
  };
}

/** Values of the form's checked inputs, in document order. */
export function checkedValues(form: HTMLFormElement): string[] {
  return [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
}

/** Check exactly the inputs whose value is in `values`. */
export function setChecked(form: HTMLFormElement, values: readonly string[]): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input')) input.checked = values.includes(input.value);
}
