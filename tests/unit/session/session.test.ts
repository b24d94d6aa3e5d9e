/**
 * The session: debounced commits, flush, end once, failures that lose
 * nothing, and what it tells the learner. Timers are Vitest's fake timers
 * (Date included), so `now` follows them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { judge, type AnsweredCheck, type Check, type ResponseOf } from '../../../src/questions/registry';
import type { LaunchData, LmsAdapter, Outcome } from '../../../src/standards/contract';
import { createScormAdapter } from '../../../src/standards/scorm/adapter';
import type { ScormApi } from '../../../src/standards/scorm/connection';
import { scorm12Dialect } from '../../../src/standards/scorm12/dialect';
import { scorm2004Dialect } from '../../../src/standards/scorm2004/dialect';
import { createStandaloneAdapter } from '../../../src/standards/standalone';
import { codecCourseOf, decodeState, encodeState } from '../../../src/session/codec';
import { createSession } from '../../../src/session/session';
import type { DeviceBackup, Session, SessionOptions, SessionStatus } from '../../../src/session/session';
import { matchingCheck, multipleCheck, singleCheck, trueFalseCheck } from '../../support/checks';
import { allSlides, outline, pool, rightAnswers } from '../../support/course';
import { collectingLogger, lms12, lms2004, recorded, sent, spyOn2004 } from '../../support/lms-helpers';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-03-01T09:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const createScorm12Adapter = (o: { api: ScormApi; logger: ReturnType<typeof collectingLogger>['logger'] }) =>
  createScormAdapter({ ...o, dialect: scorm12Dialect, kind: 'scorm12' });
const createScorm2004Adapter = (o: { api: ScormApi; logger: ReturnType<typeof collectingLogger>['logger'] }) =>
  createScormAdapter({ ...o, dialect: scorm2004Dialect, kind: 'scorm2004' });

/** A check answered and judged by its type, as a page submits it (src/questions/registry.ts `judge`). */
function answered<C extends Check>(check: C, response: ResponseOf<C['type']>) {
  const judged = judge({ check, response } as AnsweredCheck);
  if (!judged) throw new Error(`${check.id}: an incomplete answer`);
  return judged;
}

/** What an LMS gives a first launch. */
const firstLaunch: LaunchData = {
  suspendData: null,
  location: null,
  learnerName: null,
  learnerId: 'learner-1',
  entry: 'ab-initio',
  mode: 'normal',
  record: { completion: 'unknown', success: 'unknown', score: null },
};

type Method = 'setLocation' | 'saveState' | 'recordInteraction' | 'setScore' | 'setStatus' | 'commit' | 'finish';

/** An adapter that records every call and fails the methods listed in `failing`; `extra` adds or replaces members (readBack, peekState, watch). */
function scriptedAdapter(launch: Partial<LaunchData> = {}, extra: Partial<LmsAdapter> = {}) {
  const calls: Array<{ method: Method; args: unknown[] }> = [];
  const failing = new Set<Method>();
  const answer = (method: Method, args: unknown[]): Outcome => {
    calls.push({ method, args });
    return failing.has(method) ? { ok: false, error: `${method} failed: error 101 General Exception` } : { ok: true };
  };
  const adapter: LmsAdapter = {
    kind: 'scorm2004',
    stateLimit: 64000,
    start: () => ({ ok: true, launch: { ...firstLaunch, ...launch } }),
    setLocation: (...args) => answer('setLocation', args),
    saveState: (...args) => answer('saveState', args),
    recordInteraction: (...args) => answer('recordInteraction', args),
    setScore: (...args) => answer('setScore', args),
    setStatus: (...args) => answer('setStatus', args),
    commit: (...args) => answer('commit', args),
    finish: (...args) => answer('finish', args),
    ...extra,
  };
  const count = (method: Method) => calls.filter((c) => c.method === method).length;
  const last = (method: Method) => calls.filter((c) => c.method === method).at(-1)?.args;
  return { adapter, calls, failing, count, last };
}

async function session(adapter: LmsAdapter, extra: Partial<SessionOptions> = {}) {
  const statuses: SessionStatus[] = [];
  const s = await createSession({ adapter, course: outline, masteryScore: 75, logger: collectingLogger().logger, ...extra });
  s.subscribe((status) => statuses.push(status));
  return { s, statuses };
}

function answerAllRight(s: Session) {
  s.answer(answered(singleCheck, rightAnswers.single));
  s.answer(answered(multipleCheck, [...rightAnswers.multiple]));
  s.answer(answered(trueFalseCheck, rightAnswers.trueFalse));
  s.answer(answered(matchingCheck, { ...rightAnswers.matching }));
}

/** A right and a wrong response for each pool question, by the practice check it copies (tests/support/course.ts). */
const responses: Record<string, { right: unknown; wrong: unknown }> = {
  [singleCheck.id]: { right: rightAnswers.single, wrong: 'separation' },
  [multipleCheck.id]: { right: [...rightAnswers.multiple], wrong: ['self-reliance'] },
  [trueFalseCheck.id]: { right: rightAnswers.trueFalse, wrong: !rightAnswers.trueFalse },
  [matchingCheck.id]: { right: { ...rightAnswers.matching }, wrong: { ...rightAnswers.matching, zest: 'disconnection' } },
};

/** Take an attempt at the final assessment: the first `right` drawn questions right, the rest wrong; hand it in unless `handIn` is false. */
function takeAttempt(s: Session, right: number, options: { seed?: number; handIn?: boolean } = {}) {
  s.startAssessment(options.seed ?? 1000 + s.getState().assessment.length);
  const current = s.summary().assessment?.current;
  if (!current) throw new Error('no attempt could start');
  current.drawn.forEach((id, i) => {
    const check = pool.find((c) => c.id === id)!;
    const r = responses[id.replace(/-[ab]$/, '')]!;
    const judged = judge({ check, response: i < right ? r.right : r.wrong } as AnsweredCheck);
    if (!judged) throw new Error(`${id}: incomplete`);
    s.answerAssessment(judged);
  });
  return options.handIn === false ? { ok: true } : s.finishAssessment();
}

describe('debounced commits', () => {
  it('commit once, 2 s after the last change, not per change', async () => {
    const lms = scriptedAdapter();
    const { s } = await session(lms.adapter);
    for (const id of allSlides.slice(0, 5)) {
      s.visit(id);
      vi.advanceTimersByTime(500);
    }
    expect(lms.count('commit')).toBe(0);
    expect(s.getStatus().saving).toBe('pending');
    vi.advanceTimersByTime(1499);
    expect(lms.count('commit')).toBe(0);
    vi.advanceTimersByTime(1);
    expect(lms.count('commit')).toBe(1);
    expect(s.getStatus()).toEqual({ saving: 'saved', notices: [], omittedReflections: [] });
  });

  it('commit a long typing spell at least every 10 s, not per keystroke', async () => {
    const lms = scriptedAdapter();
    const { s } = await session(lms.adapter);
    vi.advanceTimersByTime(2000); // the launch's own commit
    expect(lms.count('commit')).toBe(1);
    let text = '';
    for (let i = 0; i < 60; i++) {
      text += 'x';
      s.writeReflection('where-i-can-be-authentic', text);
      vi.advanceTimersByTime(300); // 18 s of typing
    }
    expect(lms.count('commit')).toBe(2); // one at 10 s
    vi.advanceTimersByTime(2000);
    expect(lms.count('commit')).toBe(3);
    // The LMS got each reflection record once per commit, with the latest text.
    expect(lms.count('recordInteraction')).toBe(2);
    expect(lms.last('recordInteraction')?.[0]).toMatchObject({ type: 'long-fill-in', text });
  });

  it('use the delays given', async () => {
    const lms = scriptedAdapter();
    const { s } = await session(lms.adapter, { commitDelayMs: 100 });
    s.visit('introducing-rct');
    vi.advanceTimersByTime(100);
    expect(lms.count('commit')).toBe(1);
  });
});

describe('what reaches the LMS', () => {
  it('push score and status only when they change', async () => {
    const lms = scriptedAdapter();
    const { s } = await session(lms.adapter);
    expect(lms.last('setStatus')).toEqual(['incomplete', 'unknown']); // at launch
    s.visit('introducing-rct');
    s.visit('rct-proposes');
    vi.advanceTimersByTime(2000);
    expect(lms.count('setStatus')).toBe(1);
    expect(lms.count('setScore')).toBe(0); // no score before the first answer

    // Practice is never scored, right or wrong.
    s.answer(answered(singleCheck, 'separation'));
    answerAllRight(s);
    vi.advanceTimersByTime(2000);
    expect(lms.count('setScore')).toBe(0);
    expect(lms.count('setStatus')).toBe(1);

    // An attempt below mastery with attempts left: no score (an LMS holding a mastery score would call it "failed").
    for (const id of allSlides) s.visit(id);
    takeAttempt(s, 1);
    vi.advanceTimersByTime(2000);
    expect(lms.last('setStatus')).toEqual(['completed', 'unknown']);
    expect(lms.count('setScore')).toBe(0);

    takeAttempt(s, 4);
    vi.advanceTimersByTime(2000);
    expect(lms.last('setStatus')).toEqual(['completed', 'passed']);
    // Practising again afterwards changes nothing in the LMS's score.
    answerAllRight(s);
    vi.advanceTimersByTime(2000);
    const raws = lms.calls.filter((c) => c.method === 'setScore').map((c) => (c.args[0] as { raw: number }).raw);
    expect(raws).toEqual([100]);
  });

  it('record the interaction at once on answer, with latency from when the slide was shown', async () => {
    const api = lms2004();
    const { s } = await session(createScorm2004Adapter({ api, logger: collectingLogger().logger }));
    s.visit('check-two-views-of-growth');
    vi.advanceTimersByTime(12_300);
    const outcome = s.answer(answered(singleCheck, 'separation'));
    expect(outcome).toEqual({ ok: true, attempts: 1 });
    // Before any commit: the record is in the LMS's data model already.
    expect(recorded(api).interactions['0']).toMatchObject({
      id: 'urn:course:check:two-views-of-growth',
      // By option id (2004 RTE 4.2.9.2 short_identifier_type): an LMS report reads it, and it survives reordered options.
      learner_response: 'separation',
      result: 'incorrect',
      latency: 'PT12.3S',
      objectives: { '0': { id: 'urn:course:objective:contrast-views-of-growth' } },
    });
    vi.advanceTimersByTime(4000);
    expect(s.answer(answered(singleCheck, 'connection'))).toEqual({ ok: true, attempts: 2 });
    expect(recorded(api).interactions['0']).toMatchObject({ learner_response: 'connection', result: 'correct', latency: 'PT4S' });
  });

  it('refuse a check from another course, changing nothing', async () => {
    const lms = scriptedAdapter();
    const { s } = await session(lms.adapter);
    const before = s.getState();
    expect(s.answer(answered({ ...singleCheck, id: 'elsewhere' }, 'connection'))).toEqual({ ok: false, reason: 'unknown-check' });
    expect(s.getState()).toBe(before);
  });

  it('write the state through the codec and the bookmark to the LMS', async () => {
    const api = lms2004();
    const { s } = await session(createScorm2004Adapter({ api, logger: collectingLogger().logger }));
    s.visit('introducing-rct');
    s.visit('rct-proposes');
    s.writeReflection('where-i-can-be-authentic', 'With my sister.');
    vi.advanceTimersByTime(2000);
    expect(recorded(api).location).toBe('rct-proposes');
    expect(recorded(api).suspend_data).toBe(encodeState(s.getState(), codecCourseOf(outline)).data);
    expect(recorded(api).comments_from_learner['0']).toMatchObject({ comment: 'With my sister.', location: 'where-i-can-be-authentic' });
  });
});

describe('the session object', () => {
  it('works with its methods detached, as event handlers use them', async () => {
    const lms = scriptedAdapter();
    const { visit, writeReflection, clearReflection, flush } = (await session(lms.adapter)).s;
    visit('pause-where-i-can-be-authentic');
    writeReflection('where-i-can-be-authentic', 'Draft');
    clearReflection('where-i-can-be-authentic');
    expect(flush()).toEqual({ ok: true });
    expect(lms.last('recordInteraction')?.[0]).toMatchObject({ type: 'long-fill-in', text: '' });
  });
});

describe('flush and end', () => {
  it('flush commits at once what waits, and nothing when nothing waits', async () => {
    const lms = scriptedAdapter();
    const { s } = await session(lms.adapter);
    s.visit('introducing-rct');
    expect(s.flush()).toEqual({ ok: true });
    expect(lms.count('commit')).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(lms.count('commit')).toBe(1);
    expect(s.flush()).toEqual({ ok: true });
    expect(lms.count('commit')).toBe(1);
  });

  it('end finishes once, sends what waits, and does not Commit right before Terminate (2004)', async () => {
    const api = lms2004();
    const spies = spyOn2004(api);
    const { s } = await session(createScorm2004Adapter({ api, logger: collectingLogger().logger }));
    s.visit('introducing-rct');
    vi.advanceTimersByTime(600_000);
    const commitsBefore = spies.commit.mock.calls.length;
    s.visit('rct-proposes');
    expect(s.end()).toEqual({ ok: true });
    expect(s.end()).toEqual({ ok: true });
    expect(spies.terminate).toHaveBeenCalledTimes(1);
    expect(spies.commit.mock.calls.length).toBe(commitsBefore);
    expect(recorded(api).location).toBe('rct-proposes');
    expect(recorded(api).exit).toBe('suspend');
    expect(sent(spies.set, 'cmi.session_time')).toEqual(['PT10M']);
    // After the end, changes stay in memory and do not reach the LMS.
    s.visit('check-two-views-of-growth');
    vi.advanceTimersByTime(5000);
    expect(spies.commit.mock.calls.length).toBe(commitsBefore);
    expect(s.getState().seen).toContain('check-two-views-of-growth');
  });

  it('end with exit normal once the learner is done (every slide seen, passed)', async () => {
    const api = lms2004();
    const { s } = await session(createScorm2004Adapter({ api, logger: collectingLogger().logger }));
    for (const id of allSlides) s.visit(id);
    takeAttempt(s, 4);
    expect(s.summary()).toMatchObject({ completion: 'completed', success: 'passed', finished: true, revisit: [] });
    s.end();
    expect(recorded(api)).toMatchObject({ exit: 'normal', completion_status: 'completed', success_status: 'passed', score: { raw: '100' } });
  });

  it('end below mastery with attempts left: exit suspend, success unknown, no score, never failed', async () => {
    const api = lms12();
    const { s } = await session(createScorm12Adapter({ api, logger: collectingLogger().logger }));
    for (const id of allSlides) s.visit(id);
    takeAttempt(s, 1);
    expect(s.summary()).toMatchObject({ success: 'unknown', finished: false, score: { percent: 25 }, assessment: { used: 1, left: 2 } });
    s.end();
    // No score either: with a mastery score the LMS would turn 25 into "failed" (1.2 RTE 3.4.4).
    expect(recorded(api).core).toMatchObject({ lesson_status: 'completed', exit: 'suspend', score: { raw: '' } });
  });

  it('every attempt used below mastery: failed, with the best score, and done (exit normal)', async () => {
    const api = lms2004();
    const { s } = await session(createScorm2004Adapter({ api, logger: collectingLogger().logger }));
    for (const id of allSlides) s.visit(id);
    takeAttempt(s, 2);
    takeAttempt(s, 1);
    takeAttempt(s, 0);
    expect(s.summary()).toMatchObject({ success: 'failed', finished: true, score: { percent: 50 }, assessment: { used: 3, left: 0, failed: true } });
    s.end();
    expect(recorded(api)).toMatchObject({ exit: 'normal', completion_status: 'completed', success_status: 'failed', score: { raw: '50', scaled: '0.5' } });
  });
});

describe('failures lose nothing and are told', () => {
  it('a failed commit sets the notice; the next change retries everything still pending', async () => {
    const lms = scriptedAdapter();
    const { s, statuses } = await session(lms.adapter);
    vi.advanceTimersByTime(2000);
    lms.failing.add('commit').add('saveState');
    s.visit('introducing-rct');
    vi.advanceTimersByTime(2000);
    expect(s.getStatus()).toMatchObject({
      saving: 'error',
      notices: [{ code: 'not-saved', place: 'lms' }],
      error: 'saveState failed: error 101 General Exception',
    });
    expect(statuses.at(-1)?.saving).toBe('error');

    lms.failing.clear();
    s.visit('rct-proposes');
    // Still unsaved: the error stays on show while the retry waits.
    expect(s.getStatus()).toMatchObject({ saving: 'error', notices: [{ code: 'not-saved', place: 'lms' }] });
    vi.advanceTimersByTime(2000);
    expect(s.getStatus()).toEqual({ saving: 'saved', notices: [], omittedReflections: [] });
    const saved = lms.last('saveState')?.[0] as string;
    expect(saved).toBe(encodeState(s.getState(), codecCourseOf(outline)).data);
    expect(s.getState().seen).toEqual(['introducing-rct', 'rct-proposes']);
  });

  it('a failed interaction record is sent again with the next commit', async () => {
    const lms = scriptedAdapter();
    const { s } = await session(lms.adapter);
    lms.failing.add('recordInteraction');
    s.answer(answered(trueFalseCheck, false));
    expect(s.getStatus().saving).toBe('error');
    lms.failing.clear();
    expect(s.flush()).toEqual({ ok: true });
    const sentRecords = lms.calls.filter((c) => c.method === 'recordInteraction').map((c) => (c.args[0] as { id: string }).id);
    expect(sentRecords).toEqual(['authenticity-is-a-state', 'authenticity-is-a-state']);
  });

  it('a real LMS whose commits fail (scorm-again with a failing server)', async () => {
    const api = lms12({ failCommits: true });
    const { s } = await session(createScorm12Adapter({ api, logger: collectingLogger().logger }));
    s.visit('introducing-rct');
    expect(s.flush()).toMatchObject({ ok: false, error: expect.stringContaining('LMSCommit') });
    expect(s.getStatus()).toMatchObject({ saving: 'error', notices: [{ code: 'not-saved', place: 'lms' }], error: expect.stringContaining('101') });
  });

  it('no LMS session at all: the learner is told, and the course still works in memory', async () => {
    const api = lms2004();
    api.Initialize('');
    api.Terminate('');
    const { s } = await session(createScorm2004Adapter({ api, logger: collectingLogger().logger }));
    expect(s.launch).toBeNull();
    expect(s.getStatus()).toMatchObject({ saving: 'error', notices: [{ code: 'not-connected', place: 'lms' }] });
    s.visit('introducing-rct');
    expect(s.answer(answered(singleCheck, 'connection'))).toMatchObject({ ok: true });
    expect(s.getState().seen).toEqual(['introducing-rct']);
  });

  it('the reader without browser storage: told its progress lasts only while the page is open', async () => {
    const { s } = await session(createStandaloneAdapter({ courseId: 'rct-intro', courseVersion: '1.0.0', storage: null, logger: collectingLogger().logger }));
    expect(s.getStatus()).toMatchObject({ saving: 'error', notices: [{ code: 'not-connected', place: 'device' }] });
    s.writeReflection('where-i-can-be-authentic', 'Still here.');
    expect(s.flush()).toMatchObject({ ok: false, error: expect.stringContaining('memory only') });
    // Said once: "not connected" already tells the learner nothing is kept on the device.
    expect(s.getStatus().notices).toEqual([{ code: 'not-connected', place: 'device' }]);
    expect(s.getState().reflections['where-i-can-be-authentic']?.text).toBe('Still here.');
  });

  it('a reflection too long for SCORM 1.2 suspend_data is reported, kept in memory, and the rest is saved', async () => {
    const api = lms12();
    const { s } = await session(createScorm12Adapter({ api, logger: collectingLogger().logger }));
    const long = 'I keep coming back to this. '.repeat(160); // 4,480 characters
    s.writeReflection('where-i-can-be-authentic', long);
    s.writeReflection('connection-in-daily-life', 'A short one.');
    expect(s.flush()).toEqual({ ok: true });
    expect(s.getStatus()).toEqual({
      saving: 'saved',
      notices: [{ code: 'kept-on-device', reflections: 1, reason: 'too-long' }],
      omittedReflections: ['where-i-can-be-authentic'],
    });
    expect(s.getState().reflections['where-i-can-be-authentic']?.text).toBe(long);
    const stored: string = recorded(api).suspend_data;
    expect(stored.length).toBeLessThanOrEqual(4096);
    expect(stored).toContain('A short one.');
  });
});

describe('resuming', () => {
  it('restores the state and bookmark saved by an earlier launch', async () => {
    const first = lms2004();
    const one = (await session(createScorm2004Adapter({ api: first, logger: collectingLogger().logger }))).s;
    one.visit('introducing-rct');
    one.visit('rct-proposes');
    one.answer(answered(singleCheck, 'connection'));
    one.writeReflection('where-i-can-be-authentic', 'Renée — “always”.\nYes.');
    one.end();

    const second = lms2004();
    const saved = recorded(first);
    second.loadFromJSON({ suspend_data: saved.suspend_data, location: saved.location, entry: 'resume' }, 'cmi');
    const two = (await session(createScorm2004Adapter({ api: second, logger: collectingLogger().logger }))).s;
    expect(two.restoreError).toBeNull();
    expect(two.launch?.entry).toBe('resume');
    expect(two.getState()).toMatchObject({
      seen: ['introducing-rct', 'rct-proposes'],
      location: 'rct-proposes',
      answers: { 'two-views-of-growth': { response: '1', correct: true, attempts: 1 } },
      reflections: { 'where-i-can-be-authentic': { text: 'Renée — “always”.\nYes.' } },
    });
  });

  it('starts afresh with a notice when the saved data cannot be read', async () => {
    const lms = scriptedAdapter({ suspendData: '2~garbage', location: 'rct-proposes' });
    const { s } = await session(lms.adapter);
    expect(s.restoreError).toMatchObject({ kind: 'corrupt' });
    const notice = { code: 'not-restored', reason: 'unreadable' };
    expect(s.getStatus().notices).toEqual([notice]);
    // A listener hears it on subscribing, before anything else happens.
    const heard: SessionStatus['notices'][] = [];
    s.subscribe((status) => heard.push(status.notices));
    expect(heard).toEqual([[notice]]);
    expect(s.getState()).toMatchObject({ seen: [], location: 'rct-proposes' });
  });
});

describe('an adapter that answers later (an LMS over HTTP)', () => {
  /** Every call answers with a promise the test settles: calls are kept in the order they were issued. */
  function deferredAdapter() {
    const calls: Array<{ method: Method; args: unknown[]; settle: (r: Outcome) => void }> = [];
    const later = (method: Method) => (...args: unknown[]) => new Promise<Outcome>((settle) => calls.push({ method, args, settle }));
    const adapter: LmsAdapter = {
      kind: 'cmi5',
      stateLimit: 64000,
      start: () => Promise.resolve({ ok: true as const, launch: firstLaunch }),
      setLocation: later('setLocation'),
      saveState: later('saveState'),
      recordInteraction: later('recordInteraction'),
      setScore: later('setScore'),
      setStatus: later('setStatus'),
      commit: later('commit'),
      finish: later('finish'),
    };
    /** Settle every call issued so far, oldest first, with `outcome`; then let the session see the answers. */
    const answerAll = async (outcome: Outcome = { ok: true }) => {
      for (const call of calls.splice(0)) call.settle(outcome);
      await vi.advanceTimersByTimeAsync(0);
    };
    return { adapter, calls, answerAll };
  }

  it('issues the calls in order and says "saved" only once the adapter has answered', async () => {
    const lms = deferredAdapter();
    const { s } = await session(lms.adapter);
    await lms.answerAll(); // the launch's status report
    s.visit('introducing-rct');
    await vi.advanceTimersByTimeAsync(2000);
    expect(lms.calls.map((c) => c.method)).toEqual(['setLocation', 'saveState', 'commit']);
    expect(s.getStatus().saving).toBe('pending');
    await lms.answerAll();
    expect(s.getStatus()).toEqual({ saving: 'saved', notices: [], omittedReflections: [] });
  });

  it('a save refused late is sent again with the next commit; a late answer never marks newer work as saved', async () => {
    const lms = deferredAdapter();
    const { s } = await session(lms.adapter);
    await lms.answerAll();
    s.writeReflection('where-i-can-be-authentic', 'First draft.');
    expect(s.flush()).toBeInstanceOf(Promise);
    const firstRound = lms.calls.splice(0);
    // The learner goes on typing while the first save is still out.
    s.writeReflection('where-i-can-be-authentic', 'Second draft, longer.');
    const flushed = s.flush();
    const secondRound = lms.calls.splice(0);
    for (const call of secondRound) call.settle({ ok: true });
    for (const call of firstRound) call.settle({ ok: false, error: 'saveState failed: 503' });
    await flushed;
    await vi.advanceTimersByTimeAsync(0);
    expect(s.getStatus()).toMatchObject({ saving: 'error', notices: [{ code: 'not-saved', place: 'lms' }] });
    // The second draft was accepted, so nothing of it waits; the failed first one is not sent again over it.
    const last = secondRound.filter((c) => c.method === 'recordInteraction').at(-1)?.args[0];
    expect(last).toMatchObject({ type: 'long-fill-in', text: 'Second draft, longer.' });
    expect(s.flush()).toEqual({ ok: true });
  });

  it('an adapter that throws or rejects is a failure, never an exception in the page', async () => {
    const lms = scriptedAdapter();
    const broken: LmsAdapter = {
      ...lms.adapter,
      commit: () => {
        throw new Error('boom');
      },
      saveState: () => Promise.reject(new Error('network down')),
    };
    const { s } = await session(broken);
    s.visit('introducing-rct');
    await expect(Promise.resolve(s.flush())).resolves.toMatchObject({ ok: false, error: expect.stringMatching(/network down|boom/) });
    expect(s.getStatus()).toMatchObject({ saving: 'error' });
  });
});


/** A device backup slot in memory, as the launch page keeps one in localStorage per course and learner. */
function memoryBackup(initial: string | null = null) {
  const slot = { data: initial, writes: 0, clears: 0 };
  const backup: DeviceBackup = {
    read: () => slot.data,
    write: (data) => {
      slot.data = data;
      slot.writes++;
      return true;
    },
    clear: () => {
      slot.data = null;
      slot.clears++;
    },
  };
  return { slot, backup };
}

/** The calls from the last status change on, without the SetValues that carry the record (answers push those at once). */
function statusThenScore(lms: ReturnType<typeof scriptedAdapter>): string[] {
  const from = Math.max(0, lms.calls.findLastIndex((c) => c.method === 'setStatus'));
  return lms.calls
    .slice(from)
    .filter((c) => ['setStatus', 'setScore', 'commit', 'finish'].includes(c.method))
    .map((c) =>
      c.method === 'setStatus' ? `setStatus ${String(c.args[0])}/${String(c.args[1])}` : c.method === 'setScore' ? `setScore ${(c.args[0] as { raw: number }).raw}` : c.method,
    );
}

describe('what an LMS already holds is never lowered', () => {
  it('sends the status in a commit of its own before the score (Moodle 4.3 judges completion from the stored status)', async () => {
    const lms = scriptedAdapter();
    const { s } = await session(lms.adapter);
    vi.advanceTimersByTime(2000);
    lms.calls.length = 0;
    for (const id of allSlides) s.visit(id);
    takeAttempt(s, 4, { handIn: false });
    vi.advanceTimersByTime(2000);
    lms.calls.length = 0;
    // Handing in commits at once: the status in its own commit, then the score.
    s.finishAssessment();
    expect(statusThenScore(lms)).toEqual(['setStatus completed/passed', 'commit', 'setScore 100', 'commit']);
  });

  it('the status goes first even when the commit that carried it failed: end commits it, then sends the score and terminates', async () => {
    const lms = scriptedAdapter();
    const { s } = await session(lms.adapter);
    vi.advanceTimersByTime(2000);
    lms.calls.length = 0;
    for (const id of allSlides) s.visit(id);
    takeAttempt(s, 4, { handIn: false });
    lms.failing.add('commit'); // the hand-in's own commit fails: the end must still send the status first
    s.finishAssessment();
    lms.failing.clear();
    lms.calls.length = 0;
    s.end();
    // The status is in the LMS's data model already (its SetValue succeeded): the end commits it, then sends the score.
    expect(statusThenScore(lms)).toEqual(['commit', 'setScore 100', 'finish']);
  });

  it('a learner who passed before keeps passed, completed and the higher score, whatever this launch does', async () => {
    const lms = scriptedAdapter({ entry: 'resume', record: { completion: 'completed', success: 'passed', score: { raw: 100, min: 0, max: 100, scaled: 1 } } });
    const { s } = await session(lms.adapter);
    // The saved record is gone (an LMS that lost suspend_data): the course starts empty.
    expect(lms.last('setStatus')).toEqual(['completed', 'passed']);
    for (const id of allSlides) s.visit(id);
    takeAttempt(s, 3); // 75%: a pass, but below the 100 held
    s.end();
    expect(lms.count('setScore')).toBe(0);
    expect(lms.calls.filter((c) => c.method === 'setStatus').every((c) => c.args[0] === 'completed' && c.args[1] === 'passed')).toBe(true);
  });

  it('a pass at a higher score than the one held is sent', async () => {
    const lms = scriptedAdapter({ entry: 'resume', record: { completion: 'completed', success: 'passed', score: { raw: 75, min: 0, max: 100, scaled: 0.75 } } });
    const { s } = await session(lms.adapter);
    for (const id of allSlides) s.visit(id);
    takeAttempt(s, 4);
    s.end();
    expect(lms.calls.filter((c) => c.method === 'setScore').map((c) => (c.args[0] as { raw: number }).raw)).toEqual([100]);
  });
});

describe('review: the LMS opens a finished attempt to look at', () => {
  it('shows the record, says it is a review, and records nothing', async () => {
    const first = scriptedAdapter();
    const one = (await session(first.adapter)).s;
    one.visit('introducing-rct');
    one.answer(answered(singleCheck, 'connection'));
    const saved = encodeState(one.getState(), codecCourseOf(outline)).data;

    const lms = scriptedAdapter({ suspendData: saved, entry: 'resume', mode: 'review' });
    const { s } = await session(lms.adapter);
    expect(s.getStatus().notices).toEqual([{ code: 'review' }]);
    expect(s.getState().answers['two-views-of-growth']).toMatchObject({ correct: true });
    s.visit('rct-proposes');
    s.answer(answered(singleCheck, 'separation'));
    s.writeReflection('where-i-can-be-authentic', 'Not recorded.');
    vi.advanceTimersByTime(20_000);
    expect(s.flush()).toEqual({ ok: true });
    s.end();
    expect(lms.calls.map((c) => c.method)).toEqual(['finish']);
    expect(s.getStatus().saving).toBe('saved');
  });
});

describe('a new version of the course, published while the learner was away', () => {
  it('keeps progress and reflections, rewrites an old-format record, and resets only answers to checks that changed', async () => {
    const first = scriptedAdapter();
    const one = (await session(first.adapter)).s;
    for (const id of allSlides.slice(0, 4)) one.visit(id);
    one.answer(answered(singleCheck, 'connection'));
    one.answer(answered(trueFalseCheck, false));
    one.writeReflection('where-i-can-be-authentic', 'Kept.');
    const saved = encodeState(one.getState(), codecCourseOf(outline)).data;

    // The new version: a slide added in front, and the true/false check's answer key changed.
    const changed = {
      ...outline,
      modules: [{ id: 'welcome', slideIds: ['welcome'] }, ...outline.modules],
      slides: [{ id: 'welcome', track: 99 }, ...outline.slides],
      checks: outline.checks.map((c) => (c.check.id === trueFalseCheck.id ? { ...c, key: c.key === 'zz' ? 'yy' : 'zz' } : c)),
    };
    const lms = scriptedAdapter({ suspendData: saved, entry: 'resume' });
    const { s } = await session(lms.adapter, { course: changed });
    expect(s.restoreError).toBeNull();
    expect(s.getStatus().notices).toEqual([{ code: 'course-updated', answersReset: 1 }]);
    expect(s.getState().seen).toEqual(allSlides.slice(0, 4));
    expect(Object.keys(s.getState().answers)).toEqual(['two-views-of-growth']);
    expect(s.getState().reflections['where-i-can-be-authentic']?.text).toBe('Kept.');
  });
});

describe('what the LMS cannot hold is kept on the device', () => {
  const long = 'I keep coming back to this. '.repeat(160); // 4,480 characters: more than SCORM 1.2 holds

  it('a reflection too long for the LMS is kept whole on the device and comes back on the next launch', async () => {
    const api = lms12();
    const device = memoryBackup();
    const { s } = await session(createScorm12Adapter({ api, logger: collectingLogger().logger }), { backup: () => device.backup });
    s.visit('introducing-rct');
    s.writeReflection('where-i-can-be-authentic', long);
    expect(s.flush()).toEqual({ ok: true });
    expect(s.getStatus().notices).toEqual([{ code: 'kept-on-device', reflections: 1, reason: 'too-long' }]);
    expect(device.slot.data).not.toBeNull();
    s.end();

    const again = lms12();
    again.loadFromJSON({ core: { entry: 'resume' }, suspend_data: recorded(api).suspend_data }, 'cmi');
    const two = (await session(createScorm12Adapter({ api: again, logger: collectingLogger().logger }), { backup: () => device.backup })).s;
    expect(two.getState().reflections['where-i-can-be-authentic']?.text).toBe(long);
    expect(two.getState().seen).toEqual(['introducing-rct']);
  });

  it('the device copy is dropped once the LMS holds everything again', async () => {
    const device = memoryBackup();
    const { s } = await session(createScorm12Adapter({ api: lms12(), logger: collectingLogger().logger }), { backup: () => device.backup });
    s.writeReflection('where-i-can-be-authentic', long);
    s.flush();
    expect(device.slot.data).not.toBeNull();
    s.writeReflection('where-i-can-be-authentic', 'Shorter now.');
    s.flush();
    expect(device.slot.data).toBeNull();
    expect(s.getStatus().notices).toEqual([]);
  });

  it('an LMS that keeps less than it accepted (it cuts suspend_data short): read back, fitted, kept on the device, and told', async () => {
    let stored: string | null = null;
    const cutAt = 600;
    const lms = scriptedAdapter({}, {
      saveState: (data) => {
        stored = data.slice(0, cutAt);
        return { ok: true };
      },
      readBack: () => stored,
    });
    const device = memoryBackup();
    const { s } = await session(lms.adapter, { backup: () => device.backup });
    s.visit('introducing-rct');
    s.writeReflection('where-i-can-be-authentic', 'A reflection of some length. '.repeat(30));
    s.writeReflection('connection-in-daily-life', 'A short one.');
    expect(s.flush()).toEqual({ ok: true });
    expect(s.getStatus().notices).toEqual([{ code: 'kept-on-device', reflections: 1, reason: 'lms-cut' }]);
    // What the LMS holds now reads back whole: within what it keeps.
    expect(stored!.length).toBeLessThanOrEqual(cutAt);
    const back = decodeState(stored, codecCourseOf(outline), new Date());
    expect(back.ok && back.state.reflections['connection-in-daily-life']?.text).toBe('A short one.');
    // And the device has all of it.
    const kept = decodeState(device.slot.data, codecCourseOf(outline), new Date());
    expect(kept.ok && Object.keys(kept.state.reflections).sort()).toEqual(['connection-in-daily-life', 'where-i-can-be-authentic']);
  });
});

describe('two windows of the same course (two tabs of the reader)', () => {
  it('merges what the other stored before writing, and tells the page to redraw', async () => {
    let shared: string | null = null;
    let onStore: (() => void) | null = null;
    const other = scriptedAdapter();
    const otherSession = (await session(other.adapter)).s;
    const lms = scriptedAdapter({}, {
      saveState: (data) => {
        shared = data;
        return { ok: true };
      },
      peekState: () => shared,
      watch: (listener) => {
        onStore = listener;
        return () => {};
      },
    });
    const { s } = await session(lms.adapter);
    const redrawn: string[][] = [];
    s.onExternalChange((state) => redrawn.push(Object.keys(state.reflections)));
    s.visit('introducing-rct');
    s.flush();

    // The other tab writes a reflection and answers a check; its save lands in the shared storage.
    otherSession.visit('rct-proposes');
    otherSession.writeReflection('connection-in-daily-life', 'From the other tab.');
    otherSession.answer(answered(singleCheck, 'connection'));
    shared = encodeState(otherSession.getState(), codecCourseOf(outline)).data;
    onStore!();

    expect(redrawn).toEqual([['connection-in-daily-life']]);
    expect(s.getState().seen).toEqual(['introducing-rct', 'rct-proposes']);
    s.writeReflection('where-i-can-be-authentic', 'From this tab.');
    s.flush();
    const both = decodeState(shared, codecCourseOf(outline), new Date());
    expect(both.ok && Object.keys(both.state.reflections).sort()).toEqual(['connection-in-daily-life', 'where-i-can-be-authentic']);
    expect(both.ok && both.state.answers['two-views-of-growth']).toMatchObject({ correct: true });
  });
});

describe('the final assessment through the session', () => {
  it('records each answer once, as an interaction of its attempt, and tells the page only right or wrong', async () => {
    const api = lms2004();
    const { s } = await session(createScorm2004Adapter({ api, logger: collectingLogger().logger }));
    const notDrawnYet = pool[0]!;
    expect(s.answerAssessment(judge({ check: notDrawnYet, response: rightAnswers.single } as AnsweredCheck)!)).toEqual({ ok: false, reason: 'no-attempt' });
    s.startAssessment(31);
    const current = s.summary().assessment!.current!;
    const first = pool.find((c) => c.id === current.drawn[0])!;
    const r = responses[first.id.replace(/-[ab]$/, '')]!;
    const judged = judge({ check: first, response: r.right } as AnsweredCheck)!;
    expect(s.answerAssessment(judged)).toEqual({ ok: true, correct: true });
    expect(s.answerAssessment(judge({ check: first, response: r.wrong } as AnsweredCheck)!)).toEqual({ ok: false, reason: 'already-answered' });
    const outside = pool.find((c) => !current.drawn.includes(c.id))!;
    expect(s.answerAssessment(judge({ check: outside, response: responses[outside.id.replace(/-[ab]$/, '')]!.right } as AnsweredCheck)!)).toEqual({ ok: false, reason: 'not-drawn' });
    expect(recorded(api).interactions['0']).toMatchObject({ id: `urn:course:assessment:1:${first.id}`, result: 'correct', weighting: '1' });
  });

  it('a learner who closes the window mid-attempt resumes the same attempt, with the answers given', async () => {
    const first = lms12();
    const one = (await session(createScorm12Adapter({ api: first, logger: collectingLogger().logger }))).s;
    takeAttempt(one, 2, { seed: 555, handIn: false });
    const before = one.summary().assessment!.current!;
    one.end();

    const second = lms12();
    second.loadFromJSON({ core: { entry: 'resume' }, suspend_data: recorded(first).suspend_data }, 'cmi');
    const two = (await session(createScorm12Adapter({ api: second, logger: collectingLogger().logger }))).s;
    const after = two.summary().assessment!.current!;
    expect(after.number).toBe(1);
    expect(after.drawn).toEqual(before.drawn);
    expect(after.attempt.answers).toEqual(before.attempt.answers);
    // Starting again resumes rather than opening a second attempt.
    two.startAssessment(999);
    expect(two.summary().assessment!.current!.attempt.seed).toBe(555);
  });
});
