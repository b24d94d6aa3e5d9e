/**
 * The LMS preview (src/cli/preview-lms.ts and its host page,
 * src/cli/lms-preview/): the host page's TypeScript bundles with esbuild, the
 * server answers each route with the right type (and a bad URL with 400),
 * and the host's pure parts: its query parameters, the record a launch
 * starts from, the faults, the log's lines, the once-per-frame scheduler.
 * The page itself is driven in Chromium by lms-preview.browser.test.ts and
 * tests/e2e/lms*.spec.ts.
 */
import type { Server } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describe as describeEntry, MAX_ROWS, show } from '../../../src/cli/lms-preview/call-log.ts';
import { Faults } from '../../../src/cli/lms-preview/faults.ts';
import { FrameScheduler } from '../../../src/cli/lms-preview/frames.ts';
import { readOptions } from '../../../src/cli/lms-preview/options.ts';
import { STANDARDS } from '../../../src/cli/lms-preview/standards.ts';
import { startRecord } from '../../../src/cli/lms-preview/stored-record.ts';
import { bundleHost, createPreviewServer, loadStandards } from '../../../src/cli/preview-lms.ts';
import { listen } from '../../../src/cli/shared/listen.ts';
import { closeServer, rawRequest, spacedTempDir } from './helpers.ts';
import { writePreviewFixture } from './preview-fixture.ts';

describe('bundleHost', () => {
  it('bundles host.ts and its modules into one classic script, without errors', async () => {
    const script = await bundleHost();
    expect(script.startsWith('"use strict";\n(() => {')).toBe(true);
    expect(script).toContain('lmsPreview');
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
    // scorm-again is loaded by the page from /scorm-again/, not bundled in: its types are only for the checker.
    expect(script).not.toContain('Scorm12API=function');
    expect(script).toContain('sourceMappingURL=data:application/json');
  });
});

describe('the preview server', () => {
  const work = spacedTempDir('preview');
  let server: Server;
  let port: number;
  beforeAll(async () => {
    writePreviewFixture(join(work, 'dist'));
    server = createPreviewServer({ dist: join(work, 'dist'), hostScript: await bundleHost(), standards: await loadStandards() });
    port = await listen(server, { port: 0, command: 'npm run preview:lms' });
  });
  afterAll(async () => {
    await closeServer(server);
    rmSync(work, { recursive: true, force: true });
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/host.js', 'text/javascript; charset=utf-8'],
    ['/host.css', 'text/css; charset=utf-8'],
    ['/scorm-again/scorm12.min.js', 'text/javascript; charset=utf-8'],
    ['/packages.json', 'application/json; charset=utf-8'],
    ['/content/scorm12/lms.html', 'text/html; charset=utf-8'],
    ['/content/scorm2004/img/photo.webp', 'image/webp'],
  ])('%s is %s', async (path, type) => {
    const reply = await rawRequest(port, path);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
  });

  it('lists the packages with what the LMS reads from their manifests', async () => {
    const list = JSON.parse((await rawRequest(port, '/packages.json')).body) as Array<Record<string, unknown>>;
    // In the registry's order (src/standards/registry.ts).
    expect(list.map((p) => [p.target, p.zip, p.launch, p.title])).toEqual([
      ['scorm2004', 'fixture-scorm2004.zip', 'lms.html?scorm=2004', 'Fixture & Co (2004)'],
      ['scorm12', 'fixture-scorm12.zip', 'lms.html?scorm=1.2', 'Fixture & Co (1.2)'],
    ]);
  });

  it('answers a malformed %-escape with 400 and goes on serving', async () => {
    expect((await rawRequest(port, '/content/scorm12/%E0%A4%A')).status).toBe(400);
    expect((await rawRequest(port, '/host.js')).status).toBe(200);
  });

  it('answers 404 for what is not there and 405 for what is not GET', async () => {
    expect((await rawRequest(port, '/content/scorm12/missing.html')).status).toBe(404);
    expect((await rawRequest(port, '/content/cmi5/lms.html')).status).toBe(404);
    expect((await rawRequest(port, '/', 'POST')).status).toBe(405);
  });
});

describe('host options (the query parameters)', () => {
  it('defaults: SCORM 2004, scorm-again as it is, no faults, mastery applied, autolaunch', () => {
    expect(readOptions('')).toEqual({
      target: 'scorm2004',
      profile: 'scorm-again',
      unknownProfile: null,
      completion: 'completed',
      faults: [],
      faultElement: '',
      applyMastery: true,
      preload: null,
      autolaunch: true,
    });
  });

  it('reads each parameter; the standard by its registry id, the registry\'s first by default', () => {
    expect(readOptions('?standard=scorm12').target).toBe('scorm12');
    expect(readOptions('?standard=scorm2004').target).toBe('scorm2004');
    for (const other of ['', '?standard=12', '?standard=bogus']) expect(readOptions(other).target).toBe('scorm2004');
    expect(readOptions('?fault=commit,SetValue&fault=no-api,bogus&element=cmi.interactions').faults).toEqual(['commit', 'setvalue', 'no-api']);
    expect(readOptions('?element=cmi.interactions').faultElement).toBe('cmi.interactions');
    expect(readOptions('?mastery=off').applyMastery).toBe(false);
    expect(readOptions('?autolaunch=0').autolaunch).toBe(false);
    expect(readOptions('?suspend=2~abc&location=s3').preload).toEqual({ suspendData: '2~abc', location: 's3' });
    expect(readOptions('?suspend=').preload).toEqual({ suspendData: '', location: null });
  });
});

describe('the record a launch starts from', () => {
  const s12 = STANDARDS.scorm12;
  const base = { standard: s12, target: 'scorm12' as const, preload: null, mastery: null };

  it('a first launch: a new attempt with what an LMS fills in', () => {
    expect(startRecord({ ...base, stored: null })).toEqual({
      data: {
        'cmi.core.student_id': 'preview-learner',
        'cmi.core.student_name': 'Learner, Preview',
        'cmi.core.credit': 'credit',
        'cmi.core.lesson_mode': 'normal',
        'cmi.core.entry': 'ab-initio',
      },
      entry: 'ab-initio',
      notes: [],
    });
  });

  it('after exit "suspend": resumes with the stored record, without the per-session elements', () => {
    const stored = { 'cmi.core.exit': 'suspend', 'cmi.core.session_time': '00:01:00', 'cmi.core.entry': 'ab-initio', 'cmi.suspend_data': '2~x', 'cmi.core.lesson_location': 's2' };
    const start = startRecord({ ...base, stored });
    expect(start.entry).toBe('resume');
    expect(start.data).toMatchObject({ 'cmi.suspend_data': '2~x', 'cmi.core.lesson_location': 's2', 'cmi.core.entry': 'resume' });
    expect(start.data).not.toHaveProperty('cmi.core.exit');
    expect(start.data).not.toHaveProperty('cmi.core.session_time');
  });

  it('after another exit: a new attempt, said in a note', () => {
    const start = startRecord({ ...base, stored: { 'cmi.core.exit': '', 'cmi.suspend_data': '2~x' } });
    expect(start.entry).toBe('ab-initio');
    expect(start.data).not.toHaveProperty('cmi.suspend_data');
    expect(start.notes).toEqual(['New attempt: the previous one ended with exit "", not "suspend".']);
  });

  it('?suspend= preloads the first launch; the manifest mastery score is applied per standard', () => {
    const start = startRecord({ ...base, stored: null, preload: { suspendData: '9~old', location: 's4' }, mastery: { masteryScore: '80', scaledPassingScore: null } });
    expect(start.entry).toBe('resume');
    expect(start.data).toMatchObject({ 'cmi.suspend_data': '9~old', 'cmi.core.lesson_location': 's4', 'cmi.student_data.mastery_score': '80' });
    const s2004 = startRecord({ standard: STANDARDS.scorm2004, target: 'scorm2004', stored: null, preload: null, mastery: { masteryScore: null, scaledPassingScore: '0.8' } });
    expect(s2004.data).toMatchObject({ 'cmi.scaled_passing_score': '0.8', 'cmi.entry': 'ab-initio', 'cmi.learner_id': 'preview-learner' });
  });
});

describe('faults', () => {
  it('fail only the calls they name; setvalue can be limited to an element prefix', () => {
    const faults = new Faults(['setvalue', 'commit'], 'cmi.interactions');
    expect(faults.appliesTo('setValue', 'cmi.interactions.0.id')).toBe(true);
    expect(faults.appliesTo('setValue', 'cmi.suspend_data')).toBe(false);
    expect(faults.appliesTo('commit', undefined)).toBe(true);
    expect(faults.appliesTo('initialize', undefined)).toBe(false);
    expect(faults.appliesTo('getValue', 'cmi.interactions.0.id')).toBe(false);
    faults.set('commit', false);
    faults.set('terminate', true);
    expect(faults.list()).toEqual(['setvalue', 'terminate']);
    expect(() => faults.set('everything', true)).toThrow('unknown fault "everything"');
  });
});

describe('the call log lines', () => {
  const entry = { seq: 3, launch: 1, at: '', error: '' };
  it('say the call, its values and result, and the error of a failed call', () => {
    expect(describeEntry({ ...entry, kind: 'set', fn: 'SetValue', element: 'cmi.location', value: 's3', result: 'true' })).toBe('[1] SetValue("cmi.location", "s3") → "true"');
    expect(describeEntry({ ...entry, kind: 'session', fn: 'Commit', result: 'false', error: '391', diagnostic: 'fault injected' })).toBe('[1] Commit("") → "false"  error 391 (fault injected)');
    expect(describeEntry({ ...entry, kind: 'note', fn: '', value: 'Launch 1.', result: '' })).toBe('[1] Launch 1.');
    // What the LMS profile did, and the documents unloading when the call was made.
    expect(describeEntry({ ...entry, kind: 'session', fn: 'Commit', result: 'true', error: '391', quirk: 'open-edx: answered "true"' })).toBe('[1] Commit("") → "true"  [open-edx: answered "true"]');
    expect(describeEntry({ ...entry, kind: 'session', fn: 'Commit', result: 'false', error: '101', diagnostic: 'refused', unloading: ['modules/a.html'] })).toBe(
      '[1] Commit("") → "false"  error 101 (refused)  (while modules/a.html unloads)',
    );
    expect(show('x'.repeat(301))).toBe(`${JSON.stringify('x'.repeat(300))}… (301 characters)`);
    expect(MAX_ROWS).toBeGreaterThanOrEqual(100);
  });
});

describe('FrameScheduler', () => {
  it('runs a job once per frame however often it is asked for', () => {
    const frames: Array<() => void> = [];
    const scheduler = new FrameScheduler((callback) => frames.push(callback));
    let runs = 0;
    const job = () => runs++;
    for (let i = 0; i < 1000; i++) scheduler.schedule(job);
    expect([frames.length, runs]).toEqual([1, 0]);
    frames.shift()!();
    expect(runs).toBe(1);
    scheduler.schedule(job);
    expect(frames.length).toBe(1);
  });
});
