/**
 * "Did you mean …?": the known name closest to a misspelt one, when it is
 * close enough to be the likely intent (a typo, a wrong case, a missing
 * letter), else nothing. Pure.
 */

/** Optimal string alignment distance: edits, with a swap of two neighbours as one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/** The candidate `word` most likely meant, or undefined when none is close. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    // A prefix ("mastery" for "masteryScore") counts as close however long the rest is.
    const score = cl === lower ? 0 : cl.startsWith(lower) || lower.startsWith(cl) ? 1 : editDistance(lower, cl);
    if (score < bestScore) [best, bestScore] = [c, score];
  }
  const allowed = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestScore <= allowed ? best : undefined;
}

/** ": did you mean X?" for a message, or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match ? `did you mean ${match}?` : '';
}
