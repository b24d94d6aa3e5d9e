/**
 * The pure parts of the cmi5 runtime: the launch parameters (cmi5 §8.1),
 * LMS.LaunchData and the preferences (§10, §11), the context of a statement
 * (§9.6, §10.2.1), and the registry entry that finds a cmi5 launch in the
 * launch URL and loads the runtime only then.
 */
import { describe, expect, it } from 'vitest';
import { cmi5 } from '../../../src/standards/cmi5';
import { CMI5_STATE_LIMIT } from '../../../src/standards/cmi5/adapter';
import { launchQuery, parseLaunchParameters, type LaunchParameters } from '../../../src/standards/cmi5/launch';
import { readLaunchData, readPreferences } from '../../../src/standards/cmi5/launch-data';
import { after, newHistory, permits } from '../../../src/standards/cmi5/rules';
import { contextOf, definedStatement, type StatementScope } from '../../../src/standards/cmi5/statements';
import { CATEGORIES, CONTEXT_EXTENSIONS } from '../../../src/standards/cmi5/vocabulary';
import { silentLogger } from '../../../src/standards/log';
import { requirement, requirements } from '../../fixtures/cmi5/requirements';

const launch: LaunchParameters = {
  endpoint: 'https://lms.example/lrs/',
  fetch: 'https://lms.example/token?k=2390289x0&s=a b',
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: '1625378' } },
  registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
  activityId: 'https://lms.example/activities/au/001?x=1',
};

describe('launch parameters (cmi5 §8.1)', () => {
  it(requirements('8.1.0.0-7', '8.1.1.0-2', '8.1.2.0-3', '8.1.3.0-2', '8.1.4.0-2', '8.1.5.0-5'), () => {
    const pairs = launchQuery(launch).split('&');
    for (const order of [pairs, [...pairs].reverse(), [pairs[2], pairs[0], pairs[4], pairs[1], pairs[3]]]) {
      expect(parseLaunchParameters(`?standard=cmi5&${order.join('&')}`)).toEqual({ ok: true, launch });
    }
  });

  it('each value URL-decoded; an endpoint without its final slash gets one (xAPI resources resolve below it)', () => {
    const q = new URLSearchParams(launchQuery(launch));
    q.set('endpoint', 'https://lms.example/lrs');
    expect(parseLaunchParameters(q.toString())).toMatchObject({ ok: true, launch: { endpoint: 'https://lms.example/lrs/', fetch: launch.fetch } });
  });

  it('is no cmi5 launch without all five, or with one malformed: nothing half-configured starts', () => {
    expect(parseLaunchParameters('?standard=cmi5')).toEqual({ ok: false, missing: ['endpoint', 'fetch', 'actor', 'registration', 'activityId'], invalid: [] });
    const bad = (name: string, value: string) => {
      const q = new URLSearchParams(launchQuery(launch));
      q.set(name, value);
      return parseLaunchParameters(q.toString());
    };
    expect(bad('actor', '{"objectType":"Group"}')).toMatchObject({ ok: false, invalid: ['actor'] });
    expect(bad('actor', 'not json')).toMatchObject({ ok: false, invalid: ['actor'] });
    expect(bad('registration', 'not-a-uuid')).toMatchObject({ ok: false, invalid: ['registration'] });
    expect(bad('activityId', 'relative/id')).toMatchObject({ ok: false, invalid: ['activityId'] });
  });

  it('the registry entry connects only to a cmi5 launch, and loads the runtime only when it starts', () => {
    const win = { parent: null, opener: null };
    expect(cmi5.connect({ window: win, search: '?standard=cmi5' }, { courseId: 'rct-intro', logger: silentLogger })).toBeNull();
    const adapter = cmi5.connect({ window: win, search: `?standard=cmi5&${launchQuery(launch)}` }, { courseId: 'rct-intro', logger: silentLogger });
    expect(adapter).toMatchObject({ kind: 'cmi5', stateLimit: CMI5_STATE_LIMIT });
    // Not started: every call says so rather than sending anything.
    expect(adapter!.commit()).toEqual({ ok: false, error: 'cmi5: not started' });
    expect(adapter!.finish(false)).toEqual({ ok: false, error: 'cmi5: not started' });
  });
});

describe('LMS.LaunchData and the preferences (cmi5 §10, §11)', () => {
  const template = { contextActivities: { grouping: [{ id: 'urn:rct-intro:au:course' }] }, extensions: { [CONTEXT_EXTENSIONS.sessionId]: 's-1' } };

  it(requirement('10.2.1.0-4') + ' | with the launch mode, mastery score, moveOn and returnURL', () => {
    expect(readLaunchData({ contextTemplate: template, launchMode: 'Review', masteryScore: 0.8, moveOn: 'Passed', returnURL: 'https://lms.example/back' })).toEqual({
      ok: true,
      data: { contextTemplate: template, sessionId: 's-1', launchMode: 'Review', masteryScore: 0.8, moveOn: 'Passed', launchParameters: null, returnUrl: 'https://lms.example/back' },
    });
  });

  it('refuses a LaunchData the AU cannot report in: no template, no session id, no known launch mode, a mastery score out of range', () => {
    expect(readLaunchData({ launchMode: 'Normal' })).toMatchObject({ ok: false, error: expect.stringContaining('§10.2.1') });
    expect(readLaunchData({ contextTemplate: {}, launchMode: 'Normal' })).toMatchObject({ ok: false, error: expect.stringContaining('§9.6.3.1') });
    expect(readLaunchData({ contextTemplate: template, launchMode: 'normal' })).toMatchObject({ ok: false, error: expect.stringContaining('§10.2.2') });
    expect(readLaunchData({ contextTemplate: template, launchMode: 'Normal', masteryScore: 80 })).toMatchObject({ ok: false, error: expect.stringContaining('§10.2.4') });
  });

  it('reads languagePreference as an ordered list and audioPreference as on or off (cmi5 §11.1, §11.2)', () => {
    expect(readPreferences({ languagePreference: 'en-US, fr-FR,fr-BE', audioPreference: 'on' })).toEqual({ languages: ['en-US', 'fr-FR', 'fr-BE'], audio: 'on' });
    expect(readPreferences(null)).toEqual({ languages: [], audio: null });
    expect(readPreferences({ audioPreference: 'loud' })).toEqual({ languages: [], audio: null });
  });
});

describe('the context of a statement (cmi5 §9.6, §10.2.1)', () => {
  const scope: StatementScope = {
    actor: launch.actor,
    activityId: launch.activityId,
    registration: launch.registration,
    template: {
      contextActivities: { grouping: [{ id: 'urn:rct-intro:au:course' }], category: [{ id: 'https://lms.example/category/x' }] },
      extensions: { [CONTEXT_EXTENSIONS.sessionId]: 's-1', [CONTEXT_EXTENSIONS.masteryScore]: 0.7, 'https://lms.example/ext': { a: 1 } },
    },
    masteryScore: 0.8,
    idNamespace: 'rct-intro',
  };

  it(requirements('10.2.1.0-6', '10.2.1.0-7', '9.6.2.0-1') + ' | the template kept whole, ours added beside it', () => {
    const context = contextOf(scope, { kind: 'defined', moveOn: true, masteryScore: true });
    expect(context).toEqual({
      registration: launch.registration,
      contextActivities: {
        grouping: [{ id: 'urn:rct-intro:au:course' }],
        category: [{ id: 'https://lms.example/category/x' }, { id: CATEGORIES.cmi5, objectType: 'Activity' }, { id: CATEGORIES.moveOn, objectType: 'Activity' }],
      },
      // The template's masteryscore stays as the LMS wrote it.
      extensions: { [CONTEXT_EXTENSIONS.sessionId]: 's-1', [CONTEXT_EXTENSIONS.masteryScore]: 0.7, 'https://lms.example/ext': { a: 1 } },
    });
    expect(scope.template.contextActivities?.category).toHaveLength(1);
  });

  it(requirement('9.6.2.1-1') + ' | and not on cmi5 allowed statements (cmi5 §7.1.3), which name the AU as parent', () => {
    expect(contextOf(scope, { kind: 'allowed' }).contextActivities).toEqual({
      grouping: [{ id: 'urn:rct-intro:au:course' }],
      category: [{ id: 'https://lms.example/category/x' }],
      parent: [{ id: launch.activityId, objectType: 'Activity' }],
    });
  });

  it(requirement('9.5.1.0-3') + ' | raw, min and max whole numbers, scaled to four places', () => {
    const passed = definedStatement(scope, { verb: 'passed', durationMs: 1500, score: { raw: 83.33, min: 0, max: 100, scaled: 0.83333 } }, 'id', new Date(0));
    expect(passed.result).toEqual({ success: true, duration: 'PT1.5S', score: { scaled: 0.8333, raw: 83, min: 0, max: 100 } });
  });
});

describe('the order rules (cmi5 §9.3, §10.2.2)', () => {
  it('permit initialized first, the rest between it and terminated, each defined verb once, and no satisfaction outside Normal', () => {
    let h = newHistory('Normal', { completed: false, passed: false });
    expect(permits(h, 'completed')).toMatchObject({ ok: false });
    h = after(h, 'initialized');
    expect(permits(h, 'initialized')).toMatchObject({ ok: false });
    h = after(after(h, 'completed'), 'failed');
    expect([permits(h, 'completed'), permits(h, 'passed'), permits(h, 'allowed')].map((p) => p.ok)).toEqual([false, false, true]);
    h = after(h, 'terminated');
    expect(permits(h, 'allowed')).toMatchObject({ ok: false });
    const browse = after(newHistory('Browse', { completed: false, passed: false }), 'initialized');
    expect([permits(browse, 'completed'), permits(browse, 'passed'), permits(browse, 'allowed'), permits(browse, 'terminated')].map((p) => p.ok)).toEqual([false, false, true, true]);
    const passedBefore = after(newHistory('Normal', { completed: true, passed: true }), 'initialized');
    expect([permits(passedBefore, 'completed'), permits(passedBefore, 'passed'), permits(passedBefore, 'failed')].map((p) => p.ok)).toEqual([false, false, false]);
  });
});
