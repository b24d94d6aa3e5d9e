import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, escapeText, fingerprint, unescapeText } from '../../../src/session/codec';
import type { CodecCourse } from '../../../src/session/codec';
import { initialState } from '../../../src/session/state';
import type { LearnerState } from '../../../src/session/state';
import { course, fullestState, reflections } from '../../../src/cli/bench/fullest-state';

const now = new Date('2025-03-05T10:00:00.000Z');
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The state as it comes back: seen in course order, times to the second. */
function normalized(state: LearnerState, c: CodecCourse = course): LearnerState {
  const second = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
  return {
    ...state,
    seen: c.slideIds.filter((id) => state.seen.includes(id)),
    startedAt: second(state.startedAt),
    answers: Object.fromEntries(Object.entries(state.answers).map(([k, a]) => [k, { ...a, at: second(a.at) }])),
    reflections: Object.fromEntries(Object.entries(state.reflections).map(([k, r]) => [k, { ...r, at: second(r.at) }])),
  };
}

function roundTrip(state: LearnerState) {
  const { data } = encodeState(state, course);
  return decodeState(data, course, now);
}

describe('suspend_data size', () => {
  it('fits the fullest realistic state in 2,048 characters (half of SCORM 1.2\'s 4,096)', () => {
    const { data, omittedReflections } = encodeState(fullestState, course, 4096);
    const reflectionChars = Object.values(reflections).reduce((n, t) => n + t.length, 0);
    const { data: withoutReflections } = encodeState({ ...fullestState, reflections: {} }, course);
    console.log(
      `[codec] fullest realistic state: ${data.length} characters ` +
        `(${course.slideIds.length} slides seen, ${course.checkIds.length} checks answered, ` +
        `${Object.keys(reflections).length} reflections of ${reflectionChars} characters in all; ` +
        `${withoutReflections.length} characters without the reflections)`,
    );
    expect(omittedReflections).toEqual([]);
    expect(data.length).toBeLessThanOrEqual(2048);
    expect(data).toMatch(PRINTABLE_ASCII);
  });

  it('round-trips the fullest state exactly (times to the second)', () => {
    const r = roundTrip(fullestState);
    expect(r).toEqual({ ok: true, state: normalized(fullestState)});
  });

  it('writes a fresh state in a handful of characters', () => {
    const { data } = encodeState(initialState(now), course);
    console.log(`[codec] fresh state: ${data.length} characters: ${data}`);
    expect(data.length).toBeLessThan(30);
    expect(roundTrip(initialState(now))).toEqual({ ok: true, state: initialState(now)});
  });
});

describe('reflection text', () => {
  const tricky = [
    'Plain text.',
    'Delimiters ~ | . , : % %u20AC %41 and "quotes" \'apostrophes\' <tags> & \\backslash\\',
    'Line one\nline two\r\nline three\ttabbed',
    'Accents: Renée, façade, naïve; curly ’quotes’ “here”; CJK 関係; RTL שלום',
    'Emoji 🌱🤝🏽 and a lone surrogate \ud800 kept as is',
    ' leading and trailing spaces ',
  ];

  it('round-trips any Unicode and every delimiter', () => {
    for (const text of tricky) {
      expect(unescapeText(escapeText(text))).toBe(text);
      const state = { ...initialState(now), reflections: { 'my-reflection': { text, at: now.toISOString() } } };
      const r = roundTrip(state);
      expect(r.ok && r.state.reflections['my-reflection']?.text).toBe(text);
    }
  });

  it('is written in printable ASCII without the codec\'s delimiters or characters LMSs mangle', () => {
    const escaped = escapeText(tricky.join(''));
    expect(escaped).toMatch(PRINTABLE_ASCII);
    expect(escaped).not.toMatch(/[~|"'<>&\\]/);
  });

  it('costs little for plain English: only escaped characters grow', () => {
    expect(escapeText('I felt heard, and clearer.')).toBe('I felt heard, and clearer.');
    expect(escapeText("don't")).toBe('don%27t');
    expect(escapeText('é’')).toBe('%E9%u2019');
  });

  it('rejects malformed escapes', () => {
    for (const bad of ['%', '%4', '%G1', '%u12', '%u12G4']) expect(unescapeText(bad)).toBeNull();
  });
});

describe('a limit the state does not fit', () => {
  it('leaves whole reflections out, longest first, and reports them', () => {
    const full = encodeState(fullestState, course).data;
    const limit = full.length - 100;
    const { data, omittedReflections } = encodeState(fullestState, course, limit);
    expect(data.length).toBeLessThanOrEqual(limit);
    // The longest entry as written (id, and text with apostrophes and quotes escaped) alone frees more than 100 characters.
    const written = ([id, text]: [string, string]) => id.length + escapeText(text).length;
    const longest = Object.entries(reflections).sort((a, b) => written(b) - written(a))[0]?.[0];
    expect(omittedReflections).toEqual([longest]);
    const back = decodeState(data, course, now);
    expect(back.ok && Object.keys(back.state.reflections)).not.toContain(longest);
    expect(back.ok && Object.keys(back.state.reflections)).toHaveLength(7);
  });

  it('reports a reflection too long for SCORM 1.2 instead of dropping it silently', () => {
    const long = 'I keep writing. '.repeat(300); // 4,800 characters
    const state = { ...fullestState, reflections: { ...fullestState.reflections, 'a-long-one': { text: long, at: now.toISOString() } } };
    const { data, omittedReflections } = encodeState(state, course, 4096);
    expect(omittedReflections).toEqual(['a-long-one']);
    expect(data.length).toBeLessThanOrEqual(4096);
  });

  it('still writes slides, answers and location when even they exceed the limit, for the caller to see', () => {
    const { data, omittedReflections } = encodeState(fullestState, course, 50);
    expect(omittedReflections).toHaveLength(8);
    expect(data.length).toBeGreaterThan(50);
    expect(decodeState(data, course, now).ok).toBe(true);
  });
});

describe('decoding what it did not write', () => {
  it('says "empty" for a first launch', () => {
    for (const nothing of ['', null, undefined]) {
      expect(decodeState(nothing, course, now)).toEqual({ ok: false, error: { kind: 'empty' }, recovered: initialState(now) });
    }
  });

  it('returns a typed error for garbage, never throws', () => {
    for (const garbage of ['hello', '{"v":1}', '~~~~', '2', '\u0000\uffff', 'x'.repeat(5000)]) {
      const r = decodeState(garbage, course, now);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['malformed', 'corrupt']).toContain(r.error.kind);
    }
  });

  it('detects truncation at any point and keeps what is readable', () => {
    const { data } = encodeState(fullestState, course);
    for (let cut = 1; cut < data.length; cut += 7) {
      const r = decodeState(data.slice(0, cut), course, now);
      expect(r.ok).toBe(false);
    }
    // Cut inside the reflections, as an LMS that stores fewer characters would.
    const r = decodeState(data.slice(0, Math.floor(data.length * 0.8)), course, now);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ kind: 'corrupt', detail: 'the data ends early (truncated)' });
    expect(r.recovered.seen).toEqual(course.slideIds);
    expect(Object.keys(r.recovered.answers)).toHaveLength(16);
    expect(Object.keys(r.recovered.reflections).length).toBeGreaterThanOrEqual(5);
  });

  it('detects an altered character with the checksum', () => {
    const { data } = encodeState(fullestState, course);
    const i = data.indexOf('Growing up');
    const altered = `${data.slice(0, i)}Glowing up${data.slice(i + 10)}`;
    const r = decodeState(altered, course, now);
    expect(r.ok === false && r.error.kind).toBe('corrupt');
  });

  it('says "unknown-version" for data from a newer format, and starts fresh', () => {
    const { data } = encodeState(fullestState, course);
    const r = decodeState(`9${data.slice(1)}`, course, now);
    expect(r).toEqual({ ok: false, error: { kind: 'unknown-version', version: '9' }, recovered: initialState(now) });
  });

  it('keeps reflections but not slide or check indexes when the course changed', () => {
    const { data } = encodeState(fullestState, course);
    const reordered = { ...course, slideIds: [...course.slideIds].reverse() };
    expect(fingerprint(reordered)).not.toBe(fingerprint(course));
    const r = decodeState(data, reordered, now);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ kind: 'course-changed' });
    expect(r.recovered.seen).toEqual([]);
    expect(r.recovered.answers).toEqual({});
    expect(r.recovered.reflections).toEqual(normalized(fullestState).reflections);
    expect(r.recovered.startedAt).toBe(normalized(fullestState).startedAt);
  });

  it('reads format 1, which no release wrote, as an unknown version', () => {
    const r = decodeState('1~sfxk8w~~~~', course, now);
    expect(r).toMatchObject({ ok: false, error: { kind: 'unknown-version', version: '1' } });
  });
});
