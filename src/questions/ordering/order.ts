/**
 * The order an ordering check is first shown in: scrambled, the same on
 * every build and in every mode (the reader's form and the deck's poll show
 * the same letters), and never the right order, which is the author's. Pure.
 */

/** FNV-1a over the text: a stable seed per check. */
function seed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Mulberry32: a small, well-mixed generator for a reproducible shuffle. */
function generator(state: number): () => number {
  let a = state;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `ids` (the right order) scrambled by a Fisher–Yates shuffle seeded with
 * `key`; when the shuffle lands on the right order, it is rotated by one so
 * the learner never starts from the answer.
 */
export function scrambledOrder(ids: readonly string[], key: string): string[] {
  const out = [...ids];
  const random = generator(seed(key));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
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
