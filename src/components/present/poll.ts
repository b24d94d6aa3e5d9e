/**
 * A knowledge check as an audience question: letters for a show of hands
 * and the answer summary revealed on the next step. Pure.
 */
import type { Check, MatchingCheck } from '../../model/schema';

/** 0 → "A", 1 → "B", … (checks have at most 10 options and 6 categories). */
export function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** One answer option as the room sees it. */
export interface PollOption {
  letter: string;
  text: string;
  correct: boolean;
}

/** The lettered options of a choice or true/false check (none for matching). */
export function pollOptions(check: Check, labels: { true: string; false: string }): PollOption[] {
  switch (check.type) {
    case 'single':
    case 'multiple':
      return check.options.map((o, i) => ({ letter: letter(i), text: o.text, correct: o.correct }));
    case 'true-false':
      return [
        { letter: 'A', text: labels.true, correct: check.answer },
        { letter: 'B', text: labels.false, correct: !check.answer },
      ];
    case 'matching':
      return [];
  }
}

/** The answer line: "B. Option text" for one answer, "A, C, D" for several. */
export function answerLine(options: PollOption[]): string {
  const correct = options.filter((o) => o.correct);
  if (correct.length === 1) return `${correct[0]?.letter}. ${correct[0]?.text}`;
  return correct.map((o) => o.letter).join(', ');
}

/** For each category of a matching check: its letter, label and the numbers (1-based) of its items. */
export function matchingAnswer(check: MatchingCheck): { letter: string; label: string; items: number[] }[] {
  return check.categories.map((c, i) => ({
    letter: letter(i),
    label: c.label,
    items: check.items.flatMap((item, n) => (item.category === c.id ? [n + 1] : [])),
  }));
}

/** Letter of the category an item belongs to. */
export function categoryLetter(check: MatchingCheck, categoryId: string): string {
  return letter(check.categories.findIndex((c) => c.id === categoryId));
}
