/**
 * The local LRS (src/cli/lrs/) as an LMS: it launches as cmi5 says, hands
 * out the token once, and refuses what an LMS must refuse, each refusal
 * named by the LMS-side requirement (the "(d)" entries of
 * @cmi5/requirements). The statements are the AU's own builders', broken
 * one way at a time, so a valid one is known to pass first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCourseStructure } from '../../../src/cli/lrs/course-structure';
import type { Json } from '../../../src/cli/lrs/lrs';
import { definedStatement, interactionStatement, type Statement, type StatementScope } from '../../../src/standards/cmi5/statements';
import { CATEGORIES, CONTEXT_EXTENSIONS, LAUNCH_DATA_STATE_ID, VERBS } from '../../../src/standards/cmi5/vocabulary';
import { cmi5Target } from '../../../src/standards/cmi5/package';
import { course, siteFiles } from '../../fixtures/packager/course';
import { startTestLms, type TestLms } from '../../fixtures/cmi5/lms';
import { hasRequirement, requirement } from '../../fixtures/cmi5/requirements';

let lms: TestLms;
beforeAll(async () => {
  lms = await startTestLms();
});
afterAll(() => lms.close());

/** A launched session: its token fetched, preferences read; a client that speaks xAPI with its token. */
async function session(request: Parameters<TestLms['launch']>[0] = {}, options: { readPreferences?: boolean } = {}) {
  const launched = lms.launch(request);
  const got = (await (await fetch(launched.fetchUrl, { method: 'POST' })).json()) as Record<string, string>;
  const token = got['auth-token']!;
  const headers = { Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
  const agent = encodeURIComponent(JSON.stringify(launched.parameters.actor));
  if (options.readPreferences !== false) await fetch(`${launched.parameters.endpoint}agents/profile?agent=${agent}&profileId=cmi5LearnerPreferences`, { headers });
  const launchData = (await (
    await fetch(`${launched.parameters.endpoint}activities/state?activityId=${encodeURIComponent(launched.activityId)}&agent=${agent}&registration=${launched.registration}&stateId=${LAUNCH_DATA_STATE_ID}`, { headers })
  ).json()) as Json;
  const scope: StatementScope = {
    actor: launched.parameters.actor,
    activityId: launched.activityId,
    registration: launched.registration,
    template: launchData.contextTemplate as StatementScope['template'],
    masteryScore: (launchData.masteryScore as number | undefined) ?? null,
    idNamespace: 'rct-intro',
  };
  let t = Date.parse('2025-03-01T09:00:00.000Z');
  const at = () => new Date((t += 1000));
  const post = async (statements: unknown) => {
    const before = lms.lrs.rejections().length;
    const response = await fetch(`${launched.parameters.endpoint}statements`, { method: 'POST', headers, body: JSON.stringify(statements) });
    return { status: response.status, refused: lms.lrs.rejections().slice(before).map((r) => r.requirement) };
  };
  const defined = (event: Parameters<typeof definedStatement>[1]) => definedStatement(scope, event, crypto.randomUUID(), at());
  return { launched, headers, scope, launchData, post, defined, token };
}

/** A statement changed by `edit` (a deep copy). */
const broken = (statement: Statement, edit: (s: Json) => void): Json => {
  const copy = JSON.parse(JSON.stringify(statement)) as Json;
  edit(copy);
  return copy;
};

const answer = {
  type: 'true-false' as const,
  id: 'zest',
  description: 'Zest is one of the five good things.',
  chosen: true,
  correct: true,
  result: 'correct' as const,
  objectiveId: 'five',
  timestamp: new Date('2025-03-01T09:00:30.000Z'),
  latencyMs: 3000,
};

describe('launching the AU (cmi5 §8, §10)', () => {
  it(requirement('8.1.0.0-5') + ' | from the course structure the packager writes', () => {
    const xml = cmi5Target.manifest(course, siteFiles.map((f) => f.path));
    const au = readCourseStructure(xml).aus[0]!;
    const launched = lms.launch({ au, auUrl: new URL(au.url, `${lms.origin}/content/`).href });
    const url = new URL(launched.url);
    expect(url.pathname).toBe('/content/lms.html');
    expect(url.searchParams.get('standard')).toBe('cmi5');
    expect([...url.searchParams.keys()].sort()).toEqual(['activityId', 'actor', 'endpoint', 'fetch', 'registration', 'standard']);
    expect(launched.activityId).not.toBe(au.id);
  });

  it('writes LMS.LaunchData with the session id, the publisher id, launchMode, moveOn and masteryScore, and a "launched" statement (cmi5 §9.3.1, §10.2)', async () => {
    const { launchData, launched } = await session();
    expect(launchData).toEqual({
      contextTemplate: { contextActivities: { grouping: [{ id: 'urn:rct-intro:au:course' }] }, extensions: { [CONTEXT_EXTENSIONS.sessionId]: launched.sessionId } },
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.75,
    });
    const launchedStatement = lms.lrs.statements().find((s) => s.sessionId === launched.sessionId && (s.statement.verb as Json).id === VERBS.launched);
    expect(launchedStatement?.statement.context).toMatchObject({ extensions: { [CONTEXT_EXTENSIONS.launchMode]: 'Normal', [CONTEXT_EXTENSIONS.moveOn]: 'CompletedAndPassed' } });
  });

  it('gives the token once: a second POST gets error-code 1, a GET is refused (cmi5 §8.2.1, §8.2.3)', async () => {
    const launched = lms.launch();
    expect(await (await fetch(launched.fetchUrl, { method: 'POST' })).json()).toHaveProperty('auth-token');
    const again = await fetch(launched.fetchUrl, { method: 'POST' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
    expect((await fetch(lms.launch().fetchUrl)).status).toBe(405);
  });

  it(requirement('8.1.2.0-5 (d)'), async () => {
    const { launched } = await session();
    const noToken = await fetch(`${launched.parameters.endpoint}statements`, { method: 'POST', headers: { 'X-Experience-API-Version': '1.0.3' }, body: '[]' });
    expect(noToken.status).toBe(401);
  });

  it(requirement('10.2.1.0-5 (d)'), async () => {
    const { launched, headers } = await session();
    const agent = encodeURIComponent(JSON.stringify(launched.parameters.actor));
    const url = `${launched.parameters.endpoint}activities/state?activityId=${encodeURIComponent(launched.activityId)}&agent=${agent}&registration=${launched.registration}&stateId=${LAUNCH_DATA_STATE_ID}`;
    expect((await fetch(url, { method: 'PUT', headers, body: '{}' })).status).toBe(403);
    expect((await fetch(url, { method: 'DELETE', headers })).status).toBe(403);
    expect(lms.lrs.rejections().at(-1)?.requirement).toBe('10.2.1.0-5 (d)');
  });

  it(requirement('8.1.4.0-3 (d)') + ' | and ' + requirement('8.1.3.0-3 (d)'), async () => {
    const { launched, headers } = await session();
    const agent = encodeURIComponent(JSON.stringify(launched.parameters.actor));
    const other = encodeURIComponent(JSON.stringify({ objectType: 'Agent', account: { homePage: 'http://x', name: 'someone-else' } }));
    const at = (a: string, registration: string) => `${launched.parameters.endpoint}activities/state?activityId=${encodeURIComponent(launched.activityId)}&agent=${a}&registration=${registration}&stateId=mine`;
    expect((await fetch(at(agent, crypto.randomUUID()), { headers })).status).toBe(403);
    expect((await fetch(at(other, launched.registration), { headers })).status).toBe(403);
    expect((await fetch(at(agent, launched.registration), { headers })).status).toBe(404);
  });

  it('relaunching a registration whose session never terminated abandons it, with a duration (cmi5 §9.3.6, §9.5.4.2)', async () => {
    const first = await session();
    expect((await first.post([first.defined({ verb: 'initialized' })])).status).toBe(200);
    lms.launch({ registration: first.launched.registration });
    const abandoned = lms.lrs.statements().find((s) => s.sessionId === first.launched.sessionId && (s.statement.verb as Json).id === VERBS.abandoned);
    expect(abandoned?.statement.result).toMatchObject({ duration: expect.stringMatching(/^PT[\d.]+S$/) });
    expect((await first.post([first.defined({ verb: 'terminated', durationMs: 1 })])).refused).toEqual(['9.3.6.0-2 (d2)']);
  });
});

describe('what the LMS refuses (cmi5 "(d)" requirements)', () => {
  it('stores a well-formed session: initialized, answered, completed, passed, terminated', async () => {
    const s = await session();
    const result = await s.post([
      s.defined({ verb: 'initialized' }),
      interactionStatement(s.scope, answer, crypto.randomUUID(), new Date()),
      s.defined({ verb: 'completed', durationMs: 1000 }),
      s.defined({ verb: 'passed', durationMs: 1000, score: { raw: 100, min: 0, max: 100, scaled: 1 } }),
      s.defined({ verb: 'terminated', durationMs: 2000 }),
    ]);
    expect(result).toEqual({ status: 200, refused: [] });
  });

  /** One way to break a session each: what is sent after "initialized", and the requirement it breaks. */
  const cases: Array<{ id: string; launch?: Parameters<TestLms['launch']>[0]; send: (s: Awaited<ReturnType<typeof session>>) => unknown[]; noInitialized?: boolean }> = [
    { id: '9.3.0.0-4 (d2)', noInitialized: true, send: (s) => [interactionStatement(s.scope, answer, crypto.randomUUID(), new Date())] },
    { id: '9.3.2.0-3 (d)', send: (s) => [s.defined({ verb: 'initialized' })] },
    { id: '9.3.0.0-5 (d2)', send: (s) => [s.defined({ verb: 'terminated', durationMs: 1 }), interactionStatement(s.scope, answer, crypto.randomUUID(), new Date())] },
    { id: '9.3.0.0-2 (d)', send: (s) => [s.defined({ verb: 'completed', durationMs: 1 }), s.defined({ verb: 'completed', durationMs: 2 })] },
    { id: '9.3.0.0-3 (d)', send: (s) => [s.defined({ verb: 'failed', durationMs: 1, score: null }), s.defined({ verb: 'passed', durationMs: 2, score: null })] },
    { id: '9.1.0.0-1 (d)', send: (s) => [broken(s.defined({ verb: 'completed', durationMs: 1 }), (x) => delete x.id)] },
    { id: '9.7.0.0-1 (d)', send: (s) => [broken(s.defined({ verb: 'completed', durationMs: 1 }), (x) => delete x.timestamp)] },
    { id: '9.7.0.0-2 (d)', send: (s) => [broken(s.defined({ verb: 'completed', durationMs: 1 }), (x) => (x.timestamp = '2025-03-01T10:00:00+02:00'))] },
    { id: '8.1.5.0-6 (d)', send: (s) => [broken(s.defined({ verb: 'completed', durationMs: 1 }), (x) => ((x.object as Json).id = 'urn:rct-intro:au:course'))] },
    { id: '9.6.1.0-1 (d)', send: (s) => [broken(s.defined({ verb: 'completed', durationMs: 1 }), (x) => ((x.context as Json).registration = crypto.randomUUID()))] },
    { id: '9.6.3.1-4 (d)', send: (s) => [broken(s.defined({ verb: 'completed', durationMs: 1 }), (x) => delete ((x.context as Json).extensions as Json)[CONTEXT_EXTENSIONS.sessionId])] },
    { id: '9.6.2.0-1 (d)', send: (s) => [broken(s.defined({ verb: 'completed', durationMs: 1 }), (x) => delete ((x.context as Json).contextActivities as Json).grouping)] },
    { id: '9.5.1.0-2 (d)', send: (s) => [broken(s.defined({ verb: 'terminated', durationMs: 1 }), (x) => ((x.result as Json).score = { scaled: 1 }))] },
    { id: '9.5.1.0-3 (d1)', send: (s) => [broken(s.defined({ verb: 'passed', durationMs: 1, score: { raw: 90, min: 0, max: 100, scaled: 0.9 } }), (x) => delete ((x.result as Json).score as Json).min)] },
    { id: '9.5.2.0-1 (d1)', send: (s) => [broken(s.defined({ verb: 'passed', durationMs: 1, score: null }), (x) => ((x.result as Json).success = false))] },
    { id: '9.5.2.0-2 (d)', send: (s) => [broken(s.defined({ verb: 'failed', durationMs: 1, score: null }), (x) => ((x.result as Json).success = true))] },
    { id: '9.5.2.0-3 (d)', send: (s) => [broken(s.defined({ verb: 'terminated', durationMs: 1 }), (x) => ((x.result as Json).success = true))] },
    { id: '9.5.3.0-1 (d1)', send: (s) => [broken(s.defined({ verb: 'completed', durationMs: 1 }), (x) => delete (x.result as Json).completion)] },
    { id: '9.5.3.0-2 (d)', send: (s) => [broken(s.defined({ verb: 'terminated', durationMs: 1 }), (x) => ((x.result as Json).completion = true))] },
    { id: '9.5.4.1-1 (d)', send: (s) => [broken(s.defined({ verb: 'terminated', durationMs: 1 }), (x) => delete (x.result as Json).duration)] },
    { id: '9.5.4.1-2 (d)', send: (s) => [broken(s.defined({ verb: 'completed', durationMs: 1 }), (x) => delete (x.result as Json).duration)] },
    { id: '9.5.4.1-3 (d)', send: (s) => [broken(s.defined({ verb: 'passed', durationMs: 1, score: null }), (x) => delete (x.result as Json).duration)] },
    { id: '9.5.4.1-4 (d)', send: (s) => [broken(s.defined({ verb: 'failed', durationMs: 1, score: null }), (x) => delete (x.result as Json).duration)] },
    {
      id: '9.6.2.2-1 (d1)',
      send: (s) => [broken(s.defined({ verb: 'completed', durationMs: 1 }), (x) => (((x.context as Json).contextActivities as Json).category = [{ id: CATEGORIES.cmi5 }]))],
    },
    {
      id: '9.6.2.2-2 (d)',
      send: (s) => [broken(s.defined({ verb: 'terminated', durationMs: 1 }), (x) => (((x.context as Json).contextActivities as Json).category = [{ id: CATEGORIES.cmi5 }, { id: CATEGORIES.moveOn }]))],
    },
    { id: '9.6.3.2-2 (d)', send: (s) => [broken(s.defined({ verb: 'passed', durationMs: 1, score: { raw: 90, min: 0, max: 100, scaled: 0.9 } }), (x) => delete ((x.context as Json).extensions as Json)[CONTEXT_EXTENSIONS.masteryScore])] },
    { id: '9.3.4.0-2 (d2)', send: (s) => [s.defined({ verb: 'passed', durationMs: 1, score: { raw: 50, min: 0, max: 100, scaled: 0.5 } })] },
    { id: '9.3.5.0-2 (d)', send: (s) => [s.defined({ verb: 'failed', durationMs: 1, score: { raw: 90, min: 0, max: 100, scaled: 0.9 } })] },
    { id: '10.2.1.0-7 (d)', send: (s) => [broken(s.defined({ verb: 'completed', durationMs: 1 }), (x) => (((x.context as Json).extensions as Json)[CONTEXT_EXTENSIONS.sessionId] = 'mine'))] },
    { id: '10.2.2.0-2 (d)', launch: { launchMode: 'Browse' }, send: (s) => [s.defined({ verb: 'completed', durationMs: 1 })] },
    { id: '10.2.2.0-3 (d)', launch: { launchMode: 'Review' }, send: (s) => [s.defined({ verb: 'passed', durationMs: 1, score: null })] },
  ];

  for (const c of cases) {
    it(requirement(c.id), async () => {
      const s = await session(c.launch);
      if (!c.noInitialized) expect((await s.post([s.defined({ verb: 'initialized' })])).status).toBe(200);
      const stored = lms.lrs.statements().length;
      const result = await s.post(c.send(s));
      expect(result).toEqual({ status: 400, refused: [c.id] });
      // A batch with a refused statement stores nothing of it.
      expect(lms.lrs.statements().length).toBe(stored);
    });
  }

  it(requirement('11.0.0.0-3 (d2)'), async () => {
    const s = await session({}, { readPreferences: false });
    expect(await s.post([s.defined({ verb: 'initialized' })])).toEqual({ status: 400, refused: ['11.0.0.0-3 (d2)'] });
  });

  it(requirement('9.3.0.0-6 (d2)') + ' | and ' + requirement('9.3.0.0-7 (d2)') + ' | and ' + requirement('9.3.0.0-8 (d)'), async () => {
    const first = await session();
    await first.post([first.defined({ verb: 'initialized' }), first.defined({ verb: 'completed', durationMs: 1 }), first.defined({ verb: 'passed', durationMs: 1, score: null }), first.defined({ verb: 'terminated', durationMs: 1 })]);
    for (const [verb, id] of [['completed', '9.3.0.0-6 (d2)'], ['passed', '9.3.0.0-7 (d2)'], ['failed', '9.3.0.0-8 (d)']] as const) {
      const again = await session({ registration: first.launched.registration });
      await again.post([again.defined({ verb: 'initialized' })]);
      const event = verb === 'completed' ? ({ verb, durationMs: 1 } as const) : ({ verb, durationMs: 1, score: null } as const);
      expect(await again.post([again.defined(event)])).toEqual({ status: 400, refused: [id] });
    }
  });

  it('a statement sent again under its id is not stored twice; another one under that id is a conflict (xAPI 1.0.3)', async () => {
    const s = await session();
    const initialized = s.defined({ verb: 'initialized' });
    await s.post([initialized]);
    const count = lms.lrs.statements().length;
    expect(await s.post([initialized])).toEqual({ status: 200, refused: [] });
    expect(lms.lrs.statements().length).toBe(count);
    expect((await s.post([{ ...initialized, timestamp: new Date().toISOString() }])).status).toBe(409);
  });

  it('names only requirements the published list has', () => {
    for (const c of cases) expect(hasRequirement(c.id), c.id).toBe(true);
  });
});
