import { describe, expect, it, vi } from 'vitest';
import { bindPageLifecycle } from '../../../src/session/lifecycle';

function page() {
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  return { window: new EventTarget(), document: doc };
}

describe('page lifecycle', () => {
  it('flushes when the page is hidden and ends the session on pagehide', () => {
    const p = page();
    const session = { flush: vi.fn(() => ({ ok: true as const })), end: vi.fn(() => ({ ok: true as const })) };
    const unbind = bindPageLifecycle(session, p);
    p.document.dispatchEvent(new Event('visibilitychange')); // visible again: nothing to do
    expect(session.flush).not.toHaveBeenCalled();
    p.document.visibilityState = 'hidden';
    p.document.dispatchEvent(new Event('visibilitychange'));
    expect(session.flush).toHaveBeenCalledTimes(1);
    p.window.dispatchEvent(new Event('pagehide'));
    expect(session.end).toHaveBeenCalledTimes(1);
    unbind();
    p.window.dispatchEvent(new Event('pagehide'));
    expect(session.end).toHaveBeenCalledTimes(1);
  });
});
