/**
 * The question types: one line per type, each a folder beside this file
 * (src/README.md "Seams"). Every per-type lookup in the builder goes through
 * this object, so the compiler checks that each type is complete and that a
 * check and its response always travel together.
 *
 * Browser-safe: nothing here imports zod or a component.
 */
import type { CheckShape, JudgedAnswer, QuestionType, ScoreResult } from './contract';
import { matching } from './matching';
import { multiple } from './multiple';
import { ordering } from './ordering';
import { single } from './single';
import { trueFalse } from './true-false';

/** Each entry must be registered under its own `type`. */
type Registry<R> = { readonly [K in keyof R]: QuestionType<CheckShape & { type: K }, unknown> };
const registry = <R extends Registry<R>>(types: R): R => types;

export const questionTypes = registry({
  single,
  multiple,
  'true-false': trueFalse,
  matching,
  ordering,
});

type Types = typeof questionTypes;
/** A check's `type`, e.g. `'matching'`. */
export type CheckType = keyof Types;
/** The check shape of one type, e.g. `CheckOf<'matching'>`. */
export type CheckOf<T extends CheckType> = Types[T] extends QuestionType<infer C, unknown> ? C : never;
/** What the learner answers to a check of type `T`. */
export type ResponseOf<T extends CheckType> = Types[T] extends QuestionType<CheckShape, infer R> ? R : never;
/** Any knowledge check. */
export type Check = { [T in CheckType]: CheckOf<T> }[CheckType];
/** A check together with a response of its own type: mismatched pairs do not type-check. */
export type AnsweredCheck = { [T in CheckType]: { check: CheckOf<T>; response: ResponseOf<T> } }[CheckType];

/** The registered type names, in registry order (for messages and the schema union). */
export const checkTypeNames = Object.keys(questionTypes) as CheckType[];

/** The question type of a check. */
export function questionTypeOf<T extends CheckType>(check: CheckOf<T>): Types[T] {
  // `check.type` is `T` at run time; TS cannot see through the conditional type to prove it.
  return questionTypes[check.type as T];
}

/**
 * Behaviour for a check and response that travel together (AnsweredCheck,
 * or a check whose response is still unknown): the pair was typed as one, so
 * the single widening cast here is sound and callers need none.
 */
interface Untyped {
  isComplete(check: Check, response: unknown): boolean;
  score(check: Check, response: unknown): ScoreResult;
  guessChance(check: Check): number;
  encode(check: Check, response: unknown): string;
  decode(check: Check, encoded: string): unknown;
  toInteraction(check: Check, response: unknown): ReturnType<Types[CheckType]['toInteraction']>;
  form: {
    read(form: HTMLFormElement, check: Check): unknown;
    write(form: HTMLFormElement, check: Check, response: unknown): void;
    clear(form: HTMLFormElement, check: Check): void;
    enhance?(form: HTMLFormElement, check: Check): void;
    arrange?: false | ((form: HTMLFormElement, check: Check, keys: readonly string[]) => void);
  };
}
const untyped = (check: Check) => questionTypes[check.type] as unknown as Untyped;

export const isAnswerComplete = ({ check, response }: AnsweredCheck): boolean => untyped(check).isComplete(check, response);
export const scoreAnswer = ({ check, response }: AnsweredCheck): ScoreResult => untyped(check).score(check, response);
export const encodeAnswer = ({ check, response }: AnsweredCheck): string => untyped(check).encode(check, response);
export const answerInteraction = ({ check, response }: AnsweredCheck) => untyped(check).toInteraction(check, response);
/** The chance that a blind, complete response to the check is right. */
export const guessChance = (check: Check): number => untyped(check).guessChance(check);

/** Judge an answer for the learner's record, or null when it is not complete enough to submit. */
export function judge(answered: AnsweredCheck): JudgedAnswer | null {
  if (!isAnswerComplete(answered)) return null;
  const { check } = answered;
  return {
    checkId: check.id,
    prompt: check.prompt,
    objectiveId: check.assesses.objective,
    result: scoreAnswer(answered),
    encoded: encodeAnswer(answered),
    interaction: answerInteraction(answered),
  };
}

/** A saved (encoded) response read back with its check, or null when it no longer fits the check. */
export function decodeAnswer(check: Check, encoded: string): AnsweredCheck | null {
  const response = untyped(check).decode(check, encoded);
  return response === null ? null : ({ check, response } as AnsweredCheck);
}

/** The reader form of a check: its response read (null when none yet), written back, cleared, enhanced. */
export function formOf(check: Check) {
  const form = untyped(check).form;
  return {
    read: (el: HTMLFormElement): AnsweredCheck | null => {
      const response = form.read(el, check);
      return response === null ? null : ({ check, response } as AnsweredCheck);
    },
    write: (el: HTMLFormElement, answered: AnsweredCheck) => form.write(el, check, answered.response),
    clear: (el: HTMLFormElement) => form.clear(el, check),
    enhance: (el: HTMLFormElement) => form.enhance?.(el, check),
    arrange: (el: HTMLFormElement, keys: readonly string[]) => {
      if (form.arrange === false) return;
      if (form.arrange) form.arrange(el, check, keys);
      else moveInPlace(el, keys);
    },
  };
}

/** The default arrangement: the form's `[data-key]` parts, siblings in one list, moved into the order of `keys`. */
function moveInPlace(el: HTMLFormElement, keys: readonly string[]): void {
  const parts = [...el.querySelectorAll<HTMLElement>('[data-key]')];
  const parent = parts[0]?.parentElement;
  if (!parent || parts.some((p) => p.parentElement !== parent)) return;
  const byKey = new Map(parts.map((p) => [p.dataset.key ?? '', p]));
  for (const key of keys) {
    const part = byKey.get(key);
    if (part) parent.append(part);
  }
}

export type { CheckShape, CheckProblem, Feedback, JudgedAnswer, QuestionType, ScoreResult } from './contract';

/** The authoring problems within one check that its type's schema cannot express. */
export const checkProblems = (check: Check) => (questionTypes[check.type] as unknown as { rules(check: Check): ReturnType<Types[CheckType]['rules']> }).rules(check);
