/**
 * The question type registry, keyed by a check's `type`. Adding a check type
 * is one new file plus one line here; the mapped type makes a missing or
 * mismatched entry a compile error.
 */
import type { CheckType } from '../model/schema';
import { matching } from './matching';
import { multiple } from './multiple';
import { single } from './single';
import { trueFalse } from './true-false';
import type { CheckOf, QuestionType } from './types';

export type { AnsweredCheck, CheckOf, Feedback, InteractionShape, QuestionType, ResponseByType, ResponseOf, ScoreResult } from './types';
export { matching, multiple, single, trueFalse };

export const questionTypes: { readonly [T in CheckType]: QuestionType<T> } = {
  single,
  multiple,
  'true-false': trueFalse,
  matching,
};

/** The question type that handles `check`. */
export function questionTypeOf<T extends CheckType>(check: CheckOf<T>): QuestionType<T> {
  // `check.type` is `T` at run time; TS cannot see through Extract<> to prove it.
  return questionTypes[check.type as T];
}
