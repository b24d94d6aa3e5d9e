/**
 * The two SCORM dialects name what a real LMS runtime has: every API
 * function, and every data-model element the adapter and the preview read
 * or write, checked against scorm-again's Scorm12API and Scorm2004API.
 */
import { describe, expect, it } from 'vitest';
import type { ScormDialect } from '../../../src/standards/scorm/dialect';
import { scorm12Dialect } from '../../../src/standards/scorm12/dialect';
import { scorm2004Dialect } from '../../../src/standards/scorm2004/dialect';
import { scormStandards, standards } from '../../../src/standards/registry';
import { lms12, lms2004 } from '../../support/lms-helpers';

const cases: Array<{ label: string; dialect: ScormDialect; makeApi: () => object }> = [
  { label: scorm12Dialect.label, dialect: scorm12Dialect, makeApi: () => lms12() },
  { label: scorm2004Dialect.label, dialect: scorm2004Dialect, makeApi: () => lms2004() },
];

describe.each(cases)('the $label dialect', ({ dialect, makeApi }) => {
  it('names every API function the LMS object has', () => {
    const api = makeApi() as Record<string, unknown>;
    for (const name of Object.values(dialect.api.fn)) expect(typeof api[name], name).toBe('function');
  });

  it('names elements the LMS knows: each can be read after Initialize without a "not implemented" or "undefined element" error', () => {
    const api = makeApi() as Record<string, (...args: string[]) => string>;
    const fn = dialect.api.fn;
    expect(api[fn.initialize]!('')).toBe('true');
    const { el } = dialect;
    const status = el.status.kind === 'lesson-status' ? [el.status.lessonStatus] : [el.status.completion, el.status.success];
    const readable = [el.entry, el.location, el.learnerName, el.learnerId, el.credit, el.mode, el.totalTime, el.interactions.count, ...status, ...(el.comments ? [el.comments.count] : [])];
    for (const element of readable) {
      api[fn.getValue]!(element);
      // 401 not implemented (1.2), 201/401 undefined (both): the name is wrong. 403 "not initialized" (2004) is fine.
      expect(['0', '403'], `${element}: error ${api[fn.getLastError]!()}`).toContain(String(api[fn.getLastError]!()));
    }
  });
});

describe('the registry of standards', () => {
  it('spells each standard once: its id, label and manifest file', () => {
    expect(standards.map((s) => [s.id, s.label, s.manifestFile])).toEqual([
      ['scorm2004', 'SCORM 2004 4th Edition', 'imsmanifest.xml'],
      ['scorm12', 'SCORM 1.2', 'imsmanifest.xml'],
      ['cmi5', 'cmi5', 'cmi5.xml'],
    ]);
  });

  it('names for each standard the scorm-again class the preview plays it with', () => {
    expect(scormStandards.map((s) => s.preview.library)).toEqual([
      { constructor: 'Scorm2004API', bundle: 'scorm2004.min.js' },
      { constructor: 'Scorm12API', bundle: 'scorm12.min.js' },
    ]);
  });
});
