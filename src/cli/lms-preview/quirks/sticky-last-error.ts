/**
 * `sticky-last-error`: an LMS whose GetLastError keeps answering a non-zero
 * code ("101", General Exception) after calls that succeeded, seen in the
 * wild: error state that only some calls reset, or never. The calls
 * themselves answer as usual ("true", or the value read); only
 * GetLastError lies. A SCO that asks GetLastError after every call, instead
 * of judging a call by its return value first, takes every call for a
 * failure (issue 9: the whole launch treated as failed, everything kept on
 * the device only). A real error still reports its own code.
 *
 * Sources: issue 9 ("an LMS whose GetLastError stays non-zero after
 * successful calls (seen in the wild)"); SCORM 1.2 RTE 3.3.2.1 and SCORM
 * 2004 RTE 3.1.4.3 (GetLastError describes the last call).
 */
import { stateless, type QuirkProfile } from './types.ts';

export const STICKY_CODE = '101';

export const stickyLastError: QuirkProfile<'sticky-last-error'> = {
  id: 'sticky-last-error',
  label: 'Sticky GetLastError',
  versions: ['1.2', '2004'],
  quirks: [`GetLastError answers "${STICKY_CODE}" after successful calls too (the calls themselves answer as usual).`],
  sources: ['Issue 9 (GetLastError stays non-zero after successful calls, seen in the wild)'],
  create: stateless(() => ({
    lastError: (code) => (code === '0' || code === '' ? STICKY_CODE : code),
  })),
};
