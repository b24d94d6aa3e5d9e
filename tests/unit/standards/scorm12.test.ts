/**
 * The SCORM 1.2 adapter against scorm-again's Scorm12API as the LMS,
 * asserting what the LMS recorded.
 */
import { describe, expect, it } from 'vitest';
import { createScormAdapter, lessonStatus, type ScormAdapterOptions } from '../../../src/standards/scorm/adapter';
import { formatResponse } from '../../../src/standards/scorm/responses';
import { scorm12Dialect as dialect } from '../../../src/standards/scorm12/dialect';
import { at, collectingLogger, lms12, recorded, records, sent, spyOn12 } from '../../support/lms-helpers';

const createScorm12Adapter = (options: Omit<ScormAdapterOptions, 'dialect' | 'kind'>) => createScormAdapter({ ...options, dialect, kind: 'scorm12' });

function setup(options: { failCommits?: boolean } = {}) {
  const api = lms12(options);
  const spies = spyOn12(api);
  const log = collectingLogger();
  let clock = at.getTime();
  const adapter = createScorm12Adapter({ api, logger: log.logger, now: () => new Date(clock) });
  return { api, spies, log, adapter, advance: (ms: number) => (clock += ms) };
}

describe('SCORM 1.2 session', () => {
  it('initializes once, reads the launch data, and sets exit to suspend at once', () => {
    const { api, spies, adapter } = setup();
    expect(adapter.start()).toEqual({
      ok: true,
      launch: {
        suspendData: null,
        location: null,
        learnerName: null,
        learnerId: null,
        entry: 'unknown',
        mode: 'normal',
        record: { completion: 'unknown', success: 'unknown', score: null },
      },
    });
    expect(recorded(api).core.exit).toBe('suspend');
    expect(adapter.start()).toMatchObject({ ok: false, error: expect.stringContaining('already initialized') });
    expect(spies.initialize).toHaveBeenCalledTimes(1);
  });

  it('resumes: suspend data, bookmark, learner name and entry', () => {
    const { api, adapter } = setup();
    api.loadFromJSON(
      { cmi: { suspend_data: '2~abcd~x~~~~~0000', core: { entry: 'resume', student_name: 'Doe, Jane', student_id: 'jdoe-42', lesson_location: 'key-concepts-in-rct' } } },
      '',
    );
    expect(adapter.start()).toEqual({
      ok: true,
      launch: {
        suspendData: '2~abcd~x~~~~~0000',
        location: 'key-concepts-in-rct',
        learnerName: 'Doe, Jane',
        learnerId: 'jdoe-42',
        entry: 'resume',
        mode: 'normal',
        record: { completion: 'unknown', success: 'unknown', score: null },
      },
    });
  });

  it('reads what an earlier attempt left (lesson_status, score) and the lesson mode, so a relaunch never lowers it', () => {
    const { api, adapter } = setup();
    api.loadFromJSON({ cmi: { core: { entry: 'resume', lesson_status: 'passed', lesson_mode: 'review', score: { raw: '85' } } } }, '');
    expect(adapter.start()).toMatchObject({
      ok: true,
      launch: { mode: 'review', record: { completion: 'completed', success: 'passed', score: { raw: 85 } } },
    });
    // 1.2 has one status: passed is not turned back into incomplete.
    expect(adapter.setStatus('incomplete', 'unknown')).toEqual({ ok: true });
    expect(recorded(api).core.lesson_status).toBe('passed');
  });

  it('bookmarks the slide and stores the state', () => {
    const { api, adapter } = setup();
    adapter.start();
    expect(adapter.setLocation('five-good-things')).toEqual({ ok: true });
    expect(adapter.saveState('2~abcd~sfxk8w~1~~~~wxyz')).toEqual({ ok: true });
    expect(recorded(api).core.lesson_location).toBe('five-good-things');
    expect(recorded(api).suspend_data).toBe('2~abcd~sfxk8w~1~~~~wxyz');
  });

  it('refuses state over 4,096 characters before it reaches the LMS', () => {
    const { spies, adapter } = setup();
    adapter.start();
    expect(adapter.saveState('x'.repeat(4097))).toMatchObject({ ok: false, error: expect.stringContaining('4096') });
    expect(sent(spies.set, 'cmi.suspend_data')).toEqual([]);
    expect(adapter.stateLimit).toBe(4096);
  });

  it('finishes once: session_time, exit suspend while unfinished, LMSFinish without a commit', () => {
    const { api, spies, adapter, advance } = setup();
    adapter.start();
    advance(3_723_450);
    expect(adapter.finish(false)).toEqual({ ok: true });
    expect(sent(spies.set, 'cmi.core.session_time')).toEqual(['0001:02:03.45']);
    expect(sent(spies.set, 'cmi.core.exit')).toEqual(['suspend', 'suspend']);
    expect(recorded(api).core.exit).toBe('suspend');
    expect(spies.commit).not.toHaveBeenCalled();
    expect(spies.finish).toHaveBeenCalledTimes(1);

    expect(adapter.finish(false)).toMatchObject({ ok: false, error: expect.stringContaining('already ended') });
    expect(adapter.setLocation('x')).toMatchObject({ ok: false });
    expect(spies.finish).toHaveBeenCalledTimes(1);
    expect(sent(spies.set, 'cmi.core.lesson_location')).toEqual([]);
  });

  it('exits with "" (1.2 has no "normal") when the learner is done', () => {
    const { spies, adapter } = setup();
    adapter.start();
    adapter.finish(true);
    expect(sent(spies.set, 'cmi.core.exit').at(-1)).toBe('');
  });

  it('does not call LMSFinish for a session that never started', () => {
    const { spies, adapter } = setup();
    expect(adapter.finish(false)).toMatchObject({ ok: false, error: expect.stringContaining('not started') });
    expect(spies.finish).not.toHaveBeenCalled();
  });
});

describe('SCORM 1.2 status and score', () => {
  it('folds completion and success into lesson_status', () => {
    expect(lessonStatus('incomplete', 'unknown')).toBe('incomplete');
    expect(lessonStatus('completed', 'unknown')).toBe('completed');
    expect(lessonStatus('completed', 'passed')).toBe('passed');
    expect(lessonStatus('incomplete', 'passed')).toBe('passed');
    expect(lessonStatus('completed', 'failed')).toBe('failed');
  });

  it('reports incomplete, then completed, then passed, and never takes passed back', () => {
    const { api, adapter } = setup();
    adapter.start();
    expect(recorded(api).core.lesson_status).toBe('not attempted');
    adapter.setStatus('incomplete', 'unknown');
    expect(recorded(api).core.lesson_status).toBe('incomplete');
    adapter.setStatus('completed', 'unknown');
    expect(recorded(api).core.lesson_status).toBe('completed');
    adapter.setStatus('completed', 'passed');
    expect(recorded(api).core.lesson_status).toBe('passed');
    expect(adapter.setStatus('incomplete', 'unknown')).toEqual({ ok: true });
    expect(recorded(api).core.lesson_status).toBe('passed');
  });

  it('keeps a completed status read at launch when restored state says less', () => {
    const { api, adapter } = setup();
    api.loadFromJSON({ cmi: { core: { lesson_status: 'completed' } } }, '');
    adapter.start();
    adapter.setStatus('incomplete', 'unknown');
    expect(recorded(api).core.lesson_status).toBe('completed');
  });

  it('writes raw, min and max', () => {
    const { api, adapter } = setup();
    adapter.start();
    expect(adapter.setScore({ raw: 66.666, min: 0, max: 100, scaled: 0.6667 })).toEqual({ ok: true });
    expect(recorded(api).core.score).toEqual({ raw: '66.67', min: '0', max: '100' });
  });
});

describe('SCORM 1.2 interactions', () => {
  it('formats choices as 1.2 wants them (one character each, RTE 3.4.2.7.5), true-false as t/f', () => {
    const options = 'abcdefghijkl'.split('').map((c) => `option-${c}`);
    expect(formatResponse(dialect, { type: 'choice', options, chosen: ['option-a', 'option-c', 'option-l'], correct: [] }, 'learner')).toBe('0,2,b');
    expect(formatResponse(dialect, { type: 'true-false', chosen: false, correct: true }, 'learner')).toBe('f');
    expect(formatResponse(dialect, { type: 'true-false', chosen: false, correct: true }, 'correct')).toBe('t');
  });

  it('formats matching and sequencing by the author\'s ids while they fit CMIFeedback\'s 255 characters, else by position', () => {
    const sources = ['zest', 'clarity'];
    const targets = ['good-things', 'disconnection'];
    expect(formatResponse(dialect, { type: 'matching', sources, targets, pairs: [['zest', 'good-things'], ['clarity', 'disconnection']], correct: [] }, 'learner')).toBe(
      'zest.good-things,clarity.disconnection',
    );
    expect(formatResponse(dialect, { type: 'sequencing', items: ['p', 'q', 'r'], order: ['r', 'p', 'q'], correct: ['p', 'q', 'r'] }, 'learner')).toBe('r,p,q');
    // Ten long ids: 300 characters by id, so positions.
    const long = Array.from({ length: 10 }, (_, i) => `an-item-with-a-rather-long-identifier-${i}`);
    const answer = formatResponse(dialect, { type: 'sequencing', items: long, order: [...long].reverse(), correct: long }, 'learner');
    expect(answer).toBe('9,8,7,6,5,4,3,2,1,0');
  });

  it('records each check type in 1.2 format, with time, latency, result and objective', () => {
    const { api, spies, adapter } = setup();
    adapter.start();
    for (const r of [records.single, records.multiple, records.trueFalse, records.matching]) expect(adapter.recordInteraction(r)).toEqual({ ok: true });
    const interactions = recorded(api).interactions;
    const hhmmss = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}:${String(at.getSeconds()).padStart(2, '0')}`;
    expect(interactions['0']).toEqual({
      id: 'two-views-of-growth',
      type: 'choice',
      time: hhmmss,
      weighting: '0', // practice: recorded with its result, counting for nothing
      student_response: '1',
      result: 'correct',
      latency: expect.any(String), // scorm-again keeps its own form; what we sent is checked below
      objectives: { '0': { id: 'contrast-views-of-growth' } },
      correct_responses: { '0': { pattern: '1' } },
    });
    expect(interactions['1']).toMatchObject({ student_response: '0,1', result: 'wrong', correct_responses: { '0': { pattern: '0,2' } } });
    expect(interactions['2']).toMatchObject({ type: 'true-false', student_response: 't', result: 'wrong', correct_responses: { '0': { pattern: 'f' } } });
    expect(interactions['3']).toMatchObject({
      type: 'matching',
      student_response: 'zest.good-things,diminished-action.disconnection,clarity.good-things,confusion.disconnection',
    });
    expect(sent(spies.set, 'cmi.interactions.0.latency')).toEqual(['0000:00:12.30']);
    expect(sent(spies.set, 'cmi.interactions.3.latency')).toEqual(['0000:01:01.00']);
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('4');
  });

  it('records an assessment answer under an id naming its attempt, counting once', () => {
    const { api, adapter } = setup();
    adapter.start();
    adapter.recordInteraction({ ...records.single, attempt: 1 });
    adapter.recordInteraction(records.single);
    const i = recorded(api).interactions;
    expect(i['0']).toMatchObject({ id: 'assessment-1-two-views-of-growth', weighting: '1' });
    expect(i['1']).toMatchObject({ id: 'two-views-of-growth', weighting: '0' });
  });

  it('rewrites the same record when a check is answered again in the same launch', () => {
    const { api, adapter } = setup();
    adapter.start();
    adapter.recordInteraction(records.multiple);
    adapter.recordInteraction({ ...records.multiple, chosen: ['mutual-empathy', 'mutual-empowerment'], result: 'correct' });
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('1');
    expect(recorded(api).interactions['0']).toMatchObject({ student_response: '0,2', result: 'correct' });
  });

  it('appends after the interactions of an earlier launch (1.2 interactions are write-only)', () => {
    const { api, adapter } = setup();
    api.loadFromJSON({ cmi: { interactions: { '0': { id: 'two-views-of-growth', type: 'choice' } } } }, '');
    adapter.start();
    adapter.recordInteraction(records.single);
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('2');
    expect(recorded(api).interactions['1']).toMatchObject({ id: 'two-views-of-growth', student_response: '1' });
  });

  it('keeps reflections out of interactions: 1.2 has no long-fill-in, they live in suspend_data', () => {
    const { api, spies, adapter } = setup();
    adapter.start();
    expect(adapter.recordInteraction(records.reflection)).toEqual({ ok: true });
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('0');
    expect(spies.set.mock.calls.filter((c) => String(c[0]).startsWith('cmi.interactions'))).toEqual([]);
  });
});

describe('SCORM 1.2 errors come back as values with the LMS\'s words', () => {
  it('LMSSetValue returning "false"', () => {
    const { adapter, log } = setup();
    adapter.start();
    const r = adapter.setLocation('x'.repeat(256)); // CMIString255
    expect(r).toEqual({
      ok: false,
      error: 'SCORM 1.2 LMSSetValue("cmi.core.lesson_location") failed: error 405 Incorrect Data Type',
    });
    expect(log.errors()).toContain(r.ok ? '' : r.error);
  });

  it('LMSInitialize failing', () => {
    const api = lms12();
    api.LMSInitialize('');
    api.LMSFinish('');
    const log = collectingLogger();
    const adapter = createScorm12Adapter({ api, logger: log.logger });
    expect(adapter.start()).toEqual({
      ok: false,
      error: 'SCORM 1.2 LMSInitialize("") failed: error 101 General Exception (LMS is already finished!)',
    });
    expect(log.errors()).toHaveLength(1);
  });

  it('LMSCommit failing', () => {
    const { adapter } = setup({ failCommits: true });
    adapter.start();
    expect(adapter.commit()).toEqual({
      ok: false,
      error: 'SCORM 1.2 LMSCommit("") failed: error 101 General Exception (No specific error code exists to describe the error.)',
    });
  });

  it('an API that throws, or answers with booleans', () => {
    const throwing = {
      LMSInitialize: () => true,
      LMSFinish: () => true,
      LMSGetValue: () => '',
      LMSSetValue: () => {
        throw new Error('Permission denied');
      },
      LMSCommit: () => false,
      LMSGetLastError: () => 0,
      LMSGetErrorString: () => '',
      LMSGetDiagnostic: () => '',
    };
    const adapter = createScorm12Adapter({ api: throwing, logger: collectingLogger().logger });
    expect(adapter.start().ok).toBe(true);
    expect(adapter.setLocation('x')).toEqual({ ok: false, error: 'SCORM 1.2 LMSSetValue("cmi.core.lesson_location") failed (threw: Permission denied)' });
    expect(adapter.commit()).toEqual({ ok: false, error: 'SCORM 1.2 LMSCommit("") failed (returned false)' });
  });
});
