/**
 * The chance of passing the final assessment by guessing: what a pass is
 * worth. For one attempt's draw, the number of right blind answers follows
 * a Poisson binomial distribution over the drawn questions' guess chances
 * (src/questions/<type> `guessChance`); the chance of passing is its tail
 * at the passing count. Draws differ, so this reports the mean over many
 * seeds and the worst case (the draw easiest to guess), for one attempt and
 * for all the attempts a learner has.
 */
import type { AssessmentModel } from '../../model/course';
import { guessChance } from '../../questions/registry';
import { drawQuestions } from '../../session/assessment';

/** P(at least `k` of independent events with chances `p` happen). */
export function atLeast(p: readonly number[], k: number): number {
  // dist[j]: chance of exactly j so far.
  let dist = [1];
  for (const chance of p) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((d, j) => {
      next[j] = (next[j] ?? 0) + d * (1 - chance);
      next[j + 1] = (next[j + 1] ?? 0) + d * chance;
    });
    dist = next;
  }
  return dist.slice(Math.max(0, k)).reduce((a, b) => a + b, 0);
}

export interface GuessingOdds {
  pool: number;
  draw: number;
  /** Right answers needed to pass. */
  needed: number;
  /** Mean over the draws sampled, for one attempt. */
  meanPerAttempt: number;
  /** The easiest draw among those sampled, for one attempt. */
  worstPerAttempt: number;
  /** Passing within all attempts, each a fresh draw (mean). */
  withinAllAttempts: number;
  /** Expected right answers in one attempt by guessing (mean). */
  expectedRight: number;
  samples: number;
}

export function guessingOdds(assessment: AssessmentModel, masteryScore: number, samples = 2000): GuessingOdds {
  const chance = new Map(assessment.questions.map((q) => [q.check.id, guessChance(q.check)]));
  const needed = Math.ceil((assessment.draw * masteryScore) / 100 - 1e-9);
  let sum = 0;
  let worst = 0;
  let expected = 0;
  for (let seed = 0; seed < samples; seed++) {
    // Spread the seeds over the 31-bit range the page draws from.
    const p = drawQuestions(assessment, (seed * 1_073_741) % 0x7fffffff).map((id) => chance.get(id) ?? 0);
    const pass = atLeast(p, needed);
    sum += pass;
    worst = Math.max(worst, pass);
    expected += p.reduce((a, b) => a + b, 0);
  }
  const mean = sum / samples;
  return {
    pool: assessment.questions.length,
    draw: assessment.draw,
    needed,
    meanPerAttempt: mean,
    worstPerAttempt: worst,
    withinAllAttempts: 1 - (1 - mean) ** assessment.attempts,
    expectedRight: expected / samples,
    samples,
  };
}
