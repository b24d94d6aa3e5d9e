/**
 * cmi5 (AICC cmi5 "Quartz"), as an entry of the registry of standards
 * (registry.ts). Its LMS is found in the launch URL: a cmi5 launch is the
 * five launch parameters (§8.1), read here at once (launch.ts, a few hundred
 * bytes). The runtime that talks to the LMS (adapter.ts, the xAPI client,
 * the statements) is loaded only then, on start(): a SCORM launch of the
 * same launch page never downloads it.
 */
import type { LmsAdapter, Outcome } from '../contract';
import { consoleLogger } from '../log';
import type { LaunchEnvironment, Standard } from '../registry';
import type { Cmi5Adapter } from './adapter';
import { parseLaunchParameters } from './launch';
import type { StorageLike } from './kept-session';

/** The tab's sessionStorage where the window has one (touching it throws where storage is blocked). */
function tabStorage(env: LaunchEnvironment): StorageLike | null {
  try {
    return (env.window as unknown as { sessionStorage?: StorageLike }).sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** An adapter that loads the cmi5 runtime on start() and hands every later call to it. */
function deferred(make: () => Promise<Cmi5Adapter>): LmsAdapter {
  let adapter: Cmi5Adapter | null = null;
  const notStarted: Outcome = { ok: false, error: 'cmi5: not started' };
  // Once started, each call goes straight to the runtime, with no extra wait: on pagehide, finish() must send at once.
  const call = <R>(use: (a: Cmi5Adapter) => R, otherwise: R): R => (adapter ? use(adapter) : otherwise);
  return {
    kind: 'cmi5',
    // adapter.ts CMI5_STATE_LIMIT, written out: importing it would bring the runtime into the launch page's chunk.
    stateLimit: 1_000_000,
    async start() {
      try {
        adapter = await make();
      } catch (e) {
        return { ok: false, error: `cmi5: the runtime could not be loaded (${e instanceof Error ? e.message : String(e)})` };
      }
      return adapter.start();
    },
    setLocation: (slideId) => call((a) => a.setLocation(slideId), notStarted),
    saveState: (serialized) => call((a) => a.saveState(serialized), notStarted),
    recordInteraction: (record) => call((a) => a.recordInteraction(record), notStarted),
    setScore: (score) => call((a) => a.setScore(score), notStarted),
    setStatus: (completion, success) => call((a) => a.setStatus(completion, success), notStarted),
    commit: () => call((a) => a.commit(), notStarted),
    finish: (finished) => call((a) => a.finish(finished), notStarted),
  };
}

export const cmi5 = {
  id: 'cmi5',
  label: 'cmi5',
  // §14.0: a course package in a zip carries its course structure as cmi5.xml at the root.
  manifestFile: 'cmi5.xml',
  connect(env, options) {
    const base = (env.window as unknown as { location?: { href?: string } }).location?.href;
    const parsed = parseLaunchParameters(env.search, base);
    if (!parsed.ok) {
      if (parsed.invalid.length > 0) options.logger?.warn(`cmi5: launch parameters malformed: ${parsed.invalid.join(', ')}`);
      return null;
    }
    const storage = tabStorage(env);
    return deferred(async () => {
      const { createCmi5Adapter } = await import('./adapter');
      return createCmi5Adapter({
        launch: parsed.launch,
        idNamespace: options.courseId,
        storage,
        fetch: (input, init) => globalThis.fetch(input, init),
        logger: options.logger ?? consoleLogger,
      });
    });
  },
  preview: { kind: 'cmi5' },
} as const satisfies Standard;
