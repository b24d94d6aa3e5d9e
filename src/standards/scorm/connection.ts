/**
 * The one place that talks to a raw SCORM API object, for both versions: it
 * guards the session's life (Initialize once, Terminate once, nothing before
 * or after) and turns every failure into a value: the call's own result, then
 * GetLastError / GetErrorString / GetDiagnostic (SCORM 1.2 RTE 3.3;
 * SCORM 2004 RTE 3.1), logged and returned, never thrown to the UI.
 *
 * It calls the API's functions by the dialect's names (dialect.ts); no
 * data-model element is interpreted here. Each call is judged by its return
 * value first ("true", or a value read) and asks GetLastError only when that
 * says it failed: an LMS whose error code stays set after successful calls
 * (seen in the wild) is not taken for a failing one.
 */
import type { Outcome } from '../contract';
import type { Logger } from '../log';
import type { ApiFunction, ScormDialect } from './dialect';

/** An LMS's API object: the dialect's eight functions. Results are `unknown`: real LMSs return strings, booleans or numbers. */
export type ScormApi = object;

/** The eight API functions, bound to the LMS object, under neutral names. */
export type ScormCalls = Record<ApiFunction, (...args: string[]) => unknown>;

/** Bind the API's functions by the dialect's names; a missing function throws when called, which `createConnection` turns into a failure. */
export function bindApi(api: ScormApi, dialect: ScormDialect): ScormCalls {
  const fns = api as Record<string, unknown>;
  const bound = {} as ScormCalls;
  for (const [neutral, name] of Object.entries(dialect.api.fn) as Array<[ApiFunction, string]>) {
    bound[neutral] = (...args: string[]) => {
      const fn = fns[name];
      if (typeof fn !== 'function') throw new TypeError(`the LMS's API has no ${name}()`);
      return fn.apply(api, args) as unknown;
    };
  }
  return bound;
}

export type Read = { ok: true; value: string } | { ok: false; error: string; code: string };
export type Write = { ok: true } | { ok: false; error: string; code: string };

export type Phase = 'not-started' | 'running' | 'ended';

export interface ScormConnection {
  phase(): Phase;
  /** Initialize once; a failed Initialize may be tried again. */
  initialize(): Write;
  /** Read an element; `missing` error codes (not initialized / not implemented) read as ''. */
  get(element: string): Read;
  set(element: string, value: string): Write;
  commit(): Write;
  /** Terminate once; after a success, every call fails without reaching the LMS. */
  terminate(): Write;
}


const isTrue = (result: unknown) => result === true || String(result) === 'true';

export function createConnection(calls: ScormCalls, dialect: ScormDialect, logger: Logger): ScormConnection {
  const { label, missingCodes } = dialect;
  const names = dialect.api.fn;
  let phase: Phase = 'not-started';

  function safe<T>(fn: () => T): { value: T } | { thrown: string } {
    try {
      return { value: fn() };
    } catch (e) {
      return { thrown: e instanceof Error ? e.message : String(e) };
    }
  }

  /** The LMS's account of its last error: code, text and diagnostic. */
  function lastError(): { code: string; text: string } {
    const code = safe(() => String(calls.getLastError() ?? ''));
    const c = 'value' in code ? code.value.trim() : '';
    if (c === '' || c === '0') return { code: '', text: '' };
    const str = safe(() => String(calls.getErrorString(c) ?? ''));
    const diag = safe(() => String(calls.getDiagnostic(c) ?? ''));
    const s = 'value' in str ? str.value.trim() : '';
    const d = 'value' in diag ? diag.value.trim() : '';
    return { code: c, text: [s, d && d !== s ? `(${d})` : ''].filter(Boolean).join(' ') };
  }

  function failure(what: string, code: string, text: string, data?: Record<string, unknown>): { ok: false; error: string; code: string } {
    const error = `${label} ${what} failed${code ? `: error ${code}` : ''}${text ? ` ${text}` : ''}`;
    logger.error(error, data);
    return { ok: false, error, code };
  }

  function guard(what: string): { ok: false; error: string; code: string } | null {
    if (phase === 'running') return null;
    const why = phase === 'ended' ? 'the session has already ended' : 'the session has not started';
    const error = `${label} ${what} not sent: ${why}`;
    logger.warn(error);
    return { ok: false, error, code: '' };
  }

  /** Call a function that answers "true"/"false" and explain a "false". */
  function call(what: string, fn: () => unknown, data?: Record<string, unknown>): Write {
    const r = safe(fn);
    if ('thrown' in r) return failure(what, '', `(threw: ${r.thrown})`, data);
    if (isTrue(r.value)) return { ok: true };
    const e = lastError();
    return failure(what, e.code, e.text || `(returned ${JSON.stringify(r.value)})`, data);
  }

  return {
    phase: () => phase,

    initialize() {
      if (phase !== 'not-started') {
        const error = `${label} ${names.initialize} not sent: ${phase === 'running' ? 'already initialized' : 'the session has already ended'} (one session per launch)`;
        logger.warn(error);
        return { ok: false, error, code: '' };
      }
      const r = call(`${names.initialize}("")`, () => calls.initialize(''));
      if (r.ok) phase = 'running';
      return r;
    },

    get(element) {
      const blocked = guard(`${names.getValue}("${element}")`);
      if (blocked) return blocked;
      const r = safe(() => calls.getValue(element));
      if ('thrown' in r) return failure(`${names.getValue}("${element}")`, '', `(threw: ${r.thrown})`);
      const value = r.value === null || r.value === undefined ? '' : String(r.value);
      // A value is an answer, whatever GetLastError says: some LMSs leave an old error code set
      // after successful calls. Only an empty value asks what went wrong.
      if (value !== '') return { ok: true, value };
      const e = lastError();
      if (e.code === '') return { ok: true, value };
      if (missingCodes.includes(e.code)) {
        logger.debug(`${label} ${element} has no value (error ${e.code})`);
        return { ok: true, value: '' };
      }
      return failure(`${names.getValue}("${element}")`, e.code, e.text);
    },

    set(element, value) {
      const what = `${names.setValue}("${element}")`;
      return guard(what) ?? call(what, () => calls.setValue(element, value), { element, length: value.length });
    },

    commit() {
      const what = `${names.commit}("")`;
      return guard(what) ?? call(what, () => calls.commit(''));
    },

    terminate() {
      const what = `${names.terminate}("")`;
      const blocked = guard(what);
      if (blocked) return blocked;
      const r = call(what, () => calls.terminate(''));
      // Ended either way: a second Terminate is an error in both standards
      // (2004: 113 "Termination After Termination"), never worth the risk on unload.
      phase = 'ended';
      return r;
    },
  };
}

/** An Outcome from the first failure of several writes, or ok. */
export function firstFailure(results: readonly Write[]): Outcome {
  const bad = results.find((r) => !r.ok);
  return bad && !bad.ok ? { ok: false, error: bad.error } : { ok: true };
}
