/**
 * Compact, versioned serialization of the learner state for
 * `cmi.suspend_data` (SCORM 1.2 RTE 3.4: CMIString4096, 4,096 characters;
 * SCORM 2004 4th Ed. RTE 4.2.23: characterstring, SPM 64,000) and for the
 * reader's device storage.
 *
 * Format 4, printable ASCII only, fields separated by `~`:
 *
 *     4~S~seen~loc~answered~answers~attempts~reflections~CCCC
 *
 * - `4`           format version.
 * - `S`           startedAt, whole seconds since 1970 in base 36. Reflection
 *                 times are written as seconds after it (base 36, may be signed).
 * - `seen`        bitset over the slides' tracking numbers, 6 slides per
 *                 character. A tracking number is a slide's (or check's)
 *                 stable place in modules/tracking.json: it never changes when
 *                 slides are added, moved or removed (src/model/tracking.ts),
 *                 so a new version of the course reads an old record.
 * - `loc`         tracking number of the location slide (base 36), or empty.
 * - `answered`    bitset over the checks' tracking numbers, as `seen`: which
 *                 checks have an answer.
 * - `answers`     one entry per answered check, in tracking-number order,
 *                 `,`-separated `KKFR`: the check's two-character answer key
 *                 (it changes when the check's options or key do: an answer
 *                 to an older form of the check is dropped, not misread), one
 *                 character for correct and the attempt count (`F`, a BITS
 *                 character: 32 when correct, plus the attempts up to 31;
 *                 at 31 the count follows the response as `.A`, base 36), and
 *                 the QuestionType's encoding of the response (`0-9a-z_`).
 *                 No tracking numbers and one flag character: 300 answered
 *                 checks fit SCORM 1.2's 4,096 characters with every slide
 *                 seen (format 3 wrote `T.R.KKyA`, four characters more each).
 * - `attempts`    the final assessment's attempts, `|`-separated, oldest
 *                 first: `seed.start.done.correct.total.used.ext:answers`,
 *                 base 36: the draw's seed, when it was started and handed
 *                 in (seconds after S; `done` empty while in progress), how
 *                 many of how many drawn were right (empty while in
 *                 progress), seconds spent and time extensions; then the
 *                 answers, `,`-separated `T.R.KKy` by the question's
 *                 tracking number (an attempt other than the latest keeps
 *                 only its score).
 * - `reflections` `|`-separated `id.at.text`, by id, not number, so the
 *                 learner's words survive any change. An empty text records
 *                 a clearing (so a merge with an older copy does not bring the
 *                 text back). The text is escaped into the codec's alphabet:
 *                 printable ASCII stays as is except `% ~ | " ' < > & \ ^`;
 *                 a line break is `^`; a few common characters have two-
 *                 character escapes (`%g` for ’ …, see SHORT); any other
 *                 UTF-16 unit is `%XX` (code <= 0xFF) or `%uXXXX`, so any
 *                 string, line breaks and emoji included, round-trips exactly.
 * - `CCCC`        checksum of everything before it, to catch data that an LMS
 *                 truncated or altered.
 *
 * Format 3 (`3~S~seen~loc~answers~attempts~reflections~CCCC`, answers as
 * `,`-separated `T.R.KKyA` by tracking number) is read and rewritten as
 * format 4. Format 2 (the first release) indexed slides and checks by
 * position, with a fingerprint of the course; it is read when the course is
 * the one that wrote it, and rewritten as format 4.
 *
 * Times are kept to the second. Decoding never throws: garbage, truncated
 * data or an unknown version come back as a typed error with whatever could
 * be recovered.
 */
import type { AttemptRecord } from './assessment';
import { record } from './records';
import { initialState, type AnswerRecord, type CourseOutline, type LearnerState, type ReflectionRecord } from './state';
import { fnv1a } from '../core/random';

/** What the codec needs of the course: each slide's, check's and assessment question's tracking number, and each question's answer key. */
export interface CodecCourse {
  /** Every slide, in course order. */
  readonly slides: ReadonlyArray<{ readonly id: string; readonly track: number }>;
  /** Every practice check, in course order. */
  readonly checks: ReadonlyArray<{ readonly id: string; readonly track: number; readonly key: string }>;
  /** The final assessment's pool (none without one). */
  readonly questions?: ReadonlyArray<{ readonly id: string; readonly track: number; readonly key: string }>;
}

/** What the codec needs of a course outline (a CourseModel or a page's data is one). */
export function codecCourseOf(outline: CourseOutline): CodecCourse {
  return {
    slides: outline.slides,
    checks: outline.checks.map((c) => ({ id: c.check.id, track: c.track, key: c.key })),
    questions: (outline.assessment?.questions ?? []).map((q) => ({ id: q.check.id, track: q.track, key: q.key })),
  };
}

/** The format `encodeState` writes. */
export const FORMAT_VERSION = 4;

export interface EncodeResult {
  /** The serialized state. */
  data: string;
  /**
   * Reflections left out because the whole did not fit `limit`, most
   * recently changed first. They are still in the in-memory state; the
   * runtime tells the learner and offers a download.
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
  /** Format 2 saved for a course with other slides or checks: only startedAt and reflections are kept. */
  | { kind: 'course-changed' };

export type DecodeResult =
  | {
      ok: true;
      state: LearnerState;
      /** Answers dropped because their check changed since they were given (its answer key differs). */
      resetAnswers: readonly string[];
      /** The data was in an older format: rewrite it. */
      migrated: boolean;
    }
  | { ok: false; error: DecodeError; /** A fresh state holding whatever could be read. */ recovered: LearnerState };

// ---------------------------------------------------------------------------
// The alphabet
// ---------------------------------------------------------------------------

const FIELD = '~';
const ENTRY = ',';
const PART = '.';
const REFLECTION = '|';
const ATTEMPT = '|';
const ATTEMPT_ANSWERS = ':';
const NEWLINE = '^';
/** Printable ASCII that is escaped anyway: the codec's own delimiters and characters some LMSs mangle. */
const ESCAPED = '%~|"\'<>&\\^';
/** Two-character escapes (`%` + a letter that is not a hex digit) for characters learners type often. */
const SHORT: Readonly<Record<string, string>> = {
  g: '\u2019', // ’ right single quotation mark: the apostrophe of phone keyboards
  h: '\u2018', // ‘
  i: '\u201C', // “
  j: '\u201D', // ”
  k: '\u2013', // – en dash
  l: '\u2014', // — em dash
  m: '\u2026', // … ellipsis
  n: "'",
  o: '"',
  p: '&',
  q: '\r',
};
const SHORT_FOR = new Map(Object.entries(SHORT).map(([letter, ch]) => [ch, letter]));
const BITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const RESPONSE = /^[0-9a-z_]*$/;
const KEY = /^[0-9a-z]{2}$/;
const CHECKSUM_LENGTH = 4;
/** In format 4's answer flag, this attempt count and more are written out after the response. */
const MANY_ATTEMPTS = 31;

/** A set of tracking numbers as a bitset, 6 per character. */
function bitset(tracks: ReadonlySet<number>): string {
  let out = '';
  const top = Math.max(-1, ...tracks);
  for (let i = 0; i <= top; i += 6) {
    let bits = 0;
    for (let b = 0; b < 6; b++) if (tracks.has(i + b)) bits |= 1 << b;
    out += BITS.charAt(bits);
  }
  return out;
}

/** The tracking numbers in a bitset, ascending, up to the first character that is not a BITS one (then `ok` is false). */
function readBitset(field: string): { tracks: number[]; ok: boolean } {
  const tracks: number[] = [];
  for (let c = 0; c < field.length; c++) {
    const bits = BITS.indexOf(field.charAt(c));
    if (bits < 0) return { tracks, ok: false };
    for (let b = 0; b < 6; b++) if (bits & (1 << b)) tracks.push(c * 6 + b);
  }
  return { tracks, ok: true };
}

// ---------------------------------------------------------------------------
// Encode
// ---------------------------------------------------------------------------

/**
 * Serialize `state`. When the result would be longer than `limit`, whole
 * reflections are left out, the most recently changed first (the one the
 * learner is writing, who is there to be told; never an older text they have
 * not touched), until it fits; then each one left out that fits again is put
 * back. What stays out is reported in `omittedReflections`: never cut
 * silently. Slides, answers and the location always stay; `data`
 * exceeds `limit` only when they alone do (the caller must check).
 */
export function encodeState(state: LearnerState, course: CodecCourse, limit = Infinity): EncodeResult {
  const start = seconds(state.startedAt);
  const offset = (iso: string) => (seconds(iso) - start).toString(36);

  const slideTrack = new Map(course.slides.map((s) => [s.id, s.track]));
  const seen = bitset(new Set(state.seen.flatMap((id) => slideTrack.get(id) ?? [])));

  const loc = state.location === null ? undefined : slideTrack.get(state.location);

  const answered: Array<{ track: number; entry: string }> = [];
  for (const check of course.checks) {
    const a = Object.hasOwn(state.answers, check.id) ? state.answers[check.id] : undefined;
    // A QuestionType encoding never holds a delimiter; anything else is not ours to write.
    if (!a || !RESPONSE.test(a.response) || !KEY.test(check.key)) continue;
    const attempts = Math.max(1, Math.floor(a.attempts));
    const flag = BITS.charAt((a.correct ? 32 : 0) + Math.min(attempts, MANY_ATTEMPTS));
    answered.push({ track: check.track, entry: `${check.key}${flag}${a.response}${attempts >= MANY_ATTEMPTS ? PART + attempts.toString(36) : ''}` });
  }
  answered.sort((a, b) => a.track - b.track);

  const attempts = encodeAttempts(state, course, offset);
  const head =
    [String(FORMAT_VERSION), start.toString(36), seen, loc === undefined ? '' : loc.toString(36), bitset(new Set(answered.map((a) => a.track))), answered.map((a) => a.entry).join(ENTRY), attempts].join(FIELD) +
    FIELD;

  const entries = [
    ...byId(Object.entries(state.reflections)).map(([id, r]) => ({ id, at: r.at, clearing: false, text: [escapeText(id, PART), offset(r.at), escapeText(r.text)].join(PART) })),
    ...byId(Object.entries(state.cleared)).map(([id, at]) => ({ id, at, clearing: true, text: [escapeText(id, PART), offset(at), ''].join(PART) })),
  ];
  const lengthWith = (kept: typeof entries) => head.length + kept.reduce((n, e) => n + e.text.length, 0) + Math.max(0, kept.length - 1) + 1 + CHECKSUM_LENGTH;
  const omitted: string[] = [];
  let kept = entries;
  if (lengthWith(kept) > limit) {
    // Texts newest first; clearings, which cost a few characters and keep merges right, last.
    const order = [...entries].sort((a, b) => Number(a.clearing) - Number(b.clearing) || Date.parse(b.at) - Date.parse(a.at));
    const out: typeof entries = [];
    for (const e of order) {
      kept = kept.filter((k) => k !== e);
      out.push(e);
      if (lengthWith(kept) <= limit) break;
    }
    // Put back what fits again now that a longer entry is out: the one too long is often not the newest.
    for (const e of out) {
      const back = [...kept, e];
      if (lengthWith(back) <= limit) kept = back;
      else if (!e.clearing) omitted.push(e.id);
    }
    kept = entries.filter((e) => kept.includes(e));
  }

  const body = head + kept.map((e) => e.text).join(REFLECTION) + FIELD;
  return { data: body + checksum(body), omittedReflections: omitted };
}

// ---------------------------------------------------------------------------
// Decode
// ---------------------------------------------------------------------------

/**
 * Read serialized state. `now` dates the fresh state returned when nothing
 * (or not everything) can be read.
 */
export function decodeState(data: string | null | undefined, course: CodecCourse, now: Date): DecodeResult {
  if (!data) return { ok: false, error: { kind: 'empty' }, recovered: initialState(now) };
  const version = /^(\d{1,4})~/.exec(data)?.[1];
  if (version === undefined) return fail({ kind: 'malformed', detail: 'no format version' }, initialState(now));
  if (version === '4') return decodeV4(data, course, now);
  if (version === '3') return decodeV3(data, course, now);
  if (version === '2') return decodeV2(data, course, now);
  return fail({ kind: 'unknown-version', version }, initialState(now));
}

function fail(error: DecodeError, recovered: LearnerState): DecodeResult {
  return { ok: false, error, recovered };
}

/** Split off the checksum: the body it covers, the fields, and whether it matches. */
function frame(data: string, fields: number): { parts: string[]; intact: boolean; complete: boolean } {
  const cut = data.lastIndexOf(FIELD);
  const parts = data.split(FIELD);
  const complete = parts.length === fields;
  return { parts, complete, intact: complete && data.slice(cut + 1) === checksum(data.slice(0, cut + 1)) };
}

/** A collector for the first field that does not parse. */
function problems() {
  let first: string | undefined;
  return {
    note: (p: string) => {
      first ??= p;
    },
    get first() {
      return first;
    },
  };
}

function decodeV4(data: string, course: CodecCourse, now: Date): DecodeResult {
  const { parts, intact, complete } = frame(data, 9);
  const [, start = '', seen = '', loc = '', answered = '', answers = '', attempts = '', reflections = ''] = parts;
  const p = problems();
  const base = startSeconds(start, now, p.note);
  const { seenIds, location } = readPlaces(seen, loc, course, p.note);

  const checkAt = new Map(course.checks.map((c) => [c.track, c]));
  const answerRecords = record<AnswerRecord>();
  const resetAnswers: string[] = [];
  const { tracks, ok } = readBitset(answered);
  const entries = answers === '' ? [] : answers.split(ENTRY);
  // Entries pair with the bitset's numbers in order: without all of both, none can be placed.
  if (!ok || tracks.length !== entries.length) p.note('answers');
  else
    tracks.forEach((track, i) => {
      const [head = '', more, ...extra] = (entries[i] ?? '').split(PART);
      const key = head.slice(0, 2);
      const flag = BITS.indexOf(head.charAt(2));
      const response = head.slice(3);
      const counted = flag & 31;
      // Many attempts: the count follows the response, and is at least MANY_ATTEMPTS.
      const many = counted === MANY_ATTEMPTS;
      const attempts = many ? (more !== undefined && /^[0-9a-z]{1,4}$/.test(more) ? parseInt(more, 36) : NaN) : counted;
      const wellFormed = KEY.test(key) && flag >= 0 && counted >= 1 && extra.length === 0 && RESPONSE.test(response) && (many ? attempts >= MANY_ATTEMPTS : more === undefined);
      if (!wellFormed) {
        p.note('answers');
        return;
      }
      const check = checkAt.get(track);
      if (!check) return; // a check the course has removed
      if (check.key !== key) {
        resetAnswers.push(check.id);
        return;
      }
      answerRecords[check.id] = { response, correct: flag >= 32, attempts };
    });

  const texts = readReflections(reflections, base, p.note);
  const assessment = readAttempts(attempts, course, base, p.note, resetAnswers);
  const state: LearnerState = { seen: seenIds, location, answers: answerRecords, ...texts, assessment, startedAt: new Date(base * 1000).toISOString() };
  if (!intact) return fail({ kind: 'corrupt', detail: complete ? 'checksum mismatch' : 'the data ends early (truncated)' }, state);
  if (p.first) return fail({ kind: 'malformed', detail: p.first }, state);
  return { ok: true, state, resetAnswers, migrated: false };
}

/** The seen bitset and the location (formats 3 and 4), by tracking number, seen in course order. */
function readPlaces(seen: string, loc: string, course: CodecCourse, note: (p: string) => void): { seenIds: string[]; location: string | null } {
  const slideAt = new Map(course.slides.map((s) => [s.track, s.id]));
  const { tracks, ok } = readBitset(seen);
  if (!ok) note('seen slides');
  // A number with no slide now is a slide the course has removed: nothing to show.
  const seenIds = tracks.flatMap((t) => slideAt.get(t) ?? []);
  const order = new Map(course.slides.map((s, i) => [s.id, i]));
  seenIds.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  let location: string | null = null;
  if (loc !== '') {
    if (/^[0-9a-z]{1,4}$/.test(loc)) location = slideAt.get(parseInt(loc, 36)) ?? null;
    else note('location');
  }
  return { seenIds, location };
}

/** Format 3: answers as `,`-separated `T.R.KKyA` by tracking number; read and rewritten as format 4. */
function decodeV3(data: string, course: CodecCourse, now: Date): DecodeResult {
  const { parts, intact, complete } = frame(data, 8);
  const [, start = '', seen = '', loc = '', answers = '', attempts = '', reflections = ''] = parts;
  const p = problems();
  const base = startSeconds(start, now, p.note);
  const { seenIds, location } = readPlaces(seen, loc, course, p.note);
  const checkAt = new Map(course.checks.map((c) => [c.track, c]));

  const answerRecords = record<AnswerRecord>();
  const resetAnswers: string[] = [];
  for (const entry of answers === '' ? [] : answers.split(ENTRY)) {
    const [track = '', response = '', flags = '', ...extra] = entry.split(PART);
    const m = /^([0-9a-z]{2})([yn])([0-9a-z]{1,4})$/.exec(flags);
    const attempts = m ? parseInt(m[3] ?? '', 36) : 0;
    if (!/^[0-9a-z]{1,4}$/.test(track) || extra.length > 0 || !RESPONSE.test(response) || !m || attempts < 1) {
      p.note('answers');
      continue;
    }
    const check = checkAt.get(parseInt(track, 36));
    if (!check) continue; // a check the course has removed
    if (check.key !== m[1]) {
      resetAnswers.push(check.id);
      continue;
    }
    answerRecords[check.id] = { response, correct: m[2] === 'y', attempts };
  }

  const texts = readReflections(reflections, base, p.note);
  const assessment = readAttempts(attempts, course, base, p.note, resetAnswers);
  const state: LearnerState = { seen: seenIds, location, answers: answerRecords, ...texts, assessment, startedAt: new Date(base * 1000).toISOString() };
  if (!intact) return fail({ kind: 'corrupt', detail: complete ? 'checksum mismatch' : 'the data ends early (truncated)' }, state);
  if (p.first) return fail({ kind: 'malformed', detail: p.first }, state);
  return { ok: true, state, resetAnswers, migrated: true };
}

/**
 * Format 2: `2~FFFF~S~seen~loc~answers~reflections~CCCC`, slides and checks
 * by their position in the course and `FFFF` a fingerprint of the two id
 * lists; answers `index.response.flagsattempts.time`. Read by position only
 * when the fingerprint says this course wrote it.
 */
function decodeV2(data: string, course: CodecCourse, now: Date): DecodeResult {
  const { parts, intact, complete } = frame(data, 8);
  const [, print = '', start = '', seen = '', loc = '', answers = '', reflections = ''] = parts;
  const p = problems();
  const base = startSeconds(start, now, p.note);
  const slideIds = course.slides.map((s) => s.id);
  const checkIds = course.checks.map((c) => c.id);
  const sameCourse = print === fingerprintV2(slideIds, checkIds);

  const seenIds: string[] = [];
  let location: string | null = null;
  const answerRecords = record<AnswerRecord>();
  if (sameCourse) {
    for (let c = 0; c < seen.length; c++) {
      const bits = BITS.indexOf(seen.charAt(c));
      if (bits < 0) {
        p.note('seen slides');
        break;
      }
      for (let b = 0; b < 6; b++) {
        if (!(bits & (1 << b))) continue;
        const id = slideIds[c * 6 + b];
        if (id === undefined) p.note('seen slides');
        else seenIds.push(id);
      }
    }
    if (loc !== '') {
      const id = /^[0-9a-z]{1,4}$/.test(loc) ? slideIds[parseInt(loc, 36)] : undefined;
      if (id === undefined) p.note('location');
      else location = id;
    }
    for (const entry of answers === '' ? [] : answers.split(ENTRY)) {
      const [index = '', response = '', flags = '', time = '', ...extra] = entry.split(PART);
      const id = /^[0-9a-z]{1,4}$/.test(index) ? checkIds[parseInt(index, 36)] : undefined;
      const attempts = /^[yn][0-9a-z]{1,4}$/.test(flags) ? parseInt(flags.slice(1), 36) : 0;
      if (id === undefined || extra.length > 0 || !RESPONSE.test(response) || attempts < 1 || !/^-?[0-9a-z]{1,9}$/.test(time)) {
        p.note('answers');
        continue;
      }
      answerRecords[id] = { response, correct: flags.startsWith('y'), attempts };
    }
  }

  const texts = readReflections(reflections, base, p.note, { v2: true });
  const state: LearnerState = { seen: seenIds, location, answers: answerRecords, ...texts, assessment: [], startedAt: new Date(base * 1000).toISOString() };
  if (!intact) return fail({ kind: 'corrupt', detail: complete ? 'checksum mismatch' : 'the data ends early (truncated)' }, state);
  if (!sameCourse) return fail({ kind: 'course-changed' }, state);
  if (p.first) return fail({ kind: 'malformed', detail: p.first }, state);
  return { ok: true, state, resetAnswers: [], migrated: true };
}

/** The assessment attempts field. */
function encodeAttempts(state: LearnerState, course: CodecCourse, offset: (iso: string) => string): string {
  const questions = new Map((course.questions ?? []).map((q) => [q.id, q]));
  const b36 = (n: number) => Math.max(0, Math.floor(n)).toString(36);
  return state.assessment
    .map((a) => {
      const head = [
        b36(a.seed),
        offset(a.startedAt),
        a.finished ? offset(a.finished.at) : '',
        a.finished ? b36(a.finished.correct) : '',
        a.finished ? b36(a.finished.total) : '',
        b36(a.usedSeconds),
        b36(a.extensions),
      ].join(PART);
      const answers = byId(Object.entries(a.answers)).flatMap(([id, answer]) => {
        const q = questions.get(id);
        // A question the course no longer has, or a response not in a QuestionType's alphabet: not ours to write.
        if (!q || !RESPONSE.test(answer.response) || !KEY.test(q.key)) return [];
        return [[q.track.toString(36), answer.response, `${q.key}${answer.correct ? 'y' : 'n'}`].join(PART)];
      });
      return `${head}${ATTEMPT_ANSWERS}${answers.join(ENTRY)}`;
    })
    .join(ATTEMPT);
}

/** Read the attempts field; an answer to a question whose key changed is dropped and named in `reset`. */
function readAttempts(field: string, course: CodecCourse, base: number, note: (p: string) => void, reset: string[]): AttemptRecord[] {
  const at = new Map((course.questions ?? []).map((q) => [q.track, q]));
  const num = (t: string) => (/^[0-9a-z]{1,9}$/.test(t) ? parseInt(t, 36) : NaN);
  const when = (t: string) => (/^-?[0-9a-z]{1,9}$/.test(t) ? new Date((base + parseInt(t, 36)) * 1000).toISOString() : null);
  const attempts: AttemptRecord[] = [];
  for (const entry of field === '' ? [] : field.split(ATTEMPT)) {
    const [head = '', list = '', ...extra] = entry.split(ATTEMPT_ANSWERS);
    const [seed = '', started = '', done = '', correct = '', total = '', used = '', ext = '', ...more] = head.split(PART);
    const startedAt = when(started);
    const finishedAt = done === '' ? null : when(done);
    const counts = done === '' ? null : { correct: num(correct), total: num(total) };
    if (extra.length > 0 || more.length > 0 || Number.isNaN(num(seed)) || !startedAt || (done !== '' && !finishedAt) || Number.isNaN(num(used)) || Number.isNaN(num(ext)) || (counts && (Number.isNaN(counts.correct) || Number.isNaN(counts.total) || counts.correct > counts.total))) {
      note('assessment attempts');
      continue;
    }
    const answers = record<{ response: string; correct: boolean }>();
    for (const a of list === '' ? [] : list.split(ENTRY)) {
      const [track = '', response = '', flags = '', ...rest] = a.split(PART);
      const m = /^([0-9a-z]{2})([yn])$/.exec(flags);
      if (!m || rest.length > 0 || !RESPONSE.test(response) || Number.isNaN(num(track))) {
        note('assessment answers');
        continue;
      }
      const q = at.get(num(track));
      if (!q) continue; // a question the course has removed
      if (q.key !== m[1]) {
        reset.push(q.id);
        continue;
      }
      answers[q.id] = { response, correct: m[2] === 'y' };
    }
    attempts.push({
      seed: num(seed),
      startedAt,
      answers,
      usedSeconds: num(used),
      extensions: num(ext),
      finished: counts && finishedAt ? { at: finishedAt, correct: counts.correct, total: counts.total } : null,
    });
  }
  return attempts;
}

function startSeconds(field: string, now: Date, note: (p: string) => void): number {
  const s = /^[0-9a-z]{1,9}$/.test(field) ? parseInt(field, 36) : NaN;
  if (!Number.isNaN(s)) return s;
  note('startedAt');
  return Math.floor(now.getTime() / 1000);
}

/** The reflections field: texts and clearings, each kept when it parses. */
function readReflections(
  field: string,
  base: number,
  note: (p: string) => void,
  options: { v2?: boolean } = {},
): { reflections: Record<string, ReflectionRecord>; cleared: Record<string, string> } {
  const reflections = record<ReflectionRecord>();
  const cleared = record<string>();
  const unescape = options.v2 ? unescapeV2 : unescapeText;
  for (const entry of field === '' ? [] : field.split(REFLECTION)) {
    const dot1 = entry.indexOf(PART);
    const dot2 = entry.indexOf(PART, dot1 + 1);
    const id = dot1 > 0 ? unescape(entry.slice(0, dot1)) : null;
    const offset = dot2 > dot1 ? entry.slice(dot1 + 1, dot2) : '';
    const when = /^-?[0-9a-z]{1,9}$/.test(offset) ? new Date((base + parseInt(offset, 36)) * 1000).toISOString() : null;
    const text = dot2 > dot1 ? unescape(entry.slice(dot2 + 1)) : null;
    if (id === null || when === null || text === null || (options.v2 && text === '')) {
      note('reflections');
      continue;
    }
    if (text === '') cleared[id] = when;
    else reflections[id] = { text, at: when };
  }
  return { reflections, cleared };
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
    if (ch === '\n') out += NEWLINE;
    else if (code >= 0x20 && code <= 0x7e && !ESCAPED.includes(ch) && !extra.includes(ch)) out += ch;
    else if (SHORT_FOR.has(ch)) out += `%${SHORT_FOR.get(ch)}`;
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
    if (ch === NEWLINE) {
      out += '\n';
      continue;
    }
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const next = escaped.charAt(i + 1);
    const short = Object.hasOwn(SHORT, next) ? SHORT[next] : undefined;
    if (short !== undefined) {
      out += short;
      i += 1;
      continue;
    }
    const wide = next === 'u';
    const hex = wide ? escaped.slice(i + 2, i + 6) : escaped.slice(i + 1, i + 3);
    if (!(wide ? /^[0-9A-F]{4}$/ : /^[0-9A-F]{2}$/).test(hex)) return null;
    out += String.fromCharCode(parseInt(hex, 16));
    i += wide ? 5 : 2;
  }
  return out;
}

/** Format 2's escaping: `%XX` and `%uXXXX` only. */
function unescapeV2(escaped: string): string | null {
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

function short(hash: number): string {
  return (hash % 36 ** 4).toString(36).padStart(4, '0');
}

/** Format 2's fingerprint of the course's slide and check id lists. */
export function fingerprintV2(slideIds: readonly string[], checkIds: readonly string[]): string {
  return short(fnv1a(slideIds.join(',') + '/' + checkIds.join(',')));
}

export function checksum(body: string): string {
  return short(fnv1a(body));
}

/** Entries sorted by id, so equal states encode alike (merging compares encodings). */
function byId<T>(list: Array<[string, T]>): Array<[string, T]> {
  return list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whole seconds since 1970 of an ISO time; 0 for an unreadable one. */
function seconds(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}
