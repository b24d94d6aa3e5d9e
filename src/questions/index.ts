/**
 * The question type registry, keyed by a check's `type`. Adding a check type
 * is one new file plus one line here; the mapped type makes a missing or
 * mismatched entry a compile error.
 */
import type { Check, CheckType } from '../model/schema';
import { matching } from './matching';
import { multiple } from './multiple';
import { single } from './single';
import { trueFalse } from './true-false';
import type { AnsweredCheck, CheckOf, QuestionType, ScoreResult } from './types';

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

/**
 * Dispatch on a check and response that travel together (AnsweredCheck):
 * the pair was typed as one, so the single widening cast here is sound and
 * callers need none.
 */
interface AnyQuestionType {
  isComplete(check: Check, response: unknown): boolean;
  score(check: Check, response: unknown): ScoreResult;
  decode(check: Check, encoded: string): unknown;
}
const dispatch = (check: Check) => questionTypes[check.type] as unknown as AnyQuestionType;

export const isAnswerComplete = (answered: AnsweredCheck): boolean => dispatch(answered.check).isComplete(answered.check, answered.response);

export const scoreAnswer = (answered: AnsweredCheck): ScoreResult => dispatch(answered.check).score(answered.check, answered.response);

/** A saved (encoded) response read back with its check, or null when it no longer fits the check. */
export function decodeAnswer(check: Check, encoded: string): AnsweredCheck | null {
  const response = dispatch(check).decode(check, encoded);
  return response === null ? null : ({ check, response } as AnsweredCheck);
}
