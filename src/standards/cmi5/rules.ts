/**
 * cmi5's rules on which statement the AU may send next (§9.3 "AU Verb
 * Ordering Rules", §7.1.3, §10.2.2 launch modes), as a pure state machine:
 * `permits(history, verb)` says whether a statement may go now and, if not,
 * which rule forbids it; `after(history, verb)` is the history once it has
 * gone. The adapter asks before building a statement, so a rule broken by
 * the course (a second "completed", a "failed" after "passed") is a logged
 * refusal here, never a statement the LMS must reject or void (§6.3).
 */
import type { LaunchMode } from './vocabulary';

/** What has been sent: in this session (one launch) and, as far as the AU knows, in the registration. */
export interface VerbHistory {
  launchMode: LaunchMode;
  session: {
    initialized: boolean;
    terminated: boolean;
    completed: boolean;
    /** §9.3: one of {passed, failed} per session. */
    judged: 'passed' | 'failed' | null;
  };
  registration: { completed: boolean; passed: boolean };
}

export type Next = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated' | 'allowed';

export type Permission = { ok: true } | { ok: false; rule: string };

export function newHistory(launchMode: LaunchMode, registration: VerbHistory['registration']): VerbHistory {
  return { launchMode, session: { initialized: false, terminated: false, completed: false, judged: null }, registration };
}

const no = (rule: string): Permission => ({ ok: false, rule });

export function permits(history: VerbHistory, next: Next): Permission {
  const { session, registration, launchMode } = history;
  if (next === 'initialized') {
    // §9.3.2: once per session, and first (§9.3 "The initialized verb MUST be the first statement").
    if (session.initialized || session.terminated) return no('cmi5 §9.3.2: one "initialized" per session, first');
    return { ok: true };
  }
  // §9.3: initialized first; §7.1.3: allowed statements between initialized and terminated.
  if (!session.initialized) return no('cmi5 §9.3 / §7.1.3: nothing before "initialized"');
  // §9.3.8: terminated is the last statement of any kind.
  if (session.terminated) return no('cmi5 §9.3.8: nothing after "terminated"');
  if (next === 'terminated' || next === 'allowed') return { ok: true };
  // §10.2.2: in Browse and Review, no cmi5 defined statement but initialized and terminated.
  if (launchMode !== 'Normal') return no(`cmi5 §10.2.2: no "${next}" in ${launchMode} mode`);
  if (next === 'completed') {
    // §9.3.3: never twice for the same AU in a registration (so never twice in a session either, §9.3).
    if (registration.completed || session.completed) return no('cmi5 §9.3.3: one "completed" per registration');
    return { ok: true };
  }
  // §9.3: at most one of {passed, failed} in a session.
  if (session.judged !== null) return no(`cmi5 §9.3: "${session.judged}" was sent in this session already`);
  // §9.3.4: one "passed" per registration; §9.3: no "failed" after "passed" in the registration.
  if (registration.passed) return no(`cmi5 §9.3.4: "passed" was sent in this registration already`);
  return { ok: true };
}

export function after(history: VerbHistory, sent: Next): VerbHistory {
  const session = { ...history.session };
  const registration = { ...history.registration };
  switch (sent) {
    case 'initialized':
      session.initialized = true;
      break;
    case 'terminated':
      session.terminated = true;
      break;
    case 'completed':
      session.completed = true;
      registration.completed = true;
      break;
    case 'passed':
      session.judged = 'passed';
      registration.passed = true;
      break;
    case 'failed':
      session.judged = 'failed';
      break;
    case 'allowed':
      break;
  }
  return { ...history, session, registration };
}

/**
 * Whether a judged verb agrees with the LMS's mastery score (§9.3.4 passed:
 * scaled >= masteryScore; §9.3.5 failed: scaled < masteryScore; §9.5.1 "the
 * verb MUST be consistent with masteryScore"). Without a score or a mastery
 * score there is nothing to disagree with.
 */
export function consistentWithMastery(verb: 'passed' | 'failed', scaled: number | null, masteryScore: number | null): boolean {
  if (scaled === null || masteryScore === null) return true;
  return verb === 'passed' ? scaled >= masteryScore : scaled < masteryScore;
}
