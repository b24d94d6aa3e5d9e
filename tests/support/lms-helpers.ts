/**
 * Test helpers: scorm-again as the LMS, a logger that collects, records to
 * send, and a readout of what the LMS recorded (scorm-again's own CMI
 * object, write-only elements included).
 */
import { vi } from 'vitest';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { Logger } from '../../src/standards/log';
import type { InteractionRecord } from '../../src/questions/interaction';

/** scorm-again's Settings: quiet, no LMS endpoint. */
const settings = { logLevel: 5 as const };

/** An LMS whose commits fail, as when its server is down. */
const failingHttp = {
  processHttpRequest: () => ({ result: false, errorCode: 101, errorMessage: 'LMS unreachable' }),
  updateSettings: () => {},
};

export function lms12(options: { failCommits?: boolean } = {}) {
  return options.failCommits
    ? new Scorm12API({ ...settings, lmsCommitUrl: 'https://lms.invalid/commit' }, failingHttp)
    : new Scorm12API(settings);
}

export function lms2004(options: { failCommits?: boolean } = {}) {
  return options.failCommits
    ? new Scorm2004API({ ...settings, lmsCommitUrl: 'https://lms.invalid/commit' }, failingHttp)
    : new Scorm2004API(settings);
}

/** What the LMS holds, as plain JSON (scorm-again renders write-only elements too). */
export function recorded(api: Scorm12API | Scorm2004API): any {
  return JSON.parse(JSON.stringify(api.cmi));
}

export function collectingLogger() {
  const messages: Array<{ level: 'debug' | 'warn' | 'error'; message: string }> = [];
  const logger: Logger = {
    debug: (message) => messages.push({ level: 'debug', message }),
    warn: (message) => messages.push({ level: 'warn', message }),
    error: (message) => messages.push({ level: 'error', message }),
  };
  return { logger, messages, errors: () => messages.filter((m) => m.level === 'error').map((m) => m.message) };
}

/** Spy on the API functions, to count calls and see exact values sent. */
export function spyOn12(api: Scorm12API) {
  return {
    initialize: vi.spyOn(api, 'LMSInitialize'),
    finish: vi.spyOn(api, 'LMSFinish'),
    set: vi.spyOn(api, 'LMSSetValue'),
    commit: vi.spyOn(api, 'LMSCommit'),
  };
}

export function spyOn2004(api: Scorm2004API) {
  return {
    initialize: vi.spyOn(api, 'Initialize'),
    terminate: vi.spyOn(api, 'Terminate'),
    set: vi.spyOn(api, 'SetValue'),
    commit: vi.spyOn(api, 'Commit'),
  };
}

/** The values sent for one element, in order. */
export function sent(spy: { mock: { calls: unknown[][] } }, element: string): unknown[] {
  return spy.mock.calls.filter((c) => c[0] === element).map((c) => c[1]);
}

export const at = new Date('2025-03-01T09:30:15.250Z');

export const records = {
  single: {
    id: 'two-views-of-growth',
    type: 'choice',
    description: 'Which view of growth does Relational-Cultural Theory hold?',
    options: ['separation', 'connection', 'self-sufficiency'],
    chosen: ['connection'],
    correct: ['connection'],
    result: 'correct',
    timestamp: at,
    latencyMs: 12_300,
    objectiveId: 'contrast-views-of-growth',
  },
  multiple: {
    id: 'mutuality-elements',
    type: 'choice',
    description: 'Which are elements of movement toward mutuality?',
    options: ['mutual-empathy', 'self-reliance', 'mutual-empowerment', 'equal-roles'],
    chosen: ['mutual-empathy', 'self-reliance'],
    correct: ['mutual-empathy', 'mutual-empowerment'],
    result: 'incorrect',
    timestamp: at,
    latencyMs: 4_000,
    objectiveId: 'describe-mutuality',
  },
  trueFalse: {
    id: 'authenticity-is-a-state',
    type: 'true-false',
    description: 'Authenticity is a state one reaches once and keeps.',
    chosen: true,
    correct: false,
    result: 'incorrect',
    timestamp: at,
    latencyMs: 2_500,
    objectiveId: 'explain-authenticity',
  },
  matching: {
    id: 'good-things-or-disconnection',
    type: 'matching',
    description: 'Sort each outcome.',
    sources: ['zest', 'diminished-action', 'clarity', 'confusion'],
    targets: ['good-things', 'disconnection'],
    pairs: [
      ['zest', 'good-things'],
      ['diminished-action', 'disconnection'],
      ['clarity', 'good-things'],
      ['confusion', 'disconnection'],
    ],
    correct: [
      ['zest', 'good-things'],
      ['diminished-action', 'disconnection'],
      ['clarity', 'good-things'],
      ['confusion', 'disconnection'],
    ],
    result: 'correct',
    timestamp: at,
    latencyMs: 61_000,
    objectiveId: 'distinguish-connection-disconnection',
  },
  ordering: {
    id: 'how-the-paradox-unfolds',
    type: 'sequencing',
    description: 'Put the steps of the central relational paradox in order.',
    items: ['repeated-disconnection', 'yearning', 'fear-of-engaging', 'parts-kept-out'],
    order: ['yearning', 'repeated-disconnection', 'fear-of-engaging', 'parts-kept-out'],
    correct: ['repeated-disconnection', 'yearning', 'fear-of-engaging', 'parts-kept-out'],
    result: 'incorrect',
    timestamp: at,
    latencyMs: 30_000,
    objectiveId: 'explain-central-relational-paradox',
  },
  reflection: {
    id: 'where-i-can-be-authentic',
    type: 'long-fill-in',
    description: 'Think of a relationship in which you can represent yourself more fully than in most others.',
    text: 'With my oldest friend, Renée.\nShe tells me when I’ve hurt her.',
    result: 'neutral',
    timestamp: at,
    latencyMs: 90_000,
  },
} satisfies Record<string, InteractionRecord>;
