/**
 * The LMS preview's quirk profiles (src/cli/lms-preview/quirks/): the
 * registry, each profile's hooks, and the profiles at work around
 * scorm-again's own API (instrument.ts), in Node: a refusal fails the call
 * and keeps it out of the record, an answer "true" keeps the LMS's error in
 * the log, a queued save lands later, a cut is stored cut, GetLastError can
 * stick. The unload watch is tried in Chromium (lms-preview.browser.test.ts);
 * the whole course under each profile in tests/e2e/lms-profiles.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { Faults } from '../../../src/cli/lms-preview/faults.ts';
import { instrument } from '../../../src/cli/lms-preview/instrument.ts';
import { readOptions } from '../../../src/cli/lms-preview/options.ts';
import { completionUnder, decidesCompletion } from '../../../src/cli/lms-preview/quirks/moodle-4.3.ts';
import { QUEUE_DELAY_MS } from '../../../src/cli/lms-preview/quirks/open-edx.ts';
import { DEFAULT_PROFILE, plays, profileById, profiles } from '../../../src/cli/lms-preview/quirks/registry.ts';
import type { LaunchContext, LaunchQuirks, ProfileRuntime } from '../../../src/cli/lms-preview/quirks/types.ts';
import { STANDARDS, type Standard } from '../../../src/cli/lms-preview/standards.ts';
import { flatten, startRecord } from '../../../src/cli/lms-preview/stored-record.ts';
import type { CmiRecord, Launch, LmsApi, LogEntry } from '../../../src/cli/lms-preview/types.ts';

const s12 = STANDARDS.scorm12;
const s2004 = STANDARDS.scorm2004;

/** scorm-again as the preview loads it for a launch, with what an LMS fills in. */
function apiFor(standard: Standard, data: CmiRecord = {}): LmsApi {
  const Api = standard.version === '1.2' ? Scorm12API : Scorm2004API;
  const api = new Api({ logLevel: 5, autocommit: false, mastery_override: false });
  api.loadFromFlattenedJSON(startRecord({ standard, target: standard.id, stored: null, preload: null, mastery: null }).data);
  if (Object.keys(data).length) api.loadFromFlattenedJSON(data);
  return api;
}

/** One launch of `profileId` around a scorm-again API, as the launcher wires it, with what it logs and stores. */
function launchUnder(profileId: string, standard: Standard, options: { unloading?: () => readonly string[] | null; faults?: Faults; runtime?: ProfileRuntime } = {}) {
  const profile = profileById(profileId)!;
  const runtime = options.runtime ?? profile.create({ completion: 'completed' });
  const api = apiFor(standard);
  const log: Array<Omit<LogEntry, 'seq' | 'launch' | 'at'>> = [];
  const notes: string[] = [];
  const storedRecords: CmiRecord[] = [];
  let stored: CmiRecord | null = null;
  const ctx: LaunchContext = {
    standard,
    api,
    start: flatten(api),
    stored: () => stored,
    unloading: options.unloading ?? (() => null),
    note: (text) => notes.push(text),
    setTimeout: (run, ms) => void setTimeout(run, ms),
  };
  const quirks: LaunchQuirks = runtime.launch(ctx);
  const launch: Launch = { n: 1, entry: 'ab-initio', api: true, calls: {}, errors: 0, open: true };
  instrument(api, standard, launch, options.faults ?? new Faults([], ''), quirks, {
    record: (entry) => log.push(entry),
    committed: (terminated) => {
      const store = (record: CmiRecord) => {
        stored = record;
        storedRecords.push(record);
      };
      const record = flatten(api);
      if (quirks.persist) quirks.persist(record, terminated, store);
      else store(record);
    },
    unloading: options.unloading ?? (() => null),
  });
  const sco = api as unknown as Record<string, (...args: string[]) => string>;
  const fn = standard.fn;
  return {
    api,
    runtime,
    log,
    notes,
    launch,
    storedRecords,
    stored: () => stored,
    init: () => sco[fn.initialize]!(''),
    get: (element: string) => sco[fn.getValue]!(element),
    set: (element: string, value: string) => sco[fn.setValue]!(element, value),
    commit: () => sco[fn.commit]!(''),
    terminate: () => sco[fn.terminate]!(''),
    lastError: () => sco[fn.getLastError]!(),
  };
}

describe('the registry of profiles', () => {
  it('starts with scorm-again, the default; ids are unique; each plays a SCORM version and cites where its behaviour comes from', () => {
    expect(profiles[0].id).toBe('scorm-again');
    expect(DEFAULT_PROFILE).toBe('scorm-again');
    expect(new Set(profiles.map((p) => p.id)).size).toBe(profiles.length);
    expect(profiles.map((p) => p.id)).toEqual(['scorm-again', 'moodle-4.3', 'open-edx', 'chamilo', 'ilias', 'strict-1.2', 'cuts-suspend-data', 'sticky-last-error']);
    for (const p of profiles) {
      expect(p.versions.length, p.id).toBeGreaterThan(0);
      expect(p.versions.every((v) => v === '1.2' || v === '2004'), p.id).toBe(true);
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      expect(p.quirks.length, p.id).toBeGreaterThan(0);
    }
    expect(['chamilo', 'strict-1.2'].map((id) => plays(profileById(id)!, '2004'))).toEqual([false, false]);
    expect(profiles.filter((p) => p.id !== 'chamilo' && p.id !== 'strict-1.2').every((p) => plays(p, '2004') && plays(p, '1.2'))).toBe(true);
  });

  it('is chosen with ?lms=, the completion rule with ?completion=; an unknown profile plays the default and is said', () => {
    expect(readOptions('')).toMatchObject({ profile: 'scorm-again', unknownProfile: null, completion: 'completed' });
    expect(readOptions('?lms=moodle-4.3&completion=passed-or-completed')).toMatchObject({ profile: 'moodle-4.3', completion: 'passed-or-completed' });
    expect(readOptions('?lms=blackboard&completion=always')).toMatchObject({ profile: 'scorm-again', unknownProfile: 'blackboard', completion: 'completed' });
  });
});

describe('moodle-4.3', () => {
  it('judges completion by its rule on the status elements of a record', () => {
    const r12 = (status: string) => ({ 'cmi.core.lesson_status': status });
    expect(['completed', 'passed', 'incomplete'].map((s) => completionUnder('completed', s12, r12(s)))).toEqual(['complete', 'incomplete', 'incomplete']);
    expect(['completed', 'passed', 'incomplete'].map((s) => completionUnder('passed-or-completed', s12, r12(s)))).toEqual(['complete', 'complete', 'incomplete']);
    const r2004 = (completion: string, success: string) => ({ 'cmi.completion_status': completion, 'cmi.success_status': success });
    expect(completionUnder('completed', s2004, r2004('completed', 'unknown'))).toBe('complete');
    expect(completionUnder('completed', s2004, r2004('incomplete', 'passed'))).toBe('incomplete');
    expect(completionUnder('passed-or-completed', s2004, r2004('incomplete', 'passed'))).toBe('complete');
    expect(completionUnder('passed-or-completed', s2004, null)).toBe('incomplete');
  });

  it('decides only on a request that carries a score or a status of completed/passed (scorm_insert_track)', () => {
    expect(decidesCompletion(s12, new Map([['cmi.core.score.raw', '100']]))).toBe(true);
    expect(decidesCompletion(s12, new Map([['cmi.core.lesson_status', 'passed']]))).toBe(true);
    expect(decidesCompletion(s12, new Map([['cmi.core.lesson_status', 'incomplete']]))).toBe(false);
    expect(decidesCompletion(s2004, new Map([['cmi.success_status', 'passed']]))).toBe(true);
    expect(decidesCompletion(s2004, new Map([['cmi.location', 's3'], ['cmi.suspend_data', 'x']]))).toBe(false);
  });

  it('score and status in one commit: judged on the status stored before it, the activity stays incomplete; a later commit without either does not look again', () => {
    const l = launchUnder('moodle-4.3', s12, { runtime: profileById('moodle-4.3')!.create({ completion: 'passed-or-completed' }) });
    l.init();
    l.set('cmi.core.lesson_status', 'incomplete');
    l.commit();
    l.set('cmi.core.score.raw', '100');
    l.set('cmi.core.lesson_status', 'passed');
    l.commit();
    expect(l.runtime.completion!()?.state).toBe('incomplete');
    l.set('cmi.core.lesson_location', 'last');
    l.commit();
    expect(l.runtime.completion!()?.state).toBe('incomplete');
    expect(l.notes.at(-1)).toContain('judged on what was stored before it (cmi.core.lesson_status "incomplete")');
  });

  it('the status in a commit of its own, then the score: the score commit sees "passed", the activity is complete', () => {
    const runtime = profileById('moodle-4.3')!.create({ completion: 'passed-or-completed' });
    const l = launchUnder('moodle-4.3', s12, { runtime });
    l.init();
    l.set('cmi.core.lesson_status', 'passed');
    l.commit();
    expect(runtime.completion!()?.state).toBe('incomplete');
    l.set('cmi.core.score.raw', '100');
    l.commit();
    expect(runtime.completion!()).toEqual({ rule: 'passed-or-completed', state: 'complete', byRule: { 'passed-or-completed': 'complete', completed: 'incomplete' } });
  });

  it('Moodle\'s default rule in 1.2: "completed" on the way to "passed" counts only until the score arrives; 2004 completes', () => {
    const r12 = profileById('moodle-4.3')!.create({ completion: 'completed' });
    const a = launchUnder('moodle-4.3', s12, { runtime: r12 });
    a.init();
    for (const [element, value] of [['cmi.core.lesson_status', 'completed'], ['cmi.core.lesson_status', 'passed'], ['cmi.core.score.raw', '100']] as const) {
      a.set(element, value);
      a.commit();
    }
    expect(r12.completion!()?.state).toBe('incomplete');
    const r2004 = profileById('moodle-4.3')!.create({ completion: 'completed' });
    const b = launchUnder('moodle-4.3', s2004, { runtime: r2004 });
    b.init();
    b.set('cmi.completion_status', 'completed');
    b.set('cmi.success_status', 'passed');
    b.commit();
    b.set('cmi.score.raw', '100');
    b.commit();
    expect(r2004.completion!()?.state).toBe('complete');
  });

  it('refuses Commit, SetValue, GetValue and Terminate while a document of the SCO unloads: error 101, nothing stored', () => {
    let unloading: readonly string[] | null = null;
    const l = launchUnder('moodle-4.3', s2004, { unloading: () => unloading });
    l.init();
    expect(l.set('cmi.location', 's1')).toBe('true');
    unloading = ['modules/a.html'];
    expect([l.set('cmi.location', 's2'), l.commit(), l.get('cmi.location'), l.lastError()]).toEqual(['false', 'false', '', '101']);
    expect(l.stored()).toBeNull();
    expect(l.log.filter((e) => e.error === '101').map((e) => [e.fn, e.unloading, e.quirk?.startsWith('moodle-4.3: synchronous request while modules/a.html unloads')])).toEqual([
      ['SetValue', ['modules/a.html'], true],
      ['Commit', ['modules/a.html'], true],
      ['GetValue', ['modules/a.html'], true],
    ]);
    unloading = null;
    expect(l.commit()).toBe('true');
    expect(l.stored()?.['cmi.location']).toBe('s1');
    expect(l.launch.errors).toBe(2);
  });
});

describe('open-edx', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers "true" and GetLastError "0" to calls scorm-again refuses, and the log keeps the refusal', () => {
    const l = launchUnder('open-edx', s12);
    l.init();
    expect([l.set('cmi.core.student_id', 'x'), l.lastError()]).toEqual(['true', '0']);
    expect([l.set('cmi.core.lesson_location', 'x'.repeat(300)), l.lastError()]).toEqual(['true', '0']);
    const refused = l.log.filter((e) => e.kind === 'set');
    expect(refused.map((e) => [e.result, e.error])).toEqual([
      ['true', '403'],
      ['true', '405'],
    ]);
    expect(refused[0]!.quirk).toContain('answered "true"');
    // What scorm-again refused is not in the record.
    expect(flatten(l.api)['cmi.core.lesson_location']).toBeUndefined();
  });

  it('a fault composes: the LMS fails the commit, the xblock still says "true", nothing is stored', () => {
    const l = launchUnder('open-edx', s12, { faults: new Faults(['commit'], '') });
    l.init();
    l.set('cmi.core.lesson_location', 's1');
    expect([l.commit(), l.lastError()]).toEqual(['true', '0']);
    vi.advanceTimersByTime(QUEUE_DELAY_MS * 2);
    expect(l.stored()).toBeNull();
    expect(l.log.at(-1)).toMatchObject({ fn: 'LMSCommit', result: 'true', error: '101' });
  });

  it(`stores what a Commit sent ${QUEUE_DELAY_MS} ms later, in order; Terminate flushes the queue`, () => {
    const l = launchUnder('open-edx', s2004);
    l.init();
    l.set('cmi.location', 's1');
    l.commit();
    l.set('cmi.location', 's2');
    l.commit();
    expect(l.stored()).toBeNull();
    vi.advanceTimersByTime(QUEUE_DELAY_MS);
    expect(l.storedRecords.map((r) => r['cmi.location'])).toEqual(['s1', 's2']);
    l.set('cmi.location', 's3');
    l.commit();
    l.set('cmi.location', 's4');
    l.terminate();
    expect(l.storedRecords.map((r) => r['cmi.location'])).toEqual(['s1', 's2', 's3', 's4']);
    vi.advanceTimersByTime(QUEUE_DELAY_MS);
    expect(l.stored()?.['cmi.location']).toBe('s4');
  });
});

describe('chamilo', () => {
  it('plays SCORM 1.2 only and turns the mastery override off', () => {
    const chamilo = profileById('chamilo')!;
    expect(chamilo.versions).toEqual(['1.2']);
    expect(chamilo.masteryOverride).toBe(false);
  });
});

describe('ilias', () => {
  it('2004: GetValue of what was never set answers "" with 403; what the LMS set, the SCO set, and keywords answer', () => {
    const l = launchUnder('ilias', s2004);
    l.init();
    expect([l.get('cmi.suspend_data'), l.lastError()]).toEqual(['', '403']);
    expect([l.get('cmi.location'), l.lastError()]).toEqual(['', '403']);
    expect([l.get('cmi.learner_id'), l.get('cmi.entry'), l.get('cmi.interactions._count'), l.lastError()]).toEqual(['preview-learner', 'ab-initio', '0', '0']);
    // The data model's initial values are the LMS's: readable.
    expect([l.get('cmi.completion_status'), l.lastError()]).toEqual(['unknown', '0']);
    l.set('cmi.location', 's1');
    expect([l.get('cmi.location'), l.lastError()]).toEqual(['s1', '0']);
  });

  it('1.2: the same with 201', () => {
    const l = launchUnder('ilias', s12);
    l.init();
    expect([l.get('cmi.suspend_data'), l.lastError()]).toEqual(['', '201']);
    expect([l.get('cmi.core.lesson_status'), l.lastError()]).toEqual(['not attempted', '0']);
    expect(l.log.find((e) => e.element === 'cmi.suspend_data')).toMatchObject({ result: '', error: '201' });
  });
});

describe('strict-1.2', () => {
  it('refuses what SCORM 1.2 does not allow, where scorm-again lets it through', () => {
    const l = launchUnder('strict-1.2', s12);
    l.init();
    const tries: Array<[string, string]> = [
      ['cmi.suspend_data', 'x'.repeat(4097)],
      ['cmi.core.lesson_location', 'x'.repeat(256)],
      ['cmi.interactions.0.student_response', 'x'.repeat(256)],
      ['cmi.interactions.0.correct_responses.0.pattern', 'x'.repeat(256)],
      ['cmi.core.student_name', 'Someone'],
      ['cmi.core._children', 'x'],
    ];
    expect(tries.map(([element, value]) => [l.set(element, value), l.lastError()])).toEqual([
      ['false', '405'],
      ['false', '405'],
      ['false', '405'],
      ['false', '405'],
      ['false', '403'],
      ['false', '402'],
    ]);
    expect([l.set('cmi.suspend_data', 'x'.repeat(4096)), l.set('cmi.interactions.0.id', 'q1'), l.set('cmi.interactions.0.student_response', 'a')]).toEqual(['true', 'true', 'true']);
    expect([l.get('cmi.interactions.0.id'), l.lastError(), l.get('cmi.core.exit'), l.lastError(), l.get('cmi.interactions._count'), l.lastError()]).toEqual(['', '404', '', '404', '1', '0']);
  });
});

describe('cuts-suspend-data', () => {
  it.each([
    [s12, 4000],
    [s2004, 4096],
  ])('%s: says "true" to a longer suspend_data, stores it cut at %i characters, and answers the cut value after the commit', (standard, kept) => {
    const l = launchUnder('cuts-suspend-data', standard);
    l.init();
    const long = 'a'.repeat(kept + 50);
    expect(l.set('cmi.suspend_data', long)).toBe('true');
    expect(l.get('cmi.suspend_data')).toBe(long);
    expect(l.commit()).toBe('true');
    expect(l.stored()?.['cmi.suspend_data']).toBe('a'.repeat(kept));
    expect(l.get('cmi.suspend_data')).toBe('a'.repeat(kept));
    expect(l.notes).toEqual([`cuts-suspend-data: stored ${kept} of the ${kept + 50} characters of cmi.suspend_data, and said nothing.`]);
    l.set('cmi.suspend_data', 'short');
    l.commit();
    expect(l.stored()?.['cmi.suspend_data']).toBe('short');
  });
});

describe('sticky-last-error', () => {
  it('GetLastError answers 101 after calls that succeeded, a real error its own code; the calls answer as usual', () => {
    const l = launchUnder('sticky-last-error', s2004);
    expect([l.init(), l.lastError()]).toEqual(['true', '101']);
    expect([l.set('cmi.location', 's1'), l.lastError(), l.get('cmi.location'), l.lastError()]).toEqual(['true', '101', 's1', '101']);
    expect([l.set('cmi.entry', 'resume'), l.lastError()]).toEqual(['false', '404']);
    // The log has the LMS's own verdict: no error on the calls that succeeded.
    expect(l.log.filter((e) => e.error !== '').map((e) => e.element)).toEqual(['cmi.entry']);
  });
});

describe('the record a launch starts from, per profile', () => {
  const stored = { 'cmi.core.exit': '', 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100', 'cmi.suspend_data': '3~x' };
  const base = { standard: s12, target: 'scorm12' as const, preload: null, mastery: null };

  it('after an attempt that ended without "suspend": a new attempt, or (Moodle) the same one with entry ""', () => {
    expect(startRecord({ ...base, stored }).entry).toBe('ab-initio');
    const same = startRecord({ ...base, stored, afterFinish: 'same-attempt' });
    expect(same.entry).toBe('');
    expect(same.data).toMatchObject({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100', 'cmi.suspend_data': '3~x', 'cmi.core.entry': '' });
    expect(same.data).not.toHaveProperty('cmi.core.exit');
  });

  it('reopen: the same attempt whatever its exit, with the entry asked for', () => {
    expect(startRecord({ ...base, stored, reopen: 'resume' })).toMatchObject({ entry: 'resume', data: { 'cmi.core.entry': 'resume', 'cmi.suspend_data': '3~x' } });
    expect(startRecord({ ...base, stored: null, reopen: 'resume' }).entry).toBe('ab-initio');
  });
});
