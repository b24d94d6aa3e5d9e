/**
 * The fullest realistic learner state, for measuring suspend_data: the real
 * course's 32 slides all seen, 16 checks answered (the course has 12) with
 * retries, 8 reflections (the course has 7) of the length learners write
 * in a reflection box: two to four sentences, with apostrophes, typographic
 * quotes from phone keyboards, a line break and an accented name; and every
 * attempt at a final assessment drawing 13 of 26 questions used, the last
 * one in progress and fully answered. (Numbers are larger than the course's
 * own, so the measure stays an upper bound as the course grows a little.)
 */
import type { CodecCourse } from '../../session/codec';
import type { LearnerState } from '../../session/state';

export const slideIds = [
  'introducing-rct', 'traditional-theories', 'pause-messages-about-growing-up', 'rct-proposes',
  'check-two-views-of-growth', 'reflecting-on-relationships', 'five-good-things', 'outcomes-of-disconnection',
  'check-good-things-or-disconnection', 'check-missing-good-thing', 'pause-connection-in-daily-life', 'key-concepts-in-rct',
  'check-authenticity', 'check-mutuality', 'pause-where-i-can-be-authentic', 'culture-and-connection',
  'check-stratification', 'check-power-over', 'pause-my-social-identities', 'growth-fostering-research',
  'check-research-findings', 'connection-throughout-our-lives', 'check-social-connectedness', 'relationships-in-therapy-and-change',
  'check-therapeutic-factors', 'pause-connections-that-sustain-me', 'therapy-in-practice', 'check-practice-elements',
  'therapy-in-practice-continued', 'check-central-relational-paradox', 'pause-yearning-and-holding-back', 'goal-of-development',
];

export const checkIds = [
  'two-views-of-growth', 'good-things-or-disconnection', 'missing-good-thing', 'authenticity-is-a-process',
  'elements-of-mutuality', 'stratification-not-difference', 'effects-of-power-over', 'research-findings',
  'social-connectedness-and-health', 'therapeutic-factors', 'practice-elements', 'central-relational-paradox',
  'relational-images', 'mutual-empathy-in-therapy', 'condemned-isolation', 'relational-resilience',
];

/** The final assessment's pool: two questions for each of 13 objectives. */
export const questionIds = Array.from({ length: 26 }, (_, i) => `assessment-question-${String(i + 1).padStart(2, '0')}`);

const keyOf = (track: number) => (track * 37 + 11).toString(36).padStart(2, '0').slice(-2);

/** Numbered in course order, as a first build numbers them (src/model/tracking.ts); answer keys as the build writes them. */
export const course: CodecCourse = {
  slides: slideIds.map((id, track) => ({ id, track })),
  checks: checkIds.map((id, track) => ({ id, track, key: keyOf(track) })),
  questions: questionIds.map((id, track) => ({ id, track, key: keyOf(track + 5) })),
};

export const reflections: Record<string, string> = {
  'messages-about-growing-up':
    "Growing up I was told that being an adult meant not needing anyone, that asking for help was a weakness. It came mostly from my dad and from school. Looking back, what actually helped me grow was my grandmother's kitchen table.",
  'contributed-to-my-growth':
    'My first manager, Ms. Okafor. She didn’t just give feedback, she asked what I thought first and actually changed her mind sometimes. I felt more capable after every conversation with her.',
  'connection-in-daily-life':
    'Yesterday a colleague stopped by to ask how my mother’s surgery went and really listened.\nI left the conversation with more energy and clearer about what I needed to do this week.',
  'where-i-can-be-authentic':
    "With my oldest friend, Renée, I can say what I think without rehearsing it. She tells me when I've hurt her, which is hard, but it means I know where I stand & I can repair it.",
  'my-social-identities':
    'As a white, middle-class man I rarely notice how my identity is valued; it’s treated as the default. At work that means people assume I belong in the room. I need to pay more attention to who doesn’t get that assumption.',
  'connections-that-sustain-me':
    'My partner, my running group and two friends from university. I would like to strengthen things with my brother; one step this week is to call him on Sunday rather than just texting.',
  'yearning-and-holding-back':
    "When I moved to a new team I kept quiet about my anxiety even though I wanted to be closer to people. I was protecting myself from looking \"weak\". What would have helped is someone going first.",
  'relational-images':
    'I notice an old image that says "if I show I need something, people leave". It shaped how I reacted in my last relationship. Naming it helps.',
};

const t0 = Date.parse('2025-03-03T08:12:41.000Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

/** Every slide seen, every check answered (some twice or three times, over two days), every reflection written. */
export const fullestState: LearnerState = {
  seen: slideIds,
  location: 'goal-of-development',
  answers: Object.fromEntries(
    checkIds.map((id, i) => [
      id,
      {
        // Realistic encodings: a choice index, a few multiple-response indexes, t/f, a 10-item matching.
        response: ['1', '024', 'f', '0101010101', '13'][i % 5]!,
        correct: i % 4 !== 3,
        attempts: 1 + (i % 3),
      },
    ]),
  ),
  reflections: Object.fromEntries(Object.entries(reflections).map(([id, text], i) => [id, { text, at: at(400 + i * 21_000) }])),
  cleared: {},
  // Every attempt used: two handed in (they keep only their score), the third in progress with
  // every one of its 13 questions answered, after an hour on the page and two time extensions.
  assessment: [
    { seed: 2_111_222_333, startedAt: at(90_000), answers: {}, usedSeconds: 1_500, extensions: 0, finished: { at: at(91_500), correct: 8, total: 13 } },
    { seed: 1_999_888_777, startedAt: at(180_000), answers: {}, usedSeconds: 1_600, extensions: 1, finished: { at: at(181_600), correct: 10, total: 13 } },
    {
      seed: 2_147_000_001,
      startedAt: at(260_000),
      answers: Object.fromEntries(questionIds.slice(0, 13).map((id, i) => [id, { response: ['2', '134', 't', '3210', '0102'][i % 5]!, correct: i % 6 !== 0 }])),
      usedSeconds: 3_600,
      extensions: 2,
      finished: null,
    },
  ],
  startedAt: at(0),
};

/** What the fullest state of any course needs: the codec's view of it and its reflection ids. */
export interface ScaledCourseView extends CodecCourse {
  readonly reflectionIds: readonly string[];
  /** Questions per attempt of the final assessment (0 without one). */
  readonly draw: number;
}

/**
 * The fullest realistic state of any course (`npm run bench -- --scale N`):
 * every slide seen, every check answered with the encodings above (some
 * retried), every reflection written (the texts above, in turn), three
 * attempts at the final assessment, the last in progress with its whole
 * draw answered.
 */
export function fullestStateOf(view: ScaledCourseView): LearnerState {
  const texts = Object.values(reflections);
  const questions = (view.questions ?? []).slice(0, view.draw);
  const [first, second, third] = fullestState.assessment;
  return {
    seen: view.slides.map((s) => s.id),
    location: view.slides.at(-1)?.id ?? null,
    answers: Object.fromEntries(
      view.checks.map((c, i) => [c.id, { response: ['1', '024', 'f', '0101010101', '13'][i % 5]!, correct: i % 4 !== 3, attempts: 1 + (i % 3) }]),
    ),
    reflections: Object.fromEntries(view.reflectionIds.map((id, i) => [id, { text: texts[i % texts.length]!, at: at(400 + i * 21_000) }])),
    cleared: {},
    assessment:
      questions.length === 0 || !first || !second || !third
        ? []
        : [
            { ...first, finished: first.finished && { ...first.finished, total: questions.length } },
            { ...second, finished: second.finished && { ...second.finished, total: questions.length } },
            { ...third, answers: Object.fromEntries(questions.map((q, i) => [q.id, { response: ['2', '134', 't', '3210', '0102'][i % 5]!, correct: i % 6 !== 0 }])) },
          ],
    startedAt: at(0),
  };
}
