/**
 * The live-answers server (src/cli/live/server.ts) in this process, with real
 * WebSockets: who may join, one answer per device, the tally sent to the
 * presenter, and what the network (as opposed to loopback) is served.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Room } from '../../../src/cli/live/room.ts';
import { servedOnNetwork, startLiveServer, type LiveServer } from '../../../src/cli/live/server.ts';
import type { AudiencePoll, ToClient } from '../../../src/modes/audience/protocol.ts';
import { rawRequest, spacedTempDir, writeTree } from './helpers.ts';

const work = spacedTempDir('live');
const site = join(work, 'site');
const poll: AudiencePoll = { id: 'q1', kind: 'one', prompt: 'Which?', instruction: 'Pick one', choices: [{ key: 'A', text: 'a' }, { key: 'B', text: 'b' }] };
let live: LiveServer;
/** A second loopback address stands for a network interface (Linux answers on all of 127/8). */
const NETWORK = '127.0.0.2';

interface Client {
  ws: WebSocket;
  next(t: ToClient['t']): Promise<ToClient>;
  send(m: unknown): void;
  closed: Promise<number>;
}

function client(host = '127.0.0.1'): Promise<Client> {
  const ws = new WebSocket(`ws://${host}:${live.port}/live`);
  const inbox: ToClient[] = [];
  const waiting: Array<{ t: string; resolve: (m: ToClient) => void }> = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as ToClient;
    const i = waiting.findIndex((w) => w.t === m.t);
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(m);
    else inbox.push(m);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        ws,
        closed,
        send: (m) => ws.send(JSON.stringify(m)),
        next: (t) => {
          const i = inbox.findIndex((m) => m.t === t);
          if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]!);
          return new Promise((r) => waiting.push({ t, resolve: r }));
        },
      }),
    );
  });
}

beforeAll(async () => {
  writeTree(site, { 'present.html': '<!doctype html><title>deck</title>', 'audience.html': '<!doctype html><title>phones</title>', '_astro/a.js': 'x', 'packages/c.zip': 'zip' });
  live = await startLiveServer({ dir: site, port: 0, hosts: [NETWORK], room: new Room('K7QF', 'secret') });
});
afterAll(async () => {
  await live.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the live server', () => {
  it('prints the audience URL on the network address first, the room code in it', () => {
    expect(live.audienceUrl).toBe(`http://${NETWORK}:${live.port}/audience.html#room=K7QF`);
    expect(live.deckUrl).toBe(`http://127.0.0.1:${live.port}/present.html?live=secret`);
  });

  it('serves the whole site on loopback, and on the network only what a phone needs', async () => {
    expect((await rawRequest(live.port, '/present.html')).status).toBe(200);
    const onNetwork = async (path: string) => (await fetch(`http://${NETWORK}:${live.port}${path}`, { redirect: 'manual' })).status;
    expect(await onNetwork('/audience.html')).toBe(200);
    expect(await onNetwork('/_astro/a.js')).toBe(200);
    expect(await onNetwork('/')).toBe(302);
    expect(await onNetwork('/present.html')).toBe(404);
    expect(await onNetwork('/packages/c.zip')).toBe(404);
    expect(servedOnNetwork('/_astro/../present.html')).toBe(false);
  });

  it('refuses a deck without the key and a phone without the room code', async () => {
    const deck = await client();
    deck.send({ t: 'hello', role: 'presenter', key: 'guess' });
    expect(await deck.next('refused')).toEqual({ t: 'refused', reason: 'key' });
    expect(await deck.closed).toBe(4001);
    const phone = await client(NETWORK);
    phone.send({ t: 'hello', role: 'audience', room: 'AAAA', device: 'p' });
    expect(await phone.next('refused')).toEqual({ t: 'refused', reason: 'room' });
    expect(await phone.closed).toBe(4000);
  });

  it('relays the question, takes one answer per device and sends the presenter the tally', async () => {
    const deck = await client();
    deck.send({ t: 'hello', role: 'presenter', key: 'secret' });
    const welcome = await deck.next('welcome');
    // The slides show the network address alone to type (its root leads to the phones' page); the QR code carries the link with the code.
    expect(welcome).toMatchObject({ role: 'presenter', room: 'K7QF', audienceUrl: live.audienceUrl, audienceText: `${NETWORK}:${live.port}` });
    expect(welcome.t === 'welcome' && welcome.role === 'presenter' && welcome.qrSvg).toMatch(/^<svg /);

    const a = await client(NETWORK);
    const b = await client(NETWORK);
    a.send({ t: 'hello', role: 'audience', room: 'k7qf', device: 'phone-a' });
    b.send({ t: 'hello', role: 'audience', room: 'K7QF', device: 'phone-b' });
    await a.next('welcome');
    await b.next('welcome');
    await a.next('state');
    await b.next('state');

    deck.send({ t: 'slide', slide: { title: 'Check', text: ['Which?'] }, poll, open: true });
    expect(await a.next('state')).toMatchObject({ poll: { id: 'q1' }, open: true, answered: false, slide: { title: 'Check' } });
    await b.next('state');

    a.send({ t: 'vote', poll: 'q1', answer: ['A'] });
    expect(await a.next('vote-result')).toEqual({ t: 'vote-result', poll: 'q1', result: 'accepted' });
    b.send({ t: 'vote', poll: 'q1', answer: ['B'] });
    expect(await b.next('vote-result')).toMatchObject({ result: 'accepted' });
    let tally = await deck.next('tally');
    while (tally.t === 'tally' && tally.total < 2) tally = await deck.next('tally');
    expect(tally).toEqual({ t: 'tally', poll: 'q1', total: 2, counts: { A: 1, B: 1 } });

    // A second answer from the same phone is refused, and so is one from a new id on the same connection.
    a.send({ t: 'vote', poll: 'q1', answer: ['B'] });
    expect(await a.next('vote-result')).toMatchObject({ result: 'duplicate' });
    const again = await client(NETWORK);
    again.send({ t: 'hello', role: 'audience', room: 'K7QF', device: 'phone-a' });
    expect(await again.next('state')).toMatchObject({ answered: true });
    again.send({ t: 'vote', poll: 'q1', answer: ['B'] });
    expect(await again.next('vote-result')).toMatchObject({ result: 'duplicate' });

    // The answer is shown: voting closes.
    deck.send({ t: 'slide', slide: null, poll, open: false });
    await b.next('state');
    const c = await client(NETWORK);
    c.send({ t: 'hello', role: 'audience', room: 'K7QF', device: 'phone-c' });
    await c.next('state');
    c.send({ t: 'vote', poll: 'q1', answer: ['A'] });
    expect(await c.next('vote-result')).toMatchObject({ result: 'closed' });
    for (const x of [deck, a, b, again, c]) x.ws.close();
  });

  it('closes a socket that sends what the protocol does not know', async () => {
    const x = await client();
    x.ws.send('not json');
    expect(await x.next('refused')).toEqual({ t: 'refused', reason: 'protocol' });
    const y = await client(NETWORK);
    y.send({ t: 'vote', poll: 'q1', answer: ['A'] }); // before saying hello
    expect(await y.next('refused')).toEqual({ t: 'refused', reason: 'protocol' });
  });

  it('drops an odd message from a deck already in, without cutting it off', async () => {
    const deck = await client();
    deck.send({ t: 'hello', role: 'presenter', key: 'secret' });
    await deck.next('welcome');
    deck.send({ t: 'slide', slide: { title: 'x'.repeat(5000), text: [] }, poll: null, open: false });
    deck.send({ t: 'slide', slide: null, poll, open: true });
    expect(await deck.next('tally')).toMatchObject({ poll: 'q1' });
    expect(deck.ws.readyState).toBe(WebSocket.OPEN);
    deck.ws.close();
  });
});
