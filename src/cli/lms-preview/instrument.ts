/**
 * scorm-again's API object with the LMS preview around each function: every
 * call is logged with its values and result, injected faults make a call
 * fail and set the LMS's error code, the LMS quirk profile (quirks/) may
 * refuse a call, answer it otherwise, or persist later, and a successful
 * Commit or Terminate persists the data model.
 *
 * One call, in order: an injected fault, else the profile's refusal, else
 * scorm-again; then what the profile tells the SCO. The log keeps the
 * LMS's own verdict (`error`) beside what the SCO was told (`result`).
 * Constant time per call.
 */
import type { NewEntry } from './call-log.ts';
import type { Faults } from './faults.ts';
import type { ApiCall, LaunchQuirks } from './quirks/types.ts';
import { isErrorQuery, type FaultableFunction, type Standard } from './standards.ts';
import type { ApiFunction, Launch, LmsApi } from './types.ts';

export interface CallObserver {
  record(entry: NewEntry): void;
  /** A Commit (terminated false) or Terminate (true) the LMS accepted. */
  committed(terminated: boolean): void;
  /** The SCO's documents unloading now, or null (unload-watch.ts). */
  unloading(): readonly string[] | null;
}

/** An API function as the SCO calls it: string arguments, a string result. */
type ApiCallFn = (...args: unknown[]) => string;

const faultable = (kind: ApiFunction): kind is FaultableFunction =>
  kind === 'initialize' || kind === 'setValue' || kind === 'commit' || kind === 'terminate';

export function instrument(api: LmsApi, standard: Standard, launch: Launch, faults: Faults, quirks: LaunchQuirks, observer: CallObserver): void {
  // The standard's table names functions that exist on this API (StandardOf<Api>.fn is typed against scorm-again's classes).
  const functions = api as unknown as Record<string, ApiCallFn>;
  for (const [kind, name] of Object.entries(standard.fn) as Array<[ApiFunction, string]>) {
    const original = functions[name];
    if (typeof original !== 'function') throw new Error(`scorm-again's API has no ${name}()`);
    if (kind === 'getLastError') {
      // What the LMS says of the last call: its code, unless the profile says otherwise.
      functions[name] = (...args: unknown[]): string => {
        const code = String(original.apply(api, args));
        return quirks.lastError ? quirks.lastError(code) : code;
      };
      continue;
    }
    if (isErrorQuery(kind)) continue;
    functions[name] = (...args: unknown[]): string => {
      const element = kind === 'getValue' || kind === 'setValue' ? String(args[0]) : undefined;
      const value = kind === 'setValue' ? String(args[1]) : undefined;
      const call: ApiCall = { kind, ...(element !== undefined ? { element } : {}), ...(value !== undefined ? { value } : {}) };
      const unloading = observer.unloading();
      let result: string;
      let diagnostic: string | undefined;
      let quirk: string | undefined;
      const faultCode = faultable(kind) && faults.appliesTo(kind, element) ? standard.faultCode[kind] : null;
      const refusal = faultCode !== null ? null : (quirks.refuse?.(call) ?? null);
      if (faultCode !== null) {
        diagnostic = `fault injected by the LMS preview (${kind})`;
        api.throwSCORMError(element, faultCode, diagnostic);
        result = 'false';
      } else if (refusal) {
        diagnostic = quirk = refusal.why;
        api.throwSCORMError(element, refusal.code, refusal.why);
        result = kind === 'getValue' ? '' : 'false';
      } else {
        result = String(original.apply(api, args));
      }
      launch.calls[kind] = (launch.calls[kind] ?? 0) + 1;
      // A read fails by its error code (e.g. 403 "not initialized" on a first launch: not the course's error, not counted).
      const code = String(api.lastErrorCode);
      const failed = kind === 'getValue' ? code !== '0' : result !== 'true';
      const error = failed ? code : '';
      if (failed && kind !== 'getValue') launch.errors++;
      if (!failed && kind === 'setValue' && element !== undefined && value !== undefined) quirks.accepted?.(element, value);
      // What the SCO is told: the profile may answer otherwise (the log keeps the LMS's verdict).
      const told = quirks.answer?.(call, { result, error }) ?? null;
      if (told) quirk = told.why;
      observer.record({
        kind: kind === 'getValue' ? 'get' : kind === 'setValue' ? 'set' : 'session',
        fn: name,
        ...(element !== undefined ? { element } : {}),
        ...(value !== undefined ? { value } : {}),
        result: told ? told.result : result,
        error,
        ...(failed ? { diagnostic: diagnostic ?? String(api.getLmsErrorMessageDetails(error, true) ?? '') } : {}),
        ...(unloading ? { unloading: [...unloading] } : {}),
        ...(quirk ? { quirk } : {}),
      });
      if (!failed && (kind === 'commit' || kind === 'terminate')) observer.committed(kind === 'terminate');
      return told ? told.result : result;
    };
  }
}
