import { describe, expect, it } from 'vitest';
import { findApi, type WindowLike } from '../../../src/standards/scorm/discover';
import { scorm12Dialect } from '../../../src/standards/scorm12/dialect';
import { scorm2004Dialect } from '../../../src/standards/scorm2004/dialect';
import { lms12, lms2004 } from '../../support/lms-helpers';

/** The API of either version, 2004 first (as the launch page tries the registry's standards), with the version found. */
function discoverApi(win: WindowLike) {
  for (const dialect of [scorm2004Dialect, scorm12Dialect]) {
    const api = findApi(win, dialect);
    if (api) return { version: dialect.version, api };
  }
  return null;
}

type Frame = WindowLike & Record<string, unknown>;

/** A window with `depth` ancestors; the top one is its own parent, as in a browser. */
function chain(depth: number): Frame[] {
  const top: Frame = {};
  (top as { parent: Frame }).parent = top;
  const frames: Frame[] = [top];
  for (let i = 0; i < depth; i++) frames.unshift({ parent: frames[0] });
  return frames; // frames[0] is the content window, frames.at(-1) the top
}

/** A frame from another origin: reading anything on it throws, as browsers do. */
function crossOrigin(parent?: WindowLike): Frame {
  return new Proxy({} as Frame, {
    get(_t, key) {
      if (key === 'parent' && parent) return parent;
      throw new DOMException(`Blocked a frame from accessing "${String(key)}"`, 'SecurityError');
    },
  });
}

describe('SCORM API discovery', () => {
  it('finds the 1.2 API on an ancestor frame', () => {
    const frames = chain(3);
    const api = lms12();
    frames[2]!.API = api;
    expect(discoverApi(frames[0]!)).toEqual({ version: '1.2', api });
  });

  it('finds each version\'s own API when the LMS offers both', () => {
    const frames = chain(2);
    const api12 = lms12();
    const api2004 = lms2004();
    frames[1]!.API = api12;
    frames[2]!.API_1484_11 = api2004;
    expect(discoverApi(frames[0]!)).toEqual({ version: '2004', api: api2004 });
    expect(findApi(frames[0]!, scorm12Dialect)).toBe(api12);
  });

  it('looks through the opener and its parents when the frames have none', () => {
    const openerFrames = chain(2);
    const api = lms2004();
    openerFrames[2]!.API_1484_11 = api;
    const popup: Frame = { opener: openerFrames[0] };
    (popup as { parent: Frame }).parent = popup;
    expect(discoverApi(popup)).toEqual({ version: '2004', api });
  });

  it('looks through the top window\'s opener: a popup whose top page frames the course', () => {
    const lmsFrames = chain(1);
    const api = lms12();
    lmsFrames[1]!.API = api;
    // The popup's top page has the opener; the course's own frame has none.
    const popupTop: Frame = { opener: lmsFrames[0] };
    (popupTop as { parent: Frame; top: Frame }).parent = popupTop;
    (popupTop as { top: Frame }).top = popupTop;
    const course: Frame = { parent: popupTop, top: popupTop };
    expect(discoverApi(course)).toEqual({ version: '1.2', api });
  });

  it('climbs at most 7 parents for 1.2, as the 1.2 algorithm does', () => {
    const frames = chain(9);
    frames[9]!.API = lms12();
    expect(discoverApi(frames[0]!)).toBeNull();
    expect(discoverApi(frames[2]!)).toMatchObject({ version: '1.2' });
  });

  it('steps over cross-origin frames that throw instead of failing', () => {
    const top: Frame = {};
    (top as { parent: Frame }).parent = top;
    top.API = lms12();
    const foreign = crossOrigin(top);
    const content: Frame = { parent: foreign };
    expect(discoverApi(content)).toMatchObject({ version: '1.2' });
    // A foreign frame whose parent cannot be read either ends the search quietly.
    expect(discoverApi({ parent: crossOrigin() })).toBeNull();
  });

  it('ignores objects that are not SCORM APIs', () => {
    const frames = chain(1);
    frames[1]!.API = { LMSInitialize: () => 'true' };
    frames[1]!.API_1484_11 = 'not an api';
    expect(discoverApi(frames[0]!)).toBeNull();
  });

  it('returns null when there is no LMS: the course runs standalone', () => {
    expect(discoverApi(chain(4)[0]!)).toBeNull();
  });
});
