import { describe, expect, it } from 'vitest';
import * as S from '../../../src/session/state';
import type { LearnerState } from '../../../src/session/state';
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
    expect(S.initialState(t0)).toEqual({ seen: [], location: null, answers: {}, reflections: {}, cleared: {}, startedAt: '2025-03-01T09:00:00.000Z' });
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

  it('score correct checks over all checks, unanswered counting as wrong', () => {
    const s = answerAll(S.initialState(t0), { 'two-views-of-growth': true, 'mutuality-elements': false, 'authenticity-is-a-state': true });
    expect(S.courseScore(s, outline)).toEqual({ correct: 2, answered: 3, total: 4, percent: 50 });
    expect(S.toLmsScore({ correct: 2, answered: 3, total: 3, percent: 66.67 })).toEqual({ raw: 66.67, min: 0, max: 100, scaled: 0.6667 });
  });

  it('have no score for a course without checks', () => {
    expect(S.courseScore(S.initialState(t0), { ...outline, checks: [] })).toBeNull();
  });

  it('complete the course when every slide is seen', () => {
    const almost = seeAll(S.initialState(t0), allSlides.slice(1));
    expect(S.completionStatus(almost, outline)).toBe('incomplete');
    expect(S.completionStatus(S.markSeen(almost, allSlides[0]!), outline)).toBe('completed');
  });
});

describe('success: "incomplete rather than failed while retries remain"', () => {
  const ids = outline.checks.map((c) => c.check.id);
  const all = (ok: boolean[]) => Object.fromEntries(ids.map((id, i) => [id, ok[i] ?? false]));

  it('is unknown until every check is answered, even above mastery', () => {
    const s = answerAll(S.initialState(t0), { 'two-views-of-growth': true, 'mutuality-elements': true, 'authenticity-is-a-state': true });
    expect(S.courseScore(s, outline)?.percent).toBe(75);
    expect(S.successStatus(s, outline, policy)).toBe('unknown');
  });

  it('is passed once every check is answered at or above mastery', () => {
    const s = answerAll(S.initialState(t0), all([true, true, true, false]));
    expect(S.successStatus(s, outline, policy)).toBe('passed');
  });

  it('stays unknown below mastery while retries remain (unlimited by default), even with every slide seen', () => {
    const s = seeAll(answerAll(S.initialState(t0), all([true, false, false, false])));
    expect(S.retriesRemain(s, outline, policy)).toBe(true);
    expect(S.successStatus(s, outline, policy)).toBe('unknown');
    expect(S.isFinished(s, outline, policy)).toBe(false);
  });

  it('is failed only when every wrong check has used its attempts', () => {
    const once = answerAll(S.initialState(t0), all([true, false, false, false]));
    expect(S.successStatus(once, outline, { masteryScore: 75, maxAttempts: 2 })).toBe('unknown');
    const twice = answerAll(once, all([true, false, false, false]));
    expect(S.successStatus(twice, outline, { masteryScore: 75, maxAttempts: 2 })).toBe('failed');
  });

  it('is unknown for a course without checks, which is finished once every slide is seen', () => {
    const noChecks = { ...outline, checks: [] };
    const s = seeAll(S.initialState(t0));
    expect(S.successStatus(s, noChecks, policy)).toBe('unknown');
    expect(S.isFinished(s, noChecks, policy)).toBe(true);
  });

  it('is finished when every slide is seen and success is decided', () => {
    const s = seeAll(answerAll(S.initialState(t0), all([true, true, true, true])));
    expect(S.isFinished(s, outline, policy)).toBe(true);
  });
});

describe('what to revisit', () => {
  it('lists wrongly answered checks in course order with the slides they assess', () => {
    const s = answerAll(S.initialState(t0), {
      'good-things-or-disconnection': false,
      'two-views-of-growth': false,
      'mutuality-elements': true,
      'authenticity-is-a-state': false,
    });
    expect(S.whatToRevisit(s, outline)).toEqual([
      { checkId: 'two-views-of-growth', slideId: 'rct-proposes', objectiveId: 'contrast-views-of-growth' },
      { checkId: 'authenticity-is-a-state', slideId: 'key-concepts-in-rct', objectiveId: 'explain-authenticity' },
      { checkId: 'good-things-or-disconnection', slideId: 'outcomes-of-disconnection', objectiveId: 'distinguish-connection-disconnection' },
    ]);
  });

  it('drops a check once it is answered right', () => {
    let s = answerAll(S.initialState(t0), { 'two-views-of-growth': false });
    s = S.answer(s, 'two-views-of-growth', { response: '1', correct: true });
    expect(S.whatToRevisit(s, outline)).toEqual([]);
  });
});
