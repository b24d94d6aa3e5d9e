import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksum, decodeState, encodeState, escapeText, unescapeText } from '../../../src/session/codec';
import type { CodecCourse } from '../../../src/session/codec';
import { initialState } from '../../../src/session/state';
import type { LearnerState } from '../../../src/session/state';
import { course, fullestState, fullestStateOf, reflections, slideIds, checkIds } from '../../../src/cli/bench/fullest-state';

const now = new Date('2025-03-05T10:00:00.000Z');
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const second = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();

/** The state as it comes back: seen in course order, times to the second. */
function normalized(state: LearnerState, c: CodecCourse = course): LearnerState {
  return {
    ...state,
    seen: c.slides.map((s) => s.id).filter((id) => state.seen.includes(id)),
    startedAt: second(state.startedAt),
    reflections: Object.fromEntries(Object.entries(state.reflections).map(([k, r]) => [k, { ...r, at: second(r.at) }])),
    cleared: Object.fromEntries(Object.entries(state.cleared).map(([k, at]) => [k, second(at)])),
  };
}

function roundTrip(state: LearnerState) {
  const { data } = encodeState(state, course);
  return decodeState(data, course, now);
}

const fine = (state: LearnerState) => ({ ok: true, state, resetAnswers: [], migrated: false });

describe('suspend_data size', () => {
  it('fits the fullest realistic state in 2,560 characters: well within SCORM 1.2\'s 4,096, and an LMS that cuts at 4,000', () => {
    const { data, omittedReflections } = encodeState(fullestState, course, 4096);
    const reflectionChars = Object.values(reflections).reduce((n, t) => n + t.length, 0);
    const { data: withoutReflections } = encodeState({ ...fullestState, reflections: {} }, course);
    console.log(
      `[codec] fullest realistic state: ${data.length} characters ` +
        `(${course.slides.length} slides seen, ${course.checks.length} checks answered, ${fullestState.assessment.length} assessment attempts, ` +
        `${Object.keys(reflections).length} reflections of ${reflectionChars} characters in all; ` +
        `${withoutReflections.length} characters without the reflections)`,
    );
    expect(omittedReflections).toEqual([]);
    expect(data.length).toBeLessThanOrEqual(2560);
    expect(data).toMatch(PRINTABLE_ASCII);
  });

  it('round-trips the fullest state exactly (times to the second)', () => {
    const r = roundTrip(fullestState);
    expect(r).toEqual(fine(normalized(fullestState)));
  });

  it('writes a fresh state in a handful of characters', () => {
    const { data } = encodeState(initialState(now), course);
    console.log(`[codec] fresh state: ${data.length} characters: ${data}`);
    expect(data.length).toBeLessThan(30);
    expect(roundTrip(initialState(now))).toEqual(fine(initialState(now)));
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
    // Characters learners type often cost two: the apostrophes and quotes of every keyboard, dashes, the ellipsis.
    expect(escapeText("don't")).toBe('don%nt');
    expect(escapeText('don’t – “so” — …')).toBe('don%gt %k %iso%j %l %m');
    expect(escapeText('line\nbreak')).toBe('line^break');
    expect(escapeText('é€')).toBe('%E9%u20AC');
  });

  it('rejects malformed escapes', () => {
    for (const bad of ['%', '%4', '%G1', '%u12', '%u12G4']) expect(unescapeText(bad)).toBeNull();
  });
});

describe('a limit the state does not fit', () => {
  it('leaves whole reflections out, the most recently changed first, and reports them', () => {
    // The learner who is writing is there to be told; an older text they have not touched is kept.
    const full = encodeState(fullestState, course).data;
    const limit = full.length - 100;
    const { data, omittedReflections } = encodeState(fullestState, course, limit);
    expect(data.length).toBeLessThanOrEqual(limit);
    const byAge = Object.entries(fullestState.reflections).sort((a, b) => Date.parse(b[1].at) - Date.parse(a[1].at));
    const newest = byAge[0]?.[0];
    expect(omittedReflections).toEqual([newest]);
    const back = decodeState(data, course, now);
    expect(back.ok && Object.keys(back.state.reflections)).not.toContain(newest);
    expect(back.ok && Object.keys(back.state.reflections)).toHaveLength(7);
  });

  it('puts back a shorter, newer text once the long one is out', () => {
    const long = { text: 'I keep writing. '.repeat(40), at: '2025-03-04T10:00:00.000Z' };
    const short = { text: 'A short one.', at: '2025-03-04T11:00:00.000Z' };
    const state = { ...fullestState, reflections: { ...fullestState.reflections, long, short } };
    const { data: withoutLong } = encodeState({ ...state, reflections: { ...fullestState.reflections, short } }, course);
    const { data, omittedReflections } = encodeState(state, course, withoutLong.length);
    expect(omittedReflections).toEqual(['long']);
    expect(data).toBe(withoutLong);
  });

  it('keeps a clearing over a text: it costs a few characters and stops a merge from bringing the text back', () => {
    const state = { ...fullestState, cleared: { 'an-old-one': fullestState.startedAt } };
    const full = encodeState(state, course).data;
    const { data, omittedReflections } = encodeState(state, course, full.length - 1);
    expect(omittedReflections).toHaveLength(1);
    const back = decodeState(data, course, now);
    expect(back.ok && back.state.cleared).toEqual({ 'an-old-one': second(fullestState.startedAt) });
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
    expect(r.recovered.seen).toEqual(slideIds);
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

  it('reads format 1, which no release wrote, as an unknown version', () => {
    const r = decodeState('1~sfxk8w~~~~', course, now);
    expect(r).toMatchObject({ ok: false, error: { kind: 'unknown-version', version: '1' } });
  });
});

describe('a new version of the course reads the record an older one wrote', () => {
  // Tracking numbers are stable (src/model/tracking.ts): a slide or check keeps
  // its number when others are added, moved or removed.
  const { data } = encodeState(fullestState, course);

  it('keeps every slide, answer and reflection when slides and checks are moved and new ones added', () => {
    const next: CodecCourse = {
      slides: [{ id: 'a-new-opening', track: 32 }, ...[...course.slides].reverse()],
      checks: [{ id: 'a-new-check', track: 16, key: 'zz' }, ...[...course.checks].reverse()],
    };
    const r = decodeState(data, next, now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(new Set(r.state.seen)).toEqual(new Set(slideIds));
    expect(r.state.seen[0]).toBe(slideIds.at(-1)); // in the new course order
    expect(r.state.answers).toEqual(fullestState.answers);
    expect(r.state.reflections).toEqual(normalized(fullestState).reflections);
    expect(r.state.location).toBe(fullestState.location);
    expect(r.resetAnswers).toEqual([]);
  });

  it('forgets what belonged to a removed slide or check, and nothing else', () => {
    const next: CodecCourse = { slides: course.slides.slice(1), checks: course.checks.slice(1) };
    const r = decodeState(data, next, now);
    expect(r.ok && r.state.seen).toEqual(slideIds.slice(1));
    expect(r.ok && Object.keys(r.state.answers)).toEqual(checkIds.slice(1));
  });

  it('drops, and reports, an answer to a check whose options or key changed since: never misread', () => {
    const changed = course.checks.map((c, i) => (i === 2 ? { ...c, key: c.key === 'zz' ? 'yy' : 'zz' } : c));
    const r = decodeState(data, { ...course, checks: changed }, now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.resetAnswers).toEqual([checkIds[2]]);
    expect(Object.keys(r.state.answers)).not.toContain(checkIds[2]);
    expect(Object.keys(r.state.answers)).toHaveLength(checkIds.length - 1);
  });
});

describe('the final assessment in the record', () => {
  const { data } = encodeState(fullestState, course);

  it('keeps every attempt: seed, times, score, time spent, extensions and the latest one\'s answers', () => {
    const r = decodeState(data, course, now);
    expect(r.ok && r.state.assessment).toEqual(fullestState.assessment);
  });

  it('drops, and reports, an answer to a question whose key changed; a finished attempt keeps its score', () => {
    const changed = course.questions!.map((q, i) => (i === 0 ? { ...q, key: q.key === 'zz' ? 'yy' : 'zz' } : q));
    const r = decodeState(data, { ...course, questions: changed }, now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.resetAnswers).toEqual([course.questions![0]!.id]);
    expect(Object.keys(r.state.assessment[2]!.answers)).toHaveLength(12);
    expect(r.state.assessment[1]!.finished).toEqual(fullestState.assessment[1]!.finished);
  });

  it('reads an attempt it cannot parse as malformed, keeping everything else', () => {
    const fields = encodeState(fullestState, course).data.split('~');
    fields[6] = `${fields[6]}|not.an:attempt`;
    const body = `${fields.slice(0, -1).join('~')}~`;
    const r = decodeState(body + checksum(body), course, now);
    expect(r).toMatchObject({ ok: false, error: { kind: 'malformed', detail: 'assessment attempts' } });
    if (r.ok) return;
    expect(r.recovered.assessment).toEqual(fullestState.assessment);
    expect(r.recovered.seen).toHaveLength(slideIds.length);
  });
});

describe('a course twenty times this one', () => {
  // 780 slides, 300 practice checks, 160 reflections, a pool of 520 questions drawing 13: what
  // `npm run bench -- --scale 20` builds. Numbered in course order, as a first build numbers them.
  const key = (n: number) => (n * 37 + 11).toString(36).padStart(2, '0').slice(-2);
  const big: CodecCourse = {
    slides: Array.from({ length: 780 }, (_, track) => ({ id: `slide-${track}`, track })),
    checks: Array.from({ length: 300 }, (_, track) => ({ id: `check-${track}`, track, key: key(track) })),
    questions: Array.from({ length: 520 }, (_, track) => ({ id: `question-${track}`, track, key: key(track + 5) })),
  };
  const state = fullestStateOf({ ...big, reflectionIds: Array.from({ length: 160 }, (_, i) => `reflection-${i}`), draw: 13 });

  it('fits SCORM 1.2\'s 4,096 characters at its fullest with every seen slide and every answer; reflections that do not fit are named', () => {
    const { data, omittedReflections } = encodeState(state, big, 4096);
    const r = decodeState(data, big, now);
    console.log(`[codec] 20× course, fullest state: ${data.length} characters with ${160 - omittedReflections.length} of 160 reflections`);
    expect(data.length).toBeLessThanOrEqual(4096);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.seen).toHaveLength(780);
    expect(r.state.answers).toEqual(state.answers);
    expect(r.state.assessment).toEqual(state.assessment);
    // What stayed out is reported, so the learner is told and the device keeps it.
    expect(Object.keys(r.state.reflections).length + omittedReflections.length).toBe(160);
    expect(omittedReflections.length).toBeGreaterThan(0);
  });

  it('keeps every reflection too within SCORM 2004\'s 64,000', () => {
    const { data, omittedReflections } = encodeState(state, big, 64_000);
    expect(omittedReflections).toEqual([]);
    expect(decodeState(data, big, now)).toMatchObject({ ok: true, state: { reflections: state.reflections } });
  });
});

describe('answers, format 4', () => {
  it('keeps an attempt count of 31 and more, and 1', () => {
    const state: LearnerState = {
      ...initialState(now),
      answers: { [checkIds[0]!]: { response: '1', correct: true, attempts: 31 }, [checkIds[1]!]: { response: '', correct: false, attempts: 1000 }, [checkIds[2]!]: { response: 't', correct: false, attempts: 1 } },
    };
    expect(roundTrip(state)).toEqual(fine(normalized(state)));
  });

  it('reads answers whose count does not match the answered checks as malformed, keeping the rest', () => {
    const fields = encodeState(fullestState, course).data.split('~');
    fields[5] = fields[5]!.split(',').slice(1).join(',');
    const body = `${fields.slice(0, -1).join('~')}~`;
    const r = decodeState(body + checksum(body), course, now);
    expect(r).toMatchObject({ ok: false, error: { kind: 'malformed', detail: 'answers' } });
    if (r.ok) return;
    expect(r.recovered.seen).toHaveLength(slideIds.length);
    expect(r.recovered.reflections).toEqual(normalized(fullestState).reflections);
  });
});

describe('format 3, written before format 4', () => {
  // The fullest state as format 3 wrote it: a learner's record saved in an LMS before this release.
  const v3 = readFileSync(join(import.meta.dirname, '../../fixtures/codec/format-3-fullest-state.txt'), 'utf8').trim();

  it('is read whole, and marked for rewriting as format 4', () => {
    expect(v3.startsWith('3~')).toBe(true);
    expect(decodeState(v3, course, now)).toEqual({ ...fine(normalized(fullestState)), migrated: true });
    const rewritten = encodeState(normalized(fullestState), course).data;
    expect(rewritten.startsWith('4~')).toBe(true);
    expect(rewritten.length).toBeLessThan(v3.length);
  });

  it('drops, and reports, an answer to a check whose key changed since', () => {
    const changed = course.checks.map((c, i) => (i === 2 ? { ...c, key: c.key === 'zz' ? 'yy' : 'zz' } : c));
    const r = decodeState(v3, { ...course, checks: changed }, now);
    expect(r.ok && r.resetAnswers).toEqual([checkIds[2]]);
  });
});

describe('format 2, written by the first release', () => {
  // Written by the first release's encoder for this course: three slides seen,
  // one check answered twice, one reflection with a typographic apostrophe and a line break.
  const v2 = '2~8e2s~ssjg55~B~3~0.1.y2.c7~messages-about-growing-up.3v.Don%u2019t need anyone.%0AReally.~0ius';

  it('is read when the course that wrote it is the course, and marked for rewriting', () => {
    const r = decodeState(v2, course, now);
    expect(r).toEqual({
      ok: true,
      migrated: true,
      resetAnswers: [],
      state: {
        seen: ['introducing-rct', 'traditional-theories', 'rct-proposes'],
        location: 'rct-proposes',
        answers: { 'two-views-of-growth': { response: '1', correct: true, attempts: 2 } },
        reflections: { 'messages-about-growing-up': { text: 'Don\u2019t need anyone.\nReally.', at: '2025-03-03T08:15:00.000Z' } },
        cleared: {},
        assessment: [],
        startedAt: '2025-03-03T08:12:41.000Z',
      },
    });
    if (!r.ok) return;
    // Rewritten as format 3, it reads back the same.
    const again = decodeState(encodeState(r.state, course).data, course, now);
    expect(again.ok && again.state).toEqual(r.state);
  });

  it('keeps reflections but not slide or check positions when the course changed', () => {
    const reordered: CodecCourse = { ...course, slides: [...course.slides].reverse() };
    const r = decodeState(v2, reordered, now);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ kind: 'course-changed' });
    expect(r.recovered.seen).toEqual([]);
    expect(r.recovered.answers).toEqual({});
    expect(Object.keys(r.recovered.reflections)).toEqual(['messages-about-growing-up']);
    expect(r.recovered.startedAt).toBe('2025-03-03T08:12:41.000Z');
  });

});
