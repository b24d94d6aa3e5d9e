/**
 * The pure parts of the LMS launch, without a browser: which adapter a
 * launch gets (src/runtime/lms/launch.ts), which page the frame opens, which
 * paths the reader may ask the shell to show, and what the LMS preview reads
 * from each built manifest (src/cli/preview-lms.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { bookmarkPath, connect, forcedVersion, framePath } from '../../src/runtime/lms/launch';
import { silentLogger } from '../../src/runtime/adapters/log';
import { loadCourse } from '../../src/model/load';
import { readManifest } from '../../src/cli/preview-lms';

const model = loadCourse(process.cwd());
const course = { id: model.course.id, version: model.course.version };
const dist = process.env.LMS_DIST ?? 'dist';

const fns = (names: string[]) => Object.fromEntries(names.map((n) => [n, () => 'true']));
const api2004 = fns(['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']);
const api12 = fns(['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']);

test.describe('connect: the adapter of a launch', () => {
  const lmsWindow = (api: Record<string, unknown>) => {
    const top: Record<string, unknown> = { ...api };
    top.parent = top;
    return { parent: top, opener: null };
  };

  test('SCORM 2004 when the LMS offers API_1484_11 (preferred), else SCORM 1.2, else standalone', () => {
    expect(connect(lmsWindow({ API_1484_11: api2004, API: api12 }), { course, logger: silentLogger })).toMatchObject({ apiFound: true, adapter: { kind: 'scorm2004' } });
    expect(connect(lmsWindow({ API: api12 }), { course, logger: silentLogger })).toMatchObject({ apiFound: true, adapter: { kind: 'scorm12' } });
    expect(connect({ parent: null, opener: null }, { course, logger: silentLogger })).toMatchObject({ apiFound: false, adapter: { kind: 'standalone' } });
  });

  test('?scorm=1.2 forces the version the package was built for', () => {
    expect(connect(lmsWindow({ API_1484_11: api2004, API: api12 }), { course, force: '1.2', logger: silentLogger }).adapter.kind).toBe('scorm12');
    expect([forcedVersion('?scorm=1.2'), forcedVersion('?scorm=12'), forcedVersion('?scorm=2004'), forcedVersion(''), forcedVersion('?scorm=3')]).toEqual([
      '1.2',
      '1.2',
      '2004',
      undefined,
      undefined,
    ]);
  });

  test('a cross-origin frame on the way (reading it throws) does not stop the search: the opener is tried', () => {
    const crossOrigin = {
      get parent(): never {
        throw new Error('SecurityError');
      },
      get API(): never {
        throw new Error('SecurityError');
      },
    };
    const openerTop: Record<string, unknown> = { API: api12 };
    openerTop.parent = openerTop;
    const win = { parent: crossOrigin, opener: openerTop };
    expect(connect(win, { course, logger: silentLogger }).adapter.kind).toBe('scorm12');
  });
});

test.describe('where the frame goes', () => {
  const slides = model.slides.map((s) => ({ id: s.id, moduleId: s.moduleId }));
  const slide = model.slides[5]!;

  test('the bookmark opens its module page at the slide; no bookmark, or an unknown one, opens the course home', () => {
    expect(bookmarkPath(slide.id, slides)).toBe(`modules/${slide.moduleId}.html#${slide.id}`);
    expect(bookmarkPath(null, slides)).toBe('index.html');
    expect(bookmarkPath('', slides)).toBe('index.html');
    expect(bookmarkPath('no-such-slide', slides)).toBe('index.html');
  });

  test('navigate() accepts only paths inside the package', () => {
    for (const ok of ['modules/a.html#s', 'summary.html', 'index.html#lms', 'all.html?x=1']) expect(framePath(ok), ok).toBe(ok);
    for (const bad of ['https://example.org/', '//example.org/x', '/modules/a.html', '\\\\host\\x', 'javascript:alert(1)', '../outside.html', 'modules/../../x.html', 'data:text/html,x', ''])
      expect(framePath(bad), bad).toBeNull();
  });
});

test.describe('the LMS preview reads each built manifest as an LMS would', () => {
  for (const target of ['scorm12', 'scorm2004'] as const) {
    const zip = join(dist, 'packages', `${course.id}-${target}.zip`);
    test(`${target}: launch page and mastery`, () => {
      test.skip(!existsSync(zip), `no ${zip}: build first`);
      const files = unzipSync(new Uint8Array(readFileSync(zip)));
      const info = readManifest(new TextDecoder().decode(files['imsmanifest.xml']!));
      // The item's parameters pin the launch page to this package's standard.
      expect(info.launch).toBe(`lms.html?scorm=${target === 'scorm12' ? '1.2' : '2004'}`);
      expect(files['lms.html']).toBeDefined();
      expect(info.title).toContain(model.course.title);
      if (target === 'scorm12') expect([info.masteryScore, info.scaledPassingScore]).toEqual([String(model.course.masteryScore), null]);
      else expect([info.masteryScore, Number(info.scaledPassingScore)]).toEqual([null, model.course.masteryScore / 100]);
    });
  }

  test("an item's parameters are added to the launch URL", () => {
    const xml = `<manifest><organizations><organization identifier="o"><title>T &amp; U</title>
      <item identifier="i" identifierref="r" parameters="scorm=1.2"><title>T</title></item></organization></organizations>
      <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="lms.html"/></resources></manifest>`;
    expect(readManifest(xml)).toMatchObject({ title: 'T & U', launch: 'lms.html?scorm=1.2', masteryScore: null, scaledPassingScore: null });
  });
});
