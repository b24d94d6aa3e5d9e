/**
 * One live session's state: its room code, the presenter's key, what the
 * deck shows now, and the answers, counted once per question per device.
 * Pure (no sockets, no clock): the server (server.ts) feeds it messages.
 * Nothing here outlives the process, and nothing names a person: a device
 * is a random id its browser made up, kept only to refuse a second answer.
 */
import { randomInt, randomBytes } from 'node:crypto';
import {
  answerKey,
  isValidAnswer,
  normalizeRoom,
  ROOM_ALPHABET,
  ROOM_LENGTH,
  type Answer,
  type AudiencePoll,
  type FollowAlong,
  type VoteResult,
} from '../../modes/audience/protocol.ts';

/** A fresh room code: short enough to read off a slide, random per run. */
export function newRoomCode(random: (max: number) => number = randomInt): string {
  return Array.from({ length: ROOM_LENGTH }, () => ROOM_ALPHABET[random(ROOM_ALPHABET.length)]).join('');
}

/** The presenter's secret: in the deck URL the command prints, never on a slide. */
export const newPresenterKey = () => randomBytes(16).toString('hex');

export interface Shown {
  slide: FollowAlong | null;
  poll: AudiencePoll | null;
  /** False once the deck shows the answer: the question takes no more answers. */
  open: boolean;
}

export interface Tally {
  poll: string;
  total: number;
  /** Devices per answer key (protocol.ts answerKey). */
  counts: Record<string, number>;
}

export class Room {
  readonly code: string;
  readonly presenterKey: string;
  shown: Shown = { slide: null, poll: null, open: false };
  /** Per question: device id → answer key. */
  private readonly answers = new Map<string, Map<string, string>>();

  constructor(code: string = newRoomCode(), presenterKey: string = newPresenterKey()) {
    this.code = code;
    this.presenterKey = presenterKey;
  }

  /** Does a phone's typed code open this room? */
  admits(code: string): boolean {
    return normalizeRoom(code) === this.code;
  }

  /** What the deck shows now; returns true when the question on screen changed. */
  show(next: Shown): boolean {
    const changed = next.poll?.id !== this.shown.poll?.id;
    this.shown = next;
    return changed;
  }

  hasAnswered(pollId: string, device: string): boolean {
    return this.answers.get(pollId)?.has(device) ?? false;
  }

  /**
   * One device's answer to the question on screen. `alreadyOnThisConnection`
   * says the same socket answered it before (under another device id: a
   * phone that cleared its storage without reloading is still one phone).
   */
  vote(device: string, pollId: string, answer: Answer, alreadyOnThisConnection = false): VoteResult {
    const poll = this.shown.poll;
    if (!poll || poll.id !== pollId || !this.shown.open) return 'closed';
    if (!isValidAnswer(poll, answer)) return 'invalid';
    const byDevice = this.answers.get(pollId) ?? new Map<string, string>();
    if (alreadyOnThisConnection || byDevice.has(device)) return 'duplicate';
    byDevice.set(device, answerKey(poll.kind, answer));
    this.answers.set(pollId, byDevice);
    return 'accepted';
  }

  tally(pollId: string): Tally {
    const counts: Record<string, number> = {};
    const byDevice = this.answers.get(pollId);
    for (const key of byDevice?.values() ?? []) counts[key] = (counts[key] ?? 0) + 1;
    return { poll: pollId, total: byDevice?.size ?? 0, counts };
  }
}
