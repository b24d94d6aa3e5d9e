/**
 * A small xAPI 1.0.3 client for the AU: the auth token from the fetch URL
 * (cmi5 §8.2), the State API, the Agent Profile API and the Statement API,
 * over `fetch`. Written here rather than taken from a library: the AU needs
 * five requests, and `@xapi/cmi5` brings axios (about 30 KB gzipped, more
 * than the whole launch page) and cannot send a request with `keepalive`,
 * which is what lets the last statements outlive a closing tab.
 *
 * Never throws: every call answers with an outcome.
 */
import type { Agent } from './launch';
import type { Statement } from './statements';
import { XAPI_VERSION } from './vocabulary';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type Reply<T> = { ok: true; status: number; body: T } | { ok: false; status: number | null; error: string };

/** Bodies above this are sent without `keepalive`: browsers refuse keepalive requests past 64 KiB in flight (Fetch standard, "keepalive"). */
export const KEEPALIVE_LIMIT = 60_000;

export interface SendOptions {
  /** Let the request outlive the page (pagehide, hidden): used for what must reach the LMS when the learner leaves. */
  keepalive?: boolean;
}

/** A request's answer, its JSON body read when there is one. */
async function answer<T>(response: Response): Promise<Reply<T>> {
  const text = await response.text();
  if (!response.ok) return { ok: false, status: response.status, error: `HTTP ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}` };
  if (text === '') return { ok: true, status: response.status, body: null as T };
  try {
    return { ok: true, status: response.status, body: JSON.parse(text) as T };
  } catch {
    return { ok: true, status: response.status, body: text as T };
  }
}

async function request<T>(doFetch: Fetch, url: string, init: RequestInit, options: SendOptions = {}): Promise<Reply<T>> {
  const size = typeof init.body === 'string' ? new TextEncoder().encode(init.body).length : 0;
  const keepalive = options.keepalive === true && size <= KEEPALIVE_LIMIT;
  try {
    return await answer<T>(await doFetch(url, { ...init, keepalive }));
  } catch (e) {
    // A keepalive request over the browser's quota (others in flight) is refused outright: try once as an ordinary request.
    if (keepalive) {
      try {
        return await answer<T>(await doFetch(url, init));
      } catch {
        /* reported below */
      }
    }
    return { ok: false, status: null, error: `network: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * POST the fetch URL for the auth token (§8.2.1: POST, never GET; the
 * answer is 200 with `auth-token`, or 200 with `error-code` and
 * `error-text`, §8.2.3).
 */
export async function fetchAuthToken(doFetch: Fetch, fetchUrl: string): Promise<{ ok: true; token: string } | { ok: false; error: string }> {
  const reply = await request<Record<string, unknown>>(doFetch, fetchUrl, { method: 'POST', headers: { Accept: 'application/json' } });
  if (!reply.ok) return { ok: false, error: `the fetch URL answered ${reply.error}` };
  const body = reply.body;
  if (typeof body === 'object' && body !== null && typeof body['auth-token'] === 'string' && body['auth-token'] !== '') {
    return { ok: true, token: body['auth-token'] };
  }
  const code = typeof body === 'object' && body !== null ? body['error-code'] : undefined;
  const text = typeof body === 'object' && body !== null ? body['error-text'] : undefined;
  return { ok: false, error: `the fetch URL gave no auth-token (cmi5 §8.2.3 error-code ${String(code ?? '?')}: ${String(text ?? 'no error text')})` };
}

/** Where a State API document lives (xAPI 1.0.3 "State Resource"; cmi5 §10.1). */
export interface StateAddress {
  activityId: string;
  agent: Agent;
  registration: string;
  stateId: string;
}

export interface StatementQuery {
  agent: Agent;
  verb: string;
  activity: string;
  registration: string;
  limit?: number;
}

export interface XapiClient {
  /** The document, or `null` when there is none (404). */
  getState<T>(at: StateAddress): Promise<Reply<T | null>>;
  putState(at: StateAddress, document: unknown, options?: SendOptions): Promise<Reply<null>>;
  /** The profile document, or `null` when there is none (404). */
  getAgentProfile<T>(agent: Agent, profileId: string): Promise<Reply<T | null>>;
  queryStatements(query: StatementQuery): Promise<Reply<{ statements: Statement[] }>>;
  postStatements(statements: readonly Statement[], options?: SendOptions): Promise<Reply<string[] | null>>;
}

/** The client of one session: every request to `endpoint` with the auth token (§8.2.1: RFC 1945 §11.1 Basic). */
export function createXapiClient(options: { endpoint: string; token: string; fetch: Fetch }): XapiClient {
  const { endpoint, token } = options;
  const doFetch = options.fetch;
  const headers = (json: boolean): Record<string, string> => ({
    Authorization: `Basic ${token}`,
    'X-Experience-API-Version': XAPI_VERSION,
    ...(json ? { 'Content-Type': 'application/json' } : {}),
  });
  const url = (resource: string, params: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
    return `${endpoint}${resource}?${q.toString()}`;
  };
  const stateUrl = (at: StateAddress) =>
    url('activities/state', { activityId: at.activityId, agent: JSON.stringify(at.agent), registration: at.registration, stateId: at.stateId });
  /** 404 is "no document" (xAPI 1.0.3 "Document Resources"), not a failure. */
  const orNull = <T>(reply: Reply<T>): Reply<T | null> => (!reply.ok && reply.status === 404 ? { ok: true, status: 404, body: null } : reply);

  return {
    async getState<T>(at: StateAddress) {
      return orNull(await request<T>(doFetch, stateUrl(at), { method: 'GET', headers: headers(false) }));
    },
    putState(at, document, sendOptions) {
      return request<null>(doFetch, stateUrl(at), { method: 'PUT', headers: headers(true), body: JSON.stringify(document) }, sendOptions);
    },
    async getAgentProfile<T>(agent: Agent, profileId: string) {
      return orNull(await request<T>(doFetch, url('agents/profile', { agent: JSON.stringify(agent), profileId }), { method: 'GET', headers: headers(false) }));
    },
    queryStatements(query) {
      const params = { agent: JSON.stringify(query.agent), verb: query.verb, activity: query.activity, registration: query.registration, limit: query.limit };
      return request<{ statements: Statement[] }>(doFetch, url('statements', params), { method: 'GET', headers: headers(false) });
    },
    postStatements(statements, sendOptions) {
      return request<string[] | null>(doFetch, `${endpoint}statements`, { method: 'POST', headers: headers(true), body: JSON.stringify(statements) }, sendOptions);
    },
  };
}
