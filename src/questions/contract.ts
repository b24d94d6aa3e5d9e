/**
 * The QuestionType seam (src/README.md "Seams"): everything one kind of
 * knowledge check is, in one folder `src/questions/<type>/`, registered by
 * one line in `registry.ts`.
 *
 * A type's definition is pure and small enough to ship to the learner's
 * browser: its zod schema is a function of the field kit the build passes in
 * (so this module never imports zod), its authoring rules and scoring are
 * pure functions, and its form binding only touches the form it is given.
 * Its two views, `Form.astro` (the reader) and `Poll.astro` (the deck), sit
 * beside it and are found by file name (views.ts).
 *
 * Every function is total: a response of the wrong shape (it can arrive from
 * untyped UI code or old storage) is treated as incomplete, wrong, or
 * undecodable, never thrown on.
 */
import type { ZodType } from 'astro/zod';
import type { FieldKit } from '../model/fields';
import type { CheckInteraction } from './interaction';

/** What every check has, whatever its type. */
export interface CheckShape {
  readonly type: string;
  readonly id: string;
  readonly prompt: string;
  readonly explanation: string;
  readonly assesses: { readonly objective: string; readonly slide: string };
}

/** One piece of feedback for the learner, taken from the course model. */
export interface Feedback {
  /** What the feedback is about: the chosen option id, the item id, or `true`/`false` (the form's `data-key`). */
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

/**
 * An answer its question type has judged, ready for the learner's record:
 * what the session stores (the encoding and whether it is right) and
 * reports (the interaction). The page judges (src/questions/registry.ts
 * `judge`), so the session and the LMS launch page need no question type.
 */
export interface JudgedAnswer {
  checkId: string;
  /** The question, for the LMS's report. */
  prompt: string;
  objectiveId: string;
  result: ScoreResult;
  /** The response in the type's suspend-data encoding (`QuestionType.encode`). */
  encoded: string;
  interaction: CheckInteraction;
}

/** An authoring rule a schema cannot express, broken: where (relative to the check, e.g. "options") and what to do. */
export interface CheckProblem {
  field: string;
  message: string;
}

/**
 * Reading and writing a learner's response in the type's reader form
 * (Form.astro's markup, and only that). `read` returns null when the form
 * holds no response at all yet.
 *
 * Every Form.astro follows three conventions the reader relies on: each part
 * of an answer (option, item, true/false) is an element with `data-key` (the
 * key its Feedback carries) holding its visible name in `[data-subject]`; and
 * one element carries `data-incomplete`, what to say when the learner
 * submits before the response is complete.
 */
export interface FormBinding<C, R> {
  read(form: HTMLFormElement, check: C): R | null;
  write(form: HTMLFormElement, check: C, response: R): void;
  clear(form: HTMLFormElement, check: C): void;
  /** Behaviour the form's native controls lack (e.g. moving items), wired once when the page starts. */
  enhance?(form: HTMLFormElement, check: C): void;
  /**
   * Show the parts in the order of `keys` (their `data-key`s), as an
   * assessment attempt's shuffle asks. Absent: the parts, siblings in one
   * list, are moved in place. `false`: the parts' order means something
   * (True before False) and stays as written.
   */
  arrange?: false | Arrange<C>;
}

/** A method's type (checked bivariantly, as `read` and `write` are), so the registry can hold every type's binding under one shape. */
type Arrange<C> = { arrange(form: HTMLFormElement, check: C, keys: readonly string[]): void }['arrange'];

export interface QuestionType<C extends CheckShape, R> {
  /** The `type:` an author writes, e.g. `ordering`. */
  readonly type: C['type'];
  /** The check's shape as zod, from the shared field kit (build time; see src/model/fields.ts). */
  schema(kit: FieldKit): ZodType<C>;
  /** Rules within one check that a schema cannot express, e.g. "exactly one correct option". */
  rules(check: C): CheckProblem[];
  /** Whether the response can be submitted: an option chosen, every item placed… */
  isComplete(check: C, response: R): boolean;
  /** Judge a response and gather the author's feedback for it. */
  score(check: C, response: R): ScoreResult;
  /**
   * The chance that a complete response picked blindly is right (1/options
   * for single choice): what a score means is measured against it (npm run
   * bench reports the chance of passing the assessment by guessing).
   */
  guessChance(check: C): number;
  /** The response and the correct response as an LMS interaction, standard-neutral (interaction.ts). */
  toInteraction(check: C, response: R): CheckInteraction;
  /**
   * The response as a short string for suspend data, using only the
   * characters `0-9`, `a-z` and `_` (never a codec delimiter). Meant for
   * complete responses; an incomplete one encodes to what it has.
   */
  encode(check: C, response: R): string;
  /** Read back what `encode` wrote, or null when it does not fit this check (garbage, or the check changed). */
  decode(check: C, encoded: string): R | null;
  /** The reader form's response, read and written. */
  form: FormBinding<C, R>;
}

/**
 * What a type does with an answer: everything but its authoring contract
 * (`schema`, `rules`): all a learner's page loads of it (load.ts). Each
 * type defines it in its own `answer.ts`, as `<type>Answers`, which its
 * index.ts spreads into the whole definition; a file apart, so the chunk a
 * page loads holds neither the zod shape's function nor the rules.
 */
export type AnswerBehaviour<C extends CheckShape, R> = Omit<QuestionType<C, R>, 'schema' | 'rules'>;

/** Identity, for inference: `defineQuestionType<MyCheck, MyResponse>({ … })`. */
export function defineQuestionType<C extends CheckShape, R>(definition: QuestionType<C, R>): QuestionType<C, R> {
  return definition;
}

/** The ids of `list` that occur more than once, each reported once, in order. */
export function duplicateIds(list: ReadonlyArray<{ readonly id: string }>): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { id } of list) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

/** One problem per id used twice in `list` (at `field`), worded for the author. */
export function duplicateIdProblems(list: ReadonlyArray<{ readonly id: string }>, what: string, field: string): CheckProblem[] {
  return duplicateIds(list).map((id) => ({ field, message: `has two ${what} with id "${id}": give each a different id` }));
}
