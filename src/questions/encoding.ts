/**
 * Index <-> character helpers shared by the question types' compact
 * encodings. An index is one base-36 character (`0-9` then `a-z`), so a
 * check may have up to 36 options, items or categories: the schema allows at
 * most 12.
 */

import { fnv1a } from '../core/random';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The character for a 0-based index, e.g. 0 -> "0", 10 -> "a". */
export function indexChar(index: number): string {
  const c = DIGITS[index];
  if (c === undefined || !Number.isInteger(index)) throw new RangeError(`index ${index} does not fit one base-36 character`);
  return c;
}

/** The index a character stands for, or -1 when it is not a base-36 digit. */
export function charIndex(c: string): number {
  return c.length === 1 ? DIGITS.indexOf(c) : -1;
}

/** Indexes of the entries of `list` whose id is in `ids`, ascending; ids not in the list are skipped. */
export function indexesOf(list: ReadonlyArray<{ id: string }>, ids: Iterable<string>): number[] {
  const wanted = new Set(ids);
  const out: number[] = [];
  list.forEach((entry, i) => {
    if (wanted.has(entry.id)) out.push(i);
  });
  return out;
}

/** A string array, or null for anything else (untyped input guard). */
export function asStringArray(value: unknown): readonly string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

/** A plain string->string record, or null for anything else (untyped input guard). */
export function asStringRecord(value: unknown): Readonly<Record<string, string>> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return Object.values(value).every((v) => typeof v === 'string') ? (value as Record<string, string>) : null;
}

/** Fields of a check that word it but do not change which answers are right: fixing a typo in them keeps the learners' answers. */
/** What a check says, and what it assesses: neither changes which answer is right. */
const NOT_THE_ANSWER = new Set(['prompt', 'explanation', 'feedback', 'text', 'label', 'assesses']);

/**
 * Two base-36 characters that change when what makes an answer right does
 * (a check's options, items, categories, their ids and keys), and not when
 * only its wording does. The learner's record stores it with each answer, so
 * an answer given to an older form of the check is dropped, not misread.
 */
export function answerKey(check: object): string {
  // Two characters: a changed check keeps its old key once in 1,296 times, and then its answers read as before.
  const shape = JSON.stringify(check, (key, value: unknown) => (NOT_THE_ANSWER.has(key) ? undefined : value));
  return (fnv1a(shape) % 36 ** 2).toString(36).padStart(2, '0');
}
