import { describe, expect, it } from 'vitest';
import * as S from '../../../src/session/state';
import type { LearnerState } from '../../../src/session/state';
import * as A from '../../../src/session/assessment';
import { allSlides, outline } from '../../support/course';

const t0 = new Date('2025-03-01T09:00:00.000Z');
const later = (s: number) => new Date(t0.getTime() + s * 1000);
const policy = { masteryScore: 75 };

function seeAll(state: LearnerState, ids = allSlides): LearnerState {
  return ids.reduce(S.markSeen, state);
}

function answerAll(state: LearnerState, correct: Record<string, boolean>): LearnerState {
  return Object.entries(correct).reduce((s, [id, ok]) => S.answer(s, id, { response: '0', correct: ok }), state);
}

describe('learner state reducers', () => {
  it('start empty, versioned, dated', () => {
    expect(S.initialState(t0)).toEqual({ seen: [], location: null, answers: {}, reflections: {}, cleared: {}, assessment: [], startedAt: '2025-03-01T09:00:00.000Z' });
  });

  it('mark a slide seen once, returning the same state when nothing changes', () => {
    const s1 = S.markSeen(S.initialState(t0), 'rct-proposes');
    expect(s1.seen).toEqual(['rct-proposes']);
    expect(S.markSeen(s1, 'rct-proposes')).toBe(s1);
  });

  it('set the location', () => {
    const s1 = S.setLocation(S.initialState(t0), 'key-concepts-in-rct');
    expect(s1.location).toBe('key-concepts-in-rct');
    expect(S.setLocation(s1, 'key-concepts-in-rct')).toBe(s1);
  });

  it('count attempts and keep the latest answer', () => {
    let s = S.answer(S.initialState(t0), 'two-views-of-growth', { response: '0', correct: false });
    s = S.answer(s, 'two-views-of-growth', { response: '1', correct: true });
    expect(s.answers['two-views-of-growth']).toEqual({ response: '1', correct: true, attempts: 2 });
  });

  it('write, keep and clear a reflection; an empty text clears it', () => {
    const s1 = S.writeReflection(S.initialState(t0), 'where-i-can-be-authentic', 'With my sister.', later(5));
    expect(s1.reflections['where-i-can-be-authentic']).toEqual({ text: 'With my sister.', at: '2025-03-01T09:00:05.000Z' });
    expect(S.writeReflection(s1, 'where-i-can-be-authentic', 'With my sister.', later(9))).toBe(s1);
    const cleared = S.clearReflection(s1, 'where-i-can-be-authentic', later(9));
    expect(cleared.reflections).toEqual({});
    // The clearing is remembered, dated, so a merge with an older copy cannot bring the text back.
    expect(cleared.cleared).toEqual({ 'where-i-can-be-authentic': '2025-03-01T09:00:09.000Z' });
    expect(S.writeReflection(s1, 'where-i-can-be-authentic', '', later(9))).toEqual(cleared);
    const s0 = S.initialState(t0);
    expect(S.clearReflection(s0, 'nothing-here', later(9))).toBe(s0);
    // Writing again forgets the clearing.
    expect(S.writeReflection(cleared, 'where-i-can-be-authentic', 'Again.', later(12)).cleared).toEqual({});
  });

  it('never mutate the state they are given', () => {
    const s0 = Object.freeze(S.initialState(t0));
    expect(() => S.answer(S.markSeen(s0, 'introducing-rct'), 'x', { response: '0', correct: true })).not.toThrow();
    expect(s0.seen).toEqual([]);
  });
});

describe('merging two copies of one learner\'s record (two tabs, or the LMS and the device)', () => {
  const base = S.markSeen(S.initialState(t0), 'introducing-rct');

  it('keeps every slide either has seen, ours first, and our place', () => {
    const ours = S.setLocation(S.markSeen(base, 'rct-proposes'), 'rct-proposes');
    const theirs = S.setLocation(S.markSeen(base, 'key-concepts-in-rct'), 'key-concepts-in-rct');
    const merged = S.mergeStates(ours, theirs);
    expect(merged.seen).toEqual(['introducing-rct', 'rct-proposes', 'key-concepts-in-rct']);
    expect(merged.location).toBe('rct-proposes');
    expect(S.mergeStates(S.initialState(t0), theirs).location).toBe('key-concepts-in-rct');
  });

  it('keeps, per check, the answer submitted more often (the later one)', () => {
    const once = S.answer(base, 'two-views-of-growth', { response: '0', correct: false });
    const twice = S.answer(once, 'two-views-of-growth', { response: '1', correct: true });
    expect(S.mergeStates(once, twice).answers['two-views-of-growth']).toEqual({ response: '1', correct: true, attempts: 2 });
    expect(S.mergeStates(twice, once).answers['two-views-of-growth']).toEqual({ response: '1', correct: true, attempts: 2 });
    const other = S.answer(base, 'mutuality-elements', { response: '0,1', correct: true });
    expect(Object.keys(S.mergeStates(once, other).answers).sort()).toEqual(['mutuality-elements', 'two-views-of-growth']);
  });

  it('keeps, per reflection, the newest text or clearing, so a cleared text does not come back', () => {
    const written = S.writeReflection(base, 'r', 'First.', later(10));
    const rewritten = S.writeReflection(written, 'r', 'Second.', later(20));
    expect(S.mergeStates(written, rewritten).reflections['r']?.text).toBe('Second.');
    expect(S.mergeStates(rewritten, written).reflections['r']?.text).toBe('Second.');
    const cleared = S.clearReflection(rewritten, 'r', later(30));
    const merged = S.mergeStates(written, cleared);
    expect(merged.reflections).toEqual({});
    expect(merged.cleared).toEqual({ r: '2025-03-01T09:00:30.000Z' });
    const again = S.writeReflection(cleared, 'r', 'Third.', later(40));
    expect(S.mergeStates(cleared, again).reflections['r']?.text).toBe('Third.');
  });

  it('keeps the earlier start, and is its own identity', () => {
    const earlier = S.initialState(later(-60));
    expect(S.mergeStates(base, earlier).startedAt).toBe(earlier.startedAt);
    const s = S.writeReflection(S.answer(base, 'x', { response: '0', correct: true }), 'r', 'T', later(5));
    expect(S.mergeStates(s, s)).toEqual(s);
  });
});

describe('progress, score and completion', () => {
  it('report progress per module', () => {
    const s = seeAll(S.initialState(t0), ['introducing-rct', 'rct-proposes', 'check-two-views-of-growth', 'key-concepts-in-rct']);
    expect(S.moduleProgress(s, outline)).toEqual([
      { moduleId: 'why-relationships', seen: 3, total: 3, complete: true },
      { moduleId: 'key-concepts', seen: 1, total: 4, complete: false },
      { moduleId: 'disconnection', seen: 0, total: 3, complete: false },
    ]);
  });

  it('score nothing from practice: the course score is the final assessment\'s', () => {
    const s = answerAll(S.initialState(t0), { 'two-views-of-growth': true, 'mutuality-elements': false, 'authenticity-is-a-state': true });
    expect(S.courseScore(s, outline, policy)).toBeNull();
    expect(S.practiceSummary(s, outline)).toEqual({ correct: 2, answered: 3, total: 4 });
    expect(S.toLmsScore({ correct: 2, total: 3, percent: 66.67 })).toEqual({ raw: 66.67, min: 0, max: 100, scaled: 0.6667 });
  });

  it('have no score for a course without an assessment', () => {
    const s = takeAttempt(seeAll(S.initialState(t0)), 4);
    expect(S.courseScore(s, { ...outline, assessment: null }, policy)).toBeNull();
  });

  it('complete the course when every slide is seen and an assessment attempt is handed in', () => {
    const almost = seeAll(S.initialState(t0), allSlides.slice(1));
    expect(S.completionStatus(almost, outline)).toBe('incomplete');
    const seen = S.markSeen(almost, allSlides[0]!);
    expect(S.completionStatus(seen, outline)).toBe('incomplete');
    expect(S.completionStatus(takeAttempt(seen, 0), outline)).toBe('completed');
    // Without an assessment, every slide seen is enough.
    expect(S.completionStatus(seen, { ...outline, assessment: null })).toBe('completed');
  });
});

/** Take one attempt at the test course's assessment (4 drawn), the first `right` answers right, the rest wrong. */
function takeAttempt(state: LearnerState, right: number, seed = 42 + state.assessment.length): LearnerState {
  const pool = outline.assessment!;
  let attempts = A.startAttempt(state.assessment, pool, policy.masteryScore, seed, later(100));
  const drawn = A.attemptDraws(pool, attempts).at(-1)!;
  drawn.forEach((id, i) => {
    attempts = A.answerQuestion(attempts, pool, id, { response: '0', correct: i < right });
  });
  return { ...state, assessment: A.finishAttempt(attempts, pool, later(200)) };
}

describe('success: "failed only when attempts are exhausted"', () => {
  it('is unknown before the first attempt, whatever practice says', () => {
    const s = answerAll(seeAll(S.initialState(t0)), { 'two-views-of-growth': true, 'mutuality-elements': true, 'authenticity-is-a-state': true, 'good-things-or-disconnection': true });
    expect(S.successStatus(s, outline, policy)).toBe('unknown');
    expect(S.isFinished(s, outline, policy)).toBe(false);
  });

  it('is passed once an attempt scores at or above mastery', () => {
    const s = takeAttempt(S.initialState(t0), 3); // 3 of 4: 75%
    expect(S.courseScore(s, outline, policy)).toEqual({ correct: 3, total: 4, percent: 75 });
    expect(S.successStatus(s, outline, policy)).toBe('passed');
  });

  it('stays unknown below mastery while attempts remain, even with every slide seen', () => {
    const s = takeAttempt(takeAttempt(seeAll(S.initialState(t0)), 1), 2);
    expect(S.successStatus(s, outline, policy)).toBe('unknown');
    expect(S.isFinished(s, outline, policy)).toBe(false);
    expect(S.courseScore(s, outline, policy)?.percent).toBe(50);
  });

  it('is failed with the best score when every attempt is used below mastery', () => {
    const s = takeAttempt(takeAttempt(takeAttempt(seeAll(S.initialState(t0)), 2), 1), 0);
    expect(S.successStatus(s, outline, policy)).toBe('failed');
    expect(S.courseScore(s, outline, policy)).toEqual({ correct: 2, total: 4, percent: 50 });
    expect(S.isFinished(s, outline, policy)).toBe(true);
  });

  it('counts the latest attempt instead when the course says keep: last', () => {
    const last = { ...outline, assessment: { ...outline.assessment!, keep: 'last' as const } };
    const s = takeAttempt(takeAttempt(S.initialState(t0), 2), 1);
    expect(S.courseScore(s, last, policy)?.percent).toBe(25);
  });

  it('is unknown for a course without an assessment, which is finished once every slide is seen', () => {
    const none = { ...outline, assessment: null };
    const s = seeAll(S.initialState(t0));
    expect(S.successStatus(s, none, policy)).toBe('unknown');
    expect(S.isFinished(s, none, policy)).toBe(true);
  });

  it('is finished when every slide is seen and success is decided', () => {
    const s = takeAttempt(seeAll(S.initialState(t0)), 4);
    expect(S.isFinished(s, outline, policy)).toBe(true);
  });
});

describe('what to revisit', () => {
  it('before any attempt: the practice checks answered wrong, in course order, with the slides they assess', () => {
    const s = answerAll(S.initialState(t0), {
      'good-things-or-disconnection': false,
      'two-views-of-growth': false,
      'mutuality-elements': true,
      'authenticity-is-a-state': false,
    });
    expect(S.whatToRevisit(s, outline, policy)).toEqual([
      { checkId: 'two-views-of-growth', slideId: 'rct-proposes', objectiveId: 'contrast-views-of-growth' },
      { checkId: 'authenticity-is-a-state', slideId: 'key-concepts-in-rct', objectiveId: 'explain-authenticity' },
      { checkId: 'good-things-or-disconnection', slideId: 'outcomes-of-disconnection', objectiveId: 'distinguish-connection-disconnection' },
    ]);
  });

  it('drops a practice check once it is answered right', () => {
    let s = answerAll(S.initialState(t0), { 'two-views-of-growth': false });
    s = S.answer(s, 'two-views-of-growth', { response: '1', correct: true });
    expect(S.whatToRevisit(s, outline, policy)).toEqual([]);
  });

  it('after an attempt: the questions it got wrong, in the order it showed them', () => {
    const s = takeAttempt(S.initialState(t0), 1, 7);
    const drawn = A.attemptDraws(outline.assessment!, s.assessment)[0]!;
    expect(S.whatToRevisit(s, outline, policy).map((r) => r.checkId)).toEqual(drawn.slice(1));
  });
});

describe('ids that name what plain objects inherit', () => {
  // `constructor` is a valid kebab-case id; `__proto__` can come back in a learner's saved data.
  for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    it(`"${id}" is a check and a reflection like any other`, () => {
      let state = S.initialState(t0);
      expect(S.answer(state, id, { response: 'a', correct: false }).answers[id]?.attempts).toBe(1);
      state = S.answer(S.answer(state, id, { response: 'a', correct: false }), id, { response: 'b', correct: true });
      expect(Object.hasOwn(state.answers, id) && state.answers[id]).toEqual({ response: 'b', correct: true, attempts: 2 });
      state = S.writeReflection(state, id, 'My text', later(1));
      expect(Object.hasOwn(state.reflections, id) && state.reflections[id]?.text).toBe('My text');
      const other = S.writeReflection(S.initialState(t0), id, 'Newer text', later(2));
      const merged = S.mergeStates(state, other);
      expect(Object.hasOwn(merged.reflections, id) && merged.reflections[id]?.text).toBe('Newer text');
      expect(Object.hasOwn(merged.answers, id) && merged.answers[id]?.attempts).toBe(2);
      expect(Object.getPrototypeOf(merged.answers)).toBeNull();
    });
  }

  it('an id nothing was recorded under reads as nothing, not as what Object has', () => {
    const merged = S.mergeStates(S.initialState(t0), S.initialState(t0));
    expect(merged.reflections).toEqual({});
    const id: string = 'constructor';
    expect(S.writeReflection(S.initialState(t0), id, 'x', later(1)).reflections[id]?.text).toBe('x');
  });
});
