/**
 * The cmi5 launch parameters (§8.1): five name/value pairs the LMS appends
 * to the AU's URL, in any order (§8.1 "The AU MUST have the ability to
 * process the query string launch parameters in any order"), each value
 * URL-encoded. Pure: the launch page hands over its `location.search`.
 *
 * A launch is a cmi5 launch exactly when all five are there and well formed;
 * anything less is not one (the launch page then tries other standards, or
 * runs standalone and says so), so the adapter never starts half-configured.
 */

/** An xAPI Agent identified by an account (§9.2: the LMS's actor has an `account`). */
export interface Agent {
  objectType?: 'Agent';
  name?: string;
  account?: { homePage: string; name: string };
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
}

export interface LaunchParameters {
  /** §8.1.1: the Base Endpoint of every xAPI request, ending in `/`. */
  endpoint: string;
  /** §8.1.2: the one-time URL the auth token is POSTed for (§8.2). */
  fetch: string;
  /** §8.1.3: the learner, as the LMS names them: used wherever xAPI wants an actor or agent. */
  actor: Agent;
  /** §8.1.4: the enrolment (a UUID), in every request that takes a registration. */
  registration: string;
  /** §8.1.5: the AU's activity id, the object of every cmi5 defined statement. */
  activityId: string;
}

export type LaunchParseResult = { ok: true; launch: LaunchParameters } | { ok: false; missing: string[]; invalid: string[] };

const NAMES = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

/** A UUID as xAPI writes them (RFC 4122 text form, any version). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An absolute IRI: a scheme, a colon, then anything but spaces (§3.0: IRIs are fully qualified). */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** The URL as the LMS wrote it when absolute (a one-time fetch URL is used exactly as given), else resolved against `base`. */
function parseUrl(value: string, base: string | undefined): string | null {
  try {
    new URL(value);
    return value;
  } catch {
    try {
      return base ? new URL(value, base).href : null;
    } catch {
      return null;
    }
  }
}

function parseAgent(value: string): Agent | null {
  try {
    const agent: unknown = JSON.parse(value);
    if (typeof agent !== 'object' || agent === null || Array.isArray(agent)) return null;
    const a = agent as Record<string, unknown>;
    if (a.objectType !== undefined && a.objectType !== 'Agent') return null;
    const account = a.account as Record<string, unknown> | undefined;
    const hasAccount = typeof account === 'object' && account !== null && typeof account.homePage === 'string' && typeof account.name === 'string';
    // §9.2: the actor MUST contain an account; an inverse functional identifier of another kind is still an Agent xAPI accepts.
    if (!hasAccount && typeof a.mbox !== 'string' && typeof a.mbox_sha1sum !== 'string' && typeof a.openid !== 'string') return null;
    return agent as Agent;
  } catch {
    return null;
  }
}

/**
 * The launch parameters in `search` (a query string, with or without `?`),
 * or which are missing or malformed. `base` resolves a relative endpoint or
 * fetch URL (the launch page's URL); LMSs send absolute ones.
 */
export function parseLaunchParameters(search: string, base?: string): LaunchParseResult {
  const query = new URLSearchParams(search);
  const raw = Object.fromEntries(NAMES.map((n) => [n, query.get(n)])) as Record<(typeof NAMES)[number], string | null>;
  const missing = NAMES.filter((n) => raw[n] === null || raw[n] === '');
  if (missing.length > 0) return { ok: false, missing, invalid: [] };

  const endpoint = parseUrl(raw.endpoint!, base);
  const fetch = parseUrl(raw.fetch!, base);
  const actor = parseAgent(raw.actor!);
  const registration = UUID.test(raw.registration!) ? raw.registration! : null;
  const activityId = IRI.test(raw.activityId!) ? raw.activityId! : null;
  const invalid = [
    ...(endpoint ? [] : ['endpoint']),
    ...(fetch ? [] : ['fetch']),
    ...(actor ? [] : ['actor']),
    ...(registration ? [] : ['registration']),
    ...(activityId ? [] : ['activityId']),
  ];
  if (invalid.length > 0 || !endpoint || !fetch || !actor || !registration || !activityId) return { ok: false, missing: [], invalid };
  // Resources are resolved against the endpoint (xAPI "Base Endpoint"): it must end in a slash.
  return { ok: true, launch: { endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, fetch, actor, registration, activityId } };
}

/** The query string of a launch URL for `launch` (what an LMS appends; §8.1). Used by the local LRS and the tests. */
export function launchQuery(launch: LaunchParameters): string {
  const q = new URLSearchParams();
  q.set('endpoint', launch.endpoint);
  q.set('fetch', launch.fetch);
  q.set('actor', JSON.stringify(launch.actor));
  q.set('registration', launch.registration);
  q.set('activityId', launch.activityId);
  return q.toString();
}
