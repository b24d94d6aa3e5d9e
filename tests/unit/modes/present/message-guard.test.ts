/**
 * The deck obeys postMessage only from its own origin (src/modes/present/runtime/message-guard.ts):
 * a message from another origin never reaches reveal's API or its notes plugin.
 */
import { expect, it } from 'vitest';
import { acceptMessagesOnlyFrom } from '../../../../src/modes/present/runtime/message-guard';

const command = JSON.stringify({ method: 'slide', args: [3] });

it("lets the deck's own origin through and stops every other, before listeners added later see it", () => {
  const target = new EventTarget();
  acceptMessagesOnlyFrom(target, 'https://course.example');
  const seen: string[] = [];
  // Like reveal.js: a plain listener added after the guard.
  target.addEventListener('message', (e) => seen.push((e as MessageEvent).origin));
  for (const origin of ['https://course.example', 'https://evil.example', 'null', 'https://course.example:8443'])
    target.dispatchEvent(new MessageEvent('message', { data: command, origin }));
  expect(seen).toEqual(['https://course.example']);
});

it('lets a presenter origin the course names through too, and still no other', () => {
  const target = new EventTarget();
  acceptMessagesOnlyFrom(target, 'https://course.example', 'https://console.example');
  const seen: string[] = [];
  target.addEventListener('message', (e) => seen.push((e as MessageEvent).origin));
  for (const origin of ['https://console.example', 'https://evil.example', 'https://course.example', 'http://console.example'])
    target.dispatchEvent(new MessageEvent('message', { data: command, origin }));
  expect(seen).toEqual(['https://console.example', 'https://course.example']);
});
