/**
 * A small LMS-and-LRS for cmi5, in memory, for the tests and for trying the
 * course by hand (src/cli/preview-cmi5.ts). The LMS side: launch the AU as
 * cmi5 says (§8.1 launch URL, §8.2 one-time fetch URL, §10 LMS.LaunchData,
 * §11 the learner's preferences, a "launched" statement §9.3.1, "abandoned"
 * for a session relaunched before it terminated §9.3.6). The LRS side: the
 * xAPI resources an AU uses (statements, state, agent and activity
 * profiles), each request checked against the session's token, actor and
 * registration, and every statement judged by the LMS-side rules (judge.ts)
 * before it is stored: a batch with one refused statement stores nothing.
 *
 * No HTTP here (http.ts serves this); no persistence: a restart forgets all.
 */
import { randomUUID } from 'node:crypto';
import type { Agent } from '../../standards/cmi5/launch.ts';
import { launchQuery } from '../../standards/cmi5/launch.ts';
import { CATEGORIES, CONTEXT_EXTENSIONS, LAUNCH_DATA_STATE_ID, PREFERENCES_PROFILE_ID, VERBS, type LaunchMode, type MoveOn } from '../../standards/cmi5/vocabulary.ts';
import { judgeStatement, sameJson, type SessionFacts } from './judge.ts';

export type Json = Record<string, unknown>;

/** What an LMS administrator chooses for one launch. */
export interface LaunchRequest {
  /** The AU as the course structure gives it (course-structure.ts). */
  au: { id: string; moveOn: MoveOn; masteryScore: number | null; launchParameters: string | null };
  /** The AU's URL, absolute, as the learner's browser will open it (the course structure's url resolved where the LMS serves the package). */
  auUrl: string;
  /** The learner; a fixed account by default. */
  actor?: Agent;
  /** An earlier launch's registration to go on with; a new one otherwise (§9.6.1). */
  registration?: string;
  launchMode?: LaunchMode;
  returnUrl?: string;
  /** The learner's preferences document (§11), when they have one. */
  preferences?: { languagePreference?: string; audioPreference?: 'on' | 'off' };
  /** A mastery score other than the course structure's (§10.2.4 "MAY be different"). */
  masteryScore?: number | null;
}

export interface Launched {
  /** The URL the learner's browser opens: the AU's URL and the launch parameters (§8.1). */
  url: string;
  registration: string;
  sessionId: string;
  activityId: string;
  fetchUrl: string;
}

/** One request the AU made, for tests and the preview's log. */
export interface RequestRecord {
  sessionId: string | null;
  method: string;
  resource: string;
  status: number;
  at: string;
}

export interface StoredStatement {
  statement: Json;
  sessionId: string | null;
  /** When the LRS stored it (xAPI `stored`). */
  stored: string;
}

export interface Rejection {
  sessionId: string | null;
  requirement: string;
  reason: string;
  statement: unknown;
  at: string;
}

interface Session {
  id: string;
  registration: string;
  activityId: string;
  actor: Agent;
  launchMode: LaunchMode;
  masteryScore: number | null;
  template: SessionFacts['template'];
  fetchKey: string;
  token: string;
  tokenIssued: boolean;
  preferencesRead: boolean;
  verbs: Set<string>;
  terminated: boolean;
  abandoned: boolean;
  launchedAt: number;
  lastStatementAt: number;
}

export interface LrsOptions {
  /** The public URL of the xAPI endpoint, ending in `/` (e.g. http://127.0.0.1:4700/lrs/xapi/). */
  endpoint: string;
  /** The public URL prefix of fetch URLs (e.g. http://127.0.0.1:4700/lrs/fetch/). */
  fetchBase: string;
  now?: () => Date;
}

export type XapiAnswer = { status: number; body?: unknown; contentType?: string };

const DEFAULT_ACTOR: Agent = { objectType: 'Agent', name: 'Preview Learner', account: { homePage: 'http://127.0.0.1/lms', name: 'learner-1' } };

const actorKey = (agent: unknown) => JSON.stringify(agent, Object.keys((agent ?? {}) as object).sort());
const docKey = (...parts: string[]) => parts.join('\u0000');
const parseJson = (text: string | null): unknown => {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export function createLrs(options: LrsOptions) {
  const now = options.now ?? (() => new Date());
  const sessions = new Map<string, Session>();
  const byToken = new Map<string, Session>();
  const byFetchKey = new Map<string, Session>();
  const statements: StoredStatement[] = [];
  const ids = new Map<string, StoredStatement>();
  const documents = new Map<string, { body: string; contentType: string }>();
  const rejections: Rejection[] = [];
  const requests: RequestRecord[] = [];
  /** Per registration and AU: the cmi5 defined verbs stored. */
  const registrationVerbs = new Map<string, Set<string>>();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };

  const stamp = () => now().toISOString();
  const regKey = (registration: string, activityId: string) => docKey(registration, activityId);
  const verbsOf = (registration: string, activityId: string) => {
    const key = regKey(registration, activityId);
    let set = registrationVerbs.get(key);
    if (!set) registrationVerbs.set(key, (set = new Set()));
    return set;
  };

  function store(statement: Json, sessionId: string | null) {
    const entry = { statement: { ...statement, stored: stamp() }, sessionId, stored: stamp() };
    statements.push(entry);
    ids.set(String(statement.id), entry);
  }

  /** A statement the LMS makes itself (launched, abandoned): the template's context, the cmi5 category. */
  function lmsStatement(session: Session, verb: string, extras: { result?: Json; extensions?: Json } = {}): Json {
    return {
      id: randomUUID(),
      actor: session.actor,
      verb: { id: verb, display: { 'en-US': verb.slice(verb.lastIndexOf('/') + 1) } },
      object: { objectType: 'Activity', id: session.activityId },
      ...(extras.result ? { result: extras.result } : {}),
      context: {
        registration: session.registration,
        contextActivities: { ...session.template.contextActivities, category: [{ id: CATEGORIES.cmi5 }] },
        extensions: { ...session.template.extensions, ...extras.extensions },
      },
      timestamp: stamp(),
    };
  }

  /**
   * Launch the AU: a new session (§9.6.3.1 session id), LMS.LaunchData
   * written (§10), the learner's preferences (§11), "launched" (§9.3.1),
   * and the launch URL with its parameters (§8.1). A session of the same
   * registration still open is abandoned first (§9.3.6).
   */
  function launch(request: LaunchRequest): Launched {
    const registration = request.registration ?? randomUUID();
    const actor = request.actor ?? DEFAULT_ACTOR;
    // §8.1.5: an LMS-made activity id, the same on every launch of this AU, never the publisher's id.
    const activityId = `${options.endpoint}activities/${encodeURIComponent(request.au.id)}`;
    for (const open of sessions.values()) {
      if (open.registration === registration && open.activityId === activityId && !open.terminated && !open.abandoned) {
        open.abandoned = true;
        // §9.5.4.2: the duration is from "launched" to the AU's last statement.
        const ms = Math.max(0, open.lastStatementAt - open.launchedAt);
        store(lmsStatement(open, VERBS.abandoned, { result: { duration: `PT${(ms / 1000).toFixed(2)}S` } }), open.id);
      }
    }
    const masteryScore = request.masteryScore === undefined ? request.au.masteryScore : request.masteryScore;
    const launchMode = request.launchMode ?? 'Normal';
    const session: Session = {
      id: randomUUID(),
      registration,
      activityId,
      actor,
      launchMode,
      masteryScore,
      // §10.2.1: the session id in the extensions, the publisher's id in the grouping (§9.6.2.3).
      template: { contextActivities: { grouping: [{ id: request.au.id }] }, extensions: { [CONTEXT_EXTENSIONS.sessionId]: '' } },
      fetchKey: randomUUID(),
      token: Buffer.from(`${randomUUID()}:${randomUUID()}`).toString('base64'),
      tokenIssued: false,
      preferencesRead: false,
      verbs: new Set(),
      terminated: false,
      abandoned: false,
      launchedAt: now().getTime(),
      lastStatementAt: now().getTime(),
    };
    session.template.extensions = { [CONTEXT_EXTENSIONS.sessionId]: session.id };
    sessions.set(session.id, session);
    byToken.set(session.token, session);
    byFetchKey.set(session.fetchKey, session);

    const launchData: Json = {
      contextTemplate: session.template,
      launchMode,
      moveOn: request.au.moveOn,
      ...(masteryScore !== null ? { masteryScore } : {}),
      ...(request.au.launchParameters !== null ? { launchParameters: request.au.launchParameters } : {}),
      ...(request.returnUrl ? { returnURL: request.returnUrl } : {}),
    };
    documents.set(docKey('state', activityId, actorKey(actor), registration, LAUNCH_DATA_STATE_ID), { body: JSON.stringify(launchData), contentType: 'application/json' });
    if (request.preferences) documents.set(docKey('agent-profile', actorKey(actor), PREFERENCES_PROFILE_ID), { body: JSON.stringify(request.preferences), contentType: 'application/json' });

    const fetchUrl = `${options.fetchBase}${session.fetchKey}`;
    // §9.6.3.3–9.6.3.7: what the "launched" statement carries.
    store(
      lmsStatement(session, VERBS.launched, {
        extensions: {
          [CONTEXT_EXTENSIONS.launchMode]: launchMode,
          [CONTEXT_EXTENSIONS.launchUrl]: request.auUrl,
          [CONTEXT_EXTENSIONS.moveOn]: request.au.moveOn,
          ...(masteryScore !== null ? { [CONTEXT_EXTENSIONS.masteryScore]: masteryScore } : {}),
          ...(request.au.launchParameters !== null ? { [CONTEXT_EXTENSIONS.launchParameters]: request.au.launchParameters } : {}),
        },
      }),
      session.id,
    );
    changed();
    const params = launchQuery({ endpoint: options.endpoint, fetch: fetchUrl, actor, registration, activityId });
    const url = `${request.auUrl}${request.auUrl.includes('?') ? '&' : '?'}${params}`;
    return { url, registration, sessionId: session.id, activityId, fetchUrl };
  }

  /** §8.2: the token once (200 with `auth-token`), then an error (200 with `error-code` 1, §8.2.3.1). */
  function fetchToken(key: string, method: string): XapiAnswer {
    const session = byFetchKey.get(key) ?? null;
    const answer = (body: Json): XapiAnswer => {
      requests.push({ sessionId: session?.id ?? null, method, resource: 'fetch', status: 200, at: stamp() });
      changed();
      return { status: 200, body };
    };
    if (method !== 'POST') {
      requests.push({ sessionId: session?.id ?? null, method, resource: 'fetch', status: 405, at: stamp() });
      return { status: 405, body: { error: 'the fetch URL takes POST (cmi5 §8.2.1)' } };
    }
    if (!session) return answer({ 'error-code': '2', 'error-text': 'No such launch.' });
    if (session.tokenIssued || session.terminated || session.abandoned) return answer({ 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
    session.tokenIssued = true;
    return answer({ 'auth-token': session.token });
  }

  function facts(session: Session): SessionFacts {
    return {
      sessionId: session.id,
      registration: session.registration,
      activityId: session.activityId,
      actor: session.actor as Json,
      launchMode: session.launchMode,
      masteryScore: session.masteryScore,
      template: session.template,
      preferencesRead: session.preferencesRead,
      verbs: session.verbs,
      terminated: session.terminated,
      abandoned: session.abandoned,
      registrationVerbs: verbsOf(session.registration, session.activityId),
    };
  }

  /** Judge and store a batch: all or nothing (xAPI 1.0.3 "Statement Resource": a batch is stored whole or not at all). */
  function postStatements(session: Session, body: unknown): XapiAnswer {
    const list = Array.isArray(body) ? body : [body];
    const provisional = { ...facts(session), verbs: new Set(session.verbs), registrationVerbs: new Set(verbsOf(session.registration, session.activityId)) };
    const accept: Json[] = [];
    const seen = new Set<string>();
    for (const statement of list) {
      const id = typeof (statement as Json)?.id === 'string' ? String((statement as Json).id) : '';
      if (seen.has(id)) return refuse(session, '4.2.0.0-1', 'two statements with one id in a batch', statement, 400);
      seen.add(id);
      // A statement the LRS holds already is not stored again: the same one is fine, another under its id is a conflict.
      const held = ids.get(id);
      if (held) {
        const { stored: _stored, ...mine } = held.statement;
        if (!sameJson(mine, statement)) return refuse(session, '4.2.0.0-1', `statement ${id} differs from the one stored under its id`, statement, 409);
        continue;
      }
      const verdict = judgeStatement(statement, provisional);
      if (!verdict.ok) return refuse(session, verdict.requirement, verdict.reason, statement, 400);
      const verb = String(((statement as Json).verb as Json).id);
      if (verdict.defined) {
        provisional.verbs.add(verb);
        provisional.registrationVerbs.add(verb);
      }
      if (verdict.defined && verb === VERBS.terminated) provisional.terminated = true;
      accept.push(statement as Json);
    }
    for (const statement of accept) {
      store(statement, session.id);
      const verb = String((statement.verb as Json).id);
      const defined = categoriesOf(statement).includes(CATEGORIES.cmi5);
      if (defined) {
        session.verbs.add(verb);
        verbsOf(session.registration, session.activityId).add(verb);
        if (verb === VERBS.terminated) session.terminated = true;
      }
      session.lastStatementAt = now().getTime();
    }
    changed();
    return { status: 200, body: list.map((s) => (s as Json).id) };
  }

  function refuse(session: Session, requirement: string, reason: string, statement: unknown, status: number): XapiAnswer {
    rejections.push({ sessionId: session.id, requirement, reason, statement, at: stamp() });
    changed();
    return { status, body: { error: reason, requirement } };
  }

  /** GET statements: by id, or filtered by agent, verb, activity and registration, oldest first unless asked otherwise. */
  function getStatements(query: URLSearchParams): XapiAnswer {
    const id = query.get('statementId');
    if (id) {
      const found = ids.get(id);
      return found ? { status: 200, body: found.statement } : { status: 404 };
    }
    const agent = parseJson(query.get('agent'));
    const verb = query.get('verb');
    const activity = query.get('activity');
    const registration = query.get('registration');
    const limit = Number(query.get('limit') ?? 0) || Infinity;
    const ascending = query.get('ascending') === 'true';
    let found = statements
      .map((s) => s.statement)
      .filter((s) => (agent === undefined || actorKey(s.actor) === actorKey(agent)) && (!verb || (s.verb as Json).id === verb) && (!activity || (s.object as Json).id === activity))
      .filter((s) => !registration || (s.context as Json | undefined)?.registration === registration);
    if (!ascending) found = found.reverse();
    return { status: 200, body: { statements: found.slice(0, limit), more: '' } };
  }

  /** A State or Agent Profile document request, checked against the session (8.1.3.0-3 (d), 8.1.4.0-3 (d), 10.2.1.0-5 (d)). */
  function document(session: Session, resource: 'state' | 'agent-profile' | 'activity-profile', method: string, query: URLSearchParams, body: string | null, contentType: string): XapiAnswer {
    let key: string;
    if (resource === 'state') {
      const agent = parseJson(query.get('agent'));
      if (!sameJson(agent, session.actor)) return refuseRequest(session, '8.1.3.0-3 (d)', 'the agent is not the launch\'s actor', 403);
      if (query.get('activityId') !== session.activityId) return refuseRequest(session, '10.1.0.0-3', 'the activityId is not the launch\'s', 403);
      const registration = query.get('registration');
      if (registration !== null && registration !== session.registration) return refuseRequest(session, '8.1.4.0-3 (d)', 'the registration is not the launch\'s', 403);
      const stateId = query.get('stateId');
      if (!stateId) return { status: 400, body: { error: 'stateId is required' } };
      if (stateId === LAUNCH_DATA_STATE_ID && method !== 'GET') return refuseRequest(session, '10.2.1.0-5 (d)', 'LMS.LaunchData is read-only for the AU', 403);
      key = docKey('state', session.activityId, actorKey(session.actor), registration ?? '', stateId);
    } else if (resource === 'agent-profile') {
      if (!sameJson(parseJson(query.get('agent')), session.actor)) return refuseRequest(session, '11.0.0.0-1 (d)', 'the agent is not the launch\'s actor', 403);
      const profileId = query.get('profileId');
      if (!profileId) return { status: 400, body: { error: 'profileId is required' } };
      if (profileId === PREFERENCES_PROFILE_ID && method === 'GET') session.preferencesRead = true;
      key = docKey('agent-profile', actorKey(session.actor), profileId);
    } else {
      const activityId = query.get('activityId');
      const profileId = query.get('profileId');
      if (!activityId || !profileId) return { status: 400, body: { error: 'activityId and profileId are required' } };
      key = docKey('activity-profile', activityId, profileId);
    }
    switch (method) {
      case 'GET': {
        const doc = documents.get(key);
        return doc ? { status: 200, body: doc.body, contentType: doc.contentType } : { status: 404 };
      }
      case 'PUT':
      case 'POST': {
        if (body === null) return { status: 400, body: { error: 'no document' } };
        const json = contentType.startsWith('application/json');
        const parsed = json ? parseJson(body) : undefined;
        if (json && parsed === undefined) return { status: 400, body: { error: 'the document is not JSON' } };
        // POST merges JSON objects (xAPI 1.0.3 "JSON Procedure with Requirements"); PUT replaces.
        const before = method === 'POST' ? parseJson(documents.get(key)?.body ?? null) : undefined;
        const merged = method === 'POST' && typeof before === 'object' && before !== null && typeof parsed === 'object' ? JSON.stringify({ ...before, ...(parsed as Json) }) : body;
        documents.set(key, { body: merged, contentType: json ? 'application/json' : contentType });
        return { status: 204 };
      }
      case 'DELETE':
        documents.delete(key);
        return { status: 204 };
      default:
        return { status: 405 };
    }
  }

  function refuseRequest(session: Session, requirement: string, reason: string, status: number): XapiAnswer {
    rejections.push({ sessionId: session.id, requirement, reason, statement: null, at: stamp() });
    changed();
    return { status, body: { error: reason, requirement } };
  }

  /**
   * One xAPI request. `resource` is the path below the endpoint
   * (`statements`, `activities/state`, …). The session is found by the
   * token (§8.2.1: Basic, the auth-token as credentials); none or a wrong
   * one is 401 (8.1.2.0-5 (d)).
   */
  function xapi(method: string, resource: string, query: URLSearchParams, headers: { authorization?: string; version?: string; contentType?: string }, body: string | null): XapiAnswer {
    if (resource === 'about' && method === 'GET') return { status: 200, body: { version: ['1.0.3'] } };
    const token = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    const session = token ? byToken.get(token) : undefined;
    const answer = (a: XapiAnswer): XapiAnswer => {
      requests.push({ sessionId: session?.id ?? null, method, resource, status: a.status, at: stamp() });
      changed();
      return a;
    };
    if (!session || !session.tokenIssued) return answer({ status: 401, body: { error: 'no valid auth token (cmi5 §8.2.1)', requirement: '8.1.2.0-5 (d)' } });
    if (!headers.version?.startsWith('1.0')) return answer({ status: 400, body: { error: 'X-Experience-API-Version 1.0.x is required (xAPI 1.0.3)' } });
    switch (resource) {
      case 'statements':
        if (method === 'GET') return answer(getStatements(query));
        if (method === 'POST') {
          const parsed = parseJson(body);
          return answer(parsed === undefined ? { status: 400, body: { error: 'not JSON' } } : postStatements(session, parsed));
        }
        if (method === 'PUT') {
          const parsed = parseJson(body) as Json | undefined;
          if (!parsed || parsed.id !== query.get('statementId')) return answer({ status: 400, body: { error: 'statementId and the statement id differ' } });
          const r = postStatements(session, parsed);
          return answer(r.status === 200 ? { status: 204 } : r);
        }
        return answer({ status: 405 });
      case 'activities/state':
        return answer(document(session, 'state', method, query, body, headers.contentType ?? ''));
      case 'agents/profile':
        return answer(document(session, 'agent-profile', method, query, body, headers.contentType ?? ''));
      case 'activities/profile':
        return answer(document(session, 'activity-profile', method, query, body, headers.contentType ?? ''));
      default:
        return answer({ status: 404, body: { error: `no resource ${resource}` } });
    }
  }

  return {
    launch,
    fetchToken,
    xapi,
    /** Every statement stored, in the order it arrived. */
    statements: (): readonly StoredStatement[] => statements,
    /** Every statement or request refused, with the requirement it broke. */
    rejections: (): readonly Rejection[] => rejections,
    /** Every request the AU made. */
    requests: (): readonly RequestRecord[] => requests,
    /** A State API document as stored (parsed when JSON), for tests. */
    stateDocument(launched: Pick<Launched, 'activityId' | 'registration'>, stateId: string, actor: Agent = DEFAULT_ACTOR): unknown {
      const doc = documents.get(docKey('state', launched.activityId, actorKey(actor), launched.registration, stateId));
      return doc ? (doc.contentType.startsWith('application/json') ? parseJson(doc.body) : doc.body) : undefined;
    },
    /** Call `listener` after each change (the preview's live log). */
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type Lrs = ReturnType<typeof createLrs>;

function categoriesOf(statement: Json): string[] {
  const ca = ((statement.context as Json | undefined)?.contextActivities ?? {}) as Json;
  return Array.isArray(ca.category) ? (ca.category as Json[]).map((a) => String(a.id)) : [];
}
