/**
 * scorm-again's API object with the LMS preview around each function: every
 * call is logged with its values and result, injected faults make a call
 * return "false" and set the LMS's error code, and a successful Commit or
 * Terminate persists the data model.
 */
import type { NewEntry } from './call-log.ts';
import type { Faults } from './faults.ts';
import { isErrorQuery, type FaultableFunction, type Standard } from './standards.ts';
import type { ApiFunction, Launch, LmsApi } from './types.ts';

export interface CallObserver {
  record(entry: NewEntry): void;
  /** A Commit (terminated false) or Terminate (true) succeeded. */
  committed(terminated: boolean): void;
}

/** An API function as the SCO calls it: string arguments, a string result. */
type ApiCall = (...args: unknown[]) => string;

const faultable = (kind: ApiFunction): kind is FaultableFunction =>
  kind === 'initialize' || kind === 'setValue' || kind === 'commit' || kind === 'terminate';

export function instrument(api: LmsApi, standard: Standard, launch: Launch, faults: Faults, observer: CallObserver): void {
  // The standard's table names functions that exist on this API (StandardOf<Api>.fn is typed against scorm-again's classes).
  const functions = api as unknown as Record<string, ApiCall>;
  for (const [kind, name] of Object.entries(standard.fn) as Array<[ApiFunction, string]>) {
    const original = functions[name];
    if (typeof original !== 'function') throw new Error(`scorm-again's API has no ${name}()`);
    functions[name] = (...args: unknown[]): string => {
      if (isErrorQuery(kind)) return original.apply(api, args);
      const element = kind === 'getValue' || kind === 'setValue' ? String(args[0]) : undefined;
      let result: string;
      let diagnostic: string | undefined;
      if (faultable(kind) && faults.appliesTo(kind, element)) {
        diagnostic = `fault injected by the LMS preview (${kind})`;
        api.throwSCORMError(element, standard.faultCode[kind], diagnostic);
        result = 'false';
      } else {
        result = String(original.apply(api, args));
      }
      launch.calls[kind] = (launch.calls[kind] ?? 0) + 1;
      // A read fails by its error code (e.g. 403 "not initialized" on a first launch: not the course's error, not counted).
      const failed = kind === 'getValue' ? String(api.lastErrorCode) !== '0' : result !== 'true';
      if (failed && kind !== 'getValue') launch.errors++;
      const error = failed ? String(api.lastErrorCode) : '';
      observer.record({
        kind: kind === 'getValue' ? 'get' : kind === 'setValue' ? 'set' : 'session',
        fn: name,
        ...(element !== undefined ? { element } : {}),
        ...(kind === 'setValue' ? { value: String(args[1]) } : {}),
        result,
        error,
        ...(failed ? { diagnostic: diagnostic ?? String(api.getLmsErrorMessageDetails(error, true) ?? '') } : {}),
      });
      if (result === 'true' && (kind === 'commit' || kind === 'terminate')) observer.committed(kind === 'terminate');
      return result;
    };
  }
}
