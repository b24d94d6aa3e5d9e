/**
 * Reproducible randomness for the course: a string hash (FNV-1a, 32 bits,
 * over UTF-16 units) and a seeded generator (mulberry32) with a Fisher–Yates
 * shuffle. The same seed gives the same order on every device and in every
 * build, which is what an LMS record of a draw, a shuffled option list or a
 * scrambled ordering check depends on. Pure; imports nothing.
 */

/** FNV-1a, 32 bits, over UTF-16 units: a small, stable, non-cryptographic hash. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Mulberry32: a small, well-mixed 32-bit generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle of a copy of `items`, driven by `next`. */
export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
