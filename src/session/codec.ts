/**
 * Compact, versioned serialization of the learner state for
 * `cmi.suspend_data` (SCORM 1.2 RTE 3.4: CMIString4096, 4,096 characters;
 * SCORM 2004 4th Ed. RTE 4.2.23: characterstring, SPM 64,000) and for
 * the reader's device storage.
 *
 * Format 2, printable ASCII only, fields separated by `~`:
 *
 *     2~FFFF~S~seen~loc~answers~reflections~CCCC
 *
 * - `2`           format version.
 * - `FFFF`        fingerprint of the course's slide and check id lists: slides
 *                 and checks are written as indexes into those lists, so data
 *                 from a differently ordered course must not be read by index.
 * - `S`           startedAt, whole seconds since 1970 in base 36. Every other
 *                 time is written as seconds after it (base 36, may be signed).
 * - `seen`        bitset over the slides in course order, 6 slides per character.
 * - `loc`         index of the location slide (base 36), or empty.
 * - `answers`     `,`-separated `check.response.flags.at`: check index (base 36),
 *                 the QuestionType's encoding (`0-9a-z_`), `y`/`n` (correct)
 *                 followed by the attempt count (base 36), and the time.
 * - `reflections` `|`-separated `id.at.text`. Reflections are written by id,
 *                 not index, so the learner's words survive a course change.
 *                 The text is escaped: printable ASCII stays as is except
 *                 `% ~ | " ' < > & \`; those and every other UTF-16 unit
 *                 become `%XX` (code <= 0xFF) or `%uXXXX`, so any string,
 *                 line breaks and emoji included, round-trips exactly.
 * - `CCCC`        checksum of everything before it, to catch data that an LMS
 *                 truncated or altered.
 *
 * Times are kept to the second. Decoding never throws: garbage, truncated
 * data, an unknown version or a changed course come back as a typed error
 * with whatever could be recovered.
 */
import { checkIdsOf, initialState, slideIdsOf } from './state';
import type { AnswerRecord, CourseOutline, LearnerState, ReflectionRecord } from './state';

/** The course lists slides and checks are indexed against. */
export interface CodecCourse {
  /** Every slide id, in course order. */
  readonly slideIds: readonly string[];
  /** Every check id, in course order. */
  readonly checkIds: readonly string[];
}

export function codecCourseOf(outline: CourseOutline): CodecCourse {
  return { slideIds: slideIdsOf(outline), checkIds: checkIdsOf(outline) };
}

/** The format `encodeState` writes. */
export const FORMAT_VERSION = 2;

export interface EncodeResult {
  /** The serialized state. */
  data: string;
  /**
   * Reflections left out because the whole did not fit `limit`, in state
   * order. They are still in the in-memory state; the runtime tells the
   * learner and offers a download.
   */
  omittedReflections: string[];
}

export type DecodeError =
  /** Nothing was stored: a first launch. */
  | { kind: 'empty' }
  /** Written by a newer (or unknown) format. */
  | { kind: 'unknown-version'; version: string }
  /** Not this codec's data, or a field that does not parse. */
  | { kind: 'malformed'; detail: string }
  /** The checksum does not match: the data was truncated or altered. */
  | { kind: 'corrupt'; detail: string }
  /** Saved for a course with other slides or checks: only startedAt and reflections are kept. */
  | { kind: 'course-changed' };

export type DecodeResult =
  | { ok: true; state: LearnerState }
  | { ok: false; error: DecodeError; /** A fresh state holding whatever could be read. */ recovered: LearnerState };

// ---------------------------------------------------------------------------
// Encode
// ---------------------------------------------------------------------------

const FIELD = '~';
const ENTRY = ',';
const PART = '.';
const REFLECTION = '|';
/** Printable ASCII that is escaped anyway: the codec's own delimiters and characters some LMSs mangle. */
const ESCAPED = '%~|"\'<>&\\';
const BITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const RESPONSE = /^[0-9a-z_]*$/;
const CHECKSUM_LENGTH = 4;

/**
 * Serialize `state`. When the result would be longer than `limit`, whole
 * reflections are left out, longest first, until it fits, and reported in
 * `omittedReflections`: never cut silently. Slides, answers and the location
 * always stay; `data` exceeds `limit` only when they alone do (the caller
 * must check `data.length`).
 */
export function encodeState(state: LearnerState, course: CodecCourse, limit = Infinity): EncodeResult {
  const start = seconds(state.startedAt);
  const offset = (iso: string) => (seconds(iso) - start).toString(36);

  const seenIndexes = new Set(state.seen.map((id) => course.slideIds.indexOf(id)).filter((i) => i >= 0));
  let seen = '';
  for (let i = 0; i < course.slideIds.length; i += 6) {
    let bits = 0;
    for (let b = 0; b < 6; b++) if (seenIndexes.has(i + b)) bits |= 1 << b;
    seen += BITS.charAt(bits);
  }
  seen = seen.replace(/0+$/, '');

  const loc = state.location === null ? -1 : course.slideIds.indexOf(state.location);

  const answers: string[] = [];
  course.checkIds.forEach((id, i) => {
    const a = Object.hasOwn(state.answers, id) ? state.answers[id] : undefined;
    // A QuestionType encoding never holds a delimiter; anything else is not ours to write.
    if (!a || !RESPONSE.test(a.response)) return;
    const attempts = Math.max(1, Math.floor(a.attempts));
    answers.push([i.toString(36), a.response, (a.correct ? 'y' : 'n') + attempts.toString(36), offset(a.at)].join(PART));
  });

  const head =
    [String(FORMAT_VERSION), fingerprint(course), start.toString(36), seen, loc >= 0 ? loc.toString(36) : '', answers.join(ENTRY)].join(FIELD) +
    FIELD;

  const entries = Object.entries(state.reflections).map(([id, r]) => ({
    id,
    text: [escapeText(id, PART), offset(r.at), escapeText(r.text)].join(PART),
  }));
  const omitted = new Set<string>();
  const lengthWith = (kept: typeof entries) =>
    head.length + kept.reduce((n, e) => n + e.text.length, 0) + Math.max(0, kept.length - 1) + 1 + CHECKSUM_LENGTH;
  let kept = entries;
  if (lengthWith(kept) > limit) {
    for (const e of [...entries].sort((a, b) => b.text.length - a.text.length)) {
      omitted.add(e.id);
      kept = entries.filter((k) => !omitted.has(k.id));
      if (lengthWith(kept) <= limit) break;
    }
  }

  const body = head + kept.map((e) => e.text).join(REFLECTION) + FIELD;
  return { data: body + checksum(body), omittedReflections: entries.filter((e) => omitted.has(e.id)).map((e) => e.id) };
}

// ---------------------------------------------------------------------------
// Decode
// ---------------------------------------------------------------------------

/** The fields once the header is taken off. */
interface Fields {
  start: string;
  seen: string;
  loc: string;
  answers: string;
  reflections: string;
}

/**
 * Read serialized state. `now` dates the fresh state returned when nothing
 * (or not everything) can be read.
 */
export function decodeState(data: string | null | undefined, course: CodecCourse, now: Date): DecodeResult {
  if (!data) return { ok: false, error: { kind: 'empty' }, recovered: initialState(now) };
  const version = /^(\d{1,4})~/.exec(data)?.[1];
  if (version === undefined) return fail({ kind: 'malformed', detail: 'no format version' }, initialState(now));
  if (version === '2') return decodeV2(data, course, now);
  return fail({ kind: 'unknown-version', version }, initialState(now));
}

function decodeV2(data: string, course: CodecCourse, now: Date): DecodeResult {
  const cut = data.lastIndexOf(FIELD);
  const body = data.slice(0, cut + 1);
  const parts = data.split(FIELD);
  const [, print = '', start = '', seen = '', loc = '', answers = '', reflections = ''] = parts;
  const fields = { start, seen, loc, answers, reflections };
  const intact = parts.length === 8 && data.slice(cut + 1) === checksum(body);
  const sameCourse = print === fingerprint(course);

  if (!intact) {
    const { state } = readFields(fields, course, now, sameCourse);
    const detail = parts.length < 8 ? 'the data ends early (truncated)' : 'checksum mismatch';
    return fail({ kind: 'corrupt', detail }, state);
  }
  const { state, problem } = readFields(fields, course, now, sameCourse);
  if (!sameCourse) return fail({ kind: 'course-changed' }, state);
  if (problem) return fail({ kind: 'malformed', detail: problem }, state);
  return { ok: true, state };
}

function fail(error: DecodeError, recovered: LearnerState): DecodeResult {
  return { ok: false, error, recovered };
}

/**
 * Read each field on its own, keeping what parses. Slides, location and
 * answers are read only when the indexes refer to this course (`byIndex`).
 * `problem` names the first field that did not parse.
 */
function readFields(f: Fields, course: CodecCourse, now: Date, byIndex: boolean): { state: LearnerState; problem?: string } {
  let problem: string | undefined;
  const note = (p: string) => {
    problem ??= p;
  };

  const startSeconds = /^[0-9a-z]{1,9}$/.test(f.start) ? parseInt(f.start, 36) : NaN;
  if (Number.isNaN(startSeconds)) note('startedAt');
  const base = Number.isNaN(startSeconds) ? Math.floor(now.getTime() / 1000) : startSeconds;
  const at = (offset: string): string | null =>
    /^-?[0-9a-z]{1,9}$/.test(offset) ? new Date((base + parseInt(offset, 36)) * 1000).toISOString() : null;

  const seen: string[] = [];
  let location: string | null = null;
  const answers: Record<string, AnswerRecord> = {};
  if (byIndex) {
    for (let c = 0; c < f.seen.length; c++) {
      const bits = BITS.indexOf(f.seen.charAt(c));
      if (bits < 0) {
        note('seen slides');
        break;
      }
      for (let b = 0; b < 6; b++) {
        if (!(bits & (1 << b))) continue;
        const id = course.slideIds[c * 6 + b];
        if (id === undefined) note('seen slides');
        else seen.push(id);
      }
    }

    if (f.loc !== '') {
      const id = /^[0-9a-z]{1,4}$/.test(f.loc) ? course.slideIds[parseInt(f.loc, 36)] : undefined;
      if (id === undefined) note('location');
      else location = id;
    }

    for (const entry of f.answers === '' ? [] : f.answers.split(ENTRY)) {
      const [index = '', response = '', flags = '', time = '', ...extra] = entry.split(PART);
      const id = /^[0-9a-z]{1,4}$/.test(index) ? course.checkIds[parseInt(index, 36)] : undefined;
      const attempts = /^[yn][0-9a-z]{1,4}$/.test(flags) ? parseInt(flags.slice(1), 36) : 0;
      const when = at(time);
      if (id === undefined || extra.length > 0 || !RESPONSE.test(response) || attempts < 1 || when === null) {
        note('answers');
        continue;
      }
      answers[id] = { response, correct: flags.startsWith('y'), attempts, at: when };
    }
  }

  const reflections: Record<string, ReflectionRecord> = {};
  for (const entry of f.reflections === '' ? [] : f.reflections.split(REFLECTION)) {
    const dot1 = entry.indexOf(PART);
    const dot2 = entry.indexOf(PART, dot1 + 1);
    const id = dot1 > 0 ? unescapeText(entry.slice(0, dot1)) : null;
    const when = dot2 > dot1 ? at(entry.slice(dot1 + 1, dot2)) : null;
    const text = dot2 > dot1 ? unescapeText(entry.slice(dot2 + 1)) : null;
    if (id === null || when === null || text === null || text === '') {
      note('reflections');
      continue;
    }
    reflections[id] = { text, at: when };
  }

  const state: LearnerState = {
    seen,
    location,
    answers,
    reflections,
    startedAt: new Date(base * 1000).toISOString(),
  };
  return problem === undefined ? { state } : { state, problem };
}

// ---------------------------------------------------------------------------
// Helpers (exported for tests)
// ---------------------------------------------------------------------------

/** Escape text into the codec's printable-ASCII alphabet; `extra` lists more characters to escape. */
export function escapeText(text: string, extra = ''): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text.charAt(i);
    if (code >= 0x20 && code <= 0x7e && !ESCAPED.includes(ch) && !extra.includes(ch)) out += ch;
    else if (code <= 0xff) out += '%' + code.toString(16).toUpperCase().padStart(2, '0');
    // One UTF-16 unit at a time: astral characters (emoji) become two, lone surrogates survive.
    else out += '%u' + code.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** Reverse `escapeText`, or null when an escape is malformed. */
export function unescapeText(escaped: string): string | null {
  let out = '';
  for (let i = 0; i < escaped.length; i++) {
    const ch = escaped.charAt(i);
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const wide = escaped.charAt(i + 1) === 'u';
    const hex = wide ? escaped.slice(i + 2, i + 6) : escaped.slice(i + 1, i + 3);
    if (!(wide ? /^[0-9A-F]{4}$/ : /^[0-9A-F]{2}$/).test(hex)) return null;
    out += String.fromCharCode(parseInt(hex, 16));
    i += wide ? 5 : 2;
  }
  return out;
}

/** FNV-1a, 32 bits, over UTF-16 units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function short(hash: number): string {
  return (hash % 36 ** 4).toString(36).padStart(4, '0');
}

/** Four base-36 characters that change when the course's slide or check lists do. */
export function fingerprint(course: CodecCourse): string {
  return short(fnv1a(course.slideIds.join(',') + '/' + course.checkIds.join(',')));
}

function checksum(body: string): string {
  return short(fnv1a(body));
}

/** Whole seconds since 1970 of an ISO time; 0 for an unreadable one. */
function seconds(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}
