/**
 * The QuestionType seam (DESIGN.md "Seams"): one file per check type, pure
 * and DOM-free. A question type knows how to judge a learner's response to a
 * check of its own type, what feedback to show, how the response maps to a
 * standard-neutral LMS interaction record (src/runtime/adapters/types.ts),
 * and how to write the response compactly into suspend data.
 *
 * Types tie each check type to its response type: `QuestionType<'single'>`
 * only accepts a single-choice check and an option id, so a matching response
 * cannot be scored against a choice question by mistake.
 */
import type { Check, CheckType } from '../model/schema';
import type { InteractionResponse } from '../runtime/adapters/types';

/** The check shape of one `type`, e.g. `CheckOf<'matching'>` is a matching check. */
export type CheckOf<T extends CheckType> = Extract<Check, { type: T }>;

/** What the learner answers, per check type. */
export interface ResponseByType {
  /** Id of the chosen option. */
  single: string;
  /** Ids of the chosen options; order does not matter. */
  multiple: readonly string[];
  /** The learner's judgement of the statement in the prompt. */
  'true-false': boolean;
  /** Item id -> id of the category the learner placed it in; unplaced items are absent. */
  matching: Readonly<Record<string, string>>;
}

/** The learner's response to a check of type `T`. */
export type ResponseOf<T extends CheckType> = ResponseByType[T];

/** A check together with a response of the matching type: mismatched pairs do not type-check. */
export type AnsweredCheck = { [T in CheckType]: { check: CheckOf<T>; response: ResponseOf<T> } }[CheckType];

/** One piece of feedback for the learner, taken from the course model. */
export interface Feedback {
  /** What the feedback is about: the chosen option id, the item id, or `true`/`false`. */
  key: string;
  /** Whether that part of the response is right. */
  correct: boolean;
  /** The author's feedback text. */
  text: string;
}

/** The verdict on one response. */
export interface ScoreResult {
  /** The whole response is right. */
  correct: boolean;
  /** Share of the response that is right, 0..1 (for display; the course score counts whole checks). */
  fraction: number;
  /** Feedback per chosen option, per item or per true/false answer, in the check's own order. */
  feedback: Feedback[];
}

/** The LMS interaction type and response kind each check type maps to (SCORM 2004 RTE 4.2.9.1; 1.2 RTE 3.4 cmi.interactions.n.type). */
interface InteractionKindByType {
  single: 'choice';
  multiple: 'choice';
  'true-false': 'true-false';
  matching: 'matching';
}

/**
 * A response as the LMS records it, standard-neutral: options, items and
 * categories are written as 0-based indexes into the check's own lists; the
 * adapters turn them into each standard's characters and delimiters.
 */
export interface InteractionShape<T extends CheckType = CheckType> {
  type: InteractionKindByType[T];
  response: Extract<InteractionResponse, { kind: InteractionKindByType[T] }>;
  correct: Extract<InteractionResponse, { kind: InteractionKindByType[T] }>;
}

/**
 * One check type's behaviour. All functions are pure and total: a response of
 * the wrong shape (it can arrive from untyped UI code or old storage) is
 * treated as incomplete, wrong, or undecodable, never thrown on.
 */
export interface QuestionType<T extends CheckType> {
  readonly type: T;
  /** Whether the response can be submitted: an option chosen, every item placed… */
  isComplete(check: CheckOf<T>, response: ResponseOf<T>): boolean;
  /** Judge a response and gather the author's feedback for it. */
  score(check: CheckOf<T>, response: ResponseOf<T>): ScoreResult;
  /** The response and the correct response as index-based interaction data. */
  toInteraction(check: CheckOf<T>, response: ResponseOf<T>): InteractionShape<T>;
  /**
   * The response as a short string for suspend data, using only the
   * characters `0-9`, `a-z` and `_` (never a codec delimiter). Meant for
   * complete responses; an incomplete one encodes to what it has.
   */
  encode(check: CheckOf<T>, response: ResponseOf<T>): string;
  /** Read back what `encode` wrote, or null when it does not fit this check (garbage, or the check changed). */
  decode(check: CheckOf<T>, encoded: string): ResponseOf<T> | null;
}
