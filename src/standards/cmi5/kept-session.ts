/**
 * What one cmi5 session keeps in the tab's sessionStorage: the auth token
 * and which statements it has sent. The fetch URL is "one-time use" (§8.2.1:
 * the AU SHOULD NOT retrieve the token more than once; §8.2.3.1: a second
 * request gets an error), so a reload of the launch page must find the token
 * here rather than ask again; and the session's once-only rules (§9.3: one
 * "initialized", nothing after "terminated") must survive the reload too.
 * Keyed by the fetch URL, which names the session. Storage that is missing
 * or refuses keeps nothing: the launch then works until the page reloads.
 */
import type { VerbHistory } from './rules';

/** The part of the Web Storage API used. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface KeptSession {
  token: string;
  /** When "initialized" was sent (ms since the epoch): the session's duration counts from it (§9.5.4.1). */
  initializedAt: number | null;
  /** Time spent in the registration's earlier sessions, as read at this session's start: a reload must not count this one twice. */
  priorElapsedMs: number;
  session: VerbHistory['session'];
}

export interface SessionSlot {
  read(): KeptSession | null;
  write(kept: KeptSession): void;
}

const isKept = (v: unknown): v is KeptSession => {
  if (typeof v !== 'object' || v === null) return false;
  const k = v as Record<string, unknown>;
  const s = k.session as Record<string, unknown> | undefined;
  return (
    typeof k.token === 'string' &&
    (k.initializedAt === null || typeof k.initializedAt === 'number') &&
    typeof k.priorElapsedMs === 'number' &&
    typeof s === 'object' &&
    s !== null &&
    typeof s.initialized === 'boolean' &&
    typeof s.terminated === 'boolean' &&
    typeof s.completed === 'boolean' &&
    (s.judged === null || s.judged === 'passed' || s.judged === 'failed')
  );
};

export function sessionSlot(storage: StorageLike | null, fetchUrl: string): SessionSlot {
  const key = `cmi5:session:${fetchUrl}`;
  return {
    read() {
      try {
        const raw = storage?.getItem(key);
        const parsed: unknown = raw ? JSON.parse(raw) : null;
        return isKept(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    write(kept) {
      try {
        storage?.setItem(key, JSON.stringify(kept));
      } catch {
        /* storage refused: the session goes on, a reload will not find it */
      }
    },
  };
}
