/**
 * The live answers' messages, between the presenter's deck, the server on
 * the presenter's machine (src/cli/live/) and the audience's phones
 * (runtime/main.ts), all JSON over one WebSocket each. Pure and
 * browser-safe: the server checks every message with these guards.
 *
 * The deck is the source of truth: it tells the server which slide is up
 * and which question it asks (the `AudiencePoll` its PollFrame wrote into
 * data-audience at build time), and when the answer is shown (voting
 * closes). The server counts answers, one per device per question, and
 * sends the presenter raw counts by answer; the deck turns them into the
 * tally on the slide. Nothing is stored: the counts live as long as the
 * server runs.
 */

/** Where the phone page opens the socket, relative to the page (a relative URL: nothing root-absolute). */
export const SOCKET_PATH = 'live';
/** The phone page, from the site root (written by this mode: pages/audience.astro). */
export const AUDIENCE_PAGE = 'audience.html';

/** How a question is answered: one choice, several, a choice for each statement, or every choice in order. */
export type PollKind = 'one' | 'many' | 'match' | 'order';

export interface AudiencePoll {
  /** The check's id. */
  id: string;
  kind: PollKind;
  prompt: string;
  /** How the room answers, as the deck says it. */
  instruction: string;
  /** The lettered choices (matching: the categories; ordering: the items in their shown order). */
  choices: Array<{ key: string; text: string }>;
  /** Matching: the numbered statements, each answered with a choice's key. */
  items?: Array<{ key: string; text: string }>;
}

/** What is on the screen, for the phones to follow along. */
export interface FollowAlong {
  title: string;
  /** The slide's visible text, paragraph by paragraph (answers not yet revealed are left out). */
  text: string[];
}

/** An answer: choice keys (one; several, sorted; one per statement, in statement order; all, in the chosen order). */
export type Answer = string[];

export type ToServer =
  | { t: 'hello'; role: 'presenter'; key: string }
  | { t: 'hello'; role: 'audience'; room: string; device: string }
  | { t: 'slide'; slide: FollowAlong | null; poll: AudiencePoll | null; open: boolean }
  | { t: 'vote'; poll: string; answer: Answer };

export type VoteResult = 'accepted' | 'duplicate' | 'closed' | 'invalid';

export type ToClient =
  | { t: 'welcome'; role: 'presenter'; room: string; audienceUrl: string; /** What the slides show to type (the QR code carries audienceUrl). */ audienceText: string; qrSvg: string }
  | { t: 'welcome'; role: 'audience' }
  | { t: 'refused'; reason: 'room' | 'key' | 'protocol' | 'full' }
  | { t: 'state'; slide: FollowAlong | null; poll: AudiencePoll | null; open: boolean; answered: boolean }
  | { t: 'vote-result'; poll: string; result: VoteResult }
  | { t: 'tally'; poll: string; total: number; counts: Record<string, number> }
  | { t: 'audience'; connected: number };

/** The key the server counts an answer under: "A", "A,C", "A|B|A", "C>A>B". */
export function answerKey(kind: PollKind, answer: Answer): string {
  return answer.join(kind === 'match' ? '|' : kind === 'order' ? '>' : ',');
}

/** The answer back from its key. */
export function answerFromKey(kind: PollKind, key: string): Answer {
  return key === '' ? [] : key.split(kind === 'match' ? '|' : kind === 'order' ? '>' : ',');
}

/** True when `answer` is a complete, well-formed answer to `poll`. */
export function isValidAnswer(poll: AudiencePoll, answer: unknown): answer is Answer {
  if (!Array.isArray(answer) || !answer.every((a) => typeof a === 'string')) return false;
  const keys = poll.choices.map((c) => c.key);
  const known = (a: string) => keys.includes(a);
  switch (poll.kind) {
    case 'one':
      return answer.length === 1 && known(answer[0] as string);
    case 'many':
      return answer.length >= 1 && answer.every(known) && new Set(answer).size === answer.length && answer.join() === [...answer].sort().join();
    case 'match':
      return answer.length === (poll.items?.length ?? -1) && answer.every(known);
    case 'order':
      return answer.length === keys.length && answer.every(known) && new Set(answer).size === keys.length;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max;
const isKeyed = (v: unknown): v is Array<{ key: string; text: string }> =>
  Array.isArray(v) && v.length <= 26 && v.every((c) => isObject(c) && isString(c.key, 4) && isString(c.text));

/** True when `v` is a question a deck may ask (what the server relays to phones, checked). */
export function isAudiencePoll(v: unknown): v is AudiencePoll {
  return (
    isObject(v) &&
    isString(v.id, 200) &&
    ['one', 'many', 'match', 'order'].includes(v.kind as string) &&
    isString(v.prompt) &&
    isString(v.instruction) &&
    isKeyed(v.choices) &&
    (v.items === undefined || isKeyed(v.items))
  );
}

function isFollowAlong(v: unknown): v is FollowAlong {
  return isObject(v) && isString(v.title) && Array.isArray(v.text) && v.text.length <= 60 && v.text.every((p) => isString(p));
}

/** A message from a client, or null when it is not one the protocol knows. */
export function parseToServer(raw: string): ToServer | null {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(v)) return null;
  switch (v.t) {
    case 'hello':
      if (v.role === 'presenter' && isString(v.key, 100)) return { t: 'hello', role: 'presenter', key: v.key };
      if (v.role === 'audience' && isString(v.room, 20) && isString(v.device, 100)) return { t: 'hello', role: 'audience', room: v.room, device: v.device };
      return null;
    case 'slide':
      if ((v.slide === null || isFollowAlong(v.slide)) && (v.poll === null || isAudiencePoll(v.poll)) && typeof v.open === 'boolean')
        return { t: 'slide', slide: v.slide, poll: v.poll, open: v.open };
      return null;
    case 'vote':
      if (isString(v.poll, 200) && Array.isArray(v.answer) && v.answer.length <= 26) return { t: 'vote', poll: v.poll, answer: v.answer as Answer };
      return null;
    default:
      return null;
  }
}

/** Room codes: letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L). */
export const ROOM_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_LENGTH = 4;

/** A room code typed on a phone, tidied: upper case, no spaces. */
export const normalizeRoom = (code: string) => code.replace(/\s+/g, '').toUpperCase();
