/**
 * The cmi5 AU runtime (src/standards/cmi5/adapter.ts) against the local LRS
 * as its LMS, over real HTTP: each test is named by the published cmi5
 * requirement it checks (@cmi5/requirements), and the LRS refuses, by the
 * LMS-side rules, whatever the AU gets wrong (src/cli/lrs/judge.ts), so
 * every test also expects no refusal at all.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCmi5Adapter, recordStateId, type Cmi5AdapterOptions } from '../../../src/standards/cmi5/adapter';
import type { Json, StoredStatement } from '../../../src/cli/lrs/lrs';
import { CATEGORIES, CONTEXT_EXTENSIONS, VERBS } from '../../../src/standards/cmi5/vocabulary';
import { silentLogger } from '../../../src/standards/log';
import type { InteractionRecord } from '../../../src/questions/interaction';
import { startTestLms, tabStorage, type TestLms } from '../../fixtures/cmi5/lms';
import { requirement, requirements } from '../../fixtures/cmi5/requirements';

let lms: TestLms;
beforeAll(async () => {
  lms = await startTestLms();
});
afterAll(() => lms.close());
afterEach(() => {
  expect(lms.lrs.rejections(), 'the LMS refused nothing').toEqual([]);
});

/** Every fetch the AU makes, by method and path (what the LMS saw, in order). */
function recordingFetch() {
  const seen: Array<{ method: string; url: string; keepalive: boolean }> = [];
  const doFetch = (input: string, init?: RequestInit) => {
    seen.push({ method: init?.method ?? 'GET', url: input, keepalive: init?.keepalive === true });
    return fetch(input, init);
  };
  return { seen, doFetch };
}

function adapterFor(parameters: Cmi5AdapterOptions['launch'], extra: Partial<Cmi5AdapterOptions> = {}) {
  const recorder = recordingFetch();
  const adapter = createCmi5Adapter({ launch: parameters, idNamespace: 'rct-intro', storage: tabStorage(), fetch: recorder.doFetch, logger: silentLogger, ...extra });
  return { adapter, seen: recorder.seen };
}

/** The statements of one session, without the LMS's own (launched, abandoned). */
const auStatements = (sessionId: string): Json[] =>
  lms.lrs
    .statements()
    .filter((s: StoredStatement) => s.sessionId === sessionId)
    .map((s) => s.statement)
    .filter((s) => (s.verb as Json).id !== VERBS.launched && (s.verb as Json).id !== VERBS.abandoned);
const verbsOf = (statements: Json[]) => statements.map((s) => String((s.verb as Json).id).split('/').pop());
const categories = (s: Json) => (((s.context as Json).contextActivities as Json).category as Json[] | undefined)?.map((a) => a.id) ?? [];

const answer: InteractionRecord = {
  type: 'choice',
  id: 'two-views',
  description: 'Which view of growth does RCT propose?',
  options: ['separation', 'connection'],
  chosen: ['connection'],
  correct: ['connection'],
  result: 'correct',
  objectiveId: 'explain-rct',
  timestamp: new Date(),
  latencyMs: 4200,
};

const score = { raw: 100, min: 0, max: 100, scaled: 1 };

describe('launch (cmi5 §8)', () => {
  it(requirements('8.1.1.0-2', '8.1.1.0-3', '8.1.2.0-3', '8.2.1.0-2', '8.2.1.0-5'), async () => {
    const launched = lms.launch();
    const { adapter, seen } = adapterFor(launched.parameters);
    expect(await adapter.start()).toMatchObject({ ok: true });
    // The fetch URL first, POSTed; then every request goes to the endpoint, with the token (the LRS answers 401 otherwise).
    expect(seen[0]).toMatchObject({ method: 'POST', url: launched.fetchUrl });
    expect(seen.slice(1).every((r) => r.url.startsWith(`${lms.origin}/lrs/xapi/`))).toBe(true);
    expect(lms.lrs.requests().filter((r) => r.sessionId === launched.sessionId && r.resource !== 'fetch').every((r) => r.status !== 401)).toBe(true);
  });

  it(requirements('8.2.2.0-4', '8.1.2.0-4') + ' | and only once: a reload of the launch page finds the token in the tab', async () => {
    const launched = lms.launch();
    const storage = tabStorage();
    const first = adapterFor(launched.parameters, { storage });
    await first.adapter.start();
    const reload = adapterFor(launched.parameters, { storage });
    expect(await reload.adapter.start()).toMatchObject({ ok: true, launch: { mode: 'normal' } });
    expect(reload.seen.some((r) => r.url === launched.fetchUrl)).toBe(false);
    expect(lms.lrs.requests().filter((r) => r.sessionId === launched.sessionId && r.resource === 'fetch')).toHaveLength(1);
    // §9.3: still one "initialized" in the session.
    expect(verbsOf(auStatements(launched.sessionId))).toEqual(['initialized']);
  });

  it('a fetch URL already used (another tab, no token kept) is a failed start that says why (cmi5 §8.2.3)', async () => {
    const launched = lms.launch();
    await adapterFor(launched.parameters).adapter.start();
    expect(await adapterFor(launched.parameters).adapter.start()).toEqual({ ok: false, error: expect.stringContaining('error-code 1') });
  });

  it(requirements('8.1.3.0-3', '8.1.4.0-3', '10.1.0.0-4', '10.1.0.0-5', '11.0.0.0-1'), async () => {
    // The LRS refuses a State or Agent Profile request for another agent or registration (403, and a rejection the afterEach would see).
    const launched = lms.launch();
    const { adapter } = adapterFor(launched.parameters);
    expect(await adapter.start()).toMatchObject({ ok: true });
    const docs = lms.lrs.requests().filter((r) => r.sessionId === launched.sessionId && r.resource !== 'fetch' && r.resource !== 'statements');
    expect(docs.length).toBeGreaterThanOrEqual(3);
    expect(docs.every((r) => r.status === 200 || r.status === 404)).toBe(true);
  });
});

describe('LMS.LaunchData and the learner preferences (cmi5 §10, §11)', () => {
  it(requirements('10.2.1.0-4', '11.0.0.0-3', '7.1.1.0-1') + ' | both read before the first statement', async () => {
    const launched = lms.launch();
    const { adapter } = adapterFor(launched.parameters);
    await adapter.start();
    const requests = lms.lrs.requests().filter((r) => r.sessionId === launched.sessionId);
    const firstStatement = requests.findIndex((r) => r.resource === 'statements' && r.method === 'POST');
    const launchData = requests.findIndex((r) => r.resource === 'activities/state' && r.method === 'GET');
    const preferences = requests.findIndex((r) => r.resource === 'agents/profile' && r.method === 'GET');
    expect(launchData).toBeGreaterThan(-1);
    expect(preferences).toBeGreaterThan(-1);
    expect(launchData).toBeLessThan(firstStatement);
    expect(preferences).toBeLessThan(firstStatement);
    expect(adapter.launchData()).toMatchObject({ launchMode: 'Normal', masteryScore: 0.75, moveOn: 'CompletedAndPassed', sessionId: launched.sessionId });
    expect(adapter.preferences()).toEqual({ languages: ['en-US'], audio: 'off' });
  });

  it(requirement('11.0.0.0-2') + ' | nor a missing preferences document', async () => {
    const launched = lms.launch({ actor: { objectType: 'Agent', account: { homePage: 'http://127.0.0.1/lms', name: 'learner-without-preferences' } }, preferences: undefined });
    const { adapter } = adapterFor(launched.parameters);
    expect(await adapter.start()).toMatchObject({ ok: true });
    expect(adapter.preferences()).toEqual({ languages: [], audio: null });
  });

  it(requirement('10.2.1.0-5'), async () => {
    const launched = lms.launch();
    const { adapter, seen } = adapterFor(launched.parameters);
    await adapter.start();
    adapter.saveState('state');
    adapter.setStatus('completed', 'passed');
    adapter.setScore(score);
    await adapter.commit();
    await adapter.finish(true);
    const writes = seen.filter((r) => r.method !== 'GET' && r.url.includes('activities/state'));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((r) => new URL(r.url).searchParams.get('stateId') === recordStateId('rct-intro'))).toBe(true);
  });

  it('the mastery score the LMS names, not the course structure\'s, is the one the session judges by (cmi5 §10.2.4)', async () => {
    const launched = lms.launch({ masteryScore: 0.9 });
    const { adapter } = adapterFor(launched.parameters);
    expect(await adapter.start()).toMatchObject({ ok: true, launch: { masteryScore: 90 } });
    await adapter.finish(false);
  });
});

describe('statements: ids, actor, object, context (cmi5 §9)', () => {
  it(requirements('9.1.0.0-1', '9.2.0.0-2', '8.1.5.0-6', '9.4.0.0-2', '9.7.0.0-1', '9.6.0.0-1', '9.6.2.1-1', '9.6.3.1-4', '10.2.1.0-6', '10.2.1.0-7'), async () => {
    const launched = lms.launch();
    const { adapter } = adapterFor(launched.parameters);
    await adapter.start();
    adapter.recordInteraction(answer);
    adapter.setStatus('completed', 'passed');
    adapter.setScore(score);
    await adapter.commit();
    await adapter.finish(true);
    const statements = auStatements(launched.sessionId);
    for (const s of statements) {
      expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(s.actor).toEqual(launched.parameters.actor);
      expect(s.timestamp).toMatch(/Z$/);
      const context = s.context as Json;
      expect(context.registration).toBe(launched.registration);
      expect((context.extensions as Json)[CONTEXT_EXTENSIONS.sessionId]).toBe(launched.sessionId);
      expect(((context.contextActivities as Json).grouping as Json[]).map((a) => a.id)).toContain('urn:rct-intro:au:course');
    }
    const defined = statements.filter((s) => categories(s).includes(CATEGORIES.cmi5));
    expect(verbsOf(defined)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    for (const s of defined) expect((s.object as Json).id).toBe(launched.activityId);
  });

  it(requirements('7.1.3.0-1', '9.6.2.2-2') + ' | answers and reflections are cmi5 allowed: answered, commented', async () => {
    const launched = lms.launch();
    const { adapter } = adapterFor(launched.parameters);
    await adapter.start();
    adapter.recordInteraction(answer);
    adapter.recordInteraction({ type: 'long-fill-in', id: 'authentic', description: 'Where can you be authentic?', text: 'With my sister.\nAnd at work, sometimes.', result: 'neutral', timestamp: new Date(), latencyMs: 1000 });
    await adapter.commit();
    await adapter.finish(false);
    const statements = auStatements(launched.sessionId);
    expect(verbsOf(statements)).toEqual(['initialized', 'answered', 'commented', 'terminated']);
    const [answered, commented] = [statements[1]!, statements[2]!];
    for (const s of [answered, commented]) {
      expect(categories(s)).not.toContain(CATEGORIES.cmi5);
      expect(categories(s)).not.toContain(CATEGORIES.moveOn);
      expect((((s.context as Json).contextActivities as Json).parent as Json[])[0]!.id).toBe(launched.activityId);
    }
    expect(answered).toMatchObject({
      object: { id: 'urn:rct-intro:check:two-views', definition: { interactionType: 'choice', correctResponsesPattern: ['connection'], choices: [{ id: 'separation' }, { id: 'connection' }] } },
      result: { response: 'connection', success: true, duration: 'PT4.2S' },
    });
    expect(commented).toMatchObject({ object: { id: 'urn:rct-intro:reflection:authentic' }, result: { response: 'With my sister.\nAnd at work, sometimes.' } });
  });
});

describe('order and once-only rules (cmi5 §9.3)', () => {
  it(requirements('9.3.0.0-4', '9.3.2.0-2', '9.3.0.0-5', '9.3.8.0-2', '9.3.8.0-1'), async () => {
    const launched = lms.launch();
    const { adapter } = adapterFor(launched.parameters);
    await adapter.start();
    adapter.recordInteraction(answer);
    await adapter.commit();
    await adapter.finish(false);
    // After terminated, the AU sends nothing more, whatever the course asks.
    expect(adapter.recordInteraction(answer)).toMatchObject({ ok: false });
    expect(await adapter.finish(false)).toEqual({ ok: true });
    const verbs = verbsOf(auStatements(launched.sessionId));
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    const stamps = auStatements(launched.sessionId).map((s) => Date.parse(String(s.timestamp)));
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it(requirements('9.3.0.0-2', '9.3.2.0-3', '9.3.0.0-3'), async () => {
    const launched = lms.launch();
    const { adapter } = adapterFor(launched.parameters);
    await adapter.start();
    for (let i = 0; i < 3; i++) {
      adapter.setStatus('completed', 'passed');
      adapter.setScore(score);
      await adapter.commit();
    }
    adapter.setStatus('completed', 'failed');
    await adapter.commit();
    await adapter.finish(true);
    expect(verbsOf(auStatements(launched.sessionId))).toEqual(['initialized', 'completed', 'passed', 'terminated']);
  });

  it(requirements('9.3.0.0-6', '9.3.0.0-7', '9.3.3.0-2', '9.3.4.0-3', '9.3.0.0-8') + ' | across sessions of one registration', async () => {
    const first = lms.launch();
    const one = adapterFor(first.parameters);
    await one.adapter.start();
    one.adapter.setStatus('completed', 'passed');
    one.adapter.setScore(score);
    await one.adapter.commit();
    await one.adapter.finish(true);

    const again = lms.launch({ registration: first.registration });
    const two = adapterFor(again.parameters);
    const started = await two.adapter.start();
    expect(started).toMatchObject({ ok: true, launch: { entry: 'resume', record: { completion: 'completed', success: 'passed', score: { scaled: 1 } } } });
    two.adapter.setStatus('completed', 'passed');
    two.adapter.setScore(score);
    two.adapter.setStatus('completed', 'failed');
    await two.adapter.commit();
    await two.adapter.finish(true);
    expect(verbsOf(auStatements(again.sessionId))).toEqual(['initialized', 'terminated']);
  });

  it('where the LMS will not show the AU its statements, the AU\'s own record stands in for them (§9.3.3, §9.3.4)', async () => {
    const first = lms.launch();
    const one = adapterFor(first.parameters);
    await one.adapter.start();
    one.adapter.setStatus('completed', 'unknown');
    await one.adapter.commit();
    await one.adapter.finish(false);
    const again = lms.launch({ registration: first.registration });
    // An LMS that refuses statement queries from the AU's token.
    const refusingQueries = (input: string, init?: RequestInit) =>
      (init?.method ?? 'GET') === 'GET' && new URL(input).pathname.endsWith('/statements') ? Promise.resolve(new Response('', { status: 403 })) : fetch(input, init);
    const two = adapterFor(again.parameters, { fetch: refusingQueries });
    expect(await two.adapter.start()).toMatchObject({ ok: true, launch: { record: { completion: 'completed' } } });
    two.adapter.setStatus('completed', 'unknown');
    await two.adapter.commit();
    await two.adapter.finish(false);
    expect(verbsOf(auStatements(again.sessionId))).toEqual(['initialized', 'terminated']);
  });
});

describe('results: score, success, completion, duration (cmi5 §9.5, §9.6)', () => {
  it(requirements('9.5.1.0-2', '9.5.1.0-3', '9.5.2.0-1', '9.5.2.0-3', '9.5.3.0-1', '9.5.3.0-2', '9.5.4.1-1', '9.5.4.1-2', '9.5.4.1-3', '9.6.2.2-1', '9.6.3.2-2', '9.3.4.0-1', '9.3.3.0-1'), async () => {
    const launched = lms.launch();
    let now = Date.parse('2025-03-01T09:00:00.000Z');
    const { adapter } = adapterFor(launched.parameters, { now: () => new Date(now) });
    await adapter.start();
    now += 65_000;
    adapter.setStatus('completed', 'passed');
    now += 1_000;
    adapter.setScore({ raw: 83.33, min: 0, max: 100, scaled: 0.8333 });
    await adapter.commit();
    now += 10_000;
    await adapter.finish(true);
    const [initialized, completed, passed, terminated] = auStatements(launched.sessionId);
    expect(initialized!.result).toBeUndefined();
    expect(completed!.result).toEqual({ completion: true, duration: 'PT1M5S' });
    expect(passed!.result).toEqual({ success: true, duration: 'PT1M6S', score: { scaled: 0.8333, raw: 83, min: 0, max: 100 } });
    expect(terminated!.result).toEqual({ duration: 'PT1M16S' });
    expect(categories(completed!)).toEqual([CATEGORIES.cmi5, CATEGORIES.moveOn]);
    expect(categories(passed!)).toEqual([CATEGORIES.cmi5, CATEGORIES.moveOn]);
    expect(categories(terminated!)).toEqual([CATEGORIES.cmi5]);
    expect(((passed!.context as Json).extensions as Json)[CONTEXT_EXTENSIONS.masteryScore]).toBe(0.75);
    expect(((completed!.context as Json).extensions as Json)[CONTEXT_EXTENSIONS.masteryScore]).toBeUndefined();
  });

  it(requirements('9.3.4.0-2', '9.3.5.0-2', '9.5.1.0-1', '10.2.4.0-2') + ' | a verb that disagrees with the LMS\'s mastery score is never sent', async () => {
    const launched = lms.launch({ masteryScore: 0.9 });
    const { adapter } = adapterFor(launched.parameters);
    await adapter.start();
    adapter.setStatus('completed', 'passed');
    adapter.setScore({ raw: 80, min: 0, max: 100, scaled: 0.8 });
    await adapter.commit();
    await adapter.finish(true);
    expect(verbsOf(auStatements(launched.sessionId))).toEqual(['initialized', 'completed', 'terminated']);
  });

  it(requirements('9.3.5.0-1', '9.5.2.0-2', '9.5.4.1-4'), async () => {
    const launched = lms.launch();
    const { adapter } = adapterFor(launched.parameters);
    await adapter.start();
    adapter.setStatus('completed', 'failed');
    adapter.setScore({ raw: 50, min: 0, max: 100, scaled: 0.5 });
    await adapter.commit();
    await adapter.finish(true);
    const failed = auStatements(launched.sessionId).find((s) => (s.verb as Json).id === VERBS.failed);
    expect(failed).toMatchObject({ result: { success: false, score: { scaled: 0.5 }, duration: expect.stringMatching(/^PT/) } });
  });
});

describe('launch modes (cmi5 §10.2.2)', () => {
  for (const mode of ['Browse', 'Review'] as const) {
    const [sends, noOther] = mode === 'Browse' ? ['10.2.2.0-8', '10.2.2.0-9'] : ['10.2.2.0-10', '10.2.2.0-11'];
    it(requirements(mode === 'Browse' ? '10.2.2.0-2' : '10.2.2.0-3', sends, noOther), async () => {
      const launched = lms.launch({ launchMode: mode });
      const { adapter } = adapterFor(launched.parameters);
      expect(await adapter.start()).toMatchObject({ ok: true, launch: { mode: mode.toLowerCase() } });
      adapter.setStatus('completed', 'passed');
      adapter.setScore(score);
      await adapter.commit();
      await adapter.finish(true);
      expect(verbsOf(auStatements(launched.sessionId))).toEqual(['initialized', 'terminated']);
    });
  }

  it(requirements('10.2.2.0-1', '10.2.2.0-6', '10.2.2.0-7'), async () => {
    const launched = lms.launch({ launchMode: 'Normal' });
    const { adapter } = adapterFor(launched.parameters);
    await adapter.start();
    adapter.setStatus('completed', 'passed');
    adapter.setScore(score);
    await adapter.finish(true);
    expect(verbsOf(auStatements(launched.sessionId))).toEqual(['initialized', 'completed', 'passed', 'terminated']);
  });
});

describe('the learner state in the State API, and the last requests', () => {
  it('keeps the codec\'s string and the bookmark in the AU\'s own document; a relaunch in the registration resumes them', async () => {
    const first = lms.launch();
    const one = adapterFor(first.parameters);
    expect(await one.adapter.start()).toMatchObject({ ok: true, launch: { entry: 'ab-initio', suspendData: null, location: null } });
    one.adapter.saveState('v3!abc');
    one.adapter.setLocation('rct-proposes');
    expect(await one.adapter.commit()).toEqual({ ok: true });
    expect(lms.lrs.stateDocument(first, recordStateId('rct-intro'))).toMatchObject({ v: 1, state: 'v3!abc', location: 'rct-proposes' });
    await one.adapter.finish(false);
    const again = lms.launch({ registration: first.registration });
    const two = adapterFor(again.parameters);
    expect(await two.adapter.start()).toMatchObject({ ok: true, launch: { entry: 'resume', suspendData: 'v3!abc', location: 'rct-proposes' } });
    await two.adapter.finish(false);
  });

  it(requirements('9.5.4.1-1') + ' | finish() sends what waits and "terminated" at once, with keepalive, without waiting on a commit in flight', async () => {
    const launched = lms.launch();
    const { adapter, seen } = adapterFor(launched.parameters);
    await adapter.start();
    adapter.recordInteraction(answer);
    adapter.saveState('last words');
    const committing = adapter.commit();
    const before = seen.length;
    const finishing = adapter.finish(false);
    // Issued synchronously: the statements POST and the record PUT, both keepalive.
    const issued = seen.slice(before);
    expect(issued.map((r) => [r.method, new URL(r.url).pathname.split('/').pop(), r.keepalive])).toEqual([
      ['POST', 'statements', true],
      ['PUT', 'state', true],
    ]);
    expect(await committing).toEqual({ ok: true });
    expect(await finishing).toEqual({ ok: true });
    expect(verbsOf(auStatements(launched.sessionId))).toEqual(['initialized', 'answered', 'terminated']);
  });

  it('a reload after "terminated" opens the record read-only: the ended session takes no more statements (cmi5 §9.3.8)', async () => {
    const launched = lms.launch();
    const storage = tabStorage();
    const first = adapterFor(launched.parameters, { storage });
    await first.adapter.start();
    first.adapter.saveState('kept');
    await first.adapter.finish(false);
    const reload = adapterFor(launched.parameters, { storage });
    expect(await reload.adapter.start()).toMatchObject({ ok: true, launch: { mode: 'review', suspendData: 'kept' } });
    expect(await reload.adapter.finish(false)).toEqual({ ok: true });
    expect(verbsOf(auStatements(launched.sessionId))).toEqual(['initialized', 'terminated']);
  });

  it('a failed commit keeps what it held and sends it with the next one', async () => {
    const launched = lms.launch();
    let down = false;
    const flaky = (input: string, init?: RequestInit) => (down && init?.method === 'POST' ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));
    const { adapter } = adapterFor(launched.parameters, { fetch: flaky });
    await adapter.start();
    adapter.recordInteraction(answer);
    down = true;
    expect(await adapter.commit()).toMatchObject({ ok: false, error: expect.stringContaining('Failed to fetch') });
    down = false;
    expect(await adapter.commit()).toEqual({ ok: true });
    await adapter.finish(false);
    expect(verbsOf(auStatements(launched.sessionId))).toEqual(['initialized', 'answered', 'terminated']);
  });
});
