/**
 * The pure parts of the LMS launch (src/modes/lms/runtime/launch.ts): which
 * adapter a launch gets, which page the frame opens, and which paths the
 * reader may ask the launch page to show.
 */
import { describe, expect, it } from 'vitest';
import { courseRoot, loadCourse } from '../../../../src/model/load';
import { bookmarkPath, connect, framePath, requestedStandard } from '../../../../src/modes/lms/runtime/launch';
import { silentLogger } from '../../../../src/standards/log';
import { standards } from '../../../../src/standards/registry';

const model = loadCourse(courseRoot());
const course = { id: model.course.id, version: model.course.version };

const fns = (names: string[]) => Object.fromEntries(names.map((n) => [n, () => 'true']));
const api2004 = fns(['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']);
const api12 = fns(['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']);

/** A launch page framed by an LMS page that offers `api`. */
const framedBy = (api: Record<string, unknown>, search = '') => {
  const top: Record<string, unknown> = { ...api };
  top.parent = top;
  return { window: { parent: top, opener: null }, search };
};

describe('connect: the adapter of a launch', () => {
  it('without ?standard=, the first standard of the registry the LMS offers (2004 before 1.2), else standalone', () => {
    expect(standards.map((s) => s.id)).toEqual(['scorm2004', 'scorm12', 'cmi5']);
    expect(connect(framedBy({ API_1484_11: api2004, API: api12 }), { course, logger: silentLogger })).toMatchObject({ standard: { id: 'scorm2004' }, adapter: { kind: 'scorm2004' } });
    expect(connect(framedBy({ API: api12 }), { course, logger: silentLogger })).toMatchObject({ standard: { id: 'scorm12' }, adapter: { kind: 'scorm12' } });
    expect(connect({ window: { parent: null, opener: null }, search: '' }, { course, logger: silentLogger })).toMatchObject({ standard: null, adapter: { kind: 'standalone' } });
  });

  it('?standard=<id> (the manifest item\'s parameters) picks the package\'s own standard, even where the LMS offers both', () => {
    expect(connect(framedBy({ API_1484_11: api2004, API: api12 }, '?standard=scorm12'), { course, logger: silentLogger }).adapter.kind).toBe('scorm12');
    // Asked for 1.2 where there is only 2004: no 1.2 LMS, so standalone, and the learner is told.
    expect(connect(framedBy({ API_1484_11: api2004 }, '?standard=scorm12'), { course, logger: silentLogger }).standard).toBeNull();
    expect(['?standard=scorm12', '?standard=scorm2004', '', '?standard=scorm3', '?scorm=1.2'].map((q) => requestedStandard(q)?.id)).toEqual([
      'scorm12',
      'scorm2004',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('a cross-origin frame on the way (reading it throws) does not stop the search: the opener is tried', () => {
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
    expect(connect({ window: { parent: crossOrigin, opener: openerTop }, search: '' }, { course, logger: silentLogger }).adapter.kind).toBe('scorm12');
  });
});

describe('where the frame goes', () => {
  const slides = model.slides.map((s) => ({ id: s.id, moduleId: s.moduleId }));
  const slide = model.slides[5]!;

  it('the bookmark opens its module page at the slide; no bookmark, or an unknown one, opens the course home', () => {
    expect(bookmarkPath(slide.id, slides)).toBe(`modules/${slide.moduleId}.html#${slide.id}`);
    expect(bookmarkPath(null, slides)).toBe('index.html');
    expect(bookmarkPath('', slides)).toBe('index.html');
    expect(bookmarkPath('no-such-slide', slides)).toBe('index.html');
  });

  it('navigate() accepts only paths inside the package', () => {
    for (const ok of ['modules/a.html#s', 'summary.html', 'index.html#lms', 'all.html?x=1']) expect(framePath(ok), ok).toBe(ok);
    for (const bad of ['https://example.org/', '//example.org/x', '/modules/a.html', '\\\\host\\x', 'javascript:alert(1)', '../outside.html', 'modules/../../x.html', 'data:text/html,x', ''])
      expect(framePath(bad), bad).toBeNull();
  });
});
