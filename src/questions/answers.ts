/**
 * What the builder and the learner's page do with an answer, over whichever
 * question types are at hand: the registry's, all of them (registry.ts, for
 * the build and the tests), or the few a reader page has loaded for its own
 * checks (load.ts). Imports no question type, so the reader's first script
 * carries none.
 */
import type { AnsweredCheck, Check, CheckType, questionTypes } from './registry';
import type { JudgedAnswer, ScoreResult } from './contract';

type Types = typeof questionTypes;

/**
 * Behaviour for a check and response that travel together (AnsweredCheck,
 * or a check whose response is still unknown): the pair was typed as one, so
 * the single widening cast in `answersOver` is sound and callers need none.
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

/** A lookup of question types by name: each one it answers is that type's answer behaviour (or its whole definition). */
export type TypeLookup = <T extends CheckType>(type: T) => Omit<Types[T], 'schema' | 'rules'>;

/** The answer helpers over the types `typeOf` finds (it throws for a type it does not hold). */
export function answersOver(typeOf: TypeLookup) {
  const untyped = (check: Check) => typeOf(check.type) as unknown as Untyped;

  const isAnswerComplete = ({ check, response }: AnsweredCheck): boolean => untyped(check).isComplete(check, response);
  const scoreAnswer = ({ check, response }: AnsweredCheck): ScoreResult => untyped(check).score(check, response);
  const encodeAnswer = ({ check, response }: AnsweredCheck): string => untyped(check).encode(check, response);
  const answerInteraction = ({ check, response }: AnsweredCheck) => untyped(check).toInteraction(check, response);

  return {
    isAnswerComplete,
    scoreAnswer,
    encodeAnswer,
    answerInteraction,
    /** The chance that a blind, complete response to the check is right. */
    guessChance: (check: Check): number => untyped(check).guessChance(check),

    /** Judge an answer for the learner's record, or null when it is not complete enough to submit. */
    judge(answered: AnsweredCheck): JudgedAnswer | null {
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
    },

    /** A saved (encoded) response read back with its check, or null when it no longer fits the check. */
    decodeAnswer(check: Check, encoded: string): AnsweredCheck | null {
      const response = untyped(check).decode(check, encoded);
      return response === null ? null : ({ check, response } as AnsweredCheck);
    },

    /** The reader form of a check: its response read (null when none yet), written back, cleared, enhanced. */
    formOf(check: Check) {
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
    },
  };
}

/** The answer helpers: what `answersOver` gives. */
export type Answers = ReturnType<typeof answersOver>;

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
