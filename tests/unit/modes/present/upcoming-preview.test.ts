import { describe, expect, it } from 'vitest';
import { stepAheadUnlessTold } from '../../../../src/modes/present/runtime/upcoming-preview';

function fakeDeck() {
  const ready: Array<() => void> = [];
  const deck = { steps: 0, on: (_: 'ready', fn: () => void) => ready.push(fn), next: () => deck.steps++ };
  return { deck, becomeReady: () => ready.forEach((fn) => fn()) };
}
const post = (target: EventTarget, data: unknown) => target.dispatchEvent(new MessageEvent('message', { data }));

describe("the speaker view's upcoming preview (upcoming-preview.ts)", () => {
  it('steps to the next slide itself when the notes window\'s state was lost before it listened', () => {
    const { deck, becomeReady } = fakeDeck();
    stepAheadUnlessTold(deck, new EventTarget());
    becomeReady();
    expect(deck.steps).toBe(1);
  });

  it('leaves it to the notes window when its state came: no second step', () => {
    const { deck, becomeReady } = fakeDeck();
    const messages = new EventTarget();
    stepAheadUnlessTold(deck, messages);
    post(messages, JSON.stringify({ method: 'setState', args: [{ indexh: 3, indexv: 0 }] }));
    becomeReady();
    expect(deck.steps).toBe(0);
  });

  it('is not told by other messages', () => {
    const { deck, becomeReady } = fakeDeck();
    const messages = new EventTarget();
    stepAheadUnlessTold(deck, messages);
    post(messages, JSON.stringify({ namespace: 'reveal', eventName: 'ready' }));
    post(messages, { method: 'setState' });
    becomeReady();
    expect(deck.steps).toBe(1);
  });
});
