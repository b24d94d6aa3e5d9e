/**
 * The question types: one line per type, each a folder beside this file
 * (src/README.md "Seams"). Every per-type lookup in the builder goes through
 * this object, so the compiler checks that each type is complete and that a
 * check and its response always travel together.
 *
 * Browser-safe: nothing here imports zod or a component.
 */
import { answersOver } from './answers';
import type { CheckShape, QuestionType } from './contract';
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

/** What the builder does with an answer (answers.ts), over every registered type. */
export const { isAnswerComplete, scoreAnswer, encodeAnswer, answerInteraction, guessChance, judge, decodeAnswer, formOf } = answersOver(
  <T extends CheckType>(type: T) => questionTypes[type],
);

export type { CheckShape, CheckProblem, Feedback, JudgedAnswer, QuestionType, ScoreResult } from './contract';

/** The authoring problems within one check that its type's schema cannot express. */
export const checkProblems = (check: Check) => (questionTypes[check.type] as unknown as { rules(check: Check): ReturnType<Types[CheckType]['rules']> }).rules(check);
