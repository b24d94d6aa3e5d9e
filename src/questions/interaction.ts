/**
 * What an answer or a reflection looks like to an LMS, standard-neutral and
 * by the author's own ids: question types produce it (contract.ts
 * `toInteraction`), the session adds when and how long, and each standard's
 * adapter writes it in its own format (src/standards/). A discriminated
 * union on `type`, so a choice record cannot carry matching pairs.
 *
 * Interaction types as the data models name them: SCORM 2004 RTE 4.2.9.1
 * (cmi.interactions.n.type), SCORM 1.2 RTE 3.4.2.6.1; xAPI/cmi5 use the same
 * names for `interactionType`.
 */

/** Choice (single and multiple): the option ids offered, in author order, the ones chosen and the right ones. */
export interface ChoiceInteraction {
  type: 'choice';
  options: readonly string[];
  chosen: readonly string[];
  correct: readonly string[];
}

export interface TrueFalseInteraction {
  type: 'true-false';
  chosen: boolean;
  correct: boolean;
}

/** Matching: item ids (sources) and category ids (targets), in author order; pairs are [item, category]. */
export interface MatchingInteraction {
  type: 'matching';
  sources: readonly string[];
  targets: readonly string[];
  pairs: ReadonlyArray<readonly [source: string, target: string]>;
  correct: ReadonlyArray<readonly [source: string, target: string]>;
}

/** Sequencing: the item ids in author (correct) order, and in the learner's order. */
export interface SequencingInteraction {
  type: 'sequencing';
  items: readonly string[];
  order: readonly string[];
  correct: readonly string[];
}

/** A knowledge check's response, as a question type writes it. */
export type CheckInteraction = ChoiceInteraction | TrueFalseInteraction | MatchingInteraction | SequencingInteraction;

/** When and how long, for every record. */
interface Timing {
  /** When the learner submitted or last changed it. */
  timestamp: Date;
  /** Milliseconds from first seeing it to submitting. */
  latencyMs: number;
}

/** An answered check: its response, judged, tied to the objective it assesses. */
export type CheckRecord = CheckInteraction &
  Timing & {
    /** Check id (unique across the course). */
    id: string;
    /** The question, for the LMS's report. */
    description: string;
    result: 'correct' | 'incorrect';
    objectiveId: string;
    /**
     * The final assessment's attempt (1-based) this answers, in its id; absent for a practice
     * check, which the LMS records with its result but a weighting of 0: not counted.
     */
    attempt?: number;
  };

/** A written reflection: free text, never judged. */
export interface ReflectionRecord extends Timing {
  type: 'long-fill-in';
  /** Reflection id (unique across the course, shared namespace with checks). */
  id: string;
  /** The prompt. */
  description: string;
  text: string;
  result: 'neutral';
}

/** One record for the LMS. */
export type InteractionRecord = CheckRecord | ReflectionRecord;
export type InteractionType = InteractionRecord['type'];
