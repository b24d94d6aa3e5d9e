/**
 * The LmsAdapter for cmi5 (AICC cmi5 "Quartz"): the AU's side of a launch,
 * over xAPI 1.0.3. Section numbers are the cmi5 specification's.
 *
 * - start(): the auth token (POSTed once, kept in the tab: §8.2, kept-session.ts),
 *   then LMS.LaunchData (§10) and the learner's preferences (§11.0 "MUST
 *   retrieve ... on startup"), the AU's own record (State API) and what the
 *   registration already holds, all read before the first statement; then
 *   "initialized" (§7.1.1, §9.3.2).
 * - the set calls (bookmark, state, interactions, status, score) queue what
 *   they change and answer at once; commit() sends it: the statements in one
 *   POST and the record document (the codec's string, the bookmark, the time
 *   spent) in one PUT, side by side, with keepalive. What fails stays queued
 *   and goes with the next commit.
 * - status: "completed" once per registration (§9.3.3), "passed" or "failed"
 *   with the score, the duration and the masteryscore extension (§9.3.4,
 *   §9.3.5, §9.5, §9.6.3.2), once per session and never "failed" after
 *   "passed" (§9.3); none of them in Browse or Review (§10.2.2).
 * - finish(): whatever is still unsent and "terminated" (§9.3.8, its duration
 *   §9.5.4.1) in one POST, and the record, both with `keepalive` so closing the
 *   tab loses nothing.
 */
import type { InteractionRecord } from '../../questions/interaction';
import type { LaunchData, LmsAdapter, Outcome, Score, StartResult, StoredRecord } from '../contract';
import type { Logger } from '../log';
import { createXapiClient, fetchAuthToken, type Fetch, type Reply, type StateAddress, type XapiClient } from './client';
import { sessionSlot, type KeptSession, type StorageLike } from './kept-session';
import type { LaunchParameters } from './launch';
import { readLaunchData, readPreferences, type Cmi5LaunchData, type LearnerPreferences } from './launch-data';
import { after, consistentWithMastery, newHistory, permits, type Next, type VerbHistory } from './rules';
import { definedStatement, interactionStatement, xapiScore, type DefinedEvent, type Statement, type StatementScope } from './statements';
import { LAUNCH_DATA_STATE_ID, PREFERENCES_PROFILE_ID, VERBS } from './vocabulary';

/** The State API holds documents whole; nothing cuts them. A bound all the same, as every adapter has one. */
export const CMI5_STATE_LIMIT = 1_000_000;

/** The AU's own State API document: the learner's record between sessions of one registration. */
export interface RecordDocument {
  v: 1;
  /** The learner state, the session codec's string (src/session/codec.ts). */
  state: string | null;
  location: string | null;
  /** Time spent in earlier sessions and this one so far: the durations of "completed" and "passed" count it (§9.5.4.1). */
  elapsedMs: number;
  /** What this AU has had the LMS accept in the registration: a fallback where the LMS will not let the AU read statements. */
  reported: { completed: boolean; passed: boolean; failed: boolean; score: Score | null };
}

export interface Cmi5AdapterOptions {
  launch: LaunchParameters;
  /** Namespace of the checks' and reflections' activity ids (`urn:<course>:check:<id>`): the course id. */
  idNamespace: string;
  /** Where the token and the session's marks survive a reload: the tab's sessionStorage. */
  storage: StorageLike | null;
  fetch: Fetch;
  now?: () => Date;
  /** Statement ids (§9.1: UUIDs). */
  newId?: () => string;
  /** Given, never defaulted here: the launch page has the console logger already, and this chunk imports nothing it shares. */
  logger: Logger;
}

/** The adapter, and what tests and the launch page may read of the launch once started. */
export interface Cmi5Adapter extends LmsAdapter {
  /** LMS.LaunchData as read at start, or null before. */
  launchData(): Cmi5LaunchData | null;
  preferences(): LearnerPreferences | null;
}

/** The AU's record document's id in the State API (per activity, agent and registration, so per course launch). */
export const recordStateId = (idNamespace: string) => `urn:${idNamespace}:learner-record`;

const emptyRecord = (): RecordDocument => ({ v: 1, state: null, location: null, elapsedMs: 0, reported: { completed: false, passed: false, failed: false, score: null } });

function readRecord(doc: unknown): RecordDocument | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const d = doc as Partial<RecordDocument>;
  if (d.v !== 1) return null;
  const r = d.reported;
  return {
    v: 1,
    state: typeof d.state === 'string' ? d.state : null,
    location: typeof d.location === 'string' ? d.location : null,
    elapsedMs: typeof d.elapsedMs === 'number' && d.elapsedMs >= 0 ? d.elapsedMs : 0,
    reported: {
      completed: r?.completed === true,
      passed: r?.passed === true,
      failed: r?.failed === true,
      score: r?.score && typeof r.score.scaled === 'number' ? r.score : null,
    },
  };
}

const launchModeOf = { Normal: 'normal', Browse: 'browse', Review: 'review' } as const satisfies Record<Cmi5LaunchData['launchMode'], LaunchData['mode']>;

/** A reply that counts as stored: 2xx, or 409 for a batch the LRS already holds (xAPI 1.0.3: a statement id it has is not stored again). */
const stored = (reply: Reply<unknown>) => reply.ok || reply.status === 409;

const failure = (what: string, reply: Reply<unknown>): Outcome => ({ ok: false, error: `cmi5: ${what}: ${reply.ok ? 'unexpected answer' : reply.error}` });

export function createCmi5Adapter(options: Cmi5AdapterOptions): Cmi5Adapter {
  const { launch, idNamespace } = options;
  const { logger } = options;
  const clock = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const slot = sessionSlot(options.storage, launch.fetch);

  let client: XapiClient | null = null;
  let data: Cmi5LaunchData | null = null;
  let preferences: LearnerPreferences | null = null;
  let scope: StatementScope | null = null;
  let history: VerbHistory | null = null;
  let kept: KeptSession | null = null;
  /** The record document as this session has it, and its version against the one the LMS holds. */
  let record = emptyRecord();
  let priorElapsedMs = 0;
  let recordVersion = 0;
  let savedRecordVersion = 0;
  /** Statements built and not yet stored, oldest first. */
  let queue: Statement[] = [];
  /** "passed" or "failed" decided by the session, waiting for its score (the session sends the status first, then the score). */
  let judgement: 'passed' | 'failed' | null = null;
  let score: Score | null = null;
  /** Commits run one after another, so the record's PUTs land in order; the last requests do not wait for them. */
  let chain: Promise<unknown> = Promise.resolve();
  let lastTimestamp = 0;

  const address = (stateId: string): StateAddress => ({ activityId: launch.activityId, agent: launch.actor, registration: launch.registration, stateId });

  /** Statement times never go back and never repeat, so order by timestamp is the order they were made in (§9.3 "order is determined by the value of the timestamp"). */
  function stamp(): Date {
    const t = Math.max(clock().getTime(), lastTimestamp + 1);
    lastTimestamp = t;
    return new Date(t);
  }

  const elapsed = () => priorElapsedMs + (kept?.initializedAt != null ? Math.max(0, clock().getTime() - kept.initializedAt) : 0);

  function keep() {
    if (kept && history) slot.write({ ...kept, session: history.session });
  }

  /** Queue a cmi5 defined statement if the rules let it go now; say why not otherwise. */
  function enqueue(event: DefinedEvent): boolean {
    if (!scope || !history) return false;
    const allowed = permits(history, event.verb);
    if (!allowed.ok) {
      logger.debug(`cmi5: "${event.verb}" not sent: ${allowed.rule}`);
      return false;
    }
    queue.push(definedStatement(scope, event, newId(), stamp()));
    history = after(history, event.verb);
    keep();
    return true;
  }

  /** Send "passed" or "failed" once the session has decided it and, unless the session is ending, its score is here. */
  function judge(ending: boolean) {
    if (!judgement || !data || (!score && !ending)) return;
    const verb = judgement;
    const scaled = score ? xapiScore(score).scaled : null;
    if (!consistentWithMastery(verb, scaled, data.masteryScore)) {
      // §9.3.4, §9.3.5: the verb must agree with the LMS's mastery score. The session judges by it (LaunchData.masteryScore), so this is a bug, never sent.
      logger.error(`cmi5: "${verb}" with scaled score ${String(scaled)} disagrees with the mastery score ${String(data.masteryScore)}: not sent`);
      judgement = null;
      return;
    }
    enqueue({ verb, durationMs: elapsed(), score });
    judgement = null;
  }

  /** The record document as it stands now, with the time spent so far. */
  const recordNow = (): RecordDocument => ({ ...record, elapsedMs: elapsed() });

  /** The record notes the verbs about to be sent (its fallback copy of the registration's history). */
  function noteReported(sent: readonly Statement[]) {
    const reported = { ...record.reported };
    for (const s of sent) {
      if (s.verb.id === VERBS.completed) reported.completed = true;
      if (s.verb.id === VERBS.passed) reported.passed = true;
      if (s.verb.id === VERBS.failed) reported.failed = true;
      if ((s.verb.id === VERBS.passed || s.verb.id === VERBS.failed) && score) reported.score = score;
    }
    if (JSON.stringify(reported) !== JSON.stringify(record.reported)) {
      record = { ...record, reported };
      recordVersion++;
    }
  }

  /**
   * Send what waits: the queued statements in one POST and the record in one
   * PUT, side by side and with keepalive, so a commit on `hidden` and the
   * last requests on `pagehide` outlive the page (nothing waits for an
   * answer before the next request starts). The record notes the verbs sent
   * with it; it is read only where the LMS will not show the AU its
   * statements (registrationHistory).
   */
  function send(): Promise<Outcome> {
    if (!client) return Promise.resolve({ ok: false, error: 'cmi5: not started' });
    const batch = [...queue];
    const posted = batch.length > 0 ? client.postStatements(batch, { keepalive: true }) : null;
    noteReported(batch);
    const version = recordVersion;
    const put = version > savedRecordVersion ? client.putState(address(recordStateId(idNamespace)), recordNow(), { keepalive: true }) : null;
    return Promise.all([posted, put]).then(([statements, doc]): Outcome => {
      if (statements && !stored(statements)) return failure('statements not stored', statements);
      const ids = new Set(batch.map((b) => b.id));
      queue = queue.filter((q) => !ids.has(q.id));
      if (doc && !doc.ok) return failure('learner record not stored', doc);
      savedRecordVersion = Math.max(savedRecordVersion, version);
      return { ok: true };
    });
  }

  /** What the registration holds already: the LMS's statements where the AU may read them, else the AU's own record. */
  async function registrationHistory(api: XapiClient, own: RecordDocument): Promise<{ completed: boolean; passed: boolean; failed: boolean; score: Score | null }> {
    const ask = (verb: string) => api.queryStatements({ agent: launch.actor, verb, activity: launch.activityId, registration: launch.registration, limit: 1 });
    const [completed, passed, failed] = await Promise.all([ask(VERBS.completed), ask(VERBS.passed), ask(VERBS.failed)]);
    const found = (reply: Reply<{ statements: Statement[] }>) => (reply.ok && Array.isArray(reply.body?.statements) ? reply.body.statements[0] ?? null : undefined);
    const [c, p, f] = [found(completed), found(passed), found(failed)];
    if (c === undefined || p === undefined || f === undefined) logger.warn('cmi5: the LMS did not let the AU read its statements; relying on the AU\'s own record of what it sent');
    const s = p?.result?.score ?? f?.result?.score;
    const lmsScore: Score | null = s && typeof s.scaled === 'number' ? { raw: s.raw ?? s.scaled * 100, min: s.min ?? 0, max: s.max ?? 100, scaled: s.scaled } : null;
    // The LMS's statements are the truth; the AU's record (which notes what it sent, not what was stored) only stands in for them.
    return {
      completed: c === undefined ? own.reported.completed : c !== null,
      passed: p === undefined ? own.reported.passed : p !== null,
      failed: f === undefined ? own.reported.failed : f !== null,
      score: lmsScore ?? own.reported.score,
    };
  }

  async function start(): Promise<StartResult> {
    const previous = slot.read();
    let token = previous?.token;
    if (!token) {
      const got = await fetchAuthToken(options.fetch, launch.fetch);
      if (!got.ok) return { ok: false, error: `cmi5: ${got.error}` };
      token = got.token;
      slot.write({ token, initializedAt: null, priorElapsedMs: 0, session: { initialized: false, terminated: false, completed: false, judged: null } });
    }
    const api = createXapiClient({ endpoint: launch.endpoint, token, fetch: options.fetch });

    // LMS.LaunchData (§10.2.1.0 "MUST get the contextTemplate"), the preferences (§11.0), the AU's record: all before any statement.
    const [launchDoc, prefsDoc, recordDoc] = await Promise.all([
      api.getState<unknown>(address(LAUNCH_DATA_STATE_ID)),
      api.getAgentProfile<unknown>(launch.actor, PREFERENCES_PROFILE_ID),
      api.getState<unknown>(address(recordStateId(idNamespace))),
    ]);
    if (!launchDoc.ok) return failure('LMS.LaunchData could not be read', launchDoc) as StartResult;
    if (launchDoc.body === null) return { ok: false, error: 'cmi5: the LMS wrote no LMS.LaunchData for this launch (cmi5 §10.1)' };
    const read = readLaunchData(launchDoc.body);
    if (!read.ok) return { ok: false, error: `cmi5: ${read.error}` };
    // §11.0: a 403 on the preferences is no error; no document is no preferences.
    if (!prefsDoc.ok) logger.debug(`cmi5: learner preferences not read (${prefsDoc.error}): none`);
    preferences = readPreferences(prefsDoc.ok ? prefsDoc.body : null);
    if (!recordDoc.ok) return failure("the learner's record could not be read", recordDoc) as StartResult;
    const own = readRecord(recordDoc.body);
    record = own ?? emptyRecord();
    priorElapsedMs = record.elapsedMs;
    const held = await registrationHistory(api, record);

    data = read.data;
    client = api;
    scope = { actor: launch.actor, activityId: launch.activityId, registration: launch.registration, template: data.contextTemplate, masteryScore: data.masteryScore, idNamespace };
    history = newHistory(data.launchMode, { completed: held.completed, passed: held.passed });
    kept = slot.read() ?? { token, initializedAt: null, priorElapsedMs, session: history.session };
    // A reload of the launch page in the same session: its statements so far count (§9.3: one "initialized" per session),
    // and so does the time spent before this session, as it was when the session began.
    history = { ...history, session: kept.session };
    if (kept.session.initialized) priorElapsedMs = kept.priorElapsedMs;

    let mode = launchModeOf[data.launchMode];
    if (kept.session.terminated) {
      // The session ended ("terminated" went when the page went) and cannot take statements again (§9.3.8): a reload shows the
      // record read-only; a relaunch from the LMS starts a new session.
      logger.warn('cmi5: this launch\'s session has ended (terminated); the course opens read-only: relaunch it from the LMS to go on');
      mode = 'review';
    } else if (!kept.session.initialized) {
      kept = { ...kept, initializedAt: clock().getTime(), priorElapsedMs };
      const initialized = definedStatement(scope, { verb: 'initialized' }, newId(), stamp());
      const reply = await api.postStatements([initialized]);
      if (!stored(reply)) return failure('"initialized" not stored', reply) as StartResult;
      history = after(history, 'initialized');
      keep();
    }

    const stateRecord: StoredRecord = {
      completion: held.completed ? 'completed' : 'unknown',
      success: held.passed ? 'passed' : held.failed ? 'failed' : 'unknown',
      score: held.passed || held.failed ? held.score : null,
    };
    const name = launch.actor.name ?? null;
    const learnerId = launch.actor.account ? `${launch.actor.account.homePage}|${launch.actor.account.name}` : (launch.actor.mbox ?? launch.actor.mbox_sha1sum ?? launch.actor.openid ?? null);
    const result: LaunchData = {
      suspendData: record.state,
      location: record.location,
      learnerName: name,
      learnerId,
      entry: own ? 'resume' : 'ab-initio',
      mode,
      record: stateRecord,
      ...(data.masteryScore !== null ? { masteryScore: Math.round(data.masteryScore * 10000) / 100 } : {}),
    };
    return { ok: true, launch: result };
  }

  /** A set call's answer: queued, or why it cannot be. */
  const usable = (next: Next): Outcome => {
    if (!history) return { ok: false, error: 'cmi5: not started' };
    const p = permits(history, next);
    return p.ok ? { ok: true } : { ok: false, error: `cmi5: ${p.rule}` };
  };

  return {
    kind: 'cmi5',
    stateLimit: CMI5_STATE_LIMIT,
    launchData: () => data,
    preferences: () => preferences,

    start,

    setLocation(slideId) {
      const ok = usable('allowed');
      if (!ok.ok) return ok;
      if (record.location !== slideId) {
        record = { ...record, location: slideId };
        recordVersion++;
      }
      return ok;
    },

    saveState(serialized) {
      const ok = usable('allowed');
      if (!ok.ok) return ok;
      if (serialized.length > CMI5_STATE_LIMIT) return { ok: false, error: `cmi5: the state has ${serialized.length} characters; the adapter keeps ${CMI5_STATE_LIMIT}` };
      if (record.state !== serialized) {
        record = { ...record, state: serialized };
        recordVersion++;
      }
      return ok;
    },

    recordInteraction(interaction: InteractionRecord) {
      const ok = usable('allowed');
      if (!ok.ok || !scope) return ok;
      queue.push(interactionStatement(scope, interaction, newId(), stamp()));
      return ok;
    },

    setStatus(completion, success) {
      const ok = usable('allowed');
      if (!ok.ok || !history) return ok;
      // §10.2.2: Browse and Review record no satisfaction: the status is taken and dropped.
      if (history.launchMode !== 'Normal') return ok;
      if (completion === 'completed') enqueue({ verb: 'completed', durationMs: elapsed() });
      if (success !== 'unknown' && permits(history, success).ok) {
        judgement = success;
        judge(false);
      }
      return ok;
    },

    setScore(given: Score) {
      const ok = usable('allowed');
      if (!ok.ok) return ok;
      score = given;
      judge(false);
      return ok;
    },

    commit() {
      const ok = usable('allowed');
      if (!ok.ok) return ok;
      const run = chain.then(send);
      chain = run.catch(() => undefined);
      return run;
    },

    finish() {
      if (!history || !scope) return { ok: false, error: 'cmi5: not started' };
      if (history.session.terminated) return { ok: true };
      if (!history.session.initialized) return { ok: false, error: 'cmi5: never initialized, so nothing to terminate' };
      judge(true);
      const durationMs = kept?.initializedAt != null ? Math.max(0, clock().getTime() - kept.initializedAt) : 0;
      // Everything not yet stored, in-flight statements included (a stored id is not stored twice), then "terminated", last (§9.3.8).
      if (!enqueue({ verb: 'terminated', durationMs })) return { ok: false, error: 'cmi5: "terminated" not allowed now' };
      // Not behind the commit chain: on pagehide the requests must start now, with keepalive, to outlive the page.
      return send();
    },
  };
}
