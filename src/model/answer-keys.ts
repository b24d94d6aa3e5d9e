/**
 * Answer keys a test-wise learner can read without knowing the subject: the
 * same true/false answer every time, one option position holding most
 * single-choice keys, the key as the longest option, the same multiple-
 * response pattern again and again. Item writers call these "cues"
 * (Haladyna, Downing & Rodriguez 2002, guidelines 23, 28 and 31); a pool
 * with them scores test-wiseness, not mastery.
 *
 * Pure: a list of checks in, the rules they break out. A rule speaks only
 * when there are enough questions of its type for a pattern to be a pattern.
 */
import type { Check, CheckOf } from '../questions/registry';

export interface KeyPattern {
  /** Which rule, for the author: a sentence naming the pattern. */
  rule: string;
  /** What to change. */
  fix: string;
  /** The checks that make the pattern, by index in the list given. */
  indexes: number[];
}

/** Fewest questions of one type for a pattern among them to count. */
const ENOUGH = 3;

const ordinal = (i: number) => ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'][i] ?? `${i + 1}th`;

function ofType<T extends Check['type']>(checks: readonly Check[], type: T): Array<{ check: CheckOf<T>; index: number }> {
  return checks.flatMap((check, index) => (check.type === type ? [{ check: check as unknown as CheckOf<T>, index }] : []));
}

function trueFalse(checks: readonly Check[]): KeyPattern[] {
  const tf = ofType(checks, 'true-false');
  if (tf.length < ENOUGH) return [];
  const trues = tf.filter((t) => t.check.answer === true).length;
  // All the same, or (with more questions) more than three in four the same.
  const majority = Math.max(trues, tf.length - trues);
  if (majority < tf.length && (tf.length < 6 || majority <= Math.floor(tf.length * 0.75))) return [];
  const answer = trues >= tf.length - trues;
  return [
    {
      rule: `${majority} of the ${tf.length} true/false questions have the answer ${answer ? 'true' : 'false'}`,
      fix: `rewrite some statements so that their answer is ${answer ? 'false' : 'true'}`,
      indexes: tf.filter((t) => t.check.answer === answer).map((t) => t.index),
    },
  ];
}

/** The position of the one right option of a single-choice check, or -1. */
const keyPosition = (check: CheckOf<'single'>) => check.options.findIndex((o) => o.correct === true);

function singlePositions(checks: readonly Check[]): KeyPattern[] {
  const single = ofType(checks, 'single');
  if (single.length < ENOUGH) return [];
  const byPosition = new Map<number, number[]>();
  for (const s of single) {
    const p = keyPosition(s.check);
    byPosition.set(p, [...(byPosition.get(p) ?? []), s.index]);
  }
  const [position, indexes] = [...byPosition.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [-1, []];
  // "Most": more than half the keys in one position, where 1 in n (n options) would be chance.
  if (indexes.length * 2 <= single.length) return [];
  return [
    {
      rule: `${indexes.length} of the ${single.length} single-choice questions have their answer as the ${ordinal(position)} option`,
      fix: 'move the right option to another position in some of them (the reader shuffles options, but the deck and the handout show them as written)',
      indexes,
    },
  ];
}

function singleLongest(checks: readonly Check[]): KeyPattern[] {
  const single = ofType(checks, 'single');
  if (single.length < ENOUGH) return [];
  const longest = single.filter(({ check }) => {
    const key = check.options[keyPosition(check)];
    if (!key) return false;
    const others = check.options.filter((o) => o !== key).map((o) => o.text.length);
    // Clearly the longest: a third longer than any other option.
    return others.every((n) => key.text.length > n * 1.33);
  });
  if (longest.length * 2 <= single.length) return [];
  return [
    {
      rule: `in ${longest.length} of the ${single.length} single-choice questions the answer is clearly the longest option`,
      fix: 'make the right option as short as the others, or the distractors as precise as the answer',
      indexes: longest.map((l) => l.index),
    },
  ];
}

function multiplePatterns(checks: readonly Check[]): KeyPattern[] {
  const multiple = ofType(checks, 'multiple');
  if (multiple.length < ENOUGH) return [];
  const pattern = (c: CheckOf<'multiple'>) => c.options.map((o) => (o.correct === true ? 'x' : '.')).join('');
  const byPattern = new Map<string, number[]>();
  for (const m of multiple) byPattern.set(pattern(m.check), [...(byPattern.get(pattern(m.check)) ?? []), m.index]);
  const [key, indexes] = [...byPattern.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  if (indexes.length * 2 <= multiple.length) return [];
  const positions = [...key].flatMap((c, i) => (c === 'x' ? [ordinal(i)] : []));
  return [
    {
      rule: `${indexes.length} of the ${multiple.length} multiple-response questions have the same options right (the ${positions.join(', ')})`,
      fix: 'vary how many options are right and where they are',
      indexes,
    },
  ];
}

/** Every cue the checks' answer keys give away, in a stable order. */
export function keyPatterns(checks: readonly Check[]): KeyPattern[] {
  return [...trueFalse(checks), ...singlePositions(checks), ...singleLongest(checks), ...multiplePatterns(checks)];
}
