/**
 * The live-answers server of `npm run present -- --live`: the built site
 * over HTTP and one WebSocket endpoint (`/live`, the `ws` package) on the
 * presenter's machine. No account, no cookie, no log of who answered,
 * nothing written to disk, nothing fetched from anywhere: it works on a LAN
 * or a phone's hotspot with no internet.
 *
 * - Loopback (127.0.0.1) serves the whole site, the deck included.
 * - Each network interface the command was asked for serves only what a
 *   phone needs: the audience page (src/modes/audience), its assets and the
 *   socket. Nothing listens on an interface that was not printed.
 * - The presenter's deck proves itself with the key in the URL the command
 *   prints (`present.html?live=<key>`); a phone needs the room code shown
 *   on the slides (or in the QR code's link). A wrong key or code is refused
 *   and the socket closed.
 * - Each question takes one answer per device (the phone's random id, and a
 *   second check per connection), only while it is on screen and its answer
 *   not yet shown; the presenter's deck gets the new counts at once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { renderSVG } from 'uqr';
import { WebSocketServer, type WebSocket } from 'ws';
import { AUDIENCE_PAGE, parseToServer, SOCKET_PATH, type ToClient } from '../../modes/audience/protocol.ts';
import { staticHandler } from '../serve.ts';
import { ListenError, listenErrorMessage } from '../shared/listen.ts';
import { Room } from './room.ts';

/** Most phones one room takes (a lecture hall), so a runaway script cannot exhaust the presenter's laptop. */
export const MAX_AUDIENCE = 500;
/** Largest message a client may send (a vote or a slide's text). */
const MAX_MESSAGE = 64 * 1024;

export interface LiveServerOptions {
  /** The built site. */
  dir: string;
  port: number;
  /** Network addresses to serve phones on, besides loopback (none: the room is on this machine only). */
  hosts: readonly string[];
  room?: Room;
}

export interface LiveServer {
  port: number;
  room: Room;
  /** The deck on this machine, with the presenter's key. */
  deckUrl: string;
  /** The phones' page on each served address (loopback last), the room code in its fragment. */
  audienceUrls: string[];
  /** The first of them: printed as `Audience:`, shown on the slides and in the QR code. */
  audienceUrl: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/** Paths a phone on the network may fetch: the audience page and the build's assets. */
export function servedOnNetwork(pathname: string): boolean {
  return pathname === '/' || pathname === `/${AUDIENCE_PAGE}` || pathname === '/favicon.svg' || /^\/_astro\/[\w.-]+$/.test(pathname);
}

const hostPart = (host: string) => (host.includes(':') ? `[${host}]` : host);
export const audienceUrlFor = (host: string, port: number, room: string) => `http://${hostPart(host)}:${port}/${AUDIENCE_PAGE}#room=${room}`;
/** What a slide shows to type: on the network the address alone (its root leads to the phones' page), on loopback the page. */
export const audienceTextFor = (host: string, port: number) => (host === LOOPBACK ? `${host}:${port}/${AUDIENCE_PAGE}` : `${hostPart(host)}:${port}`);

function send(socket: WebSocket, message: ToClient): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(new ListenError(listenErrorMessage(error, { port, host, command: 'npm run present -- --live' }), error.code));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startLiveServer({ dir, port, hosts, room = new Room() }: LiveServerOptions): Promise<LiveServer> {
  const files = staticHandler({ dir, base: '/' });
  const handler = (network: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (network && !servedOnNetwork(pathname)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    if (network && pathname === '/') {
      res.writeHead(302, { location: `/${AUDIENCE_PAGE}`, 'cache-control': 'no-cache' });
      res.end();
      return;
    }
    files(req, res);
  };

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  const presenters = new Set<WebSocket>();
  const audience = new Set<WebSocket>();
  const devices = new WeakMap<WebSocket, { device: string; voted: Set<string> }>();

  const stateFor = (socket: WebSocket): ToClient => {
    const { slide, poll, open } = room.shown;
    const device = devices.get(socket)?.device ?? '';
    return { t: 'state', slide, poll, open, answered: poll ? room.hasAnswered(poll.id, device) : false };
  };
  const toPresenters = (message: ToClient) => {
    for (const p of presenters) send(p, message);
  };
  const audienceCount = () => toPresenters({ t: 'audience', connected: audience.size });

  let audienceUrls: string[] = [];
  let audienceText = '';

  sockets.on('connection', (socket: WebSocket) => {
    let role: 'presenter' | 'audience' | undefined;
    const refuse = (reason: 'room' | 'key' | 'protocol' | 'full') => {
      send(socket, { t: 'refused', reason });
      socket.close(4000 + ['room', 'key', 'protocol', 'full'].indexOf(reason), reason);
    };
    socket.on('message', (data, isBinary) => {
      const message = isBinary ? null : parseToServer(data.toString());
      // Before a hello, anything unknown ends the connection; after it, an odd message is dropped (a deck mid-talk is not cut off).
      if (!message) return role ? undefined : refuse('protocol');
      if (message.t === 'hello') {
        if (role) return refuse('protocol');
        if (message.role === 'presenter') {
          if (message.key !== room.presenterKey) return refuse('key');
          role = 'presenter';
          presenters.add(socket);
          const url = audienceUrls[0] ?? '';
          send(socket, { t: 'welcome', role: 'presenter', room: room.code, audienceUrl: url, audienceText, qrSvg: renderSVG(url, { border: 2, ecc: 'M' }) });
          send(socket, { t: 'audience', connected: audience.size });
          const poll = room.shown.poll;
          if (poll) send(socket, { t: 'tally', ...room.tally(poll.id) });
          return;
        }
        if (!room.admits(message.room)) return refuse('room');
        if (audience.size >= MAX_AUDIENCE) return refuse('full');
        role = 'audience';
        audience.add(socket);
        devices.set(socket, { device: message.device, voted: new Set() });
        send(socket, { t: 'welcome', role: 'audience' });
        send(socket, stateFor(socket));
        audienceCount();
        return;
      }
      if (role === 'presenter' && message.t === 'slide') {
        room.show({ slide: message.slide, poll: message.poll, open: message.open });
        for (const a of audience) send(a, stateFor(a));
        if (message.poll) toPresenters({ t: 'tally', ...room.tally(message.poll.id) });
        return;
      }
      if (role === 'audience' && message.t === 'vote') {
        const me = devices.get(socket);
        if (!me) return refuse('protocol');
        const result = room.vote(me.device, message.poll, message.answer, me.voted.has(message.poll));
        if (result === 'accepted') me.voted.add(message.poll);
        send(socket, { t: 'vote-result', poll: message.poll, result });
        if (result === 'accepted') toPresenters({ t: 'tally', ...room.tally(message.poll) });
        return;
      }
      if (!role) refuse('protocol');
    });
    socket.on('close', () => {
      presenters.delete(socket);
      if (audience.delete(socket)) audienceCount();
    });
    socket.on('error', () => socket.terminate());
  });

  const upgrade = (req: IncomingMessage, stream: Duplex, head: Buffer) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!pathname.endsWith(`/${SOCKET_PATH}`)) {
      stream.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, stream, head, (socket) => sockets.emit('connection', socket, req));
  };

  const servers: Server[] = [];
  const open = async (host: string, network: boolean, wanted: number) => {
    const server = createServer(handler(network));
    server.on('upgrade', upgrade);
    const bound = await listenOn(server, wanted, host);
    servers.push(server);
    return bound;
  };
  let bound: number;
  try {
    bound = await open(LOOPBACK, false, port);
    for (const host of hosts) if (host !== LOOPBACK) await open(host, true, bound);
  } catch (error) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    throw error;
  }
  const served = [...hosts.filter((h) => h !== LOOPBACK), LOOPBACK];
  audienceUrls = served.map((h) => audienceUrlFor(h, bound, room.code));
  audienceText = audienceTextFor(served[0] ?? LOOPBACK, bound);

  return {
    port: bound,
    room,
    deckUrl: `http://${LOOPBACK}:${bound}/present.html?live=${room.presenterKey}`,
    audienceUrls,
    audienceUrl: audienceUrls[0] ?? '',
    close: async () => {
      for (const s of sockets.clients) s.terminate();
      sockets.close();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}
