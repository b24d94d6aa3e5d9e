/**
 * The order an ordering check is first shown in: scrambled, the same on
 * every build and in every mode (the reader's form and the deck's poll show
 * the same letters), and never the right order, which is the author's. Pure.
 */

import { fnv1a, mulberry32, shuffled } from '../../core/random';

/**
 * `ids` (the right order) scrambled by a Fisher–Yates shuffle seeded with
 * `key`; when the shuffle lands on the right order, it is rotated by one so
 * the learner never starts from the answer.
 */
export function scrambledOrder(ids: readonly string[], key: string): string[] {
  const out = shuffled(ids, mulberry32(fnv1a(key)));
  if (out.length > 1 && out.every((id, i) => id === ids[i])) out.push(out.shift() as string);
  return out;
}

/** The order the learner first sees a check's items in: scrambled, never the right one. */
export function presentedOrder(check: { readonly id: string; readonly items: ReadonlyArray<{ readonly id: string }> }): string[] {
  return scrambledOrder(
    check.items.map((i) => i.id),
    check.id,
  );
}
