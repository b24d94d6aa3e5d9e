/**
 * The SCORM 2004 4th Ed. adapter against scorm-again's Scorm2004API as the
 * LMS, asserting what the LMS recorded.
 */
import { describe, expect, it, vi } from 'vitest';
import { createScormAdapter, type ScormAdapterOptions } from '../../../src/standards/scorm/adapter';
import { formatResponse, reportText } from '../../../src/standards/scorm/responses';
import { scorm2004Dialect as dialect } from '../../../src/standards/scorm2004/dialect';
import { at, collectingLogger, lms2004, recorded, records, sent, spyOn2004 } from '../../support/lms-helpers';

const createScorm2004Adapter = (options: Omit<ScormAdapterOptions, 'dialect' | 'kind'>) => createScormAdapter({ ...options, dialect, kind: 'scorm2004' });

function setup(options: { failCommits?: boolean; prepare?: (api: ReturnType<typeof lms2004>) => void } = {}) {
  const api = lms2004(options);
  options.prepare?.(api);
  const spies = spyOn2004(api);
  const log = collectingLogger();
  let clock = at.getTime();
  const adapter = createScorm2004Adapter({ api, logger: log.logger, now: () => new Date(clock), idNamespace: 'rct-intro' });
  return { api, spies, log, adapter, advance: (ms: number) => (clock += ms) };
}

describe('SCORM 2004 session', () => {
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
    expect(recorded(api).exit).toBe('suspend');
    expect(adapter.start()).toMatchObject({ ok: false });
    expect(spies.initialize).toHaveBeenCalledTimes(1);
  });

  it('resumes: suspend data, location, learner name and entry', () => {
    const { adapter } = setup({
      prepare: (api) =>
        api.loadFromJSON(
          { suspend_data: '2~abcd~x~~~~~0000', entry: 'resume', learner_name: 'Jane Doe', learner_id: 'jdoe-42', location: 'five-good-things' },
          'cmi',
        ),
    });
    expect(adapter.start()).toEqual({
      ok: true,
      launch: {
        suspendData: '2~abcd~x~~~~~0000',
        location: 'five-good-things',
        learnerName: 'Jane Doe',
        learnerId: 'jdoe-42',
        entry: 'resume',
        mode: 'normal',
        record: { completion: 'unknown', success: 'unknown', score: null },
      },
    });
  });

  it('finishes once: session_time as ISO 8601, exit suspend, Terminate with no Commit before it', () => {
    const { api, spies, adapter, advance } = setup();
    adapter.start();
    advance(3_723_450);
    expect(adapter.finish(false)).toEqual({ ok: true });
    expect(sent(spies.set, 'cmi.session_time')).toEqual(['PT1H2M3.45S']);
    expect(recorded(api).exit).toBe('suspend');
    expect(spies.commit).not.toHaveBeenCalled();
    expect(spies.terminate).toHaveBeenCalledTimes(1);
    expect(adapter.finish(false)).toMatchObject({ ok: false, error: expect.stringContaining('already ended') });
    expect(spies.terminate).toHaveBeenCalledTimes(1);
  });

  it('exits normal when the learner is done', () => {
    const { api, adapter } = setup();
    adapter.start();
    adapter.finish(true);
    expect(recorded(api).exit).toBe('normal');
  });

  it('stores location and state; refuses state over 64,000 characters', () => {
    const { api, adapter } = setup();
    adapter.start();
    adapter.setLocation('five-good-things');
    adapter.saveState('2~abcd~sfxk8w~1~~~~wxyz');
    expect(recorded(api)).toMatchObject({ location: 'five-good-things', suspend_data: '2~abcd~sfxk8w~1~~~~wxyz' });
    expect(adapter.saveState('x'.repeat(64_001))).toMatchObject({ ok: false });
    expect(adapter.stateLimit).toBe(64_000);
  });
});

describe('SCORM 2004 status and score', () => {
  it('writes completion and success separately, never taking completed or passed back', () => {
    const { api, adapter } = setup();
    adapter.start();
    adapter.setStatus('incomplete', 'unknown');
    expect(recorded(api)).toMatchObject({ completion_status: 'incomplete', success_status: 'unknown' });
    adapter.setStatus('completed', 'passed');
    expect(recorded(api)).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
    adapter.setStatus('incomplete', 'unknown');
    expect(recorded(api)).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
  });

  it('writes scaled, raw, min and max', () => {
    const { api, adapter } = setup();
    adapter.start();
    adapter.setScore({ raw: 66.67, min: 0, max: 100, scaled: 0.6667 });
    expect(recorded(api).score).toEqual({ scaled: '0.6667', raw: '66.67', min: '0', max: '100' });
  });
});

describe('SCORM 2004 launch: what the LMS holds', () => {
  it('asks nothing of a first attempt that it cannot have: no reads of unset elements on ab-initio (ILIAS answers 403)', () => {
    const { api, adapter } = setup({ prepare: (api) => api.loadFromJSON({ entry: 'ab-initio' }, 'cmi') });
    const get = vi.spyOn(api, 'GetValue');
    expect(adapter.start()).toMatchObject({ ok: true, launch: { entry: 'ab-initio', suspendData: null, location: null } });
    const asked = get.mock.calls.map((c) => c[0]);
    expect(asked).not.toContain('cmi.suspend_data');
    expect(asked).not.toContain('cmi.location');
    expect(asked.filter((e) => e.startsWith('cmi.interactions.') || e.startsWith('cmi.comments_from_learner.'))).toEqual([]);
    expect(asked).not.toContain('cmi.score.raw'); // no score before success is decided
    expect(api.GetLastError()).toBe('0');
  });

  it('reads the status and score an earlier attempt left, so a relaunch can never lower them', () => {
    const { adapter } = setup({
      prepare: (api) => api.loadFromJSON({ entry: 'resume', completion_status: 'completed', success_status: 'passed', score: { raw: '92.5', scaled: '0.925' } }, 'cmi'),
    });
    expect(adapter.start()).toMatchObject({
      ok: true,
      launch: { record: { completion: 'completed', success: 'passed', score: { raw: 92.5, min: 0, max: 100, scaled: 0.925 } } },
    });
  });

  it('says when the LMS opens the attempt for review (cmi.mode, RTE 4.2.16)', () => {
    const { adapter } = setup({ prepare: (api) => api.loadFromJSON({ mode: 'review', entry: 'resume' }, 'cmi') });
    expect(adapter.start()).toMatchObject({ ok: true, launch: { mode: 'review' } });
  });

  it('never writes a status lower than the one the LMS holds', () => {
    const { api, adapter } = setup({ prepare: (api) => api.loadFromJSON({ entry: 'resume', completion_status: 'completed', success_status: 'passed' }, 'cmi') });
    adapter.start();
    expect(adapter.setStatus('incomplete', 'unknown')).toEqual({ ok: true });
    expect(recorded(api)).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
  });

  it('reads back what the LMS stored, to find an LMS that cuts suspend_data short', () => {
    const { adapter } = setup();
    adapter.start();
    adapter.saveState('3~stored');
    expect(adapter.readBack?.()).toBe('3~stored');
  });

  it('an LMS that refuses learner comments (401): the reflection is saved, a warning goes to the log, no "could not save"', () => {
    const api = lms2004();
    let lastError = '0';
    // The LMS as seen through its API: cmi.comments_from_learner is not implemented (401, RTE 3.1.7.6).
    const lms = {
      Initialize: (p: string) => api.Initialize(p),
      Terminate: (p: string) => api.Terminate(p),
      GetValue: (e: string) => api.GetValue(e),
      Commit: (p: string) => api.Commit(p),
      GetLastError: () => (lastError !== '0' ? lastError : api.GetLastError()),
      GetErrorString: (c: string) => api.GetErrorString(c),
      GetDiagnostic: (c: string) => api.GetDiagnostic(c),
      SetValue: (e: string, v: string) => {
        lastError = e.startsWith('cmi.comments_from_learner.') ? '401' : '0';
        return lastError === '0' ? api.SetValue(e, v) : 'false';
      },
    };
    const adapter = createScorm2004Adapter({ api: lms, logger: collectingLogger().logger, now: () => at, idNamespace: 'rct-intro' });
    adapter.start();
    const outcome = adapter.recordInteraction(records.reflection);
    expect(outcome).toMatchObject({ ok: true, warning: expect.stringContaining('learner comments refused') });
    expect(recorded(api).interactions['0']).toMatchObject({ type: 'long-fill-in' });
    // Not tried again this launch.
    expect(adapter.recordInteraction({ ...records.reflection, text: 'Again.' })).toEqual({ ok: true });
  });
});

describe('an LMS whose GetLastError stays set after calls that succeeded (seen in the wild)', () => {
  it('is judged by what each call returns: the launch, the saves and the reads all work', () => {
    const api = lms2004();
    api.loadFromJSON({ entry: 'resume', suspend_data: '3~saved', location: 'five-good-things' }, 'cmi');
    const sticky = {
      Initialize: (p: string) => api.Initialize(p),
      Terminate: (p: string) => api.Terminate(p),
      GetValue: (e: string) => api.GetValue(e),
      SetValue: (e: string, v: string) => api.SetValue(e, v),
      Commit: (p: string) => api.Commit(p),
      GetLastError: () => '101',
      GetErrorString: () => 'General Exception',
      GetDiagnostic: () => 'left over from an earlier call',
    };
    const adapter = createScorm2004Adapter({ api: sticky, logger: collectingLogger().logger, now: () => at, idNamespace: 'rct-intro' });
    expect(adapter.start()).toMatchObject({ ok: true, launch: { suspendData: '3~saved', location: 'five-good-things', entry: 'resume' } });
    expect(adapter.saveState('3~more')).toEqual({ ok: true });
    expect(adapter.recordInteraction(records.single)).toEqual({ ok: true });
    expect(adapter.commit()).toEqual({ ok: true });
    expect(adapter.readBack?.()).toBe('3~more');
    expect(adapter.finish(false)).toEqual({ ok: true });
  });
});

describe('SCORM 2004 interactions', () => {
  it('formats responses by the author\'s ids with [,] and [.] delimiters (RTE 4.2.9.2), for a report an administrator can read', () => {
    const options = ['self-reliance', 'connection', 'mutual-empathy'];
    expect(formatResponse(dialect, { type: 'choice', options, chosen: ['self-reliance', 'mutual-empathy'], correct: [] }, 'learner')).toBe('self-reliance[,]mutual-empathy');
    expect(formatResponse(dialect, { type: 'true-false', chosen: true, correct: false }, 'learner')).toBe('true');
    expect(
      formatResponse(dialect, { type: 'matching', sources: ['zest', 'clarity'], targets: ['good-things', 'disconnection'], pairs: [['zest', 'good-things'], ['clarity', 'disconnection']], correct: [] }, 'learner'),
    ).toBe('zest[.]good-things[,]clarity[.]disconnection');
    expect(formatResponse(dialect, { type: 'sequencing', items: ['p', 'q', 'r'], order: ['q', 'p', 'r'], correct: ['p', 'q', 'r'] }, 'correct')).toBe('p[,]q[,]r');
  });

  it('records each check type with a URN id, description, timestamp, latency, result and objective', () => {
    const { api, adapter } = setup();
    adapter.start();
    for (const r of [records.single, records.multiple, records.trueFalse, records.matching]) expect(adapter.recordInteraction(r)).toEqual({ ok: true });
    const i = recorded(api).interactions;
    expect(i['0']).toEqual({
      id: 'urn:rct-intro:check:two-views-of-growth',
      type: 'choice',
      description: 'Which view of growth does Relational-Cultural Theory hold?',
      objectives: { '0': { id: 'urn:rct-intro:objective:contrast-views-of-growth' } },
      timestamp: '2025-03-01T09:30:15.25Z',
      weighting: '0', // practice: recorded with its result, counting for nothing
      learner_response: 'connection',
      correct_responses: { '0': { pattern: 'connection' } },
      result: 'correct',
      latency: 'PT12.3S',
    });
    expect(i['1']).toMatchObject({
      learner_response: 'mutual-empathy[,]self-reliance',
      result: 'incorrect',
      correct_responses: { '0': { pattern: 'mutual-empathy[,]mutual-empowerment' } },
    });
    expect(i['2']).toMatchObject({ type: 'true-false', learner_response: 'true', correct_responses: { '0': { pattern: 'false' } } });
    expect(i['3']).toMatchObject({
      type: 'matching',
      learner_response: 'zest[.]good-things[,]diminished-action[.]disconnection[,]clarity[.]good-things[,]confusion[.]disconnection',
      latency: 'PT1M1S',
    });
  });

  it('records an assessment answer under an id naming its attempt, counting once', () => {
    const { api, adapter } = setup();
    adapter.start();
    adapter.recordInteraction({ ...records.single, attempt: 2 });
    adapter.recordInteraction({ ...records.single, attempt: 3 });
    adapter.recordInteraction(records.single);
    const i = recorded(api).interactions;
    expect(i['0']).toMatchObject({ id: 'urn:rct-intro:assessment:2:two-views-of-growth', weighting: '1', result: 'correct' });
    expect(i['1']).toMatchObject({ id: 'urn:rct-intro:assessment:3:two-views-of-growth', weighting: '1' });
    expect(i['2']).toMatchObject({ id: 'urn:rct-intro:check:two-views-of-growth', weighting: '0' });
  });

  it('updates the same record when a check is answered again', () => {
    const { api, adapter } = setup();
    adapter.start();
    adapter.recordInteraction(records.multiple);
    adapter.recordInteraction({ ...records.multiple, chosen: ['mutual-empathy', 'mutual-empowerment'], result: 'correct' });
    expect(api.GetValue('cmi.interactions._count')).toBe('1');
    expect(recorded(api).interactions['0']).toMatchObject({ learner_response: 'mutual-empathy[,]mutual-empowerment', result: 'correct' });
  });

  it('finds its records again on resume from the interaction ids and comment locations', () => {
    const { api, adapter } = setup({
      prepare: (api) =>
        api.loadFromJSON(
          {
            interactions: {
              '0': { id: 'urn:rct-intro:check:mutuality-elements', type: 'choice' },
              '1': { id: 'urn:rct-intro:reflection:where-i-can-be-authentic', type: 'long-fill-in' },
            },
            comments_from_learner: { '0': { comment: 'Earlier text', location: 'where-i-can-be-authentic' } },
          },
          'cmi',
        ),
    });
    adapter.start();
    adapter.recordInteraction(records.multiple);
    adapter.recordInteraction(records.reflection);
    adapter.recordInteraction(records.single);
    const cmi = recorded(api);
    expect(Object.keys(cmi.interactions)).toEqual(['0', '1', '2']);
    expect(cmi.interactions['0']).toMatchObject({ learner_response: 'mutual-empathy[,]self-reliance' });
    expect(cmi.interactions['2']).toMatchObject({ id: 'urn:rct-intro:check:two-views-of-growth' });
    expect(Object.keys(cmi.comments_from_learner)).toEqual(['0']);
  });

  it('records a reflection as long-fill-in and also as a learner comment, updated in place', () => {
    const { api, adapter } = setup();
    adapter.start();
    expect(adapter.recordInteraction(records.reflection)).toEqual({ ok: true });
    adapter.recordInteraction({ ...records.reflection, text: 'Rewritten: with my sister.' });
    const cmi = recorded(api);
    expect(cmi.interactions['0']).toMatchObject({
      id: 'urn:rct-intro:reflection:where-i-can-be-authentic',
      type: 'long-fill-in',
      learner_response: 'Rewritten: with my sister.',
      result: 'neutral',
      correct_responses: {},
    });
    expect(cmi.comments_from_learner).toEqual({
      '0': { comment: 'Rewritten: with my sister.', location: 'where-i-can-be-authentic', timestamp: '2025-03-01T09:30:15.25Z' },
    });
  });

  it('keeps Unicode and marks line breaks in the LMS copy of a reflection', () => {
    const { api, adapter } = setup();
    adapter.start();
    adapter.recordInteraction(records.reflection);
    const expected = 'With my oldest friend, Renée. ¶ She tells me when I’ve hurt her.';
    expect(recorded(api).interactions['0'].learner_response).toBe(expected);
    expect(recorded(api).comments_from_learner['0'].comment).toBe(expected);
  });

  it('cuts a reflection over 4,000 characters in the LMS copy, says so in the log, and keeps the record', () => {
    const { api, adapter, log } = setup();
    adapter.start();
    const long = 'a'.repeat(4500);
    expect(adapter.recordInteraction({ ...records.reflection, text: long })).toEqual({ ok: true });
    const stored: string = recorded(api).interactions['0'].learner_response;
    expect(stored).toHaveLength(4000);
    expect(stored.endsWith('…')).toBe(true);
    expect(log.messages.some((m) => m.level === 'warn' && m.message.includes('longer than 4000'))).toBe(true);
  });

  it('prepares report text the LMS accepts', () => {
    expect(reportText('{not a language tag}', 4000).text).toBe(' {not a language tag}');
    expect(reportText('one\r\n\r\ntwo\nthree', 4000).text).toBe('one ¶ two ¶ three');
    expect(reportText('abcdef', 4)).toEqual({ text: 'abc…', cut: true });
  });
});

describe('SCORM 2004 errors come back as values with the LMS\'s words', () => {
  it('SetValue returning "false"', () => {
    const { adapter, log } = setup();
    adapter.start();
    const r = adapter.setLocation('x'.repeat(1001));
    expect(r).toEqual({ ok: false, error: 'SCORM 2004 SetValue("cmi.location") failed: error 406 Data Model Element Type Mismatch' });
    expect(log.errors()).toEqual([r.ok ? '' : r.error]);
  });

  it('Initialize failing', () => {
    const api = lms2004();
    api.Initialize('');
    api.Terminate('');
    const adapter = createScorm2004Adapter({ api, logger: collectingLogger().logger });
    expect(adapter.start()).toEqual({
      ok: false,
      error: 'SCORM 2004 Initialize("") failed: error 104 Content Instance Terminated (LMS is already finished!)',
    });
  });

  it('Commit failing', () => {
    const { adapter } = setup({ failCommits: true });
    adapter.start();
    expect(adapter.commit()).toMatchObject({ ok: false, error: expect.stringMatching(/^SCORM 2004 Commit\(""\) failed: error 101 /) });
  });

  it('reads an element the LMS has not initialized (403) as empty, not as a failure', () => {
    const { adapter, log } = setup();
    expect(adapter.start()).toMatchObject({ ok: true, launch: { location: null } });
    expect(log.errors()).toEqual([]);
  });
});
