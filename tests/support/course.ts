/**
 * A small course outline for the runtime tests: three modules, one check of
 * each type and two reflections, numbered as a first build numbers them
 * (src/model/tracking.ts) and with the answer keys the build writes.
 */
import { answerKey } from '../../src/questions/encoding';
import type { Check } from '../../src/questions/registry';
import type { CourseOutline } from '../../src/session/state';
import { matchingCheck, multipleCheck, singleCheck, trueFalseCheck } from './checks';

/**
 * The final assessment's pool: each practice check again under two new ids
 * (`-a`, `-b`), so two questions per objective; an attempt draws 4, one per
 * objective. Three attempts, the best counts, no time limit.
 */
export const pool: Check[] = [singleCheck, multipleCheck, trueFalseCheck, matchingCheck].flatMap((c) => [
  { ...c, id: `${c.id}-a` },
  { ...c, id: `${c.id}-b` },
]);

const modules = [
  { id: 'why-relationships', slideIds: ['introducing-rct', 'rct-proposes', 'check-two-views-of-growth'] },
  { id: 'key-concepts', slideIds: ['key-concepts-in-rct', 'check-mutuality', 'check-authenticity', 'pause-where-i-can-be-authentic'] },
  { id: 'disconnection', slideIds: ['outcomes-of-disconnection', 'check-good-things-or-disconnection', 'pause-connection-in-daily-life'] },
];

const checks = [
  { check: singleCheck, slideId: 'check-two-views-of-growth' },
  { check: multipleCheck, slideId: 'check-mutuality' },
  { check: trueFalseCheck, slideId: 'check-authenticity' },
  { check: matchingCheck, slideId: 'check-good-things-or-disconnection' },
];

export const outline: CourseOutline = {
  modules,
  slides: modules.flatMap((m) => m.slideIds).map((id, track) => ({ id, track })),
  checks: checks.map((c, track) => ({ ...c, track, key: answerKey(c.check) })),
  assessment: {
    draw: 4,
    attempts: 3,
    keep: 'best',
    timeLimitMinutes: null,
    questions: pool.map((check, track) => ({ check, track, key: answerKey(check) })),
  },
  reflections: [
    {
      reflection: { id: 'where-i-can-be-authentic', prompt: 'Think of a relationship in which you can represent yourself more fully than in most others.' },
      slideId: 'pause-where-i-can-be-authentic',
    },
    {
      reflection: { id: 'connection-in-daily-life', prompt: 'Recall a recent interaction that left you with more energy, clarity or sense of worth.' },
      slideId: 'pause-connection-in-daily-life',
    },
  ],
};

export const allSlides = outline.modules.flatMap((m) => m.slideIds);

/** Right answers for every check. */
export const rightAnswers = {
  single: 'connection',
  multiple: ['mutual-empathy', 'mutual-empowerment'],
  trueFalse: false,
  matching: { zest: 'good-things', 'diminished-action': 'disconnection', clarity: 'good-things', confusion: 'disconnection' },
} as const;
