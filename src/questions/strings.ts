/**
 * The words every question type's views share: how the deck asks the room
 * and what the reader says before an answer is complete. Each type's own
 * words are in its folder's strings.ts.
 */
import type { Translations } from '../i18n';

export const questionStrings = {
  en: {
    /** Deck: the badge over every audience question. */
    pollKicker: 'Audience question',
    /** Deck: the answer line's label, for one answer and for several. */
    answer: 'Answer',
    answers: 'Answers',
    /** Reader: submitting before choosing. */
    incomplete: 'Choose an answer first.',
    trueLabel: 'True',
    falseLabel: 'False',
  },
  fr: {
    pollKicker: 'Question au public',
    answer: 'Réponse',
    answers: 'Réponses',
    incomplete: 'Choisissez d’abord une réponse.',
    trueLabel: 'Vrai',
    falseLabel: 'Faux',
  },
} satisfies Translations<Record<string, string>>;

export type QuestionStrings = (typeof questionStrings)['en'];

/** 0 → "A", 1 → "B", … (checks have at most 12 items). */
export function letter(index: number): string {
  return String.fromCharCode(65 + index);
}
